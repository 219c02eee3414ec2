import 'server-only';
// The downloads beyond the measures: the outcomes tables, and MHSDS-shaped extracts (MHS401
// legal status, MHS404 CTO, MHS405 recall) with the national field names, so that a trust can
// compare them with what its EPR submits. The extracts are record-level: the MHA office gets
// the records; anyone else gets only the number of records by code, with disclosure control
// (docs/decisions/764-mhsds-extracts.md). Scoped by the orders' teams, audited.
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { mhsdsCtoEndReason } from '@/lib/codes/cto-end-reason';
import type { CtoEndReason } from '@/lib/generated/prisma/enums';
import type { StatisticsYear } from '@/lib/statistics/classify';
import { toCsv, type CsvValue } from '@/lib/statistics/csv';
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

async function extractCsv(
  ctx: QueryContext,
  kind: 'mhs401' | 'mhs404' | 'mhs405',
  input: Input,
): Promise<string> {
  const client = ctx.client ?? db;
  const access = await statisticsAccess(ctx, input.teamId);
  const records = access.mayUnround && input.disclosure !== 'published';
  const reach = orderReach(access);
  const from = Prisma.sql`(${input.year.start}::date::timestamp AT TIME ZONE 'Europe/London')`;
  const to = Prisma.sql`((${input.year.end}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
  let header: string[];
  let rows: CsvValue[][];
  let codeColumn: number;
  if (kind === 'mhs401') {
    // Legal status periods of the people whose orders are in reach, overlapping the year.
    const found = await client.$queryRaw<Record<string, string | null>[]>`
      SELECT l.id AS "UniqMHActEpisodeID", p."localId" AS "LocalPatientId", p."nhsNumber" AS "NHSNumber",
        l."legalStatusCode" AS "LegalStatusCode",
        ${day('l."startDate"')} AS "StartDateMHActLegalStatusClass", ${londonTime('l."startAt"')} AS "StartTimeMHActLegalStatusClass",
        ${day('l."expiryDate"')} AS "ExpiryDateMHActLegalStatusClass",
        ${day('l."endDate"')} AS "EndDateMHActLegalStatusClass", ${londonTime('l."endAt"')} AS "EndTimeMHActLegalStatusClass"
      FROM "LegalStatusPeriod" l JOIN "Patient" p ON p.id = l."patientId"
      WHERE l."enteredInErrorAt" IS NULL AND l."startAt" < ${to} AND (l."endAt" IS NULL OR l."endAt" >= ${from})
        AND EXISTS (SELECT 1 FROM "CommunityTreatmentOrder" o WHERE o."patientId" = l."patientId" AND ${reach})
      ORDER BY p."localId", l."startAt"`;
    header = [
      'UniqMHActEpisodeID',
      'LocalPatientId',
      'NHSNumber',
      'LegalStatusCode',
      'StartDateMHActLegalStatusClass',
      'StartTimeMHActLegalStatusClass',
      'ExpiryDateMHActLegalStatusClass',
      'EndDateMHActLegalStatusClass',
      'EndTimeMHActLegalStatusClass',
    ];
    rows = found.map((f) => header.map((h) => f[h] ?? null));
    codeColumn = 3;
  } else if (kind === 'mhs404') {
    // Orders in force at some time in the year. StartDateCommTreatOrd is the date the order took
    // effect; CommTreatOrdEndReason 01 discharge, 02 revocation (lib/codes/cto-end-reason.ts).
    const found = await client.$queryRaw<
      (Record<string, string | null> & { reason: CtoEndReason | null })[]
    >`
      SELECT o.id AS "CTOTrackerOrderId", o."legalStatusPeriodId" AS "UniqMHActEpisodeID",
        p."localId" AS "LocalPatientId", p."nhsNumber" AS "NHSNumber",
        ${london('o."effectiveAt"')} AS "StartDateCommTreatOrd", ${day('o."currentExpiryDate"')} AS "ExpiryDateCommTreatOrd",
        ${london('o."endedAt"')} AS "EndDateCommTreatOrd", o."endReason"::text AS reason
      FROM "CommunityTreatmentOrder" o JOIN "Patient" p ON p.id = o."patientId"
      WHERE o."effectiveAt" IS NOT NULL AND o.state NOT IN ('PROPOSED','AGREED','DECLINED','AWAITING_EFFECT')
        AND o."effectiveAt" < ${to} AND (o."endedAt" IS NULL OR o."endedAt" >= ${from}) AND ${reach}
      ORDER BY p."localId", o."effectiveAt"`;
    header = [
      'UniqMHActEpisodeID',
      'LocalPatientId',
      'NHSNumber',
      'StartDateCommTreatOrd',
      'ExpiryDateCommTreatOrd',
      'EndDateCommTreatOrd',
      'CommTreatOrdEndReason',
      'CTOTrackerEndReason',
      'CTOTrackerOrderId',
    ];
    rows = found.map((f) => [
      f.UniqMHActEpisodeID ?? null,
      f.LocalPatientId ?? null,
      f.NHSNumber ?? null,
      f.StartDateCommTreatOrd ?? null,
      f.ExpiryDateCommTreatOrd ?? null,
      f.EndDateCommTreatOrd ?? null,
      f.reason ? mhsdsCtoEndReason(f.reason) : null,
      f.reason,
      f.CTOTrackerOrderId ?? null,
    ]);
    codeColumn = 6;
  } else {
    // Recalls that overlap the year. The recall starts when the patient is detained under the
    // notice (CTO4), or when the notice was deemed served if that is not recorded.
    const found = await client.$queryRaw<Record<string, string | null>[]>`
      SELECT o."legalStatusPeriodId" AS "UniqMHActEpisodeID", p."localId" AS "LocalPatientId", p."nhsNumber" AS "NHSNumber",
        ${london('coalesce(r."detentionBeganAt", r."deemedServedAt")')} AS "StartDateCommTreatOrdRecall",
        ${londonTime('coalesce(r."detentionBeganAt", r."deemedServedAt")')} AS "StartTimeCommTreatOrdRecall",
        ${london('r."endedAt"')} AS "EndDateCommTreatOrdRecall", ${londonTime('r."endedAt"')} AS "EndTimeCommTreatOrdRecall",
        r.outcome::text AS "CTOTrackerRecallOutcome", r.id AS "CTOTrackerRecallId"
      FROM "Recall" r JOIN "CommunityTreatmentOrder" o ON o.id = r."orderId" JOIN "Patient" p ON p.id = o."patientId"
      WHERE r."enteredInErrorAt" IS NULL AND r."deemedServedAt" < ${to} AND (r."endedAt" IS NULL OR r."endedAt" >= ${from}) AND ${reach}
      ORDER BY p."localId", r."deemedServedAt"`;
    header = [
      'UniqMHActEpisodeID',
      'LocalPatientId',
      'NHSNumber',
      'StartDateCommTreatOrdRecall',
      'StartTimeCommTreatOrdRecall',
      'EndDateCommTreatOrdRecall',
      'EndTimeCommTreatOrdRecall',
      'CTOTrackerRecallOutcome',
      'CTOTrackerRecallId',
    ];
    rows = found.map((f) => header.map((h) => f[h] ?? null));
    codeColumn = 7;
  }
  await audit(ctx, {
    action: 'statistics.extract.read',
    outcome: 'SUCCESS',
    entityType: 'Statistics',
    entityId: `${kind}:${input.year.slug}`,
    metadata: {
      kind,
      year: input.year.label,
      records,
      rows: rows.length,
      teams: access.teamIds ?? 'all',
    },
  });
  if (records) return toCsv(header, rows);
  // Leaving the MHA office: the number of records by code, controlled.
  const counts = new Map<string, number>();
  for (const r of rows) {
    const code = String(r[codeColumn] ?? '');
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return toCsv(
    ['Table', header[codeColumn] ?? 'Code', 'Records'],
    [
      [kind.toUpperCase(), 'All', publishCount(rows.length)],
      ...[...counts]
        .sort()
        .map(([code, n]) => [kind.toUpperCase(), code || 'Not recorded', publishCount(n)]),
    ],
  );
}
