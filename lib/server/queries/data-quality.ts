import 'server-only';
// The register's data-quality list (issue 8, part 1): the orders in force (or about to be) whose
// record is missing something the office must chase. The checks are in the query, one flag
// each, so the list, its counts and its filter agree (docs/decisions/722-data-quality-checks.md).
import { Prisma } from '@/lib/generated/prisma/client';
import type { CtoState } from '@/lib/generated/prisma/enums';
import { z } from 'zod';
import { db } from '@/lib/server/db';
import { audit, resolvePatientAccess, type QueryContext } from './access';
import { REGISTER_STATE_GROUPS } from '@/lib/schemas/register';

export const DATA_QUALITY_PROBLEMS = [
  'noResponsibleClinician',
  'noCareCoordinator',
  'noNearestRelative',
  'ethnicityNotStated',
  'deadlineNotComputed',
] as const;
export type DataQualityProblem = (typeof DATA_QUALITY_PROBLEMS)[number];

export const DATA_QUALITY_LABELS: Record<DataQualityProblem, string> = {
  noResponsibleClinician: 'No responsible clinician',
  noCareCoordinator: 'No care coordinator',
  noNearestRelative: 'No nearest relative recorded',
  ethnicityNotStated: 'Ethnicity not stated',
  deadlineNotComputed: 'Period end could not be worked out',
};

export const dataQualityQuerySchema = z
  .object({
    problem: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(DATA_QUALITY_PROBLEMS, { error: 'Choose a problem from the list' }).optional(),
    ),
    teamId: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.uuid({ error: 'Choose a team from the list' }).optional(),
    ),
    page: z.coerce
      .number({ error: 'Page must be a number' })
      .int('Page must be a whole number')
      .min(1, 'Page must be 1 or more')
      .max(100_000, 'Page must be 100000 or less')
      .default(1),
  })
  .strict();
export type DataQualityQuery = z.infer<typeof dataQualityQuerySchema>;

export interface DataQualityRow {
  orderId: string;
  patientId: string;
  givenName: string;
  familyName: string;
  nhsNumber: string | null;
  teamName: string | null;
  state: CtoState;
  problems: DataQualityProblem[];
}

export interface DataQualityList {
  rows: DataQualityRow[];
  counts: Record<DataQualityProblem | 'any', number>;
  page: number;
  pageSize: number;
}

const PAGE_SIZE = 50;
const NOT_STATED_ETHNICITY = ['Z', '99'];

// One flag per problem, over o (the order), p (its patient), and the sets of patients with a
// care coordinator (cc) and a nearest relative (nr) now: joined whole (hash joins), not
// probed per order, so the trust's every live order is checked in one pass.
const FLAGS = Prisma.sql`
  (o."responsibleClinicianId" IS NULL) AS "noResponsibleClinician",
  (cc."patientId" IS NULL) AS "noCareCoordinator",
  (nr."patientId" IS NULL) AS "noNearestRelative",
  (p."ethnicCategory" IN (${Prisma.join(NOT_STATED_ETHNICITY)})) AS "ethnicityNotStated",
  (o."madeOn" IS NULL OR o."currentExpiryDate" IS NULL) AS "deadlineNotComputed"`;

type FlagRow = Omit<DataQualityRow, 'problems'> & Record<DataQualityProblem, boolean>;

export async function listDataQuality(
  ctx: QueryContext,
  query: DataQualityQuery,
): Promise<DataQualityList> {
  const access = await resolvePatientAccess(ctx, 'read:register', {
    includeBreakGlass: false,
    subject: { entityType: 'CommunityTreatmentOrder' },
  });
  const client = ctx.client ?? db;
  const live = [...REGISTER_STATE_GROUPS['in-force']];
  const scoped =
    access.scope === 'trust'
      ? Prisma.sql`TRUE`
      : ctx.actor.teamIds.length
        ? Prisma.sql`o."teamId" IN (${Prisma.join([...ctx.actor.teamIds])})`
        : Prisma.sql`FALSE`;
  const flagged = Prisma.sql`
    SELECT o.id AS "orderId", p.id AS "patientId", p."givenName", p."familyName", p."nhsNumber",
           t.name AS "teamName", o.state, ${FLAGS}
      FROM "CommunityTreatmentOrder" o
      JOIN "Patient" p ON p.id = o."patientId"
      LEFT JOIN "Team" t ON t.id = o."teamId"
      LEFT JOIN (SELECT DISTINCT sa."patientId" FROM "StaffAssignment" sa
                  WHERE sa.kind = 'CARE_COORDINATOR' AND sa."endedOn" IS NULL) cc
             ON cc."patientId" = o."patientId"
      LEFT JOIN (SELECT DISTINCT n."patientId" FROM "NearestRelative" n
                  WHERE n.kind = 'NEAREST_RELATIVE' AND n."endedOn" IS NULL) nr
             ON nr."patientId" = o."patientId"
     WHERE o.state = ANY(${live}::"CtoState"[]) AND ${scoped}
       AND ${query.teamId ? Prisma.sql`o."teamId" = ${query.teamId}` : Prisma.sql`TRUE`}`;
  const anyProblem = Prisma.join(
    DATA_QUALITY_PROBLEMS.map((k) => Prisma.raw(`"${k}"`)),
    ' OR ',
  );
  const chosen = query.problem ? Prisma.raw(`"${query.problem}"`) : anyProblem;
  // One statement: the flags are worked out once (the CTE), then counted and paged.
  type Joined = Partial<FlagRow> & Record<`count_${DataQualityProblem | 'any'}`, bigint>;
  const joined = await client.$queryRaw<Joined[]>`
    WITH f AS MATERIALIZED (${flagged}),
    c AS (SELECT count(*) FILTER (WHERE ${anyProblem}) AS "count_any",
                 ${Prisma.join(
                   DATA_QUALITY_PROBLEMS.map(
                     (k) =>
                       Prisma.sql`count(*) FILTER (WHERE ${Prisma.raw(`"${k}"`)}) AS ${Prisma.raw(`"count_${k}"`)}`,
                   ),
                 )}
            FROM f),
    pg AS (SELECT * FROM f WHERE ${chosen}
            ORDER BY "familyName", "givenName", "orderId"
            LIMIT ${PAGE_SIZE} OFFSET ${(query.page - 1) * PAGE_SIZE})
    SELECT c.*, pg.* FROM c LEFT JOIN pg ON TRUE
     ORDER BY pg."familyName", pg."givenName", pg."orderId"`;
  const first = joined[0];
  const counts = Object.fromEntries(
    (['any', ...DATA_QUALITY_PROBLEMS] as const).map((k) => [
      k,
      Number(first?.[`count_${k}`] ?? 0),
    ]),
  ) as DataQualityList['counts'];
  const rows = joined.filter((r): r is Joined & FlagRow => typeof r.orderId === 'string');
  const list = rows.map((row) => ({
    orderId: row.orderId,
    patientId: row.patientId,
    givenName: row.givenName,
    familyName: row.familyName,
    nhsNumber: row.nhsNumber,
    teamName: row.teamName,
    state: row.state,
    problems: DATA_QUALITY_PROBLEMS.filter((k) => row[k]),
  }));
  await audit(ctx, {
    action: 'register.data-quality',
    outcome: 'SUCCESS',
    entityType: 'CommunityTreatmentOrder',
    metadata: {
      problem: query.problem ?? null,
      teamId: query.teamId ?? null,
      page: query.page,
      orderIds: list.map((r) => r.orderId),
    },
  });
  return { rows: list, counts, page: query.page, pageSize: PAGE_SIZE };
}
