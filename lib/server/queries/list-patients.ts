import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/server/db';
import { escapeLike } from '@/lib/server/like';
import { searchText } from '@/lib/schemas/common';
import { audit, resolvePatientAccess, type QueryContext } from './access';
import { patientScopeSql } from '@/lib/server/scope';
import { Prisma, type CtoState } from '@/lib/generated/prisma/client';

const optionalChoice = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const PATIENT_SORTS = ['name', 'dateOfBirth', 'periodEnd'] as const;
export type PatientSort = (typeof PATIENT_SORTS)[number];

export const listPatientsQuerySchema = z.object({
  q: searchText(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  page: z.coerce
    .number({ error: 'Page must be a number' })
    .int('Page must be a whole number')
    .min(1, 'Page must be 1 or more')
    .max(100_000, 'Page must be 100000 or less')
    .default(1),
  pageSize: z.coerce
    .number({ error: 'Page size must be a number' })
    .int('Page size must be a whole number')
    .min(1, 'Page size must be between 1 and 100')
    .max(100, 'Page size must be between 1 and 100')
    .default(25),
  // Issue 8: sorting, the state of the patient's latest order, and "mine" (I am CC or RC).
  sort: optionalChoice(z.enum(PATIENT_SORTS, { error: 'Choose how to sort' })),
  dir: optionalChoice(z.enum(['asc', 'desc'], { error: 'Choose a direction' })),
  state: optionalChoice(
    z.enum(['in-force', 'recalled', 'ended'], { error: 'Choose a state from the list' }),
  ),
  mine: optionalChoice(z.enum(['1'], { error: 'Mine is 1 or absent' })),
});
export type ListPatientsQuery = z.infer<typeof listPatientsQuerySchema>;

export interface PatientListItem {
  id: string;
  nhsNumber: string | null;
  localId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: Date;
  teamName: string | null;
  order: { id: string; state: CtoState; currentExpiryDate: Date | null } | null;
}

export interface PatientList {
  items: PatientListItem[];
  total: number;
  page: number;
  pageSize: number;
}

function searchSql(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.sql`TRUE`;
  const digits = q.replace(/\s+/g, '');
  if (/^\d{10}$/.test(digits)) return Prisma.sql`p."nhsNumber" = ${digits}`;
  const needle = `%${escapeLike(q.toLowerCase().replace(/\s+/g, ' '))}%`;
  return Prisma.sql`p."searchName" LIKE ${needle}`;
}

const LIVE_STATES: CtoState[] = [
  'PROPOSED',
  'AGREED',
  'AWAITING_EFFECT',
  'ACTIVE',
  'RECALL_PENDING',
  'RECALLED',
  'AWOL',
];

// The state filter, on the patient's latest order.
const STATE_FILTERS: Record<NonNullable<ListPatientsQuery['state']>, readonly CtoState[]> = {
  'in-force': ['ACTIVE', 'RECALL_PENDING', 'RECALLED', 'AWOL'],
  recalled: ['RECALL_PENDING', 'RECALLED'],
  ended: ['REVOKED', 'DISCHARGED', 'EXPIRED', 'DIED'],
};

function orderBySql(query: ListPatientsQuery): Prisma.Sql {
  const dir = query.dir === 'desc' ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const name = Prisma.sql`p."familyName" ${dir}, p."givenName" ${dir}, p.id ${dir}`;
  switch (query.sort ?? 'name') {
    case 'dateOfBirth':
      return Prisma.sql`p."dateOfBirth" ${dir}, ${name}`;
    case 'periodEnd':
      return Prisma.sql`lo."currentExpiryDate" ${dir} NULLS LAST, ${name}`;
    case 'name':
      return name;
  }
}

interface PatientRow {
  id: string;
  nhsNumber: string | null;
  localId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: Date;
  teamName: string | null;
  orderId: string | null;
  orderState: CtoState | null;
  orderExpiry: Date | null;
}

/**
 * The patients the actor may see, a page at a time, with each one's latest order; one
 * read-audit event for the page. One SQL statement for the page and one for the count, run
 * together (docs/decisions/723-patients-list-in-one-query.md): the scope, the search, the
 * state filter and "mine" are all in the query.
 */
export async function listPatients(
  ctx: QueryContext,
  query: ListPatientsQuery,
): Promise<PatientList> {
  const access = await resolvePatientAccess(ctx, 'read:patient', { includeBreakGlass: false });
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const me = ctx.actor.userId;
  const scope = await patientScopeSql(client, ctx.actor, access.scope, now);
  const conditions: Prisma.Sql[] = [scope.where, searchSql(query.q)];
  // The latest order per patient, for a filter or sort that needs it on every row. Over a
  // team's few hundred patients it is looked up per patient (an index probe each); over the
  // whole trust it is one pass over the orders' (patientId, proposedAt) index instead.
  const perPatient = access.scope !== 'trust';
  const latestOrder = perPatient
    ? Prisma.sql`LEFT JOIN LATERAL (SELECT o.id, o.state, o."currentExpiryDate",
        o."responsibleClinicianId" FROM "CommunityTreatmentOrder" o WHERE o."patientId" = p.id
        ORDER BY o."proposedAt" DESC LIMIT 1) lo ON TRUE`
    : Prisma.sql`LEFT JOIN (SELECT DISTINCT ON (o."patientId") o."patientId", o.id, o.state,
        o."currentExpiryDate", o."responsibleClinicianId" FROM "CommunityTreatmentOrder" o
        ORDER BY o."patientId", o."proposedAt" DESC) lo ON lo."patientId" = p.id`;
  if (query.state) {
    conditions.push(Prisma.sql`lo.state = ANY(${[...STATE_FILTERS[query.state]]}::"CtoState"[])`);
  }
  if (query.mine) {
    conditions.push(Prisma.sql`(p.id IN (SELECT sa."patientId" FROM "StaffAssignment" sa
        WHERE sa."userId" = ${me} AND sa."endedOn" IS NULL) OR lo."responsibleClinicianId" = ${me})`);
  }
  const where = Prisma.join(conditions, ' AND ');
  const needsOrder = Boolean(query.state || query.mine || query.sort === 'periodEnd');
  const offset = (query.page - 1) * query.pageSize;
  // The page's patients first (the latest order joined only if the filter or sort needs it),
  // then each one's latest order and team for just those rows.
  const [countRows, rows] = await Promise.all([
    client.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${scope.from}
      ${needsOrder ? latestOrder : Prisma.empty} WHERE ${where}`,
    client.$queryRaw<PatientRow[]>`
      WITH page AS (
        SELECT p.id, row_number() OVER () AS n FROM (
          SELECT p.id FROM ${scope.from} ${needsOrder ? latestOrder : Prisma.empty}
           WHERE ${where} ORDER BY ${orderBySql(query)}
           LIMIT ${query.pageSize} OFFSET ${offset}) p)
      SELECT p.id, p."nhsNumber", p."localId", p."givenName", p."familyName", p."dateOfBirth",
             t.name AS "teamName", lo.id AS "orderId", lo.state AS "orderState",
             lo."currentExpiryDate" AS "orderExpiry"
        FROM page JOIN "Patient" p ON p.id = page.id
        LEFT JOIN LATERAL (SELECT o.id, o.state, o."currentExpiryDate"
          FROM "CommunityTreatmentOrder" o WHERE o."patientId" = p.id
          ORDER BY o."proposedAt" DESC LIMIT 1) lo ON TRUE
        LEFT JOIN "Team" t ON t.id = p."currentTeamId"
       ORDER BY page.n`,
  ]);
  const items: PatientListItem[] = rows.map((row) => ({
    id: row.id,
    nhsNumber: row.nhsNumber,
    localId: row.localId,
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    teamName: row.teamName,
    order:
      row.orderId && row.orderState
        ? { id: row.orderId, state: row.orderState, currentExpiryDate: row.orderExpiry }
        : null,
  }));
  await audit(ctx, {
    action: 'patient.list',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    metadata: {
      scope: access.scope,
      searched: Boolean(query.q),
      page: query.page,
      ...(query.state ? { state: query.state } : {}),
      ...(query.mine ? { mine: true } : {}),
      ...(query.sort ? { sort: query.sort, dir: query.dir ?? 'asc' } : {}),
      patientIds: items.map((i) => i.id),
    },
  });
  return { items, total: Number(countRows[0]?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

export { LIVE_STATES };
