import 'server-only';
// A report draft as its page shows it (issue 9 §2) and as the documents API renders it: the
// template kept in the draft (or today's, before the first save), each section's latest text
// or the pre-filled text with its sources, every version with who and when, the signatures,
// and what the reader may do. Scoped in the where clause; the page read is audited.
import { ageOn } from '@/lib/cto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db, type Db, type Tx } from '@/lib/server/db';
import { fromDbDate, londonDateOf, type IsoDate } from '@/lib/server/dates';
import { readPatientInScope, type ScopedPatient } from '@/lib/server/services/social/read-scope';
import { can } from '@/lib/auth/permissions';
import { mayWriteDocument } from '@/lib/tribunal/authorship';
import { mergeDraft, type DraftSection, type Signatures } from '@/lib/tribunal/draft';
import { prefillReport, type PrefilledSection } from '@/lib/tribunal/prefill';
import {
  groupForAge,
  parseStoredTemplate,
  templateFor,
  type ReportTemplate,
} from '@/lib/tribunal/templates';
import { gatherReportRecord } from './tribunal-report-record';
import { possibleAuthors } from './report-authors';
import { audit, NotFound, type QueryContext } from './access';
import { DOCUMENT_KIND_LABELS } from './tribunal-paperwork';

export const reportDocumentSelect = {
  id: true,
  patientId: true,
  caseId: true,
  managersHearingId: true,
  kind: true,
  status: true,
  authorRole: true,
  authorId: true,
  authorName: true,
  dueOn: true,
  author: { select: { name: true } },
  patient: {
    select: { givenName: true, familyName: true, dateOfBirth: true, nhsNumber: true },
  },
  case: { select: { receivedOn: true, kind: true, basis: true, status: true } },
  managersHearing: { select: { scheduledAt: true, reason: true } },
  reportDraft: {
    include: { sections: { orderBy: [{ sectionKey: 'asc' }, { version: 'asc' }] } },
  },
} satisfies Prisma.TribunalDocumentSelect;

export type ReportDocumentRow = Prisma.TribunalDocumentGetPayload<{
  select: typeof reportDocumentSelect;
}>;

export interface ReportState {
  template: ReportTemplate;
  sections: DraftSection[];
  /** When the pre-filled text was read from the record. */
  prefilledOn: IsoDate;
  drafted: boolean;
  signatures: Signatures;
  countersignRequired: boolean;
  withheldFromPatient: boolean;
  /** Rule 14: which part is withheld and why (the RC or the MHA office). */
  withheldReason: string | null;
}

/** The draft as it stands, or (before the first save) the pre-fill from the record today. */
export async function reportState(
  client: Db | Tx,
  doc: ReportDocumentRow,
  patientWhere: Prisma.PatientWhereInput,
  now: Date,
): Promise<ReportState> {
  const draft = doc.reportDraft;
  let template: ReportTemplate;
  let prefill: PrefilledSection[];
  let prefilledOn: IsoDate;
  if (draft) {
    template = parseStoredTemplate(draft.template);
    prefill = draft.prefill as unknown as PrefilledSection[];
    prefilledOn = londonDateOf(draft.prefilledAt);
  } else {
    const day = doc.case
      ? fromDbDate(doc.case.receivedOn)
      : doc.managersHearing
        ? londonDateOf(doc.managersHearing.scheduledAt)
        : londonDateOf(now);
    template = templateFor(doc.kind, groupForAge(ageOn(fromDbDate(doc.patient.dateOfBirth), day)));
    const record = await gatherReportRecord(client, doc.patientId, patientWhere, {
      now,
      excludeCaseId: doc.caseId,
    });
    prefill = record ? prefillReport(template, record) : [];
    prefilledOn = londonDateOf(now);
  }
  const signed =
    draft?.signedAt && draft.signedName && draft.signedRole && draft.signedOn
      ? { name: draft.signedName, role: draft.signedRole, on: fromDbDate(draft.signedOn) }
      : null;
  const countersigned =
    draft?.countersignedAt &&
    draft.countersignedName &&
    draft.countersignedRole &&
    draft.countersignedOn
      ? {
          name: draft.countersignedName,
          role: draft.countersignedRole,
          on: fromDbDate(draft.countersignedOn),
        }
      : null;
  return {
    template,
    sections: mergeDraft(template, prefill, draft?.sections ?? []),
    prefilledOn,
    drafted: draft !== null,
    signatures: { signed, countersigned },
    countersignRequired: draft?.countersignRequired ?? false,
    withheldFromPatient: draft?.withheldFromPatient ?? false,
    withheldReason: draft?.withheldFromPatient ? (draft.withheldReason ?? null) : null,
  };
}

