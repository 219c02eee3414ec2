import { apiActor, badRequest, jsonError, requestMeta } from '@/lib/server/api';
import { listPatients, listPatientsQuerySchema } from '@/lib/server/queries/list-patients';
import { AccessDenied } from '@/lib/server/queries/access';
import { fromDbDate } from '@/lib/server/dates';

export const dynamic = 'force-dynamic';

// GET /api/v1/patients?q=&page=&pageSize=&sort=name|dateOfBirth|periodEnd&dir=asc|desc
// &state=in-force|recalled|ended&mine=1 : the patients in the caller's scope.
export async function GET(request: Request): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const url = new URL(request.url);
  const allowed = new Set(['q', 'page', 'pageSize', 'sort', 'dir', 'state', 'mine']);
  const unknown = [...url.searchParams.keys()].filter((k) => !allowed.has(k));
  if (unknown.length) {
    return jsonError(400, 'INVALID_QUERY', `Unknown query parameter(s): ${unknown.join(', ')}.`, {
      allowed: [...allowed],
    });
  }
  const parsed = listPatientsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const list = await listPatients(
      { actor, meta: requestMeta(request, '/api/v1/patients') },
      parsed.data,
    );
    return Response.json(
      {
        items: list.items.map((p) => ({
          id: p.id,
          nhsNumber: p.nhsNumber,
          localId: p.localId,
          givenName: p.givenName,
          familyName: p.familyName,
          dateOfBirth: fromDbDate(p.dateOfBirth),
          team: p.teamName,
          order: p.order
            ? {
                id: p.order.id,
                state: p.order.state,
                currentExpiryDate: p.order.currentExpiryDate
                  ? fromDbDate(p.order.currentExpiryDate)
                  : null,
              }
            : null,
        })),
        page: list.page,
        pageSize: list.pageSize,
        total: list.total,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    if (error instanceof AccessDenied)
      return jsonError(403, 'FORBIDDEN', 'You cannot list patients.');
    throw error;
  }
}
