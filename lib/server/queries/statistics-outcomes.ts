import 'server-only';
// Outcomes beyond readmission and the research question (issue 11 part 1): one scoped,
// audited read. PostgreSQL adds up the social factors at each decision, quality of life
// around decisions and over the order, time on a CTO and in hospital, recalls, revocations,
// first expiries and care coordinator changes; lib/statistics/outcomes.ts turns the sums into
// figures with disclosure control.
import { Prisma } from '@/lib/generated/prisma/client';
import { db, type Db, type Tx } from '@/lib/server/db';
import type { StatisticsYear } from '@/lib/statistics/classify';
import type { Disclosure } from '@/lib/statistics/disclosure';
import {
  DECISIONS,
  phaseRows,
  qualityRows,
  socialRows,
  outcomeSummary,
  type Decision,
  type OutcomeSums,
  type PhaseSum,
  type QualitySum,
  type SocialSum,
} from '@/lib/statistics/outcomes';
import { audit, type QueryContext } from './access';
import { orderReach, reachKey, statisticsAccess, type StatisticsAccess } from './statistics';
import { keptStatisticsAt, type Kept } from './statistics-cache';
import { londonDateOf } from '@/lib/server/dates';

const IN_EFFECT = Prisma.sql`o."effectiveAt" IS NOT NULL AND o.state NOT IN ('PROPOSED','AGREED','DECLINED','AWAITING_EFFECT')`;
const DISCHARGE_REASONS = Prisma.sql`('DISCHARGED_BY_RESPONSIBLE_CLINICIAN','DISCHARGED_BY_HOSPITAL_MANAGERS','DISCHARGED_BY_NEAREST_RELATIVE','DISCHARGED_BY_TRIBUNAL')`;
const SCORE = (col: Prisma.Sql) =>
  Prisma.sql`CASE ${col} WHEN 'STRENGTH' THEN 0 WHEN 'NO_CONCERN' THEN 1 WHEN 'SOME_CONCERN' THEN 2 WHEN 'SERIOUS_CONCERN' THEN 3 END`;

// A care coordinator assignment that was not corrected away (ended on the day it began counts
// for nothing: decision 743, as lib/patients/continuity.ts).
const REAL_ASSIGNMENT = (alias: Prisma.Sql) =>
  Prisma.sql`(${alias}."endedOn" IS NULL OR ${alias}."endedOn" > ${alias}."startedOn")`;

function bounds(year: StatisticsYear) {
  return {
    from: Prisma.sql`(${year.start}::date::timestamp AT TIME ZONE 'Europe/London')`,
    to: Prisma.sql`((${year.end}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`,
    start: Prisma.sql`${year.start}::date`,
    end: Prisma.sql`${year.end}::date`,
  };
}

