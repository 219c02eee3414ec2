import { apiActor, jsonError, requestMeta } from '@/lib/server/api';
import { downloadHref, formatsForKind } from '@/lib/documents/kinds';
import { listPatientDocuments } from '@/lib/server/documents/documents';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';

export const dynamic = 'force-dynamic';

// GET /api/v1/patients/{id}/documents (issue 9, part 3): the patient's documents as
// `{"items":[{"id","kind","status","tribunalCaseId", ...}]}`, each with its title, whether it is
// withheld from the patient (rule 14: `withheldFromPatient`, kept separate from the bundle) and
// its download links. 404 when the patient does not exist or is outside the caller's scope.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ patientId: string }> },
): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const { patientId } = await params;
  try {
    const { items } = await listPatientDocuments(
      { actor, meta: requestMeta(request, `/api/v1/patients/${patientId}/documents`) },
      patientId,
    );
    return Response.json(
      {
        items: items.map((i) => ({
          ...i,
          links: Object.fromEntries(formatsForKind(i.kind).map((f) => [f, downloadHref(i.id, f)])),
        })),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    if (error instanceof NotFound || error instanceof AccessDenied) {
      return jsonError(404, 'NOT_FOUND', 'No patient with that id.');
    }
    throw error;
  }
}
