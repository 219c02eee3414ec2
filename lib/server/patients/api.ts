import 'server-only';
// The JSON API's answers for issue 10's services (POST and PATCH /api/v1/patients): a
// service result becomes a status and the usual `{ error: { code, message, details } }`.
import { jsonError } from '@/lib/server/api';
import type { ServiceResult } from '@/lib/server/services/run-service';

const MAX_BODY_BYTES = 256 * 1024;

/** The request's JSON object, or a 400/413 answer. An `Idempotency-Key` header is folded in. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown> | Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    return jsonError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) {
    return jsonError(413, 'TOO_LARGE', 'The body is too large.');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, 'INVALID_JSON', 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return jsonError(400, 'INVALID_JSON', 'The body must be a JSON object.');
  }
  const key = request.headers.get('idempotency-key');
  const object = { ...(body as Record<string, unknown>) };
  if (key && object.idempotencyKey === undefined) object.idempotencyKey = key;
  return object;
}

const STATUS = {
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REFUSED: 422,
  ERROR: 500,
} as const;

export function serviceError(
  result: Extract<ServiceResult<unknown>, { ok: false }> & { existingPatientId?: string },
): Response {
  const details = {
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
    ...(result.existingPatientId
      ? {
          existingPatientId: result.existingPatientId,
          existingPatient: `/api/v1/patients/${result.existingPatientId}`,
        }
      : {}),
  };
  return jsonError(
    STATUS[result.code],
    result.code,
    result.message,
    Object.keys(details).length ? details : undefined,
  );
}
