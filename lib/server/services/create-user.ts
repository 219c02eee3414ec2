import 'server-only';
// Joiners: the system administrator adds a user with roles, a team and either an initial
// password or none (NHS CIS2 only: matched by email address at first sign-in). Roles that read
// patient data (or approve such grants) are asked for, not given: they take effect when another
// system administrator approves them (docs/decisions/612-two-administrators-for-a-role.md).
import { hashPassword } from '@/lib/auth/password';
import { roleNeedsApproval } from '@/lib/auth/permissions';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { createUserSchema } from '@/lib/schemas/user-admin';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function createUser(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ userId: string; requestedRoles: string[] }>> {
  return runService({
    ...options,
    action: 'administer:user',
    auditAction: 'user.create',
    schema: createUserSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const existing = await tx.user.findUnique({
        where: { email: data.email },
        select: { id: true },
      });
      if (existing) {
        return ctx.refuse('EMAIL_IN_USE', 'There is already a user with this email address.', {
          email: 'There is already a user with this email address',
        });
      }
      if (data.teamId) {
        const team = await tx.team.count({ where: { id: data.teamId, active: true } });
        if (team === 0) {
          return ctx.refuse('NO_SUCH_TEAM', 'That team does not exist or has closed.', {
            teamId: 'Select a team from the list',
          });
        }
      }
      const passwordHash = data.password ? await hashPassword(data.password) : null;
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, jobTitle: data.jobTitle, passwordHash },
        select: { id: true },
      });
      const granted = data.roles.filter((role) => !roleNeedsApproval(role));
      const requested = data.roles.filter((role) => roleNeedsApproval(role));
      await tx.userRole.createMany({
        data: granted.map((role) => ({
          userId: user.id,
          role,
          grantedAt: now,
          grantedById: actor.userId,
        })),
      });
      const requests = await tx.roleGrantRequest.createManyAndReturn({
        data: requested.map((role) => ({
          userId: user.id,
          role,
          requestedAt: now,
          requestedById: actor.userId,
        })),
        select: { id: true, role: true },
      });
      if (data.teamId) {
        await tx.teamMembership.create({
          data: { userId: user.id, teamId: data.teamId, startedOn: toDbDate(londonDateOf(now)) },
        });
      }
      await ctx.audit({
        action: 'user.create',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: user.id,
        metadata: {
          roles: granted,
          requestedRoles: requested,
          teamId: data.teamId,
          signIn: passwordHash ? 'password' : 'single-sign-on-only',
        },
      });
      for (const request of requests) {
        await ctx.audit({
          action: 'user.role.request',
          outcome: 'SUCCESS',
          entityType: 'User',
          entityId: user.id,
          metadata: { role: request.role, requestId: request.id },
        });
      }
      return { userId: user.id, requestedRoles: requested };
    },
  });
}
