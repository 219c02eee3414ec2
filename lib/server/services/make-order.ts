import 'server-only';
// CTO1 Part 3 (s17A, s20A(1); reg 6(1)): the responsible clinician makes the order, stating the
// date and time it is effective from. lib/cto checks Part 2 came first, every discretionary
// condition has the AMHP's agreement and the order is not back-dated, and warns when the
// signature and effective dates differ or the order starts at a month end.
import { checkEvent } from '@/lib/cto';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { makeOrderSchema } from '@/lib/schemas/orders/making';
import { commit, decide } from '@/lib/server/orders/record-event';
import { ctoActor, orderInclude, toSnapshot } from '@/lib/server/orders/snapshot';
import { scopeFor } from '@/lib/auth/permissions';
import { patientScopeWhere } from '@/lib/server/scope';
import { db as defaultDb } from '@/lib/server/db';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

export function makeOrder(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'make:order',
    auditAction: 'order.make',
    schema: makeOrderSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const outcome = decide(ctx, order, {
        type: 'MAKE',
        at: data.signedAt,
        signedAt: data.signedAt,
        effectiveAt: data.effectiveAt,
      });
      const cto1 = await tx.statutoryForm.findFirst({
        where: { orderId: order.id, type: 'CTO1', enteredInErrorAt: null },
        orderBy: { createdAt: 'desc' },
        select: { id: true, facts: true },
      });
      const part3 = {
        responsibleClinicianId: actor.userId,
        signedAt: data.signedAt.toISOString(),
        effectiveAt: data.effectiveAt.toISOString(),
        madeOn: outcome.order.madeOn,
        warnings: warningMessages(outcome.warnings),
      };
      if (cto1) {
        await tx.statutoryForm.update({
          where: { id: cto1.id },
          data: {
            facts: { ...((cto1.facts ?? {}) as Prisma.JsonObject), part3 },
            signedAt: data.signedAt,
            // reg 6(1)(c): furnished to the managers of the responsible hospital.
            furnishedAt: now,
          },
        });
      }
      // The conditions are in force from the effective time.
      await tx.condition.updateMany({
        where: { orderId: order.id, status: { in: ['ACTIVE', 'SUSPENDED'] } },
        data: { startedAt: data.effectiveAt },
      });
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: data.signedAt,
        formId: cto1?.id ?? null,
        facts: part3,
        auditAction: 'order.make',
      });
      await ctx.enqueue('document.cto1', { orderId: order.id, formId: cto1?.id ?? null });
      return {
        orderId: order.id,
        patientId: order.patientId,
        eventId: result.eventId,
        state: result.state,
        expiry: result.expiry,
        warnings: warningMessages(result.warnings),
      };
    },
  });
}

export type MakePreview =
  { ok: true; warnings: string[] } | { ok: false; code: string; message: string };

/**
 * What lib/cto would say about making the order with these times, without writing anything:
 * the form shows the warnings for confirmation before the order is made. The order is read in
 * the actor's scope (the page that shows the form has already audited the read).
 */
export async function previewMakeOrder(
  actor: ServiceActor,
  input: { orderId: string; signedAt: Date; effectiveAt: Date },
  options: OrderServiceOptions = {},
): Promise<MakePreview> {
  const client = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const scope = scopeFor(actor.roles, 'make:order');
  if (!scope)
    return { ok: false, code: 'FORBIDDEN', message: 'You do not have permission to do this.' };
  const order = await client.communityTreatmentOrder.findFirst({
    where: { id: input.orderId, patient: patientScopeWhere(actor, scope, now) },
    include: orderInclude,
  });
  if (!order)
    return {
      ok: false,
      code: 'NOT_FOUND',
      message: 'The community treatment order was not found.',
    };
  const check = checkEvent(
    toSnapshot(order),
    { type: 'MAKE', at: input.signedAt, signedAt: input.signedAt, effectiveAt: input.effectiveAt },
    ctoActor(actor, order),
    now,
    { rightsInformationTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS },
  );
  return check.ok
    ? { ok: true, warnings: warningMessages(check.warnings) }
    : { ok: false, code: check.code, message: check.message };
}
