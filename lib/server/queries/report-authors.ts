import 'server-only';
// Who may be named as a tribunal document's author (issue 9 §1): an active user holding a
// clinical role (a responsible clinician for the RC's report) who is in the patient's current
// team or assigned to the patient. One where clause, for the choice on the page and the check in
// the service.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/server/db';

export function possibleAuthorsWhere(
  patient: { id: string; currentTeamId: string | null },
  kind: string,
): Prisma.UserWhereInput {
  const roles: ('RESPONSIBLE_CLINICIAN' | 'CARE_COORDINATOR')[] =
    kind === 'RC_REPORT'
      ? ['RESPONSIBLE_CLINICIAN']
      : ['RESPONSIBLE_CLINICIAN', 'CARE_COORDINATOR'];
  return {
    active: true,
    roles: { some: { role: { in: roles }, revokedAt: null } },
    OR: [
      ...(patient.currentTeamId
        ? [{ memberships: { some: { teamId: patient.currentTeamId, endedOn: null } } }]
        : []),
      { staffAssignments: { some: { patientId: patient.id, endedOn: null } } },
    ],
  };
}

/** The people the MHA office may choose from, by name. */
export async function possibleAuthors(
  client: Db | Tx,
  patient: { id: string; currentTeamId: string | null },
  kind: string,
): Promise<{ value: string; label: string }[]> {
  const users = await client.user.findMany({
    where: possibleAuthorsWhere(patient, kind),
    select: { id: true, name: true, jobTitle: true },
    orderBy: { name: 'asc' },
    take: 200,
  });
  return users.map((u) => ({
    value: u.id,
    label: u.jobTitle ? `${u.name}, ${u.jobTitle}` : u.name,
  }));
}
