'use server';
// Thin server actions for importing the register: read the form, call the service, answer.
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { MAX_FILE_BYTES } from '@/lib/import/read-file';
import { formToObject } from '@/lib/schemas/common';
import type { FormState } from '@/lib/schemas/form-state';
import { importDecisionsFormSchema, importMappingFormSchema } from '@/lib/schemas/register-import';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getRegisterImport } from '@/lib/server/queries/register-imports';
import { commitRegisterImport, previewRegisterImport } from '@/lib/server/services/import-register';
import { zodFieldErrors } from '@/lib/server/services/run-service';
import type { ImportDecisionInput } from '@/lib/schemas/register-import';

const NOT_FOUND: FormState = { message: 'The import was not found.' };

export async function uploadRegisterAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const file = form.get('file');
  // No file chosen: browsers send an empty part whose name is blank (or a placeholder).
  const chosen =
    file instanceof File && (file.size > 0 || /\.(csv|xlsx|xls|txt)$/i.test(file.name));
  if (!chosen) {
    return {
      message: 'Choose the register file to import',
      fieldErrors: { file: 'Choose a CSV or Excel (.xlsx) file' },
    };
  }
  if (!(file instanceof File)) return {};
  const tooLarge = file.size > MAX_FILE_BYTES;
  const result = await previewRegisterImport(
    actor,
    {
      fileName: file.name || 'register',
      // Over the limit, the service refuses without the bytes ever being read.
      bytes: tooLarge
        ? new Uint8Array(MAX_FILE_BYTES + 1)
        : new Uint8Array(await file.arrayBuffer()),
    },
    { meta: await getRequestMeta('/imports') },
  );
  if (!result.ok) {
    return { message: result.message, fieldErrors: { file: result.message } };
  }
  redirect(`/imports/${result.data.id}`);
}

export async function remapRegisterAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const parsed = importMappingFormSchema.safeParse(formToObject(form));
  if (!parsed.success) {
    return { message: 'Check the mapping.', fieldErrors: zodFieldErrors(parsed.error) };
  }
  let detail;
  try {
    detail = await getRegisterImport(
      { actor, meta: await getRequestMeta('/imports') },
      parsed.data.importId,
    );
  } catch (error) {
    if (error instanceof AccessDenied || error instanceof NotFound) return NOT_FOUND;
    throw error;
  }
  const mapping: Record<string, string> = {};
  for (const column of detail.columns) {
    const field = parsed.data.mapping[String(column.index)];
    if (field === undefined) continue;
    // A column left unmapped is remembered as "not imported" only when it was mapped before.
    if (field === '' && column.field === null) continue;
    mapping[column.header] = field === '' ? 'ignore' : field;
  }
  const result = await previewRegisterImport(
    actor,
    { fileName: detail.fileName, bytes: new Uint8Array(), mapping, fromImportId: detail.id },
    { meta: await getRequestMeta(`/imports/${detail.id}`) },
  );
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  redirect(`/imports/${result.data.id}?remapped=1`);
}

export async function commitRegisterAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const parsed = importDecisionsFormSchema.safeParse(formToObject(form));
  if (!parsed.success) {
    return { message: 'Check your answers.', fieldErrors: zodFieldErrors(parsed.error) };
  }
  let detail;
  try {
    detail = await getRegisterImport(
      { actor, meta: await getRequestMeta('/imports') },
      parsed.data.importId,
    );
  } catch (error) {
    if (error instanceof AccessDenied || error instanceof NotFound) return NOT_FOUND;
    throw error;
  }
  // q<row>_<n>: the n-th question of that row, as the page drew it.
  const decisions: ImportDecisionInput[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const [key, choice] of Object.entries(parsed.data.decisions)) {
    const [, rowText, nText] = /^q(\d+)_(\d+)$/.exec(key) ?? [];
    const row = detail.rows.find((r) => r.row === Number(rowText));
    const question = row?.messages.filter((m) => m.severity === 'question')[Number(nText)];
    if (!row || !question || !question.choices?.some((c) => c.value === choice)) {
      fieldErrors[`decisions.${key}`] = 'Choose one of the answers offered';
      continue;
    }
    decisions.push({
      row: row.row,
      code: question.code as ImportDecisionInput['code'],
      column: question.column,
      choice,
    });
  }
  if (Object.keys(fieldErrors).length > 0) return { message: 'Check your answers.', fieldErrors };
  const result = await commitRegisterImport(
    actor,
    { importId: detail.id, decisions },
    { meta: await getRequestMeta(`/imports/${detail.id}`) },
  );
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  redirect(`/imports/${detail.id}?imported=${result.data.imported}`);
}
