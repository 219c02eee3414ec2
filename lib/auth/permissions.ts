// The permission table (pure): which role may do what, and over which patients.
// Grants are `verb:entity:scope`. Scopes, narrowest first:
//   requested - patients for whom this AMHP's agreement has been asked
//   team      - patients assigned to the user, or held by one of the user's teams
//   trust     - every patient of the trust
//   none      - no patient data (administration, the audit trail itself)
// The database query applies the scope (lib/server/scope.ts): never load-then-check.
import type { Role } from './roles';

export const SCOPES = ['requested', 'team', 'trust', 'none'] as const;
export type Scope = (typeof SCOPES)[number];

export const ACTIONS = [
  'read:patient',
  'create:patient',
  'update:patient',
  'read:order',
  'propose:order',
  'request:amhp-agreement',
  'record:amhp-agreement',
  'make:order',
  'vary:condition',
  'record:extension-step',
  'furnish:cto7',
  'receive:cto7',
  'review:extension',
  'record:recall',
  'record:detention',
  'record:transfer',
  'record:release',
  'record:revocation',
  'record:discharge-rc',
  'record:discharge-managers',
  'receive:nr-discharge-order',
  'record:barring-report',
  'record:discharge-tribunal',
  'record:awol',
  'record:assignment',
  'record:certificate',
  'record:rights-information',
  'record:death',
  'scrutinise:form',
  'override:date',
  'mark:entered-in-error',
  'record:social-assessment',
  'record:contact',
  'record:quality-of-life',
  'manage:tribunal',
  'write:tribunal-document',
  'manage:managers-hearing',
  'generate:document',
  'read:patient-audit',
  'request:break-glass',
  'read:audit',
  'review:break-glass',
  'administer:user',
  'read:statistics',
  'import:register',
  'read:register',
  // Issue 8: the trust-wide work queue (GET /api/v1/work-items?scope=trust, the MHA office's `/`).
  'read:work-queue',
  'read:inbox',
  'administer:notifications',
  'upload:statistics-population',
  // Issue 8: how often the patient should be seen on this order (decision 824).
  'set:contact-frequency',
] as const;
export type Action = (typeof ACTIONS)[number];
export type Grant = `${Action}:${Scope}`;

const CLINICAL_READ: readonly Grant[] = ['read:patient:team', 'read:order:team'];

// Break-glass (docs/decisions/201-break-glass.md): the 'trust' scope lets a clinician find a
// patient outside their list by exact NHS number ONLY to open a time-boxed, audited grant; it
// reads nothing else. Roles that already read the whole trust do not need it.
const BREAK_GLASS: Grant = 'request:break-glass:trust';

// Everyone's own notifications and email choice (issue 8 §3): no patient data, scope 'none'.
const INBOX: Grant = 'read:inbox:none';

