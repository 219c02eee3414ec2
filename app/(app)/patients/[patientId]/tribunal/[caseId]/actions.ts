'use server';
// Thin actions for the tribunal case page: each parses nothing itself, calls its service (which
// parses with the schema) and goes back to the case page on success.
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { formToObject } from '@/lib/schemas/common';
import type { FormState } from '@/lib/schemas/form-state';
import { updateTribunalDocument } from '@/lib/server/services/update-tribunal-document';
import { diariseTribunalHearing } from '@/lib/server/services/diarise-tribunal-hearing';
import { recordWrittenStatement } from '@/lib/server/services/record-written-statement';
import type { ServiceResult } from '@/lib/server/services/run-service';

function values(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v;
  return out;
}

const SAFE = /^[0-9a-f-]{36}$/i;

async function run(
  form: FormData,
  back: string,
  call: (
    actor: Awaited<ReturnType<typeof requireActor>>,
    input: unknown,
    meta: Awaited<ReturnType<typeof getRequestMeta>>,
  ) => Promise<ServiceResult<unknown>>,
): Promise<FormState> {
  const actor = await requireActor();
  const result = await call(actor, formToObject(form), await getRequestMeta(back));
  if (!result.ok) {
    return { message: result.message, fieldErrors: result.fieldErrors, values: values(form) };
  }
  redirect(`${back}?updated=1`);
}

function casePath(patientId: unknown, caseId: unknown): string {
  const p = typeof patientId === 'string' && SAFE.test(patientId) ? patientId : 'unknown';
  const c = typeof caseId === 'string' && SAFE.test(caseId) ? caseId : 'unknown';
  return `/patients/${p}/tribunal/${c}`;
}

export async function updateDocumentAction(
  patientId: unknown,
  caseId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return run(form, casePath(patientId, caseId), (actor, input, meta) =>
    updateTribunalDocument(actor, input, { meta }),
  );
}

export async function diariseHearingAction(
  patientId: unknown,
  caseId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return run(form, casePath(patientId, caseId), (actor, input, meta) =>
    diariseTribunalHearing(actor, input, { meta }),
  );
}

export async function writtenStatementAction(
  patientId: unknown,
  caseId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return run(form, casePath(patientId, caseId), (actor, input, meta) =>
    recordWrittenStatement(actor, input, { meta }),
  );
}
