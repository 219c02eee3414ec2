import 'server-only';
// Recall to hospital (s17E): the RC's notice (CTO3) with its ground, the hospital of recall and
// how and when it was served. lib/cto says when it counts as served (C15, reg 6(5)-(6)) and
// refuses email (reg 3(1B)), a recall of an order that has ended, or one already running.
import { serveRecallSchema } from '@/lib/schemas/orders/recall';
import { londonDateOf } from '@/lib/server/dates';
import { writeSocialAssessment } from './social/write-assessment';
import type { ServiceActor } from './run-service';
import {
  commitAndQueue,
  createStatutoryForm,
  decideAt,
  plainWarnings,
  runOrderService,
  type CallOptions,
  loadOrderForChange,
} from './order-flow';

export type RecallServed = {
  recallId: string;
  socialAssessmentId: string;
  eventId: string;
  state: string;
  hospitalName: string;
  /** C15: the moment the notice counts as served (ISO). */
  deemedServedAt: string;
  servedExplain: string;
  warnings: { code: string; message: string }[];
};

export function serveRecallNotice(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  return runOrderService({
    ...options,
    action: 'record:recall',
    auditAction: 'recall.serve',
    schema: serveRecallSchema,
    actor,
    input,
    execute: async (ctx): Promise<RecallServed> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const hospital = await ctx.tx.hospital.findFirst({
        where: { id: d.hospitalId, active: true },
        select: { id: true, name: true },
      });
      if (!hospital) {
        return ctx.refuse('NO_SUCH_HOSPITAL', 'Select the hospital the patient is recalled to.', {
          hospitalId: 'Select the hospital the patient is recalled to',
        });
      }
      const outcome = decideAt(
        ctx,
        order,
        {
          type: 'SERVE_RECALL_NOTICE',
          method: d.method,
          handedOrPostedAt: d.servedAt,
          at: d.servedAt,
        },
        {
          CTO3_EMAIL_NOT_VALID_SERVICE: 'method',
          EVENT_IN_FUTURE: 'servedAt.date',
          RECALL_OF_ENDED_ORDER: 'servedAt.date',
          BEFORE_ORDER_EFFECTIVE: 'servedAt.date',
        },
      );
      const served = outcome.order.recall;
      if (!served || d.method === 'EMAIL')
        throw new Error('lib/cto accepted a recall without service.');
      const clock = outcome.clocks.find((c) => c.kind === 'RECALL_NOTICE_SERVED');
      const formId = await createStatutoryForm(
        ctx,
        order,
        'CTO3',
        {
          ground: d.ground,
          basis: d.ground === 'RISK_OF_HARM' ? 's17E(1)' : 's17E(2)',
          reasons: d.reasons,
          hospitalId: hospital.id,
          hospitalName: hospital.name,
          serviceMethod: d.method,
          servedOrPostedAt: d.servedAt.toISOString(),
          deemedServedAt: served.noticeServedAt.toISOString(),
        },
        { signedAt: d.servedAt },
      );
      const recall = await ctx.tx.recall.create({
        data: {
          orderId: order.id,
          ground: d.ground,
          reasons: d.reasons,
          hospitalId: hospital.id,
          noticeSignedAt: d.servedAt,
          serviceMethod: d.method,
          servedOrPostedAt: d.servedAt,
          deemedServedAt: served.noticeServedAt,
          cto3FormId: formId,
        },
        select: { id: true },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: d.servedAt,
        formId,
        facts: {
          recallId: recall.id,
          ground: d.ground,
          hospitalId: hospital.id,
          serviceMethod: d.method,
          deemedServedAt: served.noticeServedAt.toISOString(),
        },
        auditAction: 'recall.serve',
      });
      const social = await writeSocialAssessment(ctx.tx, {
        patientId: order.patientId,
        orderId: order.id,
        decisionPoint: 'RECALL',
        decisionEventId: result.eventId,
        assessedById: ctx.actor.userId,
        assessedOn: londonDateOf(ctx.now),
        input: d.social,
        audit: ctx.audit,
      });
      return {
        recallId: recall.id,
        eventId: result.eventId,
        socialAssessmentId: social.assessmentId,
        state: result.state,
        hospitalName: hospital.name,
        deemedServedAt: served.noticeServedAt.toISOString(),
        servedExplain: clock?.explain ?? '',
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
