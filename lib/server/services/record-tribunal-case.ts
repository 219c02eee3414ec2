import 'server-only';
// A tribunal application received or a reference made (s66, s67, s68): the case, with the date
// the statement and reports are due (C7, HESC r32(6): lib/cto tribunalDocumentsDueDetailed) and
// whether a nursing report is needed (the patient is an in-patient, including when recalled).
import { tribunalDocumentsDueDetailed } from '@/lib/cto';
import { tribunalCaseSchema } from '@/lib/schemas/orders/tribunal';
import { toDbDate } from '@/lib/server/dates';
import type { ServiceActor } from './run-service';
import {
  commitAndQueue,
  decideAt,
  loadOrderForChange,
  plainWarnings,
  runOrderService,
  type CallOptions,
} from './order-flow';

export type TribunalCaseRecorded = {
  eventId: string;
  caseId: string;
  documentsDueOn: string;
  nursingReportRequired: boolean;
  explain: string;
  warnings: { code: string; message: string }[];
};

export function recordTribunalCase(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  return runOrderService({
    ...options,
    action: 'manage:tribunal',
    auditAction: 'tribunal.case-opened',
    schema: tribunalCaseSchema,
    actor,
    input,
    execute: async (ctx): Promise<TribunalCaseRecorded> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const outcome = decideAt(
        ctx,
        order,
        {
          type: 'TRIBUNAL_CASE_OPENED',
          kind: d.kind,
          applicant: d.applicant,
          receivedOn: d.receivedOn,
          patientIsInpatient: d.patientIsInpatient === 'yes',
        },
        { INVALID_INPUT: 'receivedOn' },
      );
      // The same rule lib/cto applied: an in-patient now, or recalled, or detained after revocation.
      const inpatient =
        d.patientIsInpatient === 'yes' ||
        outcome.state === 'RECALLED' ||
        outcome.state === 'REVOKED';
      const due = tribunalDocumentsDueDetailed(d.receivedOn, { patientIsInpatient: inpatient });
      const created = await ctx.tx.tribunalCase.create({
        data: {
          patientId: order.patientId,
          orderId: order.id,
          kind: d.kind,
          applicant: d.applicant,
          basis: d.basis,
          madeOn: toDbDate(d.receivedOn),
          receivedOn: toDbDate(d.receivedOn),
          documentsDueOn: toDbDate(due.date),
          nursingReportRequired: due.nursingReportRequired,
          tribunalReference: d.tribunalReference ?? null,
        },
        select: { id: true },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: ctx.now,
        facts: {
          tribunalCaseId: created.id,
          kind: d.kind,
          applicant: d.applicant,
          basis: d.basis,
          receivedOn: d.receivedOn,
        },
        auditAction: 'tribunal.case-opened',
      });
      return {
        eventId: result.eventId,
        caseId: created.id,
        documentsDueOn: due.date,
        nursingReportRequired: due.nursingReportRequired,
        explain: due.explain,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
