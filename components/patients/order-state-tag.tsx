import type { CtoState } from '@/lib/generated/prisma/enums';

const STATE: Record<CtoState, { label: string; colour: string }> = {
  PROPOSED: { label: 'Proposed', colour: 'nhsuk-tag--grey' },
  AGREED: { label: 'AMHP agreed', colour: 'nhsuk-tag--grey' },
  DECLINED: { label: 'Not made', colour: 'nhsuk-tag--grey' },
  AWAITING_EFFECT: { label: 'Made, not yet in effect', colour: 'nhsuk-tag--aqua-green' },
  ACTIVE: { label: 'In force', colour: 'nhsuk-tag--green' },
  RECALL_PENDING: { label: 'Recall notice served', colour: 'nhsuk-tag--orange' },
  RECALLED: { label: 'Recalled', colour: 'nhsuk-tag--red' },
  AWOL: { label: 'Absent without leave', colour: 'nhsuk-tag--red' },
  REVOKED: { label: 'Revoked', colour: 'nhsuk-tag--purple' },
  DISCHARGED: { label: 'Discharged', colour: 'nhsuk-tag--blue' },
  EXPIRED: { label: 'Expired', colour: 'nhsuk-tag--yellow' },
  DIED: { label: 'Died', colour: 'nhsuk-tag--grey' },
};

export function orderStateLabel(state: CtoState): string {
  return STATE[state].label;
}

export function OrderStateTag({ state }: { state: CtoState }) {
  return <strong className={`nhsuk-tag ${STATE[state].colour}`}>{STATE[state].label}</strong>;
}
