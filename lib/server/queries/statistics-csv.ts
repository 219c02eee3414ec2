import 'server-only';
// The downloads beyond the measures: the outcomes tables, and MHSDS-shaped extracts (MHS401
// legal status, MHS404 CTO, MHS405 recall) with the national field names, so that a trust can
// compare them with what its EPR submits. The extracts are record-level: the MHA office gets
// the records; anyone else gets only the number of records by code, with disclosure control
// (docs/decisions/764-mhsds-extracts.md). Scoped by the orders' teams, audited.
import { Prisma } from '@/lib/generated/prisma/client';
import { db, type Db, type Tx } from '@/lib/server/db';
import { mhsdsCtoEndReason } from '@/lib/codes/cto-end-reason';
import type { CtoEndReason } from '@/lib/generated/prisma/enums';
import type { StatisticsYear } from '@/lib/statistics/classify';
import { csvLine, toCsv, type CsvValue } from '@/lib/statistics/csv';
import { publishCount, type Disclosure } from '@/lib/statistics/disclosure';
import { DECISION_LABELS } from '@/lib/statistics/outcomes';
import { audit, type QueryContext } from './access';
import { orderReach, statisticsAccess } from './statistics';
import { getOutcomeStatistics } from './statistics-outcomes';

export const STATISTICS_CSV_KINDS = [
  'mha-annual',
  'equality',
  'outcomes',
  'mhs401',
  'mhs404',
  'mhs405',
] as const;
export type StatisticsCsvKind = (typeof STATISTICS_CSV_KINDS)[number];

interface Input {
  year: StatisticsYear;
  disclosure?: Disclosure;
  teamId?: string | null;
}

export async function statisticsCsv(
  ctx: QueryContext,
  kind: Exclude<StatisticsCsvKind, 'mha-annual' | 'equality'>,
  input: Input,
): Promise<string> {
  if (kind === 'outcomes') return outcomesCsv(ctx, input);
  return extractCsv(ctx, kind, input);
}

async function outcomesCsv(ctx: QueryContext, input: Input): Promise<string> {
  const o = await getOutcomeStatistics(ctx, input);
  const rows: CsvValue[][] = [];
  for (const s of o.summary) rows.push(['summary', s.label, '', '', s.value, s.unit]);
  for (const q of o.quality) {
    rows.push([
      'quality_of_life',
      DECISION_LABELS[q.decision],
      'decisions',
      '',
      q.decisions,
      'decisions',
    ]);
    rows.push([
      'quality_of_life',
      DECISION_LABELS[q.decision],
      'mean before (90 days)',
      '',
      q.meanBefore,
      '% of scale',
    ]);
    rows.push([
      'quality_of_life',
      DECISION_LABELS[q.decision],
      'mean after (90 days)',
      '',
      q.meanAfter,
      '% of scale',
    ]);
    rows.push([
      'quality_of_life',
      DECISION_LABELS[q.decision],
      'mean change (pairs)',
      '',
      q.meanChange,
      'points',
    ]);
  }
  for (const p of o.phases)
    rows.push(
      ['quality_of_life_phase', p.phase, 'ratings', '', p.ratings, 'ratings'],
      ['quality_of_life_phase', p.phase, 'mean', '', p.mean, '% of scale'],
    );
  for (const s of o.social) {
    const d = DECISION_LABELS[s.decision];
    rows.push(['social_factors', d, s.domain, 'rated', s.rated, 'ratings']);
    rows.push(['social_factors', d, s.domain, 'rated a concern', s.concernPercent, '%']);
    rows.push([
      'social_factors',
      d,
      s.domain,
      'moderate or major significance',
      s.significantPercent,
      '%',
    ]);
    rows.push(['social_factors', d, s.domain, 'major significance', s.majorPercent, '%']);
    rows.push([
      'social_factors',
      d,
      s.domain,
      'mean movement in the 6 months before',
      s.meanMovement,
      'points (positive = worse)',
    ]);
  }
  return toCsv(
    ['year', 'disclosure', 'table', 'row', 'column', 'measure', 'value', 'unit'],
    rows.map((r) => [o.year.label, o.disclosure, ...r]),
  );
}

