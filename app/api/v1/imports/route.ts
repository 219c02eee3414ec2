import { can } from '@/lib/auth/permissions';
import { apiActor, jsonError, requestMeta } from '@/lib/server/api';
import { MAX_FILE_BYTES } from '@/lib/import/read-file';
import { previewRegisterImport } from '@/lib/server/services/import-register';
import { serviceResponse } from './respond';

export const dynamic = 'force-dynamic';

// A little over the file limit for the multipart envelope around it.
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

function parseJsonField(value: FormDataEntryValue | null, what: string): unknown {
  if (value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`${what} must be text.`);
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new Error(`${what} is not valid JSON.`);
  }
}

function parseDryRun(value: FormDataEntryValue | null): unknown {
  if (value === null || value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

// POST /api/v1/imports (multipart: file, optional mapping JSON, dryRun true by default,
// optional decisions JSON): previews, or with dryRun=false also commits, a register.
export async function POST(request: Request): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const meta = requestMeta(request, '/api/v1/imports');
  // Someone who may not import is refused (and audited, by the service) before the upload is read.
  if (!can(actor.roles, 'import:register')) {
    return serviceResponse(
      await previewRegisterImport(actor, { fileName: '', bytes: new Uint8Array() }, { meta }),
    );
  }
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) {
    return jsonError(
      413,
      'FILE_TOO_LARGE',
      'The file is larger than 20 MB: split the register into smaller files.',
    );
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonError(
      400,
      'INVALID_UPLOAD',
      'Send the register as multipart/form-data with the file in "file".',
    );
  }
  const file = form.get('file');
  if (!(file instanceof File)) {
    return jsonError(
      400,
      'INVALID_UPLOAD',
      'Choose a file: the register goes in the "file" field.',
    );
  }
  if (file.size > MAX_FILE_BYTES) {
    return jsonError(
      413,
      'FILE_TOO_LARGE',
      'The file is larger than 20 MB: split the register into smaller files.',
    );
  }
  let mapping: unknown;
  let decisions: unknown;
  try {
    mapping = parseJsonField(form.get('mapping'), 'mapping');
    decisions = parseJsonField(form.get('decisions'), 'decisions');
  } catch (error) {
    return jsonError(400, 'INVALID_INPUT', (error as Error).message);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await previewRegisterImport(
    actor,
    {
      fileName: file.name || 'register',
      bytes,
      mapping,
      dryRun: parseDryRun(form.get('dryRun')),
      decisions,
    },
    { meta },
  );
  return serviceResponse(result, 201);
}
