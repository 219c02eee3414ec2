/**
 * The demonstration sign-in accounts made by prisma/seed.ts. All share one password:
 * DEMO_PASSWORD (default 'demo-password'). `npm start`, the README and the tests read this list.
 * Fictional people; e-mail addresses use the reserved .example domain.
 */
import type { Role } from '@/lib/generated/prisma/enums';

export const DEFAULT_DEMO_PASSWORD = 'demo-password';

/** Team codes made by the seed. */
export type DemoTeamCode = 'NORTH' | 'SOUTH' | 'EAST' | 'AMHP' | 'MHAO';

export interface DemoAccount {
  readonly email: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly roles: readonly Role[];
  /** The team the account belongs to, or null for trust-wide roles. */
  readonly team: DemoTeamCode | null;
  /** What to try when signed in as this person. */
  readonly description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'coordinator.north@cto-tracker.example',
    name: 'Priya Raman',
    jobTitle: 'Community Mental Health Nurse (care coordinator)',
    roles: ['CARE_COORDINATOR'],
    team: 'NORTH',
    description:
      "Care coordinator in the North team: her caseload, contacts and the team's deadlines.",
  },
  {
    email: 'coordinator.south@cto-tracker.example',
    name: 'Joanna Whitaker',
    jobTitle: 'Senior Social Worker (care coordinator)',
    roles: ['CARE_COORDINATOR'],
    team: 'SOUTH',
    description:
      'Care coordinator in the South team: social factors, contacts and rights information.',
  },
  {
    email: 'rc.north@cto-tracker.example',
    name: 'Dr Samuel Adeyinka',
    jobTitle: 'Consultant Psychiatrist (responsible clinician)',
    roles: ['RESPONSIBLE_CLINICIAN'],
    team: 'NORTH',
    description: 'Responsible clinician for the North team: extensions due, a live 72-hour recall.',
  },
  {
    email: 'rc.south@cto-tracker.example',
    name: 'Dr Eleanor Firth',
    jobTitle: 'Consultant Psychiatrist (responsible clinician)',
    roles: ['RESPONSIBLE_CLINICIAN'],
    team: 'SOUTH',
    description:
      'Responsible clinician for the South team: urgent extensions, a recall near its deadline.',
  },
  {
    email: 'amhp@cto-tracker.example',
    name: 'Ruth Okoye',
    jobTitle: 'Approved Mental Health Professional',
    roles: ['AMHP'],
    team: 'AMHP',
    description: 'AMHP: proposed orders waiting for her agreement.',
  },
  {
    email: 'mha.office@cto-tracker.example',
    name: 'Gareth Pryce',
    jobTitle: 'Mental Health Act Administrator',
    roles: ['MHA_ADMINISTRATOR'],
    team: 'MHAO',
    description:
      'MHA office: every order in the trust, form scrutiny, tribunal reports and references.',
  },
  {
    email: 'manager@cto-tracker.example',
    name: 'Helen Castellano',
    jobTitle: 'Associate Hospital Manager',
    roles: ['HOSPITAL_MANAGER'],
    team: null,
    description: "Hospital manager: extension reviews and managers' hearings.",
  },
  {
    email: 'auditor@cto-tracker.example',
    name: 'Nadia Farouk',
    jobTitle: 'Information Governance and Privacy Officer',
    roles: ['AUDITOR'],
    team: null,
    description: 'Privacy officer: the audit trail and break-glass reviews.',
  },
  {
    email: 'admin@cto-tracker.example',
    name: 'Owen Treharne',
    jobTitle: 'Clinical Systems Administrator',
    roles: ['SYSTEM_ADMINISTRATOR'],
    team: null,
    description: 'System administrator: users, roles and teams.',
  },
  {
    // A role that reads patient data (or gives roles) takes effect only when a second
    // administrator approves it (docs/decisions/612-two-administrators-for-a-role.md).
    email: 'admin2@cto-tracker.example',
    name: 'Bethan Lloyd',
    jobTitle: 'Clinical Systems Administrator',
    roles: ['SYSTEM_ADMINISTRATOR'],
    team: null,
    description: 'Second system administrator: approves or refuses roles the first one asks for.',
  },
];
