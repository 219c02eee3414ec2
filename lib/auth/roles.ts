// Roles (pure). The values are the Prisma enum's and lib/cto's.
export const ROLES = [
  'CARE_COORDINATOR',
  'RESPONSIBLE_CLINICIAN',
  'AMHP',
  'MHA_ADMINISTRATOR',
  'HOSPITAL_MANAGER',
  'AUDITOR',
  'SYSTEM_ADMINISTRATOR',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  CARE_COORDINATOR: 'Care coordinator',
  RESPONSIBLE_CLINICIAN: 'Responsible clinician',
  AMHP: 'Approved mental health professional',
  MHA_ADMINISTRATOR: 'Mental Health Act administrator',
  HOSPITAL_MANAGER: 'Hospital manager',
  AUDITOR: 'Privacy officer',
  SYSTEM_ADMINISTRATOR: 'System administrator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
