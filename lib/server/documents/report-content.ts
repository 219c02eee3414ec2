import 'server-only';
// Report drafts as documents (issue 9 §2 → §3): the list a patient's documents include, and one
// report's content for the renderers (lib/documents), built from the draft as it stands (or the
// pre-fill before the first save). Scoped here (the patient must be visible to ctx.actor); the
// documents route records the audit row. The lead adds a DocumentSource over these to
// lib/server/documents/registry.ts.
import type { DocumentContent } from '@/lib/documents/content';
import { resolvePatientAccess, type QueryContext } from '@/lib/server/queries/access';
import { db } from '@/lib/server/db';
import { fromDbDate } from '@/lib/server/dates';
import { DOCUMENT_KIND_LABELS } from '@/lib/server/queries/tribunal-paperwork';
import { reportDocumentSelect, reportState } from '@/lib/server/queries/tribunal-report';
import { reportContent } from '@/lib/tribunal/draft';
import type { DocumentListItem } from './registry';

const UUID = /^[0-9a-f-]{36}$/i;

/** A patient's tribunal and managers' hearing documents (not entered in error), oldest first. */
export async function listReportDocuments(
  ctx: QueryContext,
  patientId: string,
): Promise<DocumentListItem[]> {
  if (!UUID.test(patientId)) return [];
  const client = ctx.client ?? db;
  const access = await resolvePatientAccess(ctx, 'read:patient');
  const rows = await client.tribunalDocument.findMany({
    where: {
      patientId,
      patient: { AND: [{ id: patientId }, access.where] },
      OR: [{ case: { enteredInErrorAt: null } }, { managersHearingId: { not: null } }],
    },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      kind: true,
      status: true,
      caseId: true,
      reportDraft: { select: { withheldFromPatient: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    tribunalCaseId: r.caseId,
    title: DOCUMENT_KIND_LABELS[r.kind],
    withheldFromPatient: r.reportDraft?.withheldFromPatient ?? false,
  }));
}

/** One report's content, or null when there is no such document in the actor's scope. */
export async function loadReportContent(
  ctx: QueryContext,
  tribunalDocumentId: string,
): Promise<{ item: DocumentListItem; patientId: string; content: DocumentContent } | null> {
  if (!UUID.test(tribunalDocumentId)) return null;
  const client = ctx.client ?? db;
  const access = await resolvePatientAccess(ctx, 'read:patient');
  const doc = await client.tribunalDocument.findFirst({
    where: { id: tribunalDocumentId, patient: access.where },
    select: reportDocumentSelect,
  });
  if (!doc) return null;
  const state = await reportState(client, doc, access.where, ctx.now ?? new Date());
  const final = doc.status === 'SIGNED' || doc.status === 'SENT';
  const subtitle = doc.case
    ? `${doc.case.kind === 'REFERENCE' ? 'Reference' : 'Application'} to the First-tier Tribunal (Mental Health), ${doc.case.basis}`
    : doc.managersHearing
      ? 'Hospital managers’ hearing'
      : undefined;
  const content = reportContent({
    template: state.template,
    sections: state.sections,
    patient: {
      name: `${doc.patient.givenName} ${doc.patient.familyName}`,
      dateOfBirth: fromDbDate(doc.patient.dateOfBirth),
      nhsNumber: doc.patient.nhsNumber,
    },
    ...(subtitle ? { subtitle } : {}),
    signatures: state.signatures,
    withheldFromPatient: state.withheldFromPatient,
    withheldReason: state.withheldReason,
    final,
  });
  return {
    item: {
      id: doc.id,
      kind: doc.kind,
      status: doc.status,
      tribunalCaseId: doc.caseId,
      title: DOCUMENT_KIND_LABELS[doc.kind],
      withheldFromPatient: state.withheldFromPatient,
    },
    patientId: doc.patientId,
    content,
  };
}

const HEARING_REASONS: Record<string, string> = {
  EXTENSION_REVIEW: 'to review the extension of your community treatment order',
  BARRING_REPORT:
    'after your responsible clinician barred your nearest relative’s order for discharge',
  PATIENT_REQUEST: 'because you asked the hospital managers to consider discharging you',
  OTHER: 'to consider whether you should be discharged from your community treatment order',
};

const LETTER_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const letterDay = (iso: string) => LETTER_DAY.format(new Date(`${iso}T00:00:00Z`));

/**
 * The letter telling the patient the managers' panel's decision (issue 9 §1), once a decision is
 * recorded; null when there is none yet or the hearing is not in the actor's scope.
 */
export async function loadManagersDecisionLetter(
  ctx: QueryContext,
  managersHearingId: string,
): Promise<{ item: DocumentListItem; patientId: string; content: DocumentContent } | null> {
  if (!UUID.test(managersHearingId)) return null;
  const client = ctx.client ?? db;
  const access = await resolvePatientAccess(ctx, 'read:patient');
  const hearing = await client.managersHearing.findFirst({
    where: { id: managersHearingId, patient: access.where, outcome: { not: null } },
    select: {
      id: true,
      patientId: true,
      reason: true,
      heldOn: true,
      decisionOn: true,
      outcome: true,
      decisionReasons: true,
      panelMembers: true,
      patient: {
        select: { givenName: true, familyName: true, dateOfBirth: true, nhsNumber: true },
      },
    },
  });
  if (!hearing || !hearing.outcome) return null;
  const decided = hearing.decisionOn ?? hearing.heldOn;
  const decision =
    hearing.outcome === 'DISCHARGE'
      ? 'The panel decided to discharge you from your community treatment order (section 23 of the Mental Health Act 1983). The order has ended.'
      : hearing.outcome === 'CONTINUE'
        ? 'The panel decided not to discharge you. Your community treatment order continues.'
        : 'The panel adjourned the hearing. We will write to you with the new date.';
  const sections = [
    {
      heading: 'The hearing',
      paragraphs: [
        `A panel of the hospital managers met${hearing.heldOn ? ` on ${letterDay(fromDbDate(hearing.heldOn))}` : ''} ${HEARING_REASONS[hearing.reason] ?? HEARING_REASONS.OTHER}.`,
        ...(hearing.panelMembers.length
          ? [`The panel members were ${hearing.panelMembers.join(', ')}.`]
          : []),
      ],
    },
    { heading: 'The decision', paragraphs: [decision] },
    {
      heading: 'The reasons',
      paragraphs: hearing.decisionReasons
        ? [hearing.decisionReasons]
        : ['No reasons were recorded.'],
    },
    {
      heading: 'What you can do',
      paragraphs: [
        'You can ask the hospital managers to consider discharging you again at any time, and you may be able to apply to the First-tier Tribunal (Mental Health). The Mental Health Act office can tell you how, and an independent mental health advocate can help you.',
      ],
    },
  ];
  const content: DocumentContent = {
    title: 'The hospital managers’ decision',
    ...(decided ? { subtitle: `Decision of ${letterDay(fromDbDate(decided))}` } : {}),
    patient: {
      name: `${hearing.patient.givenName} ${hearing.patient.familyName}`,
      dateOfBirth: fromDbDate(hearing.patient.dateOfBirth),
      nhsNumber: hearing.patient.nhsNumber,
    },
    sections,
    signatures: [],
    withheldFromPatient: false,
    draft: false,
  };
  return {
    item: {
      id: hearing.id,
      kind: 'MANAGERS_DECISION_LETTER',
      status: 'DECIDED',
      tribunalCaseId: null,
      title: 'The hospital managers’ decision',
      withheldFromPatient: false,
    },
    patientId: hearing.patientId,
    content,
  };
}
