import 'server-only';
// GET and PATCH /api/v1/patients/{id} (app/api/v1/patients/[patientId]/route.ts re-exports
// them), here in lib so that tests call the handlers without importing from app/.
import { apiActor, jsonError, requestMeta } from '@/lib/server/api';
import { getPatient } from '@/lib/server/queries/get-patient';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { fromDbDate } from '@/lib/server/dates';
import { updatePatient } from '@/lib/server/services/update-patient';
import { readJsonBody, serviceError } from '@/lib/server/patients/api';

// GET /api/v1/patients/{id}: one patient; 404 when it does not exist or is outside the caller's scope.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ patientId: string }> },
): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const { patientId } = await params;
  try {
    const p = await getPatient(
      { actor, meta: requestMeta(request, `/api/v1/patients/${patientId}`) },
      patientId,
    );
    const order = p.orders[0];
    return Response.json(
      {
        id: p.id,
        version: p.version,
        nhsNumber: p.nhsNumber,
        localId: p.localId,
        givenName: p.givenName,
        familyName: p.familyName,
        dateOfBirth: fromDbDate(p.dateOfBirth),
        sex: p.sex,
        ethnicCategory: p.ethnicCategory,
        team: p.currentTeam?.name ?? null,
        careCoordinator:
          p.staffAssignments.find((a) => a.kind === 'CARE_COORDINATOR')?.user.name ?? null,
        responsibleClinician:
          p.staffAssignments.find((a) => a.kind === 'RESPONSIBLE_CLINICIAN')?.user.name ?? null,
        order: order
          ? {
              id: order.id,
              state: order.state,
              madeOn: order.madeOn ? fromDbDate(order.madeOn) : null,
              currentExpiryDate: order.currentExpiryDate
                ? fromDbDate(order.currentExpiryDate)
                : null,
              currentExpiryAlternative: order.currentExpiryAlternative
                ? fromDbDate(order.currentExpiryAlternative)
                : null,
              responsibleHospital: order.responsibleHospital.name,
              conditions: order.conditions.map((c) => ({
                id: c.id,
                kind: c.kind,
                category: c.category,
                wording: c.wording,
                status: c.status,
              })),
            }
          : null,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    if (error instanceof NotFound) return jsonError(404, 'NOT_FOUND', 'No patient with that id.');
    if (error instanceof AccessDenied)
      return jsonError(404, 'NOT_FOUND', 'No patient with that id.');
    throw error;
  }
}

// PATCH /api/v1/patients/{id} (issue 10): corrects or changes the fields sent (null clears one).
// The body is updatePatientSchema as JSON: `kind` ('CORRECTION' with a `reason`, or 'CHANGE'
// with an optional `effectiveOn`), `expectedVersion` (the `version` the caller read) and the
// fields. Out of scope answers 404, as for GET.
export async function PATCH(
  request: Request,
  { params }: { params: Promise<{ patientId: string }> },
): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const { patientId } = await params;
  const body = await readJsonBody(request);
  if (body instanceof Response) return body;
  const result = await updatePatient(actor, patientId, body, {
    meta: requestMeta(request, `/api/v1/patients/${patientId}`),
  });
  if (!result.ok) {
    if (result.code === 'NOT_FOUND') return jsonError(404, 'NOT_FOUND', 'No patient with that id.');
    return serviceError(result);
  }
  return Response.json(result.data, { headers: { 'Cache-Control': 'no-store' } });
}
