import 'server-only';
// The hospital managers' review of an extension (Code of Practice 38.14; late is "a very
// serious matter", 38.50 - lib/cto warns). The panel decided the order continues; a decision to
// discharge is recorded as a discharge by the hospital managers instead.
import { minInstant } from './time';
import { londonTime, londonDateOf, toDbDate } from '@/lib/server/dates';
import { managersReviewSchema } from '@/lib/schemas/orders/extension';
import { checkManagersPanel } from '@/lib/cto';
import type { ServiceActor } from './run-service';
import {
  commitAndQueue,
  decideAt,
  loadOrderForChange,
  plainWarnings,
  runOrderService,
  type CallOptions,
} from './order-flow';

export type ManagersReviewRecorded = {
  eventId: string;
  extensionId: string;
  hearingId: string;
  warnings: { code: string; message: string }[];
};

export function recordManagersReview(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  return runOrderService({
    ...options,
    action: 'review:extension',
    auditAction: 'extension.managers-review',
    schema: managersReviewSchema,
    actor,
    input,
    execute: async (ctx): Promise<ManagersReviewRecorded> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      if (d.heldOn > londonDateOf(ctx.now)) {
        return ctx.refuse('EVENT_IN_FUTURE', 'The review cannot be recorded before it is held.', {
          heldOn: 'The date of the review must be today or in the past',
        });
      }
      // s23(4): lib/cto refuses a panel of fewer than three different members.
      const panel = checkManagersPanel(d.panel);
      if (!panel.ok) return ctx.refuse(panel.code, panel.message, { panel: panel.message });
      const members = panel.value;
      // The review happened on that day: record it at midday, or now if that is still to come.
      const at = minInstant(londonTime(d.heldOn, 12, 0), ctx.now);
      const outcome = decideAt(
        ctx,
        order,
        { type: 'MANAGERS_REVIEW_EXTENSION', at },
        { EVENT_IN_FUTURE: 'heldOn', BEFORE_ORDER_EFFECTIVE: 'heldOn' },
      );
      const extension = [...order.extensions].reverse().find((e) => e.cto7FurnishedAt !== null);
      if (!extension) throw new Error('lib/cto accepted a review without a furnished CTO7.');
      let hearingId = d.hearingId ?? null;
      if (hearingId) {
        const hearing = await ctx.tx.managersHearing.findFirst({
          where: { id: hearingId, orderId: order.id },
          select: { id: true },
        });
        if (!hearing) {
          return ctx.refuse('NO_SUCH_HEARING', 'Select a hearing of this order.', {
            hearingId: 'Select a hearing of this order',
          });
        }
        await ctx.tx.managersHearing.update({
          where: { id: hearingId },
          data: {
            extensionId: extension.id,
            heldOn: toDbDate(d.heldOn),
            panel: members.join('\n'),
            panelMembers: members,
            outcome: 'CONTINUE',
            decisionOn: toDbDate(d.heldOn),
            notes: d.notes ?? null,
          },
        });
      } else {
        const hearing = await ctx.tx.managersHearing.create({
          data: {
            patientId: order.patientId,
            orderId: order.id,
            extensionId: extension.id,
            reason: 'EXTENSION_REVIEW',
            scheduledAt: at,
            heldOn: toDbDate(d.heldOn),
            panel: members.join('\n'),
            panelMembers: members,
            outcome: 'CONTINUE',
            decisionOn: toDbDate(d.heldOn),
            notes: d.notes ?? null,
          },
          select: { id: true },
        });
        hearingId = hearing.id;
      }
      await ctx.tx.extension.update({
        where: { id: extension.id },
        data: { managersReviewedOn: toDbDate(d.heldOn), managersReviewOutcome: 'CONTINUE' },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: at,
        facts: {
          extensionId: extension.id,
          hearingId,
          createdHearing: !d.hearingId,
          heldOn: d.heldOn,
          outcome: 'CONTINUE',
        },
        auditAction: 'extension.managers-review',
      });
      return {
        eventId: result.eventId,
        extensionId: extension.id,
        hearingId,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
