import { apiActor, jsonError, requestMeta } from '@/lib/server/api';
import { AccessDenied } from '@/lib/server/queries/access';
import { getMhaAnnualStatistics } from '@/lib/server/queries/statistics';
import { statisticsQuerySchema } from '@/lib/schemas/statistics';
import { toCsv } from '@/lib/statistics/csv';
import { MEASURE_LABELS, BREAKDOWN_LABELS } from '@/lib/statistics/measures';
import {
  openExtract,
  statisticsCsv,
  STATISTICS_CSV_KINDS,
} from '@/lib/server/queries/statistics-csv';
import { streamedCsvResponse } from '@/lib/server/streamed-csv';

export const dynamic = 'force-dynamic';

// GET /statistics/csv/<kind>?year=2025-26[&disclosure=published][&team=<id>]: the tables behind
// the statistics pages, and the MHSDS-shaped extracts, as CSV.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ kind: string }> },
): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const { kind } = await params;
  if (!(STATISTICS_CSV_KINDS as readonly string[]).includes(kind)) {
    return jsonError(404, 'NOT_FOUND', 'There is no such download.');
  }
  const parsed = statisticsQuerySchema.safeParse(new URL(request.url).searchParams);
  if (!parsed.success) return jsonError(400, 'INVALID_QUERY', parsed.error);
  const ctx = { actor, meta: requestMeta(request, `/statistics/csv/${kind}`) };
  const input = {
    year: parsed.data.year,
    disclosure: parsed.data.disclosure,
    teamId: parsed.data.team ?? null,
  };
  const headers = {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="cto-${kind}-${input.year.slug}.csv"`,
    'Cache-Control': 'no-store',
  };
  try {
    if (kind === 'mhs401' || kind === 'mhs404' || kind === 'mhs405') {
      // The records go out as they are read (decision 832); the permission is checked first.
      return streamedCsvResponse(await openExtract(ctx, kind, input), headers);
    }
    let body: string;
    if (kind === 'mha-annual' || kind === 'equality') {
      const stats = await getMhaAnnualStatistics(ctx, input);
      const rows = stats.rows.filter(
        (r) =>
          kind === 'mha-annual' ||
          ((r.measure === 'USES_OF_CTOS' || r.measure === 'PEOPLE_ON_CTO_31_MARCH') &&
            ['ETHNIC_GROUP', 'ETHNIC_CODE', 'AGE_BAND', 'GENDER'].includes(r.breakdown)),
      );
      body = toCsv(
        [
          'year',
          'disclosure',
          'measure',
          'measure_label',
          'breakdown',
          'breakdown_label',
          'group',
          'count',
          'crude_rate_per_100000',
          'standardised_rate_per_100000',
          'standardised_rate_lower_95',
          'standardised_rate_upper_95',
        ],
        rows.map((r) => [
          stats.year.label,
          stats.disclosure,
          r.measure,
          MEASURE_LABELS[r.measure],
          r.breakdown,
          BREAKDOWN_LABELS[r.breakdown],
          r.group,
          r.count,
          r.crudeRate,
          r.standardisedRate,
          r.standardisedLower,
          r.standardisedUpper,
        ]),
      );
    } else {
      body = await statisticsCsv(ctx, 'outcomes', input);
    }
    return new Response(body, { headers });
  } catch (error) {
    if (error instanceof AccessDenied)
      return jsonError(403, 'FORBIDDEN', 'You cannot read the statistics.');
    throw error;
  }
}
