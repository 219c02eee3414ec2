import 'server-only';
// The choices in the register's filter: teams, hospitals, responsible clinicians and care
// coordinators (names of staff, not patient data).
import { db } from '@/lib/server/db';
import type { QueryContext } from './access';

export interface RegisterOptions {
  teams: { id: string; name: string }[];
  hospitals: { id: string; name: string }[];
  clinicians: { id: string; name: string }[];
  coordinators: { id: string; name: string }[];
}

export async function registerOptions(ctx: QueryContext): Promise<RegisterOptions> {
  const client = ctx.client ?? db;
  const staff = (role: 'RESPONSIBLE_CLINICIAN' | 'CARE_COORDINATOR') =>
    client.user.findMany({
      where: { active: true, roles: { some: { role, revokedAt: null } } },
      select: { id: true, name: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
  const [teams, hospitals, clinicians, coordinators] = await Promise.all([
    client.team.findMany({
      where: { active: true, kind: 'COMMUNITY' },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    client.hospital.findMany({
      where: { active: true },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    staff('RESPONSIBLE_CLINICIAN'),
    staff('CARE_COORDINATOR'),
  ]);
  return { teams, hospitals, clinicians, coordinators };
}
