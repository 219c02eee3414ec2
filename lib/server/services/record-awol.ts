import 'server-only';
// Absence without leave (s18, s21). A recalled patient who fails to attend or absconds is AWOL;
// on return the 72 hours continue, or start afresh from the return if the patient was absent on
// the day they would have ended (s21(4)); around the expiry the order continues as s21 says.
// lib/cto works all of that out; this records the episode and shows its effects.
import { currentRecallDeadline, inForceUntil } from '@/lib/cto';
import { awolBeginsSchema, awolEndsSchema } from '@/lib/schemas/orders/awol';
import type { ServiceActor } from './run-service';
import {
  commitAndQueue,
  currentRecall,
  decideAt,
  loadOrderForChange,
  plainWarnings,
  runOrderService,
  type CallOptions,
} from './order-flow';

export type AwolRecorded = {
  eventId: string;
  episodeId: string;
  state: string;
  /** The last day the order is in force now (s21 may make it later than the expiry). */
  inForceUntil: string | null;
  /** The 72 hours' deadline now (ISO), if known; null while the patient is away. */
  deadlineAt: string | null;
  /** What the law says about it, in plain English (s21(4), s21, s21A, s21B). */
  effects: string[];
  warnings: { code: string; message: string }[];
};

export function recordAwolBegins(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  return runOrderService({
    ...options,
    action: 'record:awol',
    auditAction: 'awol.begins',
    schema: awolBeginsSchema,
    actor,
    input,
    execute: async (ctx): Promise<AwolRecorded> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const outcome = decideAt(
        ctx,
        order,
        { type: 'AWOL_BEGINS', at: d.at },
        {
          NOTICE_NOT_YET_SERVED: 'at.date',
          EVENT_IN_FUTURE: 'at.date',
          BEFORE_ORDER_EFFECTIVE: 'at.date',
          BEFORE_DETENTION_BEGAN: 'at.date',
        },
      );
      const recall = currentRecall(order);
      const episode = await ctx.tx.awolEpisode.create({
        data: {
          orderId: order.id,
          recallId: recall?.id ?? null,
          startedAt: d.at,
          notes: d.notes ?? null,
          recordedById: ctx.actor.userId,
        },
        select: { id: true },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: d.at,
        facts: { episodeId: episode.id, recallId: recall?.id ?? null },
        auditAction: 'awol.begins',
      });
      const deadline = currentRecallDeadline(outcome.order);
      return {
        eventId: result.eventId,
        episodeId: episode.id,
        state: result.state,
        inForceUntil: inForceUntil(outcome.order),
        deadlineAt: deadline && !deadline.awaitingReturn ? deadline.instant.toISOString() : null,
        effects: outcome.clocks.map((c) => c.explain),
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}

export function recordAwolEnds(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  return runOrderService({
    ...options,
    action: 'record:awol',
    auditAction: 'awol.ends',
    schema: awolEndsSchema,
    actor,
    input,
    execute: async (ctx): Promise<AwolRecorded> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const outcome = decideAt(
        ctx,
        order,
        { type: 'AWOL_ENDS', how: d.how, at: d.at },
        { INVALID_INPUT: 'at.date', EVENT_IN_FUTURE: 'at.date', BEFORE_ORDER_EFFECTIVE: 'at.date' },
      );
      const episode = [...order.awolEpisodes].reverse().find((e) => e.returnedAt === null);
      if (!episode) throw new Error('lib/cto accepted a return without an absence.');
      await ctx.tx.awolEpisode.update({
        where: { id: episode.id },
        data: { returnedAt: d.at, returnHow: d.how },
      });
      const recall = currentRecall(order);
      const deadline = currentRecallDeadline(outcome.order);
      const began = outcome.order.recall?.detentionBeganAt ?? null;
      if (recall) {
        // On return the 72 hours run (from detention, or afresh under s21(4)); returned under the
        // notice, detention begins now (lib/cto).
        await ctx.tx.recall.update({
          where: { id: recall.id },
          data: {
            detentionBeganAt: began,
            deadlineAt: deadline && !deadline.awaitingReturn ? deadline.instant : recall.deadlineAt,
          },
        });
      }
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: d.at,
        facts: {
          episodeId: episode.id,
          how: d.how,
          recallId: recall?.id ?? null,
          previousDetentionBeganAt: recall?.detentionBeganAt?.toISOString() ?? null,
          previousDeadlineAt: recall?.deadlineAt?.toISOString() ?? null,
        },
        auditAction: 'awol.ends',
      });
      return {
        eventId: result.eventId,
        episodeId: episode.id,
        state: result.state,
        inForceUntil: inForceUntil(outcome.order),
        deadlineAt: deadline && !deadline.awaitingReturn ? deadline.instant.toISOString() : null,
        effects: outcome.clocks.map((c) => c.explain),
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
