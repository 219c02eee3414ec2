import 'server-only';
// Tribunal paperwork reads (issue 9, part 1): one case with its documents, hearings and whether
// a paper decision is possible; every open case's documents for the MHA office; an author's own
// documents still to do (the in-app reminder). Scoped in the where clause and audited.
import {
  ageOn,
  documentLateness,
  paperDecision,
  type Lateness,
  type PaperDecision,
} from '@/lib/cto';
import type {
  TribunalDocumentAuthor,
  TribunalDocumentKind,
  TribunalDocumentStatus,
  Prisma,
} from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { fromDbDate, type IsoDate } from '@/lib/server/dates';
import { readPatientInScope, type ScopedPatient } from '@/lib/server/services/social/read-scope';
import { audit, NotFound, resolvePatientAccess, type QueryContext } from './access';

export const DOCUMENT_KIND_LABELS: Record<TribunalDocumentKind, string> = {
  RESPONSIBLE_AUTHORITY_STATEMENT: 'Responsible authority’s statement',
  RC_REPORT: 'Responsible clinician’s report',
  SOCIAL_CIRCUMSTANCES_REPORT: 'Social circumstances report',
  NURSING_REPORT: 'Nursing report',
};
export const DOCUMENT_STATUS_LABELS: Record<TribunalDocumentStatus, string> = {
  REQUESTED: 'Requested',
  DRAFTING: 'Drafting',
  READY_FOR_SIGN_OFF: 'Ready for sign-off',
  SIGNED: 'Signed',
  SENT: 'Sent',
};
export const DOCUMENT_AUTHOR_LABELS: Record<TribunalDocumentAuthor, string> = {
  RESPONSIBLE_CLINICIAN: 'Responsible clinician',
  CARE_COORDINATOR: 'Care coordinator',
  NAMED_PERSON: 'Named person',
  MHA_OFFICE: 'MHA office',
};

export interface DocumentRow {
  id: string;
  kind: TribunalDocumentKind;
  status: TribunalDocumentStatus;
  authorRole: TribunalDocumentAuthor;
  authorId: string | null;
  author: string | null;
  dueOn: IsoDate | null;
  steps: { status: TribunalDocumentStatus; at: Date }[];
  sentAt: Date | null;
  /** Sent late, or not sent and now past the deadline (with how late). */
  lateness: Lateness | null;
  patient?: { id: string; name: string };
  caseId: string | null;
  /** A managers' hearing's report (issue 9 §2): its page is under the hearing's id. */
  managersHearingId: string | null;
}

const documentSelect = {
  id: true,
  kind: true,
  status: true,
  authorRole: true,
  authorId: true,
  authorName: true,
  author: { select: { name: true } },
  dueOn: true,
  requestedAt: true,
  draftingAt: true,
  readyAt: true,
  signedAt: true,
  sentAt: true,
  caseId: true,
  managersHearingId: true,
  patient: { select: { id: true, givenName: true, familyName: true } },
} satisfies Prisma.TribunalDocumentSelect;

type DocumentData = Prisma.TribunalDocumentGetPayload<{ select: typeof documentSelect }>;

function toRow(d: DocumentData, now: Date): DocumentRow {
  const dueOn = d.dueOn ? fromDbDate(d.dueOn) : null;
  const steps = (
    [
      ['REQUESTED', d.requestedAt],
      ['DRAFTING', d.draftingAt],
      ['READY_FOR_SIGN_OFF', d.readyAt],
      ['SIGNED', d.signedAt],
      ['SENT', d.sentAt],
    ] as const
  )
    .filter((s): s is readonly [TribunalDocumentStatus, Date] => s[1] !== null)
    .map(([status, at]) => ({ status, at }));
  const late = dueOn ? documentLateness(dueOn, d.sentAt ?? now) : null;
  return {
    id: d.id,
    kind: d.kind,
    status: d.status,
    authorRole: d.authorRole,
    authorId: d.authorId,
    author: d.author?.name ?? d.authorName ?? null,
    dueOn,
    steps,
    sentAt: d.sentAt,
    lateness: late && late.late ? late : null,
    patient: { id: d.patient.id, name: `${d.patient.givenName} ${d.patient.familyName}` },
    caseId: d.caseId,
    managersHearingId: d.managersHearingId,
  };
}

export interface TribunalCaseView {
  patient: ScopedPatient;
  tribunalCase: {
    id: string;
    orderId: string | null;
    kind: 'APPLICATION' | 'REFERENCE';
    applicant: string;
    basis: string;
    receivedOn: IsoDate;
    documentsDueOn: IsoDate;
    status: string;
    tribunalReference: string | null;
    writtenStatementReceivedOn: IsoDate | null;
  };
  documents: DocumentRow[];
  hearings: {
    id: string;
    scheduledAt: Date;
    mode: string | null;
    venue: string | null;
    heldOn: IsoDate | null;
    outcome: string | null;
  }[];
  paperDecision: PaperDecision;
  allSent: boolean;
}

