import type { CtoState } from '@/lib/generated/prisma/enums';

const LABELS: Record<CtoState, string> = {
  PROPOSED: 'Proposed',
  AGREED: 'AMHP agreed',
  DECLINED: 'Not made',
  AWAITING_EFFECT: 'Made, not yet in effect',
  ACTIVE: 'In force',
  RECALL_PENDING: 'Recall notice served',
  RECALLED: 'Recalled',
  AWOL: 'Absent without leave',
  REVOKED: 'Revoked',
  DISCHARGED: 'Discharged',
  EXPIRED: 'Expired',
  DIED: 'Died',
};

const COLOURS: Record<CtoState, string> = {
  PROPOSED: 'grey',
  AGREED: 'grey',
  DECLINED: 'grey',
  AWAITING_EFFECT: 'aqua-green',
  ACTIVE: 'green',
  RECALL_PENDING: 'orange',
  RECALLED: 'red',
  AWOL: 'red',
  REVOKED: 'purple',
  DISCHARGED: 'blue',
  EXPIRED: 'yellow',
  DIED: 'grey',
};

export function orderStateLabel(state: CtoState): string {
  return LABELS[state];
}

export function OrderStateTag({ state }: { state: CtoState }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${COLOURS[state]}`}>{LABELS[state]}</strong>;
}
