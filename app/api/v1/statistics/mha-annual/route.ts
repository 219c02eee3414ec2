import { apiActor, jsonError, requestMeta } from '@/lib/server/api';
import { AccessDenied } from '@/lib/server/queries/access';
import { getMhaAnnualStatistics } from '@/lib/server/queries/statistics';
import { statisticsQuerySchema } from '@/lib/schemas/statistics';
import { contractRows } from '@/lib/statistics/measures';

export const dynamic = 'force-dynamic';

// GET /api/v1/statistics/mha-annual?year=2025-26[&disclosure=published][&team=<id>]
// The trust's MHA Annual Statistics measures for a year (README, "Statistics").
export async function GET(request: Request): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const url = new URL(request.url);
  const parsed = statisticsQuerySchema.safeParse(url.searchParams);
  if (!parsed.success) return jsonError(400, 'INVALID_QUERY', parsed.error);
  try {
    const stats = await getMhaAnnualStatistics(
      { actor, meta: requestMeta(request, '/api/v1/statistics/mha-annual') },
      { year: parsed.data.year, disclosure: parsed.data.disclosure, teamId: parsed.data.team },
    );
    return Response.json(
      { year: stats.year.label, measures: contractRows(stats.rows) },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    if (error instanceof AccessDenied)
      return jsonError(403, 'FORBIDDEN', 'You cannot read the statistics.');
    throw error;
  }
}
