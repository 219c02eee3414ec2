import 'server-only';
// One order with everything the law needs, in the reader's scope, with what the reader may
// do now (lib/cto decides) and the state the law gives it now (time passing applied).
import {
  effectiveState,
  evaluateEvents,
  extensionWindow,
  withRenewalOffer,
  type EventAvailability,
  type EffectiveState,
} from '@/lib/cto';
import { db } from '@/lib/server/db';
import { londonDateOf } from '@/lib/server/dates';
import { ctoActor, orderInclude, toSnapshot, type LoadedOrder } from '@/lib/server/orders/snapshot';
import { audit, NotFound, orderPatientId, resolvePatientAccess, type QueryContext } from './access';

export interface OrderView {
  order: LoadedOrder;
  effective: EffectiveState;
  /** Every event, allowed or not, with the law's reason when not. */
  events: EventAvailability[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getOrder(
  ctx: QueryContext,
  patientId: string,
  orderId: string,
): Promise<OrderView> {
  const now = ctx.now ?? new Date();
  const subject = {
    entityType: 'CommunityTreatmentOrder',
    entityId: UUID.test(orderId) ? orderId : null,
    patientId: await orderPatientId(ctx, orderId),
  };
  const access = await resolvePatientAccess(ctx, 'read:order', {
    includeBreakGlass: true,
    subject,
  });
  const client = ctx.client ?? db;
  const order =
    UUID.test(orderId) && UUID.test(patientId)
      ? await client.communityTreatmentOrder.findFirst({
          where: { id: orderId, patientId, patient: access.where },
          include: orderInclude,
        })
      : null;
  if (!order) {
    await audit(ctx, {
      action: 'order.read',
      outcome: 'DENIED',
      reason: 'not-found-or-outside-scope',
      ...subject,
    });
    throw new NotFound('Order');
  }
  await audit(ctx, {
    action: 'order.read',
    outcome: 'SUCCESS',
    entityType: 'CommunityTreatmentOrder',
    entityId: order.id,
    patientId: order.patientId,
  });
  const snapshot = toSnapshot(order);
  const actor = ctoActor(
    {
      userId: ctx.actor.userId,
      email: ctx.actor.email,
      roles: ctx.actor.roles,
      teamIds: ctx.actor.teamIds,
    },
    order,
  );
  return {
    order,
    effective: effectiveState(snapshot, now),
    // The renewal steps only from 28 days before the window opens (decision 772).
    events: withRenewalOffer(
      evaluateEvents(snapshot, actor, now),
      londonDateOf(now),
      extensionWindow(snapshot),
    ),
  };
}
