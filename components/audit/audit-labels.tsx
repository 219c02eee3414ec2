// Plain-English names for the audit trail's action codes. Unknown codes are shown as they are.
import { ROLE_LABELS, isRole } from '@/lib/auth/roles';
import type { AuditOutcome } from '@/lib/generated/prisma/enums';

const ACTIONS: Record<string, string> = {
  'auth.sign-in': 'Signed in',
  'auth.sign-out': 'Signed out',
  'patient.read': 'Viewed the record',
  'patient.list': 'Listed patients',
  'patient-audit.read': 'Viewed who has seen the record',
  'audit.search': 'Searched the audit trail',
  'break-glass.request': 'Opened emergency access',
  'break-glass.list': 'Viewed the emergency access report',
  'break-glass.read': 'Viewed an emergency access',
  'break-glass.review': 'Reviewed an emergency access',
  'user.create': 'Added a user',
  'user.role.grant': 'Gave a role',
  'user.role.request': 'Asked for a role for a user (waits for a second administrator)',
  'user.role.approve': 'Approved a role another administrator asked for',
  'user.role.refuse': 'Refused a role another administrator asked for',
  'user.role.decide': 'Decided a role request',
  'user.role.revoke': 'Removed a role',
  'user.team.move': 'Moved a user to another team',
  'user.deactivate': 'Deactivated a user',
  'user.reactivate': 'Reactivated a user',
  'user.unlock': 'Unlocked a user',
  // Refusals are recorded under the permission's name.
  'read:patient': 'Tried to see patients',
  'read:audit': 'Tried to read the audit trail',
  'read:patient-audit': 'Tried to see who has viewed a record',
  'review:break-glass': 'Tried to review emergency access',
  'administer:user': 'Tried to administer users',
};

export function actionLabel(action: string, outcome: AuditOutcome): string {
  if (action === 'auth.sign-in' && outcome !== 'SUCCESS') return 'Tried to sign in';
  if (action === 'user.role.grant' && outcome !== 'SUCCESS') return 'Tried to give a role';
  if (action === 'user.role.decide' && outcome !== 'SUCCESS')
    return 'Tried to decide a role request';
  const known = ACTIONS[action];
  if (known) return known;
  // Permission refusals are recorded under the permission's name, e.g. 'read:patient'.
  if (/^[a-z-]+:[a-z-]+$/.test(action))
    return `Tried to ${action.replace(':', ' ').replace(/-/g, ' ')}`;
  return action;
}

const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  SUCCESS: 'Success',
  FAILURE: 'Failed',
  DENIED: 'Denied',
};
const OUTCOME_COLOURS: Record<AuditOutcome, string> = {
  SUCCESS: 'green',
  FAILURE: 'orange',
  DENIED: 'red',
};

export function outcomeLabel(outcome: AuditOutcome): string {
  return OUTCOME_LABELS[outcome];
}

export function OutcomeTag({ outcome }: { outcome: AuditOutcome }) {
  return (
    <strong className={`nhsuk-tag nhsuk-tag--${OUTCOME_COLOURS[outcome]}`}>
      {OUTCOME_LABELS[outcome]}
    </strong>
  );
}

export function rolesLabel(roles: readonly string[]): string {
  if (roles.length === 0) return 'None';
  return roles.map((role) => (isRole(role) ? ROLE_LABELS[role] : role)).join(', ');
}
