import { apiActor, jsonError, requestMeta } from '@/lib/server/api';
import { commitRegisterImport } from '@/lib/server/services/import-register';
import { serviceResponse } from '../../respond';

export const dynamic = 'force-dynamic';

// POST /api/v1/imports/{id}/commit with optional {"decisions":[{"row","code","column","choice"}]}:
// applies a dry run.
export async function POST(
  request: Request,
  { params }: { params: Promise<{ importId: string }> },
): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const { importId } = await params;
  let body: unknown = {};
  const text = await request.text();
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return jsonError(400, 'INVALID_INPUT', 'The body is not valid JSON.');
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return jsonError(400, 'INVALID_INPUT', 'The body must be a JSON object.');
  }
  const result = await commitRegisterImport(
    actor,
    { ...(body as Record<string, unknown>), importId },
    { meta: requestMeta(request, '/api/v1/imports/[importId]/commit') },
  );
  return serviceResponse(result);
}
