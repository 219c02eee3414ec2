import 'server-only';
// The system administrator's view of users: no patient data, so no read audit; the
// permission is still checked and a refusal audited (require-permission.ts).
import { z } from 'zod';
import { db } from '@/lib/server/db';
import { escapeLike } from '@/lib/server/like';
import { searchText } from '@/lib/schemas/common';
import { isRole, type Role } from '@/lib/auth/roles';
import type { Prisma } from '@/lib/generated/prisma/client';
import { NotFound, type QueryContext } from './access';
import { requirePermission } from './require-permission';

export const USERS_PAGE_SIZE = 50;

export const listUsersQuerySchema = z.object({
  q: searchText(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  jobTitle: string | null;
  roles: Role[];
  teams: { id: string; name: string }[];
  active: boolean;
  locked: boolean;
  passwordSet: boolean;
}

export async function listUsers(
  ctx: QueryContext,
  query: ListUsersQuery,
): Promise<{ items: UserListItem[]; total: number; page: number; pageSize: number }> {
  await requirePermission(ctx, 'administer:user');
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const where: Prisma.UserWhereInput = query.q
    ? {
        OR: [
          { name: { contains: escapeLike(query.q), mode: 'insensitive' } },
          { email: { contains: escapeLike(query.q), mode: 'insensitive' } },
        ],
      }
    : {};
  const [total, rows] = await Promise.all([
    client.user.count({ where }),
    client.user.findMany({
      where,
      orderBy: [{ active: 'desc' }, { name: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        jobTitle: true,
        active: true,
        lockedUntil: true,
        passwordHash: true,
        roles: { where: { revokedAt: null }, select: { role: true }, orderBy: { role: 'asc' } },
        memberships: {
          where: { endedOn: null },
          select: { team: { select: { id: true, name: true } } },
        },
      },
    }),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      jobTitle: row.jobTitle,
      roles: row.roles.map((r) => r.role).filter(isRole),
      teams: row.memberships.map((m) => m.team),
      active: row.active,
      locked: row.lockedUntil !== null && row.lockedUntil > now,
      passwordSet: row.passwordHash !== null,
    })),
    total,
    page: query.page,
    pageSize: USERS_PAGE_SIZE,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One user with their role and team history, for the administrator's user page. */
export async function getUserForAdmin(ctx: QueryContext, userId: string) {
  await requirePermission(ctx, 'administer:user');
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const user = UUID.test(userId)
    ? await client.user.findUnique({
        where: { id: userId },
        select: {
          id: true,
          name: true,
          email: true,
          jobTitle: true,
          active: true,
          deactivatedAt: true,
          lockedUntil: true,
          failedSignInCount: true,
          lastSignInAt: true,
          createdAt: true,
          passwordHash: true,
          oidcSubject: true,
          roles: {
            orderBy: [{ grantedAt: 'desc' }],
            select: {
              id: true,
              role: true,
              grantedAt: true,
              revokedAt: true,
              grantedVia: true,
              revokedVia: true,
              grantedBy: { select: { name: true } },
              // The second administrator who approved it (docs/decisions/612-…).
              request: { select: { decidedBy: { select: { name: true } } } },
            },
          },
          memberships: {
            orderBy: [{ startedOn: 'desc' }],
            select: {
              id: true,
              startedOn: true,
              endedOn: true,
              team: { select: { id: true, name: true } },
            },
          },
          sessions: { where: { revokedAt: null, expiresAt: { gt: now } }, select: { id: true } },
        },
      })
    : null;
  if (!user) throw new NotFound('User');
  const { passwordHash, oidcSubject, sessions, ...rest } = user;
  return {
    ...rest,
    passwordSet: passwordHash !== null,
    singleSignOnLinked: oidcSubject !== null,
    cis2UserId: oidcSubject,
    openSessions: sessions.length,
    locked: user.lockedUntil !== null && user.lockedUntil > now,
    currentRoles: user.roles.filter((r) => r.revokedAt === null).map((r) => r.role),
    currentTeams: user.memberships.filter((m) => m.endedOn === null).map((m) => m.team),
  };
}

export type AdminUser = Awaited<ReturnType<typeof getUserForAdmin>>;

/** Teams a user can be put in. */
export async function listTeams(ctx: QueryContext) {
  await requirePermission(ctx, 'administer:user');
  return (ctx.client ?? db).team.findMany({
    where: { active: true },
    orderBy: [{ name: 'asc' }],
    select: { id: true, name: true },
  });
}
