import 'server-only';
// The MHA Annual Statistics measures for a year (issue 11): one scoped, audited read that lets
// PostgreSQL apply NHS England's cohort rules and add up the counts by ethnicity × gender × age ×
// previous legal status, then the pure grouping, rates and disclosure control of lib/statistics.
// The rules (and their quirks) are described in lib/statistics/measures.ts and on the page.
import { Prisma } from '@/lib/generated/prisma/client';
import { db, type Db, type Tx } from '@/lib/server/db';
import { derivedGender, type StatisticsYear } from '@/lib/statistics/classify';
import type { Disclosure } from '@/lib/statistics/disclosure';
import {
  computeMeasures,
  type FactCell,
  type Measure,
  type MeasureRow,
} from '@/lib/statistics/measures';
import type { PopulationCell } from '@/lib/statistics/population';
import { scopeFor } from '@/lib/auth/permissions';
import { audit, type QueryContext } from './access';
import { requirePermission } from './require-permission';
import { keptStatisticsAt, type Kept } from './statistics-cache';

/** Who may see what: the scope of 'read:statistics' and whether unrounded counts are allowed. */
export interface StatisticsAccess {
  scope: 'trust' | 'team';
  /** The teams whose orders are counted; null = the whole trust. */
  teamIds: string[] | null;
  /** Only the MHA office sees unrounded counts (everything else leaves it controlled). */
  mayUnround: boolean;
}

/**
 * The permission check (refusal audited and thrown) and the actor's reach. A team-scoped
 * reader counts only orders held by their own teams; asking for another team gives nothing.
 * docs/decisions/761-statistics-permission-and-scope.md
 */
export async function statisticsAccess(
  ctx: QueryContext,
  teamId?: string | null,
): Promise<StatisticsAccess> {
  const scope = await requirePermission(ctx, 'read:statistics');
  const mayUnround = ctx.actor.roles.includes('MHA_ADMINISTRATOR');
  if (scope === 'trust') return { scope, teamIds: teamId ? [teamId] : null, mayUnround };
  const mine = ctx.actor.teamIds;
  const teamIds = teamId ? mine.filter((t) => t === teamId) : [...mine];
  return { scope: 'team', teamIds, mayUnround: false };
}

/** The reader's reach as part of a key for kept statistics (lib/server/queries/statistics-cache.ts). */
export function reachKey(access: StatisticsAccess): string {
  return access.teamIds === null ? 'trust' : [...access.teamIds].sort().join(',') || 'none';
}

