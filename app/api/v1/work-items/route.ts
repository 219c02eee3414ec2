import { apiActor, badRequest, jsonError, requestMeta } from '@/lib/server/api';
import { listWorkItems } from '@/lib/server/queries/work-items';
import { AccessDenied } from '@/lib/server/queries/access';
import { workItemsQuerySchema } from '@/lib/schemas/work-items';
import { isWorkItemKind, type WorkItemDetailJson, type WorkItemJson } from '@/lib/work-items';

export const dynamic = 'force-dynamic';

// GET /api/v1/work-items[?scope=trust][&kind=&team=&hospital=&rc=&cc=][&detail=full]
// The signed-in person's due work (README, "Work items"); the trust's queue for the MHA office.
export async function GET(request: Request): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const url = new URL(request.url);
  const parsed = workItemsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const q = parsed.data;
  try {
    const result = await listWorkItems(
      { actor, meta: requestMeta(request, '/api/v1/work-items') },
      {
        scope: q.scope ?? 'mine',
        filters: {
          ...(q.kind && isWorkItemKind(q.kind) ? { kind: q.kind } : {}),
          ...(q.team ? { teamId: q.team } : {}),
          ...(q.hospital ? { hospitalId: q.hospital } : {}),
          ...(q.rc ? { rcId: q.rc } : {}),
          ...(q.cc ? { ccId: q.cc } : {}),
        },
      },
    );
    const items = result.items.map((i): WorkItemJson | WorkItemDetailJson => {
      const base: WorkItemJson = {
        kind: i.kind,
        title: i.title,
        patientId: i.patientId,
        orderId: i.orderId,
        dueAt: i.dueAt,
        overdue: i.overdue,
        basis: i.basis,
      };
      return q.detail === 'full'
        ? { ...base, id: i.id, patientName: i.patientName, href: i.href }
        : base;
    });
    return Response.json(q.detail === 'full' ? { items, truncated: result.truncated } : { items }, {
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    if (error instanceof AccessDenied) {
      return jsonError(
        403,
        'FORBIDDEN',
        q.scope === 'trust'
          ? "Only the Mental Health Act office can see the trust's work queue."
          : 'You have no work items to see.',
      );
    }
    throw error;
  }
}