export async function getTribunalCase(
  ctx: QueryContext,
  patientId: string,
  caseId: string,
): Promise<TribunalCaseView> {
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const scoped = await readPatientInScope(ctx, patientId, 'tribunal-case.read');
  const found = /^[0-9a-f-]{36}$/i.test(caseId)
    ? await client.tribunalCase.findFirst({
        where: { id: caseId, patientId, patient: scoped.patientWhere, enteredInErrorAt: null },
        include: {
          documents: { select: documentSelect, orderBy: { createdAt: 'asc' } },
          hearings: { orderBy: { scheduledAt: 'asc' } },
          order: { select: { state: true } },
        },
      })
    : null;
  if (!found) {
    await audit(ctx, {
      action: 'tribunal-case.read',
      outcome: 'FAILURE',
      reason: 'not-found',
      entityType: 'TribunalCase',
      patientId,
    });
    throw new NotFound('Tribunal case');
  }
  const receivedOn = fromDbDate(found.receivedOn);
  const documents = found.documents.map((d) => toRow(d, now));
  const community = found.order
    ? !['PROPOSED', 'AGREED', 'DECLINED', 'REVOKED', 'DISCHARGED', 'EXPIRED', 'DIED'].includes(
        found.order.state,
      )
    : false;
  const view: TribunalCaseView = {
    patient: scoped.patient,
    tribunalCase: {
      id: found.id,
      orderId: found.orderId,
      kind: found.kind,
      applicant: found.applicant,
      basis: found.basis,
      receivedOn,
      documentsDueOn: fromDbDate(found.documentsDueOn),
      status: found.status,
      tribunalReference: found.tribunalReference,
      writtenStatementReceivedOn: found.writtenStatementReceivedOn
        ? fromDbDate(found.writtenStatementReceivedOn)
        : null,
    },
    documents,
    hearings: found.hearings.map((h) => ({
      id: h.id,
      scheduledAt: h.scheduledAt,
      mode: h.mode,
      venue: h.venue,
      heldOn: h.heldOn ? fromDbDate(h.heldOn) : null,
      outcome: h.outcome,
    })),
    paperDecision: paperDecision({
      kind: found.kind,
      basis: found.basis,
      communityPatient: community,
      ageOnReceipt: ageOn(fromDbDate(scoped.patient.dateOfBirth), receivedOn),
      writtenStatementReceived: found.writtenStatementReceivedOn !== null,
    }),
    allSent: documents.length > 0 && documents.every((d) => d.status === 'SENT'),
  };
  await audit(ctx, {
    action: 'tribunal-case.read',
    outcome: 'SUCCESS',
    entityType: 'TribunalCase',
    entityId: found.id,
    patientId,
    breakGlassId: scoped.breakGlassId,
  });
  return view;
}

/** The patient's tribunal cases, newest first (for the patient's tribunal page). */
export async function listPatientTribunalCases(ctx: QueryContext, patientId: string) {
  const client = ctx.client ?? db;
  const scoped = await readPatientInScope(ctx, patientId, 'tribunal-cases.read');
  const cases = await client.tribunalCase.findMany({
    where: { patientId, patient: scoped.patientWhere, enteredInErrorAt: null },
    orderBy: { receivedOn: 'desc' },
    select: {
      id: true,
      kind: true,
      basis: true,
      receivedOn: true,
      documentsDueOn: true,
      status: true,
      documents: { select: { status: true } },
    },
  });
  await audit(ctx, {
    action: 'tribunal-cases.read',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    metadata: { count: cases.length },
  });
  return {
    patient: scoped.patient,
    cases: cases.map((c) => ({
      id: c.id,
      kind: c.kind,
      basis: c.basis,
      receivedOn: fromDbDate(c.receivedOn),
      documentsDueOn: fromDbDate(c.documentsDueOn),
      status: c.status,
      sent: c.documents.filter((d) => d.status === 'SENT').length,
      total: c.documents.length,
    })),
  };
}

/**
 * Every open case's documents, for the MHA office (trust-wide, manage:tribunal), due soonest
 * first. The patients' names appear, so the read is audited with the count.
 */
export async function listTribunalDocuments(ctx: QueryContext): Promise<DocumentRow[]> {
  const client = ctx.client ?? db;
  const access = await resolvePatientAccess(ctx, 'manage:tribunal', {});
  const rows = await client.tribunalDocument.findMany({
    where: {
      patient: access.where,
      OR: [
        { case: { status: 'OPEN', enteredInErrorAt: null } },
        { managersHearing: { heldOn: null } },
      ],
    },
    select: documentSelect,
    orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
    take: 500,
  });
  await audit(ctx, {
    action: 'tribunal-documents.read',
    outcome: 'SUCCESS',
    metadata: { count: rows.length },
  });
  const now = ctx.now ?? new Date();
  return rows.map((r) => toRow(r, now));
}

/** The documents the actor is writing and has not finished (their in-app reminder). */
export async function listMyTribunalDocuments(ctx: QueryContext): Promise<DocumentRow[]> {
  const client = ctx.client ?? db;
  const access = await resolvePatientAccess(ctx, 'write:tribunal-document', {});
  const rows = await client.tribunalDocument.findMany({
    where: {
      authorId: ctx.actor.userId,
      status: { notIn: ['SIGNED', 'SENT'] },
      patient: access.where,
      OR: [
        { case: { status: 'OPEN', enteredInErrorAt: null } },
        { managersHearingId: { not: null } },
      ],
    },
    select: documentSelect,
    orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
    take: 200,
  });
  await audit(ctx, {
    action: 'tribunal-documents.read-mine',
    outcome: 'SUCCESS',
    metadata: { count: rows.length },
  });
  const now = ctx.now ?? new Date();
  return rows.map((r) => toRow(r, now));
}
