import { apiActor, jsonError, requestMeta } from '@/lib/server/api';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getRegisterImport, rowOutcomesCsv } from '@/lib/server/queries/register-imports';
import { isId } from '@/lib/server/services/run-service';

export const dynamic = 'force-dynamic';

// GET /api/v1/imports/{id}/outcomes: each row's outcome as CSV, for review after an import.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ importId: string }> },
): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const { importId } = await params;
  try {
    if (!isId(importId)) throw new NotFound('Import');
    const detail = await getRegisterImport(
      { actor, meta: requestMeta(request, '/api/v1/imports/[importId]/outcomes') },
      importId,
    );
    return new Response(rowOutcomesCsv(detail), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="import-${detail.id}-outcomes.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied)
      return jsonError(403, 'FORBIDDEN', 'You cannot review imports.');
    if (error instanceof NotFound) return jsonError(404, 'NOT_FOUND', 'The import was not found.');
    throw error;
  }
}