async function socialSums(
  client: Db | Tx,
  year: StatisticsYear,
  reach: Prisma.Sql,
): Promise<SocialSum[]> {
  const { start, end } = bounds(year);
  const rows = await client.$queryRaw<
    {
      decision: Decision;
      domain: string;
      rated: number;
      concern: number;
      moderate: number;
      major: number;
      pairs: number;
      movement: number;
    }[]
  >`
    WITH a AS MATERIALIZED (
      SELECT a.id, a."decisionPoint"::text AS decision, prev.id AS prev_id
      FROM "SocialFactorAssessment" a
      JOIN "CommunityTreatmentOrder" o ON o.id = a."orderId"
      LEFT JOIN LATERAL (SELECT p.id FROM "SocialFactorAssessment" p
          WHERE p."patientId" = a."patientId" AND p."enteredInErrorAt" IS NULL
            AND p."assessedOn" < a."assessedOn" AND p."assessedOn" >= a."assessedOn" - 183
          ORDER BY p."assessedOn" DESC, p."createdAt" DESC LIMIT 1) prev ON TRUE
      WHERE a."enteredInErrorAt" IS NULL AND a."decisionPoint" <> 'REVIEW'
        AND a."assessedOn" BETWEEN ${start} AND ${end} AND ${reach}
    ),
    -- Each assessment's 11 ratings, with the same domain's rating at the one before, read by
    -- the (assessmentId, domain) index per assessment (OFFSET 0 keeps it a nested loop rather
    -- than hashing every rating in the table: docs/decisions/831-statistics-at-national-scale.md).
    x AS (
      SELECT a.decision, x.domain, x.rating, x.significance, x.prev
      FROM a CROSS JOIN LATERAL (
        SELECT r.domain, r.rating, r.significance, pr.rating AS prev
        FROM "SocialFactorRating" r
        LEFT JOIN "SocialFactorRating" pr ON pr."assessmentId" = a.prev_id AND pr.domain = r.domain
          AND pr.rating <> 'NOT_ASSESSED'
        WHERE r."assessmentId" = a.id OFFSET 0) x
    )
    SELECT x.decision, x.domain::text AS domain,
      count(*) FILTER (WHERE x.rating <> 'NOT_ASSESSED')::int AS rated,
      count(*) FILTER (WHERE x.rating IN ('SOME_CONCERN','SERIOUS_CONCERN'))::int AS concern,
      count(*) FILTER (WHERE x.rating <> 'NOT_ASSESSED' AND x.significance = 'MODERATE')::int AS moderate,
      count(*) FILTER (WHERE x.rating <> 'NOT_ASSESSED' AND x.significance = 'MAJOR')::int AS major,
      count(x.prev) FILTER (WHERE x.rating <> 'NOT_ASSESSED')::int AS pairs,
      coalesce(sum(${SCORE(Prisma.sql`x.rating::text`)} - ${SCORE(Prisma.sql`x.prev::text`)}) FILTER (WHERE x.prev IS NOT NULL AND x.rating <> 'NOT_ASSESSED'), 0)::float AS movement
    FROM x
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  return rows.map((r) => ({
    decision: r.decision,
    domain: r.domain,
    rated: r.rated,
    concern: r.concern,
    moderate: r.moderate,
    major: r.major,
    movementPairs: r.pairs,
    movementSum: r.movement,
  }));
}

async function qualitySums(
  client: Db | Tx,
  year: StatisticsYear,
  reach: Prisma.Sql,
): Promise<QualitySum[]> {
  const { from, to, start, end } = bounds(year);
  const rows = await client.$queryRaw<
    {
      decision: Decision;
      decisions: number;
      nb: number;
      sb: number;
      na: number;
      sa: number;
      pairs: number;
      change: number;
    }[]
  >`
    WITH orders AS (
      SELECT o.id, o."patientId", o."effectiveAt" FROM "CommunityTreatmentOrder" o WHERE ${IN_EFFECT} AND ${reach}
    ),
    decisions AS (
      SELECT 'MAKING' AS decision, o."patientId", o."effectiveAt" AS at FROM orders o
        WHERE o."effectiveAt" >= ${from} AND o."effectiveAt" < ${to}
      UNION ALL
      SELECT 'EXTENSION', o."patientId", (p."startDate"::timestamp AT TIME ZONE 'Europe/London')
        FROM "CtoPeriod" p JOIN orders o ON o.id = p."orderId"
        WHERE p.index > 0 AND p."enteredInErrorAt" IS NULL AND p."startDate" BETWEEN ${start} AND ${end}
      UNION ALL
      SELECT 'RECALL', o."patientId", r."deemedServedAt"
        FROM "Recall" r JOIN orders o ON o.id = r."orderId"
        WHERE r."enteredInErrorAt" IS NULL AND r."deemedServedAt" >= ${from} AND r."deemedServedAt" < ${to}
      UNION ALL
      SELECT 'REVOCATION', o."patientId", v."revokedAt"
        FROM "Revocation" v JOIN orders o ON o.id = v."orderId"
        WHERE v."revokedAt" >= ${from} AND v."revokedAt" < ${to}
      UNION ALL
      SELECT 'DISCHARGE', o."patientId", d."effectiveAt"
        FROM "Discharge" d JOIN orders o ON o.id = d."orderId"
        WHERE d."enteredInErrorAt" IS NULL AND d."effectiveAt" >= ${from} AND d."effectiveAt" < ${to}
    ),
    -- Materialised, so that each rating is looked up once per decision (an inlined scalar
    -- subquery runs again for every aggregate that mentions it).
    q AS MATERIALIZED (
      SELECT d.decision, b.pct AS before, f.pct AS after
      FROM decisions d
      LEFT JOIN LATERAL (SELECT 100.0 * q.score / q."maxScore" AS pct FROM "QualityOfLifeRating" q
          WHERE q."patientId" = d."patientId" AND q."enteredInErrorAt" IS NULL AND q."maxScore" > 0
            AND q."ratedOn" < (d.at AT TIME ZONE 'Europe/London')::date
            AND q."ratedOn" >= (d.at AT TIME ZONE 'Europe/London')::date - 90
          ORDER BY q."ratedOn" DESC LIMIT 1) b ON TRUE
      LEFT JOIN LATERAL (SELECT 100.0 * q.score / q."maxScore" AS pct FROM "QualityOfLifeRating" q
          WHERE q."patientId" = d."patientId" AND q."enteredInErrorAt" IS NULL AND q."maxScore" > 0
            AND q."ratedOn" > (d.at AT TIME ZONE 'Europe/London')::date
            AND q."ratedOn" <= (d.at AT TIME ZONE 'Europe/London')::date + 90
          ORDER BY q."ratedOn" ASC LIMIT 1) f ON TRUE
    )
    SELECT decision, count(*)::int AS decisions,
      count(before)::int AS nb, coalesce(sum(before), 0)::float AS sb,
      count(after)::int AS na, coalesce(sum(after), 0)::float AS sa,
      count(*) FILTER (WHERE before IS NOT NULL AND after IS NOT NULL)::int AS pairs,
      coalesce(sum(after - before), 0)::float AS change
    FROM q GROUP BY decision`;
  return DECISIONS.map((decision) => {
    const r = rows.find((x) => x.decision === decision);
    return {
      decision,
      decisions: r?.decisions ?? 0,
      before: r?.nb ?? 0,
      beforeSum: r?.sb ?? 0,
      after: r?.na ?? 0,
      afterSum: r?.sa ?? 0,
      pairs: r?.pairs ?? 0,
      changeSum: r?.change ?? 0,
    };
  });
}

export const PHASES = [
  '0 to 3 months on the order',
  '3 to 6 months',
  '6 to 12 months',
  '12 to 24 months',
  '24 months or more',
  'Within a year after the order ended',
] as const;

async function phaseSums(
  client: Db | Tx,
  year: StatisticsYear,
  reach: Prisma.Sql,
): Promise<PhaseSum[]> {
  const { start, end } = bounds(year);
  // NOT MATERIALIZED: the two subqueries below run once per rating; inlined, each is an index
  // lookup of the patient's orders. Materialised (PostgreSQL's choice for a CTE used twice),
  // each scanned all 80,000 orders: at national scale 180,000 ratings kept a core busy for
  // minutes after start-up (3.9 s inlined).
  const rows = await client.$queryRaw<{ phase: string; ratings: number; sum: number }[]>`
    WITH orders AS NOT MATERIALIZED (
      SELECT o.id, o."patientId", (o."effectiveAt" AT TIME ZONE 'Europe/London')::date AS s,
        (o."endedAt" AT TIME ZONE 'Europe/London')::date AS e
      FROM "CommunityTreatmentOrder" o WHERE ${IN_EFFECT} AND ${reach}
    ),
    rated AS (
      SELECT 100.0 * q.score / q."maxScore" AS pct,
        (SELECT q."ratedOn" - o.s FROM orders o WHERE o."patientId" = q."patientId"
          AND o.s <= q."ratedOn" AND (o.e IS NULL OR o.e >= q."ratedOn") ORDER BY o.s DESC LIMIT 1) AS days_on,
        EXISTS (SELECT 1 FROM orders o WHERE o."patientId" = q."patientId"
          AND o.e < q."ratedOn" AND o.e >= q."ratedOn" - 365) AS after_end
      FROM "QualityOfLifeRating" q
      WHERE q."enteredInErrorAt" IS NULL AND q."maxScore" > 0 AND q."ratedOn" BETWEEN ${start} AND ${end}
    )
    SELECT CASE
        WHEN days_on IS NOT NULL AND days_on < 91 THEN ${PHASES[0]}
        WHEN days_on IS NOT NULL AND days_on < 183 THEN ${PHASES[1]}
        WHEN days_on IS NOT NULL AND days_on < 365 THEN ${PHASES[2]}
        WHEN days_on IS NOT NULL AND days_on < 730 THEN ${PHASES[3]}
        WHEN days_on IS NOT NULL THEN ${PHASES[4]}
        ELSE ${PHASES[5]} END AS phase,
      count(*)::int AS ratings, sum(pct)::float AS sum
    FROM rated WHERE days_on IS NOT NULL OR after_end
    GROUP BY 1`;
  return PHASES.map((phase) => {
    const r = rows.find((x) => x.phase === phase);
    return { phase, ratings: r?.ratings ?? 0, sum: r?.sum ?? 0 };
  });
}

async function orderSums(
  client: Db | Tx,
  year: StatisticsYear,
  reach: Prisma.Sql,
  now: Date,
): Promise<OutcomeSums> {
  const { from, to, start, end } = bounds(year);
  const [r] = await client.$queryRaw<
    {
      orders: number;
      people: number;
      days_on: number;
      days_recalled: number;
      recalls: number;
      revocations: number;
      discharges: number;
      ended: number;
      ended_days: number;
      median_days: number | null;
      renewed: number;
      first_discharged: number;
      first_revoked: number;
      first_expired: number;
      first_total: number;
      cc_changes: number;
    }[]
  >`
    WITH orders AS (
      SELECT o.id, o."patientId", o."effectiveAt", o."endedAt", o."endReason",
        greatest(o."effectiveAt", ${from}) AS s,
        least(coalesce(o."endedAt", ${now}::timestamptz), ${to}, ${now}::timestamptz) AS e
      FROM "CommunityTreatmentOrder" o
      WHERE ${IN_EFFECT} AND ${reach} AND o."effectiveAt" < ${to}
        AND (o."endedAt" IS NULL OR o."endedAt" >= ${from})
    ),
    recalled AS (
      SELECT coalesce(sum(greatest(0, extract(epoch FROM
        least(coalesce(r."endedAt", ${now}::timestamptz), o.e) - greatest(coalesce(r."detentionBeganAt", r."deemedServedAt"), o.s)) / 86400)), 0)::float AS days,
        count(*) FILTER (WHERE r."deemedServedAt" >= ${from} AND r."deemedServedAt" < ${to})::int AS began
      FROM "Recall" r JOIN orders o ON o.id = r."orderId" WHERE r."enteredInErrorAt" IS NULL
    ),
    first_period AS (
      SELECT o.id, o."endReason", (o."endedAt" AT TIME ZONE 'Europe/London')::date AS ended_on, p."endDate",
        EXISTS (SELECT 1 FROM "CtoPeriod" n WHERE n."orderId" = o.id AND n.index = 1 AND n."enteredInErrorAt" IS NULL) AS renewed
      FROM "CommunityTreatmentOrder" o JOIN "CtoPeriod" p ON p."orderId" = o.id AND p.index = 0 AND p."enteredInErrorAt" IS NULL
      WHERE ${IN_EFFECT} AND ${reach} AND p."endDate" BETWEEN ${start} AND ${end}
    ),
    cc AS (
      SELECT count(*)::int AS changes FROM "StaffAssignment" a
      WHERE a.kind = 'CARE_COORDINATOR' AND ${REAL_ASSIGNMENT(Prisma.sql`a`)}
        AND EXISTS (SELECT 1 FROM orders o WHERE o."patientId" = a."patientId"
          AND (a."startedOn"::timestamp AT TIME ZONE 'Europe/London') >= o.s
          AND (a."startedOn"::timestamp AT TIME ZONE 'Europe/London') < o.e)
        AND EXISTS (SELECT 1 FROM "StaffAssignment" b WHERE b."patientId" = a."patientId"
          AND b.kind = 'CARE_COORDINATOR' AND b.id <> a.id AND ${REAL_ASSIGNMENT(Prisma.sql`b`)}
          AND (b."startedOn" < a."startedOn" OR (b."startedOn" = a."startedOn" AND b.id < a.id)))
    ),
    ended AS (
      SELECT extract(epoch FROM o."endedAt" - o."effectiveAt") / 86400 AS days, o."endReason"
      FROM orders o WHERE o."endedAt" >= ${from} AND o."endedAt" < ${to}
    )
    SELECT
      (SELECT count(*) FROM orders)::int AS orders,
      (SELECT count(DISTINCT "patientId") FROM orders)::int AS people,
      (SELECT coalesce(sum(greatest(0, extract(epoch FROM e - s) / 86400)), 0) FROM orders)::float AS days_on,
      (SELECT days FROM recalled) AS days_recalled,
      (SELECT began FROM recalled) AS recalls,
      (SELECT count(*) FROM ended WHERE "endReason" = 'REVOKED')::int AS revocations,
      (SELECT count(*) FROM ended WHERE "endReason" IN ${DISCHARGE_REASONS})::int AS discharges,
      (SELECT count(*) FROM ended)::int AS ended,
      (SELECT coalesce(sum(days), 0) FROM ended)::float AS ended_days,
      (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::float FROM ended) AS median_days,
      (SELECT count(*) FROM first_period WHERE renewed)::int AS renewed,
      (SELECT count(*) FROM first_period WHERE NOT renewed AND "endReason" IN ${DISCHARGE_REASONS} AND ended_on <= "endDate")::int AS first_discharged,
      (SELECT count(*) FROM first_period WHERE NOT renewed AND "endReason" = 'REVOKED' AND ended_on <= "endDate")::int AS first_revoked,
      (SELECT count(*) FROM first_period WHERE NOT renewed AND "endReason" = 'EXPIRED')::int AS first_expired,
      (SELECT count(*) FROM first_period)::int AS first_total,
      (SELECT changes FROM cc) AS cc_changes`;
  if (!r) throw new Error('The outcomes query returned no row.');
  const row = r;
  const firstKnown = row.renewed + row.first_discharged + row.first_revoked + row.first_expired;
  return {
    orders: row.orders,
    people: row.people,
    daysOnCto: Math.round(row.days_on),
    daysRecalled: Math.round(row.days_recalled),
    recalls: row.recalls,
    revocations: row.revocations,
    discharges: row.discharges,
    ended: row.ended,
    endedDays: row.ended_days,
    medianDaysOnCto: row.median_days,
    firstExpiry: {
      renewed: row.renewed,
      discharged: row.first_discharged,
      revoked: row.first_revoked,
      expired: row.first_expired,
      other: row.first_total - firstKnown,
    },
    careCoordinatorChanges: row.cc_changes,
  };
}

export interface OutcomeStatistics {
  year: StatisticsYear;
  disclosure: Disclosure;
  access: StatisticsAccess;
  sums: OutcomeSums;
  summary: ReturnType<typeof outcomeSummary>;
  social: ReturnType<typeof socialRows>;
  quality: ReturnType<typeof qualityRows>;
  phases: ReturnType<typeof phaseRows>;
  /** When the figures were worked out (they are kept between requests, decision 831). */
  workedOutAt: Date;
}

/** The year's outcome sums for a reach, kept between requests (decision 831). */
export function keptOutcomeSums(
  client: Db | Tx,
  year: StatisticsYear,
  access: StatisticsAccess,
  now: Date,
): Promise<Kept<OutcomeSumsKept>> {
  const reach = orderReach(access);
  // One after the other: a transaction client carries one query at a time (decision 632).
  // Open orders are counted up to today, so today is part of the key.
  const key = `outcomes|${year.slug}|${reachKey(access)}|${londonDateOf(now)}`;
  return keptStatisticsAt(client, key, async () => ({
    social: await socialSums(client, year, reach),
    quality: await qualitySums(client, year, reach),
    phases: await phaseSums(client, year, reach),
    sums: await orderSums(client, year, reach, now),
  }));
}

interface OutcomeSumsKept {
  social: Awaited<ReturnType<typeof socialSums>>;
  quality: Awaited<ReturnType<typeof qualitySums>>;
  phases: Awaited<ReturnType<typeof phaseSums>>;
  sums: Awaited<ReturnType<typeof orderSums>>;
}

export async function getOutcomeStatistics(
  ctx: QueryContext,
  input: { year: StatisticsYear; disclosure?: Disclosure; teamId?: string | null },
): Promise<OutcomeStatistics> {
  const client = ctx.client ?? db;
  const access = await statisticsAccess(ctx, input.teamId);
  const disclosure: Disclosure =
    access.mayUnround && input.disclosure !== 'published' ? 'unrounded' : 'published';
  const now = ctx.now ?? new Date();
  const {
    value: { social, quality, phases, sums },
    workedOutAt,
  } = await keptOutcomeSums(client, input.year, access, now);
  await audit(ctx, {
    action: 'statistics.outcomes.read',
    outcome: 'SUCCESS',
    entityType: 'Statistics',
    entityId: input.year.slug,
    metadata: {
      year: input.year.label,
      disclosure,
      scope: access.scope,
      teams: access.teamIds ?? 'all',
    },
  });
  return {
    year: input.year,
    disclosure,
    access,
    sums,
    summary: outcomeSummary(sums, disclosure),
    social: socialRows(social, disclosure),
    quality: qualityRows(quality, disclosure),
    phases: phaseRows(phases, disclosure),
    workedOutAt,
  };
}
