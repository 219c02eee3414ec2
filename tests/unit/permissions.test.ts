// The permission table's key facts, written out by hand (issue 4, part 1): if someone edits
// the table, these say which legal or governance rule they are about to change.
import { describe, expect, it } from 'vitest';
import { ACTIONS, GRANTS, can, rolesFor, scopeFor, type Action } from '@/lib/auth/permissions';
import { ROLES, type Role } from '@/lib/auth/roles';
import { menuFor, startPageFor } from '@/lib/auth/navigation';

const only = (action: Action) => rolesFor(action).sort();

describe('statutory acts belong to one profession', () => {
  it.each<[Action, Role[]]>([
    ['record:recall', ['RESPONSIBLE_CLINICIAN']], // s17E
    ['record:revocation', ['RESPONSIBLE_CLINICIAN']], // s17F(4)
    ['furnish:cto7', ['RESPONSIBLE_CLINICIAN']], // s20A(4)
    ['make:order', ['RESPONSIBLE_CLINICIAN']], // s17A
    ['record:discharge-rc', ['RESPONSIBLE_CLINICIAN']], // s23
    ['record:amhp-agreement', ['AMHP']], // s17A(4)(b), s20A(4)(b), s17F(4)(b)
    ['scrutinise:form', ['MHA_ADMINISTRATOR']],
    ['override:date', ['MHA_ADMINISTRATOR']],
    ['mark:entered-in-error', ['MHA_ADMINISTRATOR']],
    ['receive:cto7', ['MHA_ADMINISTRATOR']],
    ['import:register', ['MHA_ADMINISTRATOR']],
    ['administer:user', ['SYSTEM_ADMINISTRATOR']],
    ['read:audit', ['AUDITOR']],
    ['review:break-glass', ['AUDITOR']],
  ])('only %s: %j', (action, roles) => {
    expect(only(action)).toEqual([...roles].sort());
  });

  it('hospital managers and the MHA office discharge as managers (s23(4))', () => {
    expect(only('record:discharge-managers')).toEqual(['HOSPITAL_MANAGER', 'MHA_ADMINISTRATOR']);
  });
});

describe('the privacy officer (auditor)', () => {
  it('reads the audit trail and a patient’s access history, and nothing clinical', () => {
    expect(can(['AUDITOR'], 'read:audit')).toBe(true);
    expect(scopeFor(['AUDITOR'], 'read:patient-audit')).toBe('trust');
    expect(can(['AUDITOR'], 'read:patient')).toBe(false);
    expect(can(['AUDITOR'], 'read:order')).toBe(false);
    expect(can(['AUDITOR'], 'request:break-glass')).toBe(false);
    const clinical = ACTIONS.filter((a) =>
      /^(record|make|propose|vary|furnish|receive|generate|scrutinise|override|mark|manage|create|update):/.test(
        a,
      ),
    );
    expect(clinical.length).toBeGreaterThan(20);
    for (const action of clinical) expect(can(['AUDITOR'], action), action).toBe(false);
  });
});

describe('the system administrator', () => {
  it('administers users and sees no patient data at all', () => {
    expect(GRANTS.SYSTEM_ADMINISTRATOR).toEqual([
      'administer:user:none',
      'administer:notifications:none',
      'read:inbox:none',
    ]);
    expect(can(['SYSTEM_ADMINISTRATOR'], 'read:patient')).toBe(false);
    expect(can(['SYSTEM_ADMINISTRATOR'], 'read:audit')).toBe(false);
  });
});

describe('legitimate relationships (scopes)', () => {
  it.each<[Role, ReturnType<typeof scopeFor>]>([
    ['CARE_COORDINATOR', 'team'],
    ['RESPONSIBLE_CLINICIAN', 'team'],
    ['AMHP', 'requested'],
    ['MHA_ADMINISTRATOR', 'trust'],
    ['HOSPITAL_MANAGER', 'trust'],
    ['AUDITOR', null],
    ['SYSTEM_ADMINISTRATOR', null],
  ])('%s reads patients in scope %s', (role, scope) => {
    expect(scopeFor([role], 'read:patient')).toBe(scope);
  });

  it('takes the broadest scope of several roles', () => {
    expect(scopeFor(['AMHP', 'CARE_COORDINATOR'], 'read:patient')).toBe('team');
    expect(scopeFor(['CARE_COORDINATOR', 'MHA_ADMINISTRATOR'], 'read:patient')).toBe('trust');
    expect(scopeFor([], 'read:patient')).toBeNull();
  });

  it('the care coordinator and the RC set how often their patients are seen (decision 824)', () => {
    expect(only('set:contact-frequency')).toEqual(['CARE_COORDINATOR', 'RESPONSIBLE_CLINICIAN']);
    expect(scopeFor(['CARE_COORDINATOR'], 'set:contact-frequency')).toBe('team');
    expect(scopeFor(['RESPONSIBLE_CLINICIAN'], 'set:contact-frequency')).toBe('team');
  });

  it('the MHA office and privacy officers see who viewed a record; clinicians do not', () => {
    expect(only('read:patient-audit')).toEqual(['AUDITOR', 'MHA_ADMINISTRATOR']);
  });
});

describe('break-glass', () => {
  it('is for clinicians whose scope is narrower than the trust', () => {
    expect(only('request:break-glass')).toEqual([
      'AMHP',
      'CARE_COORDINATOR',
      'RESPONSIBLE_CLINICIAN',
    ]);
    for (const role of rolesFor('request:break-glass')) {
      expect(scopeFor([role], 'request:break-glass')).toBe('trust');
      expect(scopeFor([role], 'read:patient')).not.toBe('trust');
    }
  });
});

describe('the table itself', () => {
  it('names only known actions and scopes, without duplicates', () => {
    for (const role of ROLES) {
      const grants = GRANTS[role];
      expect(new Set(grants).size, role).toBe(grants.length);
      for (const grant of grants) {
        const scope = grant.split(':').at(-1);
        const action = grant.slice(0, grant.length - (scope?.length ?? 0) - 1);
        expect(ACTIONS, grant).toContain(action);
        expect(['requested', 'team', 'trust', 'none'], grant).toContain(scope);
      }
    }
  });

  it('every action is granted to someone', () => {
    for (const action of ACTIONS) expect(rolesFor(action).length, action).toBeGreaterThan(0);
  });
});

describe('start pages', () => {
  it.each<[Role, string]>([
    // Issue 8: `/` is the dashboard of everyone with patient work but the AMHP.
    ['CARE_COORDINATOR', '/'],
    ['RESPONSIBLE_CLINICIAN', '/'],
    ['HOSPITAL_MANAGER', '/'],
    ['AMHP', '/agreements'],
    ['MHA_ADMINISTRATOR', '/'],
    ['AUDITOR', '/audit'],
    ['SYSTEM_ADMINISTRATOR', '/admin/users'],
  ])('%s starts at %s', (role, page) => {
    expect(startPageFor([role])).toBe(page);
  });

  it('offers the break-glass report to privacy officers', () => {
    expect(menuFor(['AUDITOR']).map((m) => m.href)).toContain('/audit/break-glass');
  });
});
