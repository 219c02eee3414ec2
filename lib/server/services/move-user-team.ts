import 'server-only';
// Movers: end the user's current team membership(s) today and start one in the new team.
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { moveUserTeamSchema } from '@/lib/schemas/user-admin';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function moveUserTeam(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ membershipId: string; endedTeamIds: string[] }>> {
  return runService({
    ...options,
    action: 'administer:user',
    auditAction: 'user.team.move',
    schema: moveUserTeamSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const user = await tx.user.findUnique({
        where: { id: data.userId },
        select: { id: true, name: true, memberships: { where: { endedOn: null } } },
      });
      if (!user) return ctx.notFound('The user');
      const team = await tx.team.findFirst({
        where: { id: data.teamId, active: true },
        select: { id: true, name: true },
      });
      if (!team) {
        return ctx.refuse('NO_SUCH_TEAM', 'That team does not exist or has closed.', {
          teamId: 'Select a team from the list',
        });
      }
      const current = user.memberships.map((m) => m.teamId);
      if (current.length === 1 && current[0] === team.id) {
        const message = `${user.name} is already in ${team.name}.`;
        return ctx.refuse('ALREADY_IN_TEAM', message, { teamId: message });
      }
      const today = toDbDate(londonDateOf(now));
      await tx.teamMembership.updateMany({
        where: { userId: user.id, endedOn: null },
        data: { endedOn: today },
      });
      const membership = await tx.teamMembership.create({
        data: { userId: user.id, teamId: team.id, startedOn: today },
        select: { id: true },
      });
      await ctx.audit({
        action: 'user.team.move',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: user.id,
        metadata: { fromTeamIds: current, toTeamId: team.id },
      });
      return { membershipId: membership.id, endedTeamIds: current };
    },
  });
}
