import 'server-only';
// Every recorded statutory form (CTO1 to CTO12) as a document: a PDF laid out like the
// prescribed form, filled from what was recorded (issue 9, part 3). Scoped in the query; the
// route audits the download.
import { db } from '@/lib/server/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { FORM_LAYOUTS, FORM_TYPES, type FormType } from '@/lib/documents/statutory-forms/layouts';
import { renderStatutoryForm } from '@/lib/documents/statutory-forms/render';
import { fileNameFor } from '@/lib/documents/labels';
import { formatDate, formatDateTime } from '@/lib/format';
import { londonDateOf } from '@/lib/server/dates';
import { resolvePatientAccess, type QueryContext } from '@/lib/server/queries/access';
import type { DocumentListItem, DocumentSource, LoadedDocument } from './registry';
import { CONTENT_TYPES, documentPatient, UUID } from './patient';
import { statutoryFormValues } from './statutory-form-values';

const formSelect = {
  id: true,
  type: true,
  patientId: true,
  orderId: true,
  createdAt: true,
  signedAt: true,
  scrutinyOutcome: true,
  enteredInErrorAt: true,
  enteredInErrorReason: true,
  patient: { select: { givenName: true, familyName: true, dateOfBirth: true, nhsNumber: true } },
} satisfies Prisma.StatutoryFormSelect;
type FormRow = Prisma.StatutoryFormGetPayload<{ select: typeof formSelect }>;

/** "Community treatment order" from "Section 17A — Community treatment order". */
export function formSubject(type: FormType): string {
  const heading = FORM_LAYOUTS[type].heading;
  const cut = heading.indexOf('—');
  return cut >= 0 ? heading.slice(cut + 1).trim() : heading;
}

function item(row: FormRow): DocumentListItem {
  const type = row.type as FormType;
  const status = row.enteredInErrorAt
    ? 'ENTERED_IN_ERROR'
    : row.scrutinyOutcome === 'PENDING'
      ? 'RECORDED'
      : row.scrutinyOutcome;
  return {
    id: row.id,
    kind: type,
    status,
    tribunalCaseId: null,
    title: `Form ${type}: ${formSubject(type)} (recorded ${formatDate(londonDateOf(row.createdAt))})`,
    withheldFromPatient: false,
  };
}

async function scopedWhere(ctx: QueryContext): Promise<Prisma.PatientWhereInput> {
  const access = await resolvePatientAccess(ctx, 'read:patient', { includeBreakGlass: true });
  return access.where;
}

/** The form as a PDF (a copy of what was recorded). */
export async function renderFormPdf(ctx: QueryContext, row: FormRow): Promise<Uint8Array> {
  const filled = await statutoryFormValues(ctx.client ?? db, row.id);
  return renderStatutoryForm({
    type: row.type as FormType,
    values: filled?.values ?? {},
    patient: documentPatient(row.patient),
    recordedLine: `Copy of the form recorded in CTO Tracker on ${formatDateTime(row.createdAt)}${
      row.signedAt ? `, signed ${formatDateTime(row.signedAt)}` : ''
    }. Printed ${formatDateTime(ctx.now ?? new Date())}.`,
    enteredInError: row.enteredInErrorAt
      ? (row.enteredInErrorReason ?? 'this form was marked entered in error')
      : null,
  });
}

/** The patient's statutory forms in scope (optionally one order's), oldest first. */
export async function listFormRows(
  ctx: QueryContext,
  patientId: string,
  options: { orderId?: string | null; liveOnly?: boolean } = {},
): Promise<FormRow[]> {
  const where = await scopedWhere(ctx);
  return (ctx.client ?? db).statutoryForm.findMany({
    where: {
      patientId,
      patient: where,
      type: { in: [...FORM_TYPES] },
      ...(options.orderId ? { orderId: options.orderId } : {}),
      ...(options.liveOnly ? { enteredInErrorAt: null } : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: formSelect,
  });
}

export const statutoryFormSource: DocumentSource = {
  name: 'statutory-forms',
  async list(ctx, patientId) {
    return (await listFormRows(ctx, patientId)).map(item);
  },
  async load(ctx, id): Promise<LoadedDocument | null> {
    if (!UUID.test(id)) return null;
    const where = await scopedWhere(ctx);
    const row = await (ctx.client ?? db).statutoryForm.findFirst({
      where: { id, patient: where, type: { in: [...FORM_TYPES] } },
      select: formSelect,
    });
    if (!row) return null;
    const listItem = item(row);
    return {
      item: listItem,
      patientId: row.patientId,
      formats: ['pdf'],
      async render() {
        return {
          bytes: await renderFormPdf(ctx, row),
          contentType: CONTENT_TYPES.pdf,
          fileName: fileNameFor(
            `Form ${row.type} ${londonDateOf(row.createdAt)}`,
            `${row.patient.givenName} ${row.patient.familyName}`,
            'pdf',
          ),
        };
      },
    };
  },
};
