import 'server-only';
// Shared by every query of patient data: the permission check, the scope in the `where`
// clause, and the read audit (ISO 27789: every read of patient data is recorded).
import { scopeFor, type Action, type Scope } from '@/lib/auth/permissions';
import { db, type Db, type Tx } from '@/lib/server/db';
import { patientScopeWhere } from '@/lib/server/scope';
import { recordAudit, type RequestMeta } from '@/lib/server/audit/record-audit';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/server/actor';

export class AccessDenied extends Error {
  constructor(public readonly action: Action) {
    super(`You do not have permission to ${action.replace(':', ' ')}.`);
  }
}

export class NotFound extends Error {
  constructor(public readonly entity: string) {
    super(`${entity} not found`);
  }
}

export interface QueryContext {
  actor: Actor;
  meta?: RequestMeta;
  now?: Date;
  client?: Db | Tx;
}

export interface ResolvedAccess {
  scope: Scope;
  where: Prisma.PatientWhereInput;
  breakGlassId: string | null;
}

/** Checks the action's permission; refusals are audited as DENIED and thrown. */
export async function resolvePatientAccess(
  ctx: QueryContext,
  action: Action,
  options: {
    includeBreakGlass?: boolean;
    /** What was asked for, so that a refusal names it (and its patient). */
    subject?: { entityType?: string; entityId?: string | null; patientId?: string | null };
  } = { includeBreakGlass: true },
): Promise<ResolvedAccess> {
  const scope = scopeFor(ctx.actor.roles, action);
  if (scope === null) {
    await audit(ctx, { action, outcome: 'DENIED', reason: 'no-permission', ...options.subject });
    throw new AccessDenied(action);
  }
  return {
    scope,
    where: patientScopeWhere(ctx.actor, scope, ctx.now ?? new Date(), options),
    breakGlassId: null,
  };
}

export function audit(
  ctx: QueryContext,
  entry: {
    action: string;
    outcome: 'SUCCESS' | 'FAILURE' | 'DENIED';
    reason?: string | null;
    entityType?: string | null;
    entityId?: string | null;
    patientId?: string | null;
    breakGlassId?: string | null;
    metadata?: Prisma.InputJsonValue;
  },
): Promise<void> {
  return recordAudit(ctx.client ?? db, {
    actor: { userId: ctx.actor.userId, email: ctx.actor.email, roles: ctx.actor.roles },
    meta: ctx.meta,
    ...entry,
  });
}

/**
 * The patient whose order this is, looked up by id outside any scope, so that a refusal to
 * read or change an order appears in that patient's access history. Null for an id that is not
 * a well-formed UUID or not an order.
 */
export async function orderPatientId(ctx: QueryContext, orderId: string): Promise<string | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(orderId)) return null;
  const order = await (ctx.client ?? db).communityTreatmentOrder.findUnique({
    where: { id: orderId },
    select: { patientId: true },
  });
  return order?.patientId ?? null;
}

/**
 * The active break-glass grant this user has on this patient, if any: when access comes
 * only from break-glass, the read audit names the grant.
 */
export async function activeBreakGlass(
  ctx: QueryContext,
  patientId: string,
): Promise<string | null> {
  const grant = await (ctx.client ?? db).breakGlassAccess.findFirst({
    where: {
      userId: ctx.actor.userId,
      patientId,
      expiresAt: { gt: ctx.now ?? new Date() },
      endedAt: null,
    },
    select: { id: true },
  });
  return grant?.id ?? null;
}
