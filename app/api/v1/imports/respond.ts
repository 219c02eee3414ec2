import { jsonError } from '@/lib/server/api';
import type { ServiceResult } from '@/lib/server/services/run-service';

const STATUS: Record<string, number> = {
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REFUSED: 422,
  ERROR: 500,
};

const FILE_STATUS: Record<string, number> = {
  FILE_TOO_LARGE: 413,
  NOT_A_SPREADSHEET: 415,
  EMPTY_FILE: 422,
  NO_HEADERS: 422,
};

/** A service's result as the JSON API answers it. */
export function serviceResponse<T>(result: ServiceResult<T>, okStatus = 200): Response {
  if (result.ok) {
    return Response.json(result.data, {
      status: okStatus,
      headers: { 'Cache-Control': 'no-store' },
    });
  }
  const status = (result.reason && FILE_STATUS[result.reason]) || STATUS[result.code] || 400;
  return jsonError(
    status,
    result.reason && FILE_STATUS[result.reason] ? result.reason : result.code,
    result.message,
    result.fieldErrors,
  );
}