const london = (col: string) =>
  Prisma.raw(`to_char(${col} AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')`);
const londonTime = (col: string) =>
  Prisma.raw(`to_char(${col} AT TIME ZONE 'Europe/London', 'HH24:MI:SS')`);
const day = (col: string) => Prisma.raw(`to_char(${col}, 'YYYY-MM-DD')`);

type ExtractKind = 'mhs401' | 'mhs404' | 'mhs405';
type ExtractRow = Record<string, string | null>;

interface ExtractQuery {
  header: string[];
  /** The SELECT list, each column named as in the header (or mapped by `cells`). */
  columns: Prisma.Sql;
  /** FROM … WHERE …, limited to the year and the reader's reach. */
  from: Prisma.Sql;
  order: Prisma.Sql;
  /** The code the counts are by (for readers outside the MHA office), and its column. */
  code: Prisma.Sql;
  codeColumn: number;
  codeOf?: (value: string | null) => string | null;
  cells?: (row: ExtractRow) => CsvValue[];
}

function extractQuery(
  kind: ExtractKind,
  from: Prisma.Sql,
  to: Prisma.Sql,
  reach: Prisma.Sql,
): ExtractQuery {
  if (kind === 'mhs401') {
    // Legal status periods of the people whose orders are in reach, overlapping the year.
    return {
      header: [
        'UniqMHActEpisodeID',
        'LocalPatientId',
        'NHSNumber',
        'LegalStatusCode',
        'StartDateMHActLegalStatusClass',
        'StartTimeMHActLegalStatusClass',
        'ExpiryDateMHActLegalStatusClass',
        'EndDateMHActLegalStatusClass',
        'EndTimeMHActLegalStatusClass',
      ],
      columns: Prisma.sql`l.id AS "UniqMHActEpisodeID", p."localId" AS "LocalPatientId", p."nhsNumber" AS "NHSNumber",
        l."legalStatusCode" AS "LegalStatusCode",
        ${day('l."startDate"')} AS "StartDateMHActLegalStatusClass", ${londonTime('l."startAt"')} AS "StartTimeMHActLegalStatusClass",
        ${day('l."expiryDate"')} AS "ExpiryDateMHActLegalStatusClass",
        ${day('l."endDate"')} AS "EndDateMHActLegalStatusClass", ${londonTime('l."endAt"')} AS "EndTimeMHActLegalStatusClass"`,
      from: Prisma.sql`FROM "LegalStatusPeriod" l JOIN "Patient" p ON p.id = l."patientId"
      WHERE l."enteredInErrorAt" IS NULL AND l."startAt" < ${to} AND (l."endAt" IS NULL OR l."endAt" >= ${from})
        AND EXISTS (SELECT 1 FROM "CommunityTreatmentOrder" o WHERE o."patientId" = l."patientId" AND ${reach})`,
      order: Prisma.sql`p."localId", l."startAt"`,
      code: Prisma.sql`l."legalStatusCode"`,
      codeColumn: 3,
    };
  }
  if (kind === 'mhs404') {
    // Orders in force at some time in the year. StartDateCommTreatOrd is the date the order took
    // effect; CommTreatOrdEndReason 01 discharge, 02 revocation (lib/codes/cto-end-reason.ts).
    const national = (reason: string | null) =>
      reason ? mhsdsCtoEndReason(reason as CtoEndReason) : null;
    return {
      header: [
        'UniqMHActEpisodeID',
        'LocalPatientId',
        'NHSNumber',
        'StartDateCommTreatOrd',
        'ExpiryDateCommTreatOrd',
        'EndDateCommTreatOrd',
        'CommTreatOrdEndReason',
        'CTOTrackerEndReason',
        'CTOTrackerOrderId',
      ],
      columns: Prisma.sql`o.id AS "CTOTrackerOrderId", o."legalStatusPeriodId" AS "UniqMHActEpisodeID",
        p."localId" AS "LocalPatientId", p."nhsNumber" AS "NHSNumber",
        ${london('o."effectiveAt"')} AS "StartDateCommTreatOrd", ${day('o."currentExpiryDate"')} AS "ExpiryDateCommTreatOrd",
        ${london('o."endedAt"')} AS "EndDateCommTreatOrd", o."endReason"::text AS reason`,
      from: Prisma.sql`FROM "CommunityTreatmentOrder" o JOIN "Patient" p ON p.id = o."patientId"
      WHERE o."effectiveAt" IS NOT NULL AND o.state NOT IN ('PROPOSED','AGREED','DECLINED','AWAITING_EFFECT')
        AND o."effectiveAt" < ${to} AND (o."endedAt" IS NULL OR o."endedAt" >= ${from}) AND ${reach}`,
      order: Prisma.sql`p."localId", o."effectiveAt"`,
      code: Prisma.sql`o."endReason"::text`,
      codeColumn: 6,
      codeOf: national,
      cells: (f) => [
        f.UniqMHActEpisodeID ?? null,
        f.LocalPatientId ?? null,
        f.NHSNumber ?? null,
        f.StartDateCommTreatOrd ?? null,
        f.ExpiryDateCommTreatOrd ?? null,
        f.EndDateCommTreatOrd ?? null,
        national(f.reason ?? null),
        f.reason ?? null,
        f.CTOTrackerOrderId ?? null,
      ],
    };
  }
  // Recalls that overlap the year. The recall starts when the patient is detained under the
  // notice (CTO4), or when the notice was deemed served if that is not recorded.
  return {
    header: [
      'UniqMHActEpisodeID',
      'LocalPatientId',
      'NHSNumber',
      'StartDateCommTreatOrdRecall',
      'StartTimeCommTreatOrdRecall',
      'EndDateCommTreatOrdRecall',
      'EndTimeCommTreatOrdRecall',
      'CTOTrackerRecallOutcome',
      'CTOTrackerRecallId',
    ],
    columns: Prisma.sql`o."legalStatusPeriodId" AS "UniqMHActEpisodeID", p."localId" AS "LocalPatientId", p."nhsNumber" AS "NHSNumber",
        ${london('coalesce(r."detentionBeganAt", r."deemedServedAt")')} AS "StartDateCommTreatOrdRecall",
        ${londonTime('coalesce(r."detentionBeganAt", r."deemedServedAt")')} AS "StartTimeCommTreatOrdRecall",
        ${london('r."endedAt"')} AS "EndDateCommTreatOrdRecall", ${londonTime('r."endedAt"')} AS "EndTimeCommTreatOrdRecall",
        r.outcome::text AS "CTOTrackerRecallOutcome", r.id AS "CTOTrackerRecallId"`,
    from: Prisma.sql`FROM "Recall" r JOIN "CommunityTreatmentOrder" o ON o.id = r."orderId" JOIN "Patient" p ON p.id = o."patientId"
      WHERE r."enteredInErrorAt" IS NULL AND r."deemedServedAt" < ${to} AND (r."endedAt" IS NULL OR r."endedAt" >= ${from}) AND ${reach}`,
    order: Prisma.sql`p."localId", r."deemedServedAt"`,
    code: Prisma.sql`r.outcome::text`,
    codeColumn: 7,
  };
}

