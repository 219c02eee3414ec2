import 'server-only';
// A tribunal application received or a reference made (s66, s67, s68): the case, with the date
// the statement and reports are due (C7, HESC r32(6): lib/cto tribunalDocumentsDueDetailed) and
// whether a nursing report is needed (the patient is an in-patient, including when recalled).
import {
  checkSecondApplication,
  requiredTribunalDocuments,
  tribunalDocumentsDueDetailed,
} from '@/lib/cto';
import { fromDbDate } from '@/lib/server/dates';
import { KINDS } from '@/lib/server/notifications/catalogue';
import { notifyPeople } from '@/lib/server/notifications/deliver-notification';
import { appUrl } from '@/lib/server/notifications/worker';
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
  documentIds: string[];
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
      // s77(2): one application per person per period (the order's period the day falls in).
      const existing = await ctx.tx.tribunalCase.findMany({
        where: { patientId: order.patientId, patient: ctx.patientWhere, enteredInErrorAt: null },
        select: { kind: true, applicant: true, receivedOn: true, status: true, withdrawnOn: true },
      });
      const period = order.periods.find(
        (p) => fromDbDate(p.startDate) <= d.receivedOn && fromDbDate(p.endDate) >= d.receivedOn,
      );
      const second = checkSecondApplication({
        kind: d.kind,
        applicant: d.applicant,
        receivedOn: d.receivedOn,
        period: period
          ? { start: fromDbDate(period.startDate), end: fromDbDate(period.endDate) }
          : null,
        existing: existing.map((c) => ({
          kind: c.kind,
          applicant: c.applicant,
          receivedOn: fromDbDate(c.receivedOn),
          withdrawn: c.status === 'WITHDRAWN' || c.withdrawnOn !== null,
        })),
      });
      if (!second.ok) {
        return ctx.refuse(second.code, second.message, { applicant: second.message });
      }
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
      // One row per document the case needs (r32(6)), each with its author and due date: the
      // RC and the care coordinator in post, the MHA office for the statement, and a named
      // person (chosen later) for the nursing report.
      const staff = await ctx.tx.staffAssignment.findMany({
        where: { patientId: order.patientId, endedOn: null },
        select: { userId: true, kind: true },
        orderBy: { startedOn: 'desc' },
      });
      const rcId =
        order.responsibleClinicianId ??
        staff.find((a) => a.kind === 'RESPONSIBLE_CLINICIAN')?.userId ??
        null;
      const ccId = staff.find((a) => a.kind === 'CARE_COORDINATOR')?.userId ?? null;
      const documentIds: string[] = [];
      for (const doc of requiredTribunalDocuments({ patientIsInpatient: inpatient })) {
        const authorId =
          doc.author === 'RESPONSIBLE_CLINICIAN'
            ? rcId
            : doc.author === 'CARE_COORDINATOR'
              ? ccId
              : doc.author === 'MHA_OFFICE'
                ? ctx.actor.userId
                : null;
        const row = await ctx.tx.tribunalDocument.create({
          data: {
            patientId: order.patientId,
            caseId: created.id,
            kind: doc.kind,
            authorRole: doc.author,
            authorId,
            dueOn: toDbDate(due.date),
            requestedAt: ctx.now,
          },
          select: { id: true },
        });
        documentIds.push(row.id);
        // Issue 9 §2: the author is told in the app (and by email in the daily digest, which
        // names no patient) that a report is wanted from them.
        if (authorId && authorId !== ctx.actor.userId) {
          await notifyPeople(ctx.tx, [authorId], {
            kind: KINDS.tribunalDocumentRequested,
            sourceKey: `tribunal-document:${row.id}`,
            link: `/patients/${order.patientId}/tribunal/${created.id}/documents/${row.id}`,
            appUrl: appUrl(),
            now: ctx.now,
          });
        }
      }
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
        documentIds,
        warnings: [...plainWarnings(result.warnings), ...second.warnings],
      };
    },
  });
}
