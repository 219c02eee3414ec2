import 'server-only';
// The second system administrator approves or refuses a role another administrator asked for
// (grant-user-role.ts; docs/decisions/612-two-administrators-for-a-role.md). Neither the one
// who asked nor the person the role is for may decide (the database CHECKs say so too).
import { ROLE_LABELS } from '@/lib/auth/roles';
import { roleRequestDecisionSchema } from '@/lib/schemas/user-admin';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function decideRoleRequest(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ userId: string; status: 'APPROVED' | 'REFUSED' }>> {
  const requestId =
    typeof input === 'object' && input !== null
      ? (input as { requestId?: unknown }).requestId
      : undefined;
  return runService({
    ...options,
    action: 'administer:user',
    auditAction: 'user.role.decide',
    schema: roleRequestDecisionSchema,
    actor,
    input,
    ...(typeof requestId === 'string'
      ? { subject: { entityType: 'RoleGrantRequest', entityId: requestId } }
      : {}),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const request = await tx.roleGrantRequest.findUnique({
        where: { id: data.requestId },
        select: {
          id: true,
          userId: true,
          role: true,
          status: true,
          requestedById: true,
          user: { select: { name: true } },
        },
      });
      if (!request) return ctx.notFound('The request');
      if (request.status !== 'PENDING') {
        return ctx.refuse(
          'ALREADY_DECIDED',
          'Another administrator has already decided this request.',
        );
      }
      if (request.requestedById === actor.userId) {
        return ctx.refuse(
          'OWN_REQUEST',
          'You asked for this role: another system administrator must approve or refuse it.',
        );
      }
      if (request.userId === actor.userId) {
        return ctx.refuse(
          'OWN_ROLE',
          'This role is for you: another system administrator must approve or refuse it.',
        );
      }
      const approve = data.decision === 'approve';
      let userRoleId: string | null = null;
      if (approve) {
        const held = await tx.userRole.count({
          where: { userId: request.userId, role: request.role, revokedAt: null },
        });
        if (held > 0) {
          return ctx.refuse(
            'ALREADY_HELD',
            `${request.user.name} already has the role ${ROLE_LABELS[request.role].toLowerCase()}.`,
          );
        }
        const row = await tx.userRole.create({
          data: {
            userId: request.userId,
            role: request.role,
            grantedAt: now,
            grantedById: request.requestedById,
          },
          select: { id: true },
        });
        userRoleId = row.id;
      }
      // Only a request still open changes: two administrators deciding at once cannot both win.
      const decided = await tx.roleGrantRequest.updateMany({
        where: { id: request.id, status: 'PENDING' },
        data: {
          status: approve ? 'APPROVED' : 'REFUSED',
          decidedAt: now,
          decidedById: actor.userId,
          userRoleId,
        },
      });
      if (decided.count !== 1) {
        return ctx.refuse(
          'ALREADY_DECIDED',
          'Another administrator has already decided this request.',
        );
      }
      await ctx.audit({
        action: approve ? 'user.role.approve' : 'user.role.refuse',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: request.userId,
        metadata: {
          role: request.role,
          requestId: request.id,
          requestedById: request.requestedById,
          ...(userRoleId ? { userRoleId } : {}),
        },
      });
      return {
        userId: request.userId,
        status: approve ? ('APPROVED' as const) : ('REFUSED' as const),
      };
    },
  });
}