/** Where a download goes, a piece at a time (the HTTP response, or a string in tests). */
export type CsvSink = (chunk: string) => Promise<void>;

const EXTRACT_BATCH = 5000;

// A Prisma 7 transaction client has $transaction too, but not $disconnect.
function isRootClient(client: Db | Tx): client is Db {
  return typeof (client as Partial<Db>).$disconnect === 'function';
}

/**
 * An MHSDS-shaped extract, ready to write. The permission check (a refusal audited and thrown as
 * AccessDenied) happens here, before anything is sent. The MHA office's records are then read
 * through a server-side cursor a batch at a time and written straight to the sink, so memory
 * stays flat however large the year (docs/decisions/832-statistics-extracts-streamed.md); anyone
 * else gets the number of records by code, counted in SQL, with disclosure control.
 * The returned writer resolves with the number of records.
 */
export async function openExtract(
  ctx: QueryContext,
  kind: ExtractKind,
  input: Input,
  batchSize = EXTRACT_BATCH,
): Promise<(sink: CsvSink) => Promise<number>> {
  const client = ctx.client ?? db;
  const access = await statisticsAccess(ctx, input.teamId);
  const records = access.mayUnround && input.disclosure !== 'published';
  const from = Prisma.sql`(${input.year.start}::date::timestamp AT TIME ZONE 'Europe/London')`;
  const to = Prisma.sql`((${input.year.end}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
  const q = extractQuery(kind, from, to, orderReach(access));
  const audited = (rows: number, outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS') =>
    audit(ctx, {
      action: 'statistics.extract.read',
      outcome,
      entityType: 'Statistics',
      entityId: `${kind}:${input.year.slug}`,
      metadata: {
        kind,
        year: input.year.label,
        records,
        rows,
        teams: access.teamIds ?? 'all',
      },
    });
  if (!records) {
    // Leaving the MHA office: the number of records by code, controlled.
    return async (sink) => {
      const found = await client.$queryRaw<{ code: string | null; n: number }[]>`
        SELECT ${q.code} AS code, count(*)::int AS n ${q.from} GROUP BY 1`;
      const counts = new Map<string, number>();
      let total = 0;
      for (const f of found) {
        const code = String((q.codeOf ? q.codeOf(f.code) : f.code) ?? '');
        counts.set(code, (counts.get(code) ?? 0) + f.n);
        total += f.n;
      }
      await audited(total);
      await sink(
        toCsv(
          ['Table', q.header[q.codeColumn] ?? 'Code', 'Records'],
          [
            [kind.toUpperCase(), 'All', publishCount(total)],
            ...[...counts]
              .sort()
              .map(([code, n]) => [kind.toUpperCase(), code || 'Not recorded', publishCount(n)]),
          ],
        ),
      );
      return total;
    };
  }
  const cells = q.cells ?? ((f: ExtractRow) => q.header.map((h) => f[h] ?? null));
  // One query: the total comes with every row (a window over the sorted rows), so the size is
  // known without counting twice. All rows are read, so the cursor is planned for all of them,
  // and the sort gets room to stay in memory. The read is audited when the cursor's transaction
  // has ended, on its own connection, whether the download finished or not: the embedded
  // database serves one transaction at a time (decision 631), so an audit row written from a
  // second connection while the cursor is open would wait for it, and one written inside the
  // transaction would be undone with it if the reader went away.
  const counted = { total: 0 };
  const run = async (tx: Db | Tx, sink: CsvSink) => {
    await tx.$executeRawUnsafe(`SET LOCAL work_mem = '32MB'`);
    await tx.$executeRawUnsafe(`SET LOCAL cursor_tuple_fraction = 1.0`);
    await tx.$executeRaw`DECLARE statistics_extract NO SCROLL CURSOR FOR
      SELECT ${q.columns}, count(*) OVER ()::int AS "__total" ${q.from} ORDER BY ${q.order}`;
    let total: number | null = null;
    for (;;) {
      const rows = await tx.$queryRawUnsafe<(ExtractRow & { __total?: number })[]>(
        `FETCH ${Math.trunc(batchSize)} FROM statistics_extract`,
      );
      if (total === null) {
        total = Number(rows[0]?.__total ?? 0);
        counted.total = total;
        await sink(csvLine(q.header));
      }
      if (rows.length > 0) await sink(rows.map((r) => csvLine(cells(r))).join(''));
      if (rows.length < batchSize) break;
    }
    await tx.$executeRaw`CLOSE statistics_extract`;
    return total ?? 0;
  };
  return async (sink) => {
    let outcome: 'SUCCESS' | 'FAILURE' = 'FAILURE';
    try {
      const total = isRootClient(client)
        ? await client.$transaction((tx) => run(tx, sink), {
            timeout: 300_000,
            maxWait: 30_000,
          })
        : await run(client, sink);
      outcome = 'SUCCESS';
      return total;
    } finally {
      await audited(counted.total, outcome);
    }
  };
}

async function extractCsv(ctx: QueryContext, kind: ExtractKind, input: Input): Promise<string> {
  const write = await openExtract(ctx, kind, input);
  let csv = '';
  await write(async (chunk) => {
    csv += chunk;
  });
  return csv;
}
