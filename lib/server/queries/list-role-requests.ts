import 'server-only';
// Roles asked for by one system administrator and approved or refused by another
// (docs/decisions/612-two-administrators-for-a-role.md). Seen by system administrators (to
// decide them) and by the privacy officer (to oversee them). Names and roles only, no patient
// data, so no read audit (as list-users.ts); a refusal is audited (require-permission.ts).
import { z } from 'zod';
import { can } from '@/lib/auth/permissions';
import { isRole, type Role } from '@/lib/auth/roles';
import { db } from '@/lib/server/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { QueryContext } from './access';
import { requirePermission } from './require-permission';

export const ROLE_REQUEST_STATUSES = ['PENDING', 'APPROVED', 'REFUSED'] as const;
export type RoleRequestStatus = (typeof ROLE_REQUEST_STATUSES)[number];

export const roleRequestQuerySchema = z.object({
  status: z.enum(ROLE_REQUEST_STATUSES).optional().catch(undefined),
  userId: z.uuid().optional().catch(undefined),
});
export type RoleRequestQuery = z.infer<typeof roleRequestQuerySchema>;

export interface RoleRequestItem {
  id: string;
  role: Role;
  status: RoleRequestStatus;
  user: { id: string; name: string; email: string };
  requestedAt: Date;
  requestedBy: { id: string; name: string };
  decidedAt: Date | null;
  decidedBy: { id: string; name: string } | null;
}

export const ROLE_REQUESTS_LIMIT = 200;

export async function listRoleRequests(
  ctx: QueryContext,
  query: RoleRequestQuery = {},
): Promise<RoleRequestItem[]> {
  await requirePermission(
    ctx,
    can(ctx.actor.roles, 'administer:user') ? 'administer:user' : 'read:audit',
  );
  const client = ctx.client ?? db;
  const where: Prisma.RoleGrantRequestWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.userId ? { userId: query.userId } : {}),
  };
  const rows = await client.roleGrantRequest.findMany({
    where,
    // Open requests first, then the most recent decisions.
    orderBy: [{ status: 'asc' }, { requestedAt: 'desc' }, { id: 'desc' }],
    take: ROLE_REQUESTS_LIMIT,
    select: {
      id: true,
      role: true,
      status: true,
      requestedAt: true,
      decidedAt: true,
      user: { select: { id: true, name: true, email: true } },
      requestedBy: { select: { id: true, name: true } },
      decidedBy: { select: { id: true, name: true } },
    },
  });
  return rows.filter((row) => isRole(row.role)).map((row) => ({ ...row, role: row.role as Role }));
}
