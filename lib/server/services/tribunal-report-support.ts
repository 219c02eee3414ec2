import 'server-only';
// What the report-draft services share (issue 9 §2): loading the document in scope with its row
// locked, who may write it, and making the draft (the template and the pre-filled sections as
// they are today, kept) on the first save.
import { ageOn } from '@/lib/cto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { fromDbDate, londonDateOf } from '@/lib/server/dates';
import { gatherReportRecord } from '@/lib/server/queries/tribunal-report-record';
import { prefillReport } from '@/lib/tribunal/prefill';
import { groupForAge, templateFor, type ReportTemplate } from '@/lib/tribunal/templates';
import type { ServiceContext } from './run-service';

const documentInclude = {
  patient: { select: { dateOfBirth: true } },
  case: { select: { receivedOn: true, status: true, enteredInErrorAt: true } },
  managersHearing: { select: { scheduledAt: true, heldOn: true } },
  reportDraft: {
    include: { sections: { orderBy: [{ sectionKey: 'asc' }, { version: 'asc' }] } },
  },
} satisfies Prisma.TribunalDocumentInclude;

export type LockedDocument = Prisma.TribunalDocumentGetPayload<{
  include: typeof documentInclude;
}>;

/** The document in the actor's scope, its row locked for this transaction; NOT_FOUND otherwise. */
export async function lockDocument<I>(
  ctx: ServiceContext<I>,
  documentId: string,
): Promise<LockedDocument> {
  // The scope is in the where clause: a document of a patient out of scope is not found.
  const inScope = await ctx.tx.tribunalDocument.findFirst({
    where: { id: documentId, patient: ctx.patientWhere },
    select: { id: true },
  });
  if (!inScope) return ctx.notFound('The document');
  await ctx.tx.$queryRaw`SELECT id FROM "TribunalDocument" WHERE id = ${documentId} FOR UPDATE`;
  const doc = await ctx.tx.tribunalDocument.findFirst({
    where: { id: documentId, patient: ctx.patientWhere },
    include: documentInclude,
  });
  if (!doc) return ctx.notFound('The document');
  if (doc.case && (doc.case.enteredInErrorAt || doc.case.status !== 'OPEN')) {
    return ctx.refuse(
      'CASE_CLOSED',
      'This tribunal case is closed: its reports can no longer change.',
    );
  }
  return doc;
}

/** The day the patient's group is decided on: the case received, the hearing, or today. */
export function groupDay(doc: LockedDocument, now: Date): string {
  if (doc.case) return fromDbDate(doc.case.receivedOn);
  if (doc.managersHearing) return londonDateOf(doc.managersHearing.scheduledAt);
  return londonDateOf(now);
}

/** The current template for this document and patient (the age from lib/cto). */
export function currentTemplate(doc: LockedDocument, now: Date): ReportTemplate {
  const age = ageOn(fromDbDate(doc.patient.dateOfBirth), groupDay(doc, now));
  return templateFor(doc.kind, groupForAge(age));
}

/** The draft, made now (template and pre-fill kept) if this is the first save. */
export async function ensureDraft<I>(
  ctx: ServiceContext<I>,
  doc: LockedDocument,
): Promise<NonNullable<LockedDocument['reportDraft']>> {
  if (doc.reportDraft) return doc.reportDraft;
  const template = currentTemplate(doc, ctx.now);
  const record = await gatherReportRecord(ctx.tx, doc.patientId, ctx.patientWhere, {
    now: ctx.now,
    excludeCaseId: doc.caseId,
  });
  if (!record) return ctx.notFound('The document');
  const prefill = prefillReport(template, record);
  const draft = await ctx.tx.tribunalReportDraft.create({
    data: {
      documentId: doc.id,
      templateId: template.id,
      templateVersion: template.version,
      template: template as unknown as Prisma.InputJsonValue,
      prefill: prefill as unknown as Prisma.InputJsonValue,
      prefilledAt: ctx.now,
      createdById: ctx.actor.userId,
    },
    include: { sections: true },
  });
  return draft;
}

/** Whether the actor is the patient's responsible clinician now (the RC countersigns). */
export async function isPatientsRc<I>(
  ctx: ServiceContext<I>,
  patientId: string,
  userId: string,
): Promise<boolean> {
  const found = await ctx.tx.staffAssignment.findFirst({
    where: { patientId, userId, kind: 'RESPONSIBLE_CLINICIAN', endedOn: null },
    select: { id: true },
  });
  return found !== null;
}

export const NOT_THE_AUTHOR =
  'Only the document’s author can write or sign it. The MHA office writes the responsible authority’s statement.';