export const GRANTS: Record<Role, readonly Grant[]> = {
  CARE_COORDINATOR: [
    ...CLINICAL_READ,
    // Issue 10: care coordinators correct and change their team's patients' details, but do not
    // register patients (docs/decisions/742-who-registers-and-edits-patients.md).
    'update:patient:team',
    'record:awol:team',
    'record:rights-information:team',
    'record:death:team',
    'record:social-assessment:team',
    'record:contact:team',
    'set:contact-frequency:team',
    'write:tribunal-document:team',
    'record:quality-of-life:team',
    'generate:document:team',
    BREAK_GLASS,
    INBOX,
  ],
  // Responsible and approved clinicians: only they make, renew, recall, revoke and discharge.
  RESPONSIBLE_CLINICIAN: [
    ...CLINICAL_READ,
    'propose:order:team',
    'request:amhp-agreement:team',
    'make:order:team',
    'vary:condition:team',
    'record:extension-step:team',
    'furnish:cto7:team',
    'record:recall:team',
    'record:detention:team',
    'record:release:team',
    'record:revocation:team',
    'record:discharge-rc:team',
    'record:barring-report:team',
    'record:awol:team',
    'record:certificate:team',
    'record:rights-information:team',
    'record:death:team',
    'record:social-assessment:team',
    'record:contact:team',
    'set:contact-frequency:team',
    'write:tribunal-document:team',
    'generate:document:team',
    // Statistics of their own teams' orders, published (decision 761).
    'read:statistics:team',
    BREAK_GLASS,
    INBOX,
  ],
  // AMHPs: only they agree or decline (s17A(4)(b), s20A(4)(b), s17F(4)(b)).
  AMHP: [
    'read:patient:requested',
    'read:order:requested',
    'record:amhp-agreement:requested',
    'record:social-assessment:requested',
    BREAK_GLASS,
    INBOX,
  ],
  // The MHA office: the trust-wide register, receipt and scrutiny, dates, tribunals.
  MHA_ADMINISTRATOR: [
    'read:patient:trust',
    // Issue 10: only the MHA office registers patients (decision 742).
    'create:patient:trust',
    'update:patient:trust',
    'read:order:trust',
    'receive:cto7:trust',
    'review:extension:trust',
    'record:detention:trust',
    'record:transfer:trust',
    'record:discharge-managers:trust',
    'receive:nr-discharge-order:trust',
    'record:discharge-tribunal:trust',
    'record:awol:trust',
    'record:assignment:trust',
    'record:certificate:trust',
    'record:rights-information:trust',
    'record:death:trust',
    'scrutinise:form:trust',
    'override:date:trust',
    'mark:entered-in-error:trust',
    'manage:tribunal:trust',
    'write:tribunal-document:trust',
    'manage:managers-hearing:trust',
    'generate:document:trust',
    'read:patient-audit:trust',
    'read:statistics:trust',
    'import:register:trust',
    'read:register:trust',
    'read:work-queue:trust',
    INBOX,
    // The catchment population behind the statistics' rates (not patient data).
    'upload:statistics-population:none',
  ],
  HOSPITAL_MANAGER: [
    'read:patient:trust',
    'read:order:trust',
    'review:extension:trust',
    'record:discharge-managers:trust',
    'manage:managers-hearing:trust',
    'read:statistics:trust',
    INBOX,
  ],
  // Privacy officer: the audit trail and break-glass reviews; nothing clinical beyond
  // the identifiers an audit needs.
  AUDITOR: ['read:audit:none', 'read:patient-audit:trust', 'review:break-glass:none', INBOX],
  // Failed emails and stuck outbox items (/admin/notifications): identifiers only.
  SYSTEM_ADMINISTRATOR: ['administer:user:none', 'administer:notifications:none', INBOX],
};

const SCOPE_RANK: Record<Scope, number> = { none: 0, requested: 1, team: 2, trust: 3 };

/** The broadest scope in which any of these roles may do the action, or null. */
export function scopeFor(roles: readonly Role[], action: Action): Scope | null {
  let best: Scope | null = null;
  for (const role of roles) {
    for (const grant of GRANTS[role]) {
      const scope = grant.slice(action.length + 1) as Scope;
      if (
        grant.startsWith(`${action}:`) &&
        (best === null || SCOPE_RANK[scope] > SCOPE_RANK[best])
      ) {
        best = scope;
      }
    }
  }
  return best;
}

export function can(roles: readonly Role[], action: Action): boolean {
  return scopeFor(roles, action) !== null;
}

/** Roles that may do an action (for messages such as "only a responsible clinician can ..."). */
export function rolesFor(action: Action): Role[] {
  return (Object.keys(GRANTS) as Role[]).filter((role) =>
    GRANTS[role].some((grant) => grant.startsWith(`${action}:`)),
  );
}

/**
 * Whether giving someone this role needs a second system administrator's approval (issue 12,
 * part 4; docs/decisions/612-two-administrators-for-a-role.md): a role that reads any patient
 * data (a grant at any scope but 'none'; the privacy officer's audit trail names patients), or
 * one that administers users and so could approve such grants itself. Such a role is never
 * given to oneself.
 */
export function roleNeedsApproval(role: Role): boolean {
  return GRANTS[role].some(
    (grant) => !grant.endsWith(':none') || grant.startsWith('administer:user:'),
  );
}