export interface ReportDraftView extends ReportState {
  patient: ScopedPatient;
  document: {
    id: string;
    kind: ReportDocumentRow['kind'];
    title: string;
    status: ReportDocumentRow['status'];
    author: string | null;
    authorRole: ReportDocumentRow['authorRole'];
    dueOn: IsoDate | null;
    caseId: string | null;
    managersHearingId: string | null;
  };
  may: {
    write: boolean;
    sign: boolean;
    countersign: boolean;
    /** Rule 14: the patient's RC or the MHA office, until the report is sent. */
    withhold: boolean;
    /** The MHA office names the author before the report is ready for sign-off. */
    nameAuthor: boolean;
  };
  /** Whom the MHA office may name (empty unless it may). */
  possibleAuthors: { value: string; label: string }[];
  withheldBy: string | null;
}

export async function getReportDraft(
  ctx: QueryContext,
  patientId: string,
  caseId: string,
  documentId: string,
): Promise<ReportDraftView> {
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const scoped = await readPatientInScope(ctx, patientId, 'tribunal-report.read');
  const UUID = /^[0-9a-f-]{36}$/i;
  const doc =
    UUID.test(documentId) && UUID.test(caseId)
      ? await client.tribunalDocument.findFirst({
          where: {
            id: documentId,
            patientId,
            patient: scoped.patientWhere,
            OR: [{ caseId }, { managersHearingId: caseId }],
          },
          select: reportDocumentSelect,
        })
      : null;
  if (!doc) {
    await audit(ctx, {
      action: 'tribunal-report.read',
      outcome: 'FAILURE',
      reason: 'not-found',
      entityType: 'TribunalDocument',
      patientId,
    });
    throw new NotFound('Report');
  }
  const state = await reportState(client, doc, scoped.patientWhere, now);
  const actor = ctx.actor;
  const isRc =
    (await client.staffAssignment.count({
      where: { patientId, userId: actor.userId, kind: 'RESPONSIBLE_CLINICIAN', endedOn: null },
    })) > 0;
  const write =
    mayWriteDocument(doc, actor) &&
    !['SIGNED', 'SENT'].includes(doc.status) &&
    state.signatures.signed === null;
  const office = can(actor.roles, 'manage:tribunal');
  const open = doc.case ? doc.case.status === 'OPEN' : true;
  const withhold = open && (office || isRc) && doc.status !== 'SENT';
  const nameAuthor =
    open &&
    office &&
    doc.authorRole !== 'MHA_OFFICE' &&
    (doc.status === 'REQUESTED' || doc.status === 'DRAFTING');
  const currentTeamId =
    (
      await client.patient.findFirst({
        where: { id: patientId, ...scoped.patientWhere },
        select: { currentTeamId: true },
      })
    )?.currentTeamId ?? null;
  const withheldById = doc.reportDraft?.withheldFromPatient ? doc.reportDraft.withheldById : null;
  const withheldBy = withheldById
    ? ((await client.user.findUnique({ where: { id: withheldById }, select: { name: true } }))
        ?.name ?? null)
    : null;
  await audit(ctx, {
    action: 'tribunal-report.read',
    outcome: 'SUCCESS',
    entityType: 'TribunalDocument',
    entityId: doc.id,
    patientId,
    breakGlassId: scoped.breakGlassId,
  });
  return {
    ...state,
    patient: scoped.patient,
    document: {
      id: doc.id,
      kind: doc.kind,
      title: DOCUMENT_KIND_LABELS[doc.kind],
      status: doc.status,
      author: doc.author?.name ?? doc.authorName ?? null,
      authorRole: doc.authorRole,
      dueOn: doc.dueOn ? fromDbDate(doc.dueOn) : null,
      caseId: doc.caseId,
      managersHearingId: doc.managersHearingId,
    },
    may: {
      write,
      sign: write && doc.status === 'READY_FOR_SIGN_OFF',
      countersign:
        isRc &&
        doc.status === 'READY_FOR_SIGN_OFF' &&
        state.countersignRequired &&
        state.signatures.signed !== null &&
        state.signatures.countersigned === null,
      withhold,
      nameAuthor,
    },
    possibleAuthors: nameAuthor
      ? await possibleAuthors(client, { id: patientId, currentTeamId }, doc.kind)
      : [],
    withheldBy,
  };
}
