'use server';
// Thin actions for a report draft's page: each calls its service (which parses with the schema)
// and goes back to the report on success.
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { formToObject } from '@/lib/schemas/common';
import type { FormState } from '@/lib/schemas/form-state';
import { countersignReport } from '@/lib/server/services/countersign-report';
import { markReportReady } from '@/lib/server/services/mark-report-ready';
import { saveReportSection } from '@/lib/server/services/save-report-section';
import { nameReportAuthor } from '@/lib/server/services/name-report-author';
import { signReport } from '@/lib/server/services/sign-report';
import { withholdReport } from '@/lib/server/services/withhold-report';
import type { ServiceResult } from '@/lib/server/services/run-service';

const SAFE = /^[0-9a-f-]{36}$/i;
const SECTION = /^[a-z0-9-]{1,60}$/;

function values(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v;
  return out;
}

function reportPath(patientId: unknown, caseId: unknown, documentId: unknown): string {
  const safe = (v: unknown) => (typeof v === 'string' && SAFE.test(v) ? v : 'unknown');
  return `/patients/${safe(patientId)}/tribunal/${safe(caseId)}/documents/${safe(documentId)}`;
}

type Call = (
  actor: Awaited<ReturnType<typeof requireActor>>,
  input: unknown,
  meta: Awaited<ReturnType<typeof getRequestMeta>>,
) => Promise<ServiceResult<unknown>>;

async function run(form: FormData, back: string, call: Call, done: string): Promise<FormState> {
  const actor = await requireActor();
  const result = await call(actor, formToObject(form), await getRequestMeta(back));
  if (!result.ok) {
    return { message: result.message, fieldErrors: result.fieldErrors, values: values(form) };
  }
  redirect(`${back}?done=${done}`);
}

export async function saveSectionAction(
  patientId: unknown,
  caseId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const key = form.get('sectionKey');
  const back = reportPath(patientId, caseId, form.get('documentId'));
  const anchor = typeof key === 'string' && SECTION.test(key) ? key : 'saved';
  return run(form, back, (a, i, meta) => saveReportSection(a, i, { meta }), `saved#${anchor}`);
}

export async function markReadyAction(
  patientId: unknown,
  caseId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const back = reportPath(patientId, caseId, form.get('documentId'));
  return run(form, back, (a, i, meta) => markReportReady(a, i, { meta }), 'ready');
}

export async function signAction(
  patientId: unknown,
  caseId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const back = reportPath(patientId, caseId, form.get('documentId'));
  return run(form, back, (a, i, meta) => signReport(a, i, { meta }), 'signed');
}

export async function countersignAction(
  patientId: unknown,
  caseId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const back = reportPath(patientId, caseId, form.get('documentId'));
  return run(form, back, (a, i, meta) => countersignReport(a, i, { meta }), 'countersigned');
}

export async function withholdAction(
  patientId: unknown,
  caseId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const back = reportPath(patientId, caseId, form.get('documentId'));
  return run(form, back, (a, i, meta) => withholdReport(a, i, { meta }), 'withheld');
}

export async function nameAuthorAction(
  patientId: unknown,
  caseId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const back = reportPath(patientId, caseId, form.get('documentId'));
  return run(form, back, (a, i, meta) => nameReportAuthor(a, i, { meta }), 'author');
}