/** The SQL condition limiting orders (alias o) to the reader's reach. */
export function orderReach(access: StatisticsAccess): Prisma.Sql {
  if (access.teamIds === null) return Prisma.sql`TRUE`;
  if (access.teamIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`o."teamId" = ANY(${access.teamIds}::text[])`;
}

// An order that has taken effect (its state is past the making).
const IN_EFFECT_STATES = Prisma.sql`o."effectiveAt" IS NOT NULL AND o.state NOT IN ('PROPOSED','AGREED','DECLINED','AWAITING_EFFECT')`;
// s3-style detention or a short-term order: a person in hospital under one of these on 31 March
// drops out of PEOPLE_ON_CTO_31_MARCH (MHS09 and MHS11 exclusions).
const DETAINED_OR_SHORT_TERM = [
  '02',
  '03',
  '07',
  '08',
  '09',
  '10',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '31',
  '32',
  '37',
  '38',
  '04',
  '05',
  '06',
  '19',
  '20',
];

interface RawCell {
  measure: Measure;
  ethnic: string | null;
  sex: string | null;
  gender_identity: string | null;
  age: number | null;
  legal_status: string | null;
  n: number;
}

/** The counts behind every measure for the year, within the reader's reach. */
export async function statisticsCells(
  client: Db | Tx,
  year: StatisticsYear,
  access: StatisticsAccess,
): Promise<FactCell[]> {
  const reach = orderReach(access);
  // Midnight at the start of 1 April and of the day after 31 March, in England.
  const from = Prisma.sql`(${year.start}::date::timestamp AT TIME ZONE 'Europe/London')`;
  const to = Prisma.sql`((${year.end}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
  const yearEnd = Prisma.sql`${year.end}::date`;
  const rows = await client.$queryRaw<RawCell[]>`
    WITH cohort AS (
      SELECT o.id, o."patientId", o."endReason", o."legalStatusPeriodId",
        EXISTS (SELECT 1 FROM "Recall" r WHERE r."orderId" = o.id AND r."enteredInErrorAt" IS NULL) AS recalled
      FROM "CommunityTreatmentOrder" o
      WHERE ${IN_EFFECT_STATES} AND o."effectiveAt" >= ${from} AND o."effectiveAt" < ${to} AND ${reach}
    ),
    flows AS (
      SELECT m.measure, c.id, c."patientId", c."legalStatusPeriodId"
      FROM cohort c
      CROSS JOIN LATERAL (VALUES
        ('USES_OF_CTOS', TRUE),
        ('REVOCATIONS', c."endReason" = 'REVOKED'),
        ('DISCHARGES', c."endReason" IN ('DISCHARGED_BY_RESPONSIBLE_CLINICIAN','DISCHARGED_BY_HOSPITAL_MANAGERS','DISCHARGED_BY_NEAREST_RELATIVE','DISCHARGED_BY_TRIBUNAL')),
        ('RECALLS', c.recalled)
      ) AS m(measure, hit)
      WHERE m.hit
    ),
    on_31_march AS (
      SELECT DISTINCT ON (o."patientId") 'PEOPLE_ON_CTO_31_MARCH'::text AS measure, o.id, o."patientId", o."legalStatusPeriodId"
      FROM "CommunityTreatmentOrder" o
      WHERE ${IN_EFFECT_STATES} AND o."effectiveAt" < ${to} AND ${reach}
        AND (o."endedAt" >= ${to}
             OR (o."endedAt" IS NULL AND o.state IN ('ACTIVE','RECALL_PENDING','RECALLED','AWOL')))
        AND NOT EXISTS (
          SELECT 1 FROM "LegalStatusPeriod" d
          WHERE d."patientId" = o."patientId" AND d."enteredInErrorAt" IS NULL
            AND d.id <> o."legalStatusPeriodId" AND d."startAt" > o."effectiveAt"
            AND d."legalStatusCode" = ANY(${DETAINED_OR_SHORT_TERM}::text[])
            AND d."startAt" < ${to} AND (d."endAt" IS NULL OR d."endAt" >= ${to}))
      ORDER BY o."patientId", o."effectiveAt" DESC
    ),
    -- NHS England's Table 1 category D: detentions that began in the year on the revocation of
    -- an order (the legal status period a revocation restarts names the order it revoked).
    -- Not limited to the cohort; "previous section" is the section the order was made from.
    detentions AS (
      SELECT 'DETENTIONS_FOLLOWING_REVOCATION'::text AS measure, d.id, d."patientId", o."legalStatusPeriodId"
      FROM "LegalStatusPeriod" d JOIN "CommunityTreatmentOrder" o ON o.id = d."revokedOrderId"
      WHERE d."enteredInErrorAt" IS NULL AND d."startAt" >= ${from} AND d."startAt" < ${to} AND ${reach}
    ),
    everything AS (
      SELECT * FROM flows UNION ALL SELECT * FROM on_31_march UNION ALL SELECT * FROM detentions
    )
    SELECT e.measure, p."ethnicCategory" AS ethnic, p.sex::text AS sex,
      p."genderIdentity" AS gender_identity,
      date_part('year', age(${yearEnd}, p."dateOfBirth"))::int AS age,
      l."legalStatusCode" AS legal_status,
      count(*)::int AS n -- one row per order and measure (one per person on 31 March)
    FROM everything e
    JOIN "Patient" p ON p.id = e."patientId"
    LEFT JOIN "LegalStatusPeriod" l ON l.id = e."legalStatusPeriodId"
    GROUP BY 1, 2, 3, 4, 5, 6`;
  return rows.map((r) => ({
    measure: r.measure,
    ethnicCategory: r.ethnic,
    gender: derivedGender(r.sex, r.gender_identity),
    age: r.age !== null && r.age >= 0 ? r.age : null,
    legalStatusCode: r.legal_status,
    count: r.n,
  }));
}

export interface LatestPopulation {
  id: string;
  source: string;
  uploadedAt: Date;
  total: number;
  cells: PopulationCell[];
}

export async function latestPopulation(client: Db | Tx): Promise<LatestPopulation | null> {
  const row = await client.statisticsPopulation.findFirst({
    orderBy: { uploadedAt: 'desc' },
    select: { id: true, source: true, uploadedAt: true, total: true, cells: true },
  });
  return row ? { ...row, cells: row.cells as unknown as PopulationCell[] } : null;
}

export interface MhaAnnualStatistics {
  year: StatisticsYear;
  disclosure: Disclosure;
  access: StatisticsAccess;
  population: Omit<LatestPopulation, 'cells'> | null;
  rows: MeasureRow[];
  /** When the figures were worked out (they are kept between requests, decision 831). */
  workedOutAt: Date;
}

/** The year's measure cells for a reach, kept between requests (decision 831). */
export function keptCells(
  client: Db | Tx,
  year: StatisticsYear,
  access: StatisticsAccess,
): Promise<Kept<Awaited<ReturnType<typeof statisticsCells>>>> {
  return keptStatisticsAt(client, `cells|${year.slug}|${reachKey(access)}`, () =>
    statisticsCells(client, year, access),
  );
}

export async function getMhaAnnualStatistics(
  ctx: QueryContext,
  input: { year: StatisticsYear; disclosure?: Disclosure; teamId?: string | null },
): Promise<MhaAnnualStatistics> {
  const client = ctx.client ?? db;
  const access = await statisticsAccess(ctx, input.teamId);
  const disclosure: Disclosure =
    access.mayUnround && input.disclosure !== 'published' ? 'unrounded' : 'published';
  // One after the other: a transaction client carries one query at a time (decision 632).
  const { value: cells, workedOutAt } = await keptCells(client, input.year, access);
  const population = await latestPopulation(client);
  const rows = computeMeasures(cells, { disclosure, population: population?.cells ?? null });
  await audit(ctx, {
    action: 'statistics.mha-annual.read',
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
    population: population
      ? {
          id: population.id,
          source: population.source,
          uploadedAt: population.uploadedAt,
          total: population.total,
        }
      : null,
    rows,
    workedOutAt,
  };
}

/** The teams a reader may choose between on the statistics pages (names only, no patient data). */
export async function statisticsTeams(ctx: QueryContext): Promise<{ id: string; name: string }[]> {
  const client = ctx.client ?? db;
  const scope = scopeFor(ctx.actor.roles, 'read:statistics');
  if (scope === null) return [];
  return client.team.findMany({
    where: {
      kind: 'COMMUNITY',
      ...(scope === 'trust' ? {} : { id: { in: [...ctx.actor.teamIds] } }),
    },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
}
