import 'server-only';
// GET and POST /api/v1/patients (app/api/v1/patients/route.ts re-exports them), here in lib so
// that tests call the handlers without importing from app/.
import { apiActor, badRequest, jsonError, requestMeta } from '@/lib/server/api';
import { listPatients, listPatientsQuerySchema } from '@/lib/server/queries/list-patients';
import { AccessDenied } from '@/lib/server/queries/access';
import { fromDbDate } from '@/lib/server/dates';
import { registerPatient } from '@/lib/server/services/register-patient';
import { readJsonBody, serviceError } from '@/lib/server/patients/api';

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

// POST /api/v1/patients (issue 10): registers a patient. The body is lib/schemas/patients.ts's
// registerPatientSchema as JSON (dates 'YYYY-MM-DD', yes/no as booleans); an `Idempotency-Key`
// header or `idempotencyKey` field makes a retry answer with the first result.
export async function POST(request: Request): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const body = await readJsonBody(request);
  if (body instanceof Response) return body;
  const result = await registerPatient(actor, body, {
    meta: requestMeta(request, '/api/v1/patients'),
  });
  if (!result.ok) return serviceError(result);
  return Response.json(
    { id: result.data.patientId, version: result.data.version },
    {
      status: 201,
      headers: {
        'Cache-Control': 'no-store',
        Location: `/api/v1/patients/${result.data.patientId}`,
      },
    },
  );
}
