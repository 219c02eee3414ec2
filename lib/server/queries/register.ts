import 'server-only';
// The MHA office's register (issue 8, part 1): one row per order, filtered and sorted in the
// query, a page at a time (the page's ids first, from indexed columns only, then the details of
// just those rows), or every filtered row through a server-side cursor for the exports
// (docs/decisions/721-register-query-and-streamed-exports.md). Every read is audited.
import { Prisma } from '@/lib/generated/prisma/client';
import { db, type Db, type Tx } from '@/lib/server/db';
import { escapeLike } from '@/lib/server/like';
import { audit, resolvePatientAccess, type QueryContext } from './access';
import {
  filterParams,
  REGISTER_STATE_GROUPS,
  type RegisterFilter,
  type RegisterPageQuery,
} from '@/lib/schemas/register';
import type { Scope } from '@/lib/auth/permissions';
import type { RegisterRowValues } from '@/lib/register/columns';

/** A register row: the values its columns show (lib/register/columns.ts) and the ids it links to. */
export interface RegisterRow extends RegisterRowValues {
  orderId: string;
  patientId: string;
}

export interface RegisterPage {
  rows: RegisterRow[];
  total: number;
  page: number;
  pageSize: number;
}

// Each sort ends with a unique column and matches an index in both directions (PostgreSQL's
// default NULLS LAST ascending, NULLS FIRST descending), so even a deep page is read in order.
const SORT_COLUMNS: Record<RegisterFilter['sort'], Prisma.Sql[]> = {
  patient: [Prisma.sql`p."familyName"`, Prisma.sql`p."givenName"`, Prisma.sql`o.id`],
  state: [Prisma.sql`o.state`, Prisma.sql`o.id`],
  madeOn: [Prisma.sql`o."madeOn"`, Prisma.sql`o.id`],
  periodEnd: [Prisma.sql`o."currentExpiryDate"`, Prisma.sql`o.id`],
};

function orderBy(filter: RegisterFilter): Prisma.Sql {
  const dir = filter.dir === 'desc' ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return Prisma.join(
    SORT_COLUMNS[filter.sort].map((col) => Prisma.sql`${col} ${dir}`),
    ', ',
  );
}

/** Whether the filter or sort needs the patient's columns (otherwise the orders alone do). */
function needsPatient(filter: RegisterFilter): boolean {
  return filter.sort === 'patient' || Boolean(filter.q);
}

/** The WHERE clause of the filter (and the reader's scope), over o (order), p (patient), h. */
function whereOf(filter: RegisterFilter, scope: Scope, teamIds: readonly string[]): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scope !== 'trust') {
    parts.push(
      teamIds.length ? Prisma.sql`o."teamId" IN (${Prisma.join([...teamIds])})` : Prisma.sql`FALSE`,
    );
  }
  if (filter.state) {
    const states = REGISTER_STATE_GROUPS[filter.state];
    parts.push(Prisma.sql`o.state = ANY(${[...states]}::"CtoState"[])`);
  }
  if (filter.teamId) parts.push(Prisma.sql`o."teamId" = ${filter.teamId}`);
  if (filter.hospitalId) parts.push(Prisma.sql`o."responsibleHospitalId" = ${filter.hospitalId}`);
  if (filter.rcId) parts.push(Prisma.sql`o."responsibleClinicianId" = ${filter.rcId}`);
  if (filter.ccId) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "StaffAssignment" sa
      WHERE sa."patientId" = o."patientId" AND sa.kind = 'CARE_COORDINATOR'
        AND sa."endedOn" IS NULL AND sa."userId" = ${filter.ccId})`);
  }
  if (filter.periodEndFrom) {
    parts.push(Prisma.sql`o."currentExpiryDate" >= ${filter.periodEndFrom}::date`);
  }
  if (filter.periodEndTo) {
    parts.push(Prisma.sql`o."currentExpiryDate" <= ${filter.periodEndTo}::date`);
  }
  if (filter.q) {
    const digits = filter.q.replace(/\s+/g, '');
    if (/^\d{10}$/.test(digits)) parts.push(Prisma.sql`p."nhsNumber" = ${digits}`);
    else {
      const needle = `%${escapeLike(filter.q.toLowerCase().replace(/\s+/g, ' '))}%`;
      parts.push(Prisma.sql`(p."searchName" LIKE ${needle} OR p."localId" = ${filter.q})`);
    }
  }
  return Prisma.join(parts, ' AND ');
}

const FROM = Prisma.sql`"CommunityTreatmentOrder" o
  JOIN "Patient" p ON p.id = o."patientId"
  JOIN "Hospital" h ON h.id = o."responsibleHospitalId"`;
const FROM_WITH_PATIENT = Prisma.sql`"CommunityTreatmentOrder" o JOIN "Patient" p ON p.id = o."patientId"`;
const FROM_ORDERS = Prisma.sql`"CommunityTreatmentOrder" o`;

/** The columns of a register row for the orders in `o` (used by the page and the exports). */
const DETAILS = Prisma.sql`
  o.id AS "orderId", p.id AS "patientId", p."nhsNumber", p."localId", p."givenName", p."familyName",
  t.name AS "teamName", o.state, o."madeOn", o."currentExpiryDate" AS "periodEnd",
  win."opensOn" AS "windowOpensOn", win."dueOn" AS "windowDueOn",
  rc.name AS "rcName", cc.name AS "ccName", h.name AS "hospitalName",
  rights."givenAt" AS "rightsGivenAt", rights_due."dueOn" AS "rightsDueOn",
  cert.type::text AS "certificateType", cert."givenOn" AS "certificateGivenOn",
  cert_due."dueOn" AS "certificateDueOn",
  tc.kind::text AS "tribunalKind", tc.basis AS "tribunalBasis",
  tc."documentsDueOn" AS "tribunalDocumentsDueOn", hearing."scheduledAt" AS "nextHearingAt",
  nr.name AS "nearestRelativeName", nr.relationship AS "nearestRelativeRelationship"`;

function detailJoins(now: Date): Prisma.Sql {
  return Prisma.sql`
  LEFT JOIN "Team" t ON t.id = o."teamId"
  LEFT JOIN "User" rc ON rc.id = o."responsibleClinicianId"
  LEFT JOIN LATERAL (SELECT u.name FROM "StaffAssignment" sa JOIN "User" u ON u.id = sa."userId"
     WHERE sa."patientId" = o."patientId" AND sa.kind = 'CARE_COORDINATOR' AND sa."endedOn" IS NULL
     ORDER BY sa."startedOn" DESC LIMIT 1) cc ON TRUE
  LEFT JOIN LATERAL (SELECT d."opensOn", d."dueOn" FROM "Deadline" d
     WHERE d."orderId" = o.id AND d.kind = 'EXTENSION_WINDOW' AND d.status = 'OPEN'
     ORDER BY d."dueOn" LIMIT 1) win ON TRUE
  LEFT JOIN LATERAL (SELECT max(COALESCE(ri."givenOrallyAt", ri."givenInWritingAt")) AS "givenAt"
     FROM "RightsInformation" ri WHERE ri."orderId" = o.id AND ri."enteredInErrorAt" IS NULL) rights ON TRUE
  LEFT JOIN LATERAL (SELECT d."dueOn" FROM "Deadline" d
     WHERE d."orderId" = o.id AND d.kind = 'RIGHTS_INFORMATION' AND d.status = 'OPEN'
     ORDER BY d."dueOn" LIMIT 1) rights_due ON TRUE
  LEFT JOIN LATERAL (SELECT c.type, c."givenOn" FROM "TreatmentCertificate" c
     WHERE c."orderId" = o.id AND c.status = 'ACTIVE' AND c."enteredInErrorAt" IS NULL
     ORDER BY c."givenOn" DESC LIMIT 1) cert ON TRUE
  LEFT JOIN LATERAL (SELECT d."dueOn" FROM "Deadline" d
     WHERE d."orderId" = o.id AND d.kind = 'CERTIFICATE_REQUIRED' AND d.status = 'OPEN'
     ORDER BY d."dueOn" LIMIT 1) cert_due ON TRUE
  LEFT JOIN LATERAL (SELECT c.id, c.kind, c.basis, c."documentsDueOn" FROM "TribunalCase" c
     WHERE c."orderId" = o.id AND c.status = 'OPEN' AND c."enteredInErrorAt" IS NULL
     ORDER BY c."madeOn" DESC LIMIT 1) tc ON TRUE
  LEFT JOIN LATERAL (SELECT min(th."scheduledAt") AS "scheduledAt" FROM "TribunalHearing" th
     WHERE th."caseId" = tc.id AND th."heldOn" IS NULL AND th."scheduledAt" >= ${now}) hearing ON TRUE
  LEFT JOIN LATERAL (SELECT n.name, n.relationship FROM "NearestRelative" n
     WHERE n."patientId" = o."patientId" AND n.kind = 'NEAREST_RELATIVE' AND n."endedOn" IS NULL
     ORDER BY n."startedOn" DESC LIMIT 1) nr ON TRUE`;
}

/**
 * The same columns for the whole register at once (the exports): each detail table read once,
 * reduced to one row per order or patient (DISTINCT ON / GROUP BY) and hash-joined, instead of
 * ten index probes per order (800,000 at 80,000 orders: 178 s under load, decision 822).
 * Returns identical rows to DETAILS + detailJoins.
 */
function exportQuery(now: Date, where: Prisma.Sql, order: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  WITH cc AS (
    SELECT DISTINCT ON (sa."patientId") sa."patientId", u.name
      FROM "StaffAssignment" sa JOIN "User" u ON u.id = sa."userId"
     WHERE sa.kind = 'CARE_COORDINATOR' AND sa."endedOn" IS NULL
     ORDER BY sa."patientId", sa."startedOn" DESC),
  dl AS (
    SELECT d."orderId",
      (array_agg(d."opensOn" ORDER BY d."dueOn") FILTER (WHERE d.kind = 'EXTENSION_WINDOW'))[1]
        AS "windowOpensOn",
      min(d."dueOn") FILTER (WHERE d.kind = 'EXTENSION_WINDOW') AS "windowDueOn",
      min(d."dueOn") FILTER (WHERE d.kind = 'RIGHTS_INFORMATION') AS "rightsDueOn",
      min(d."dueOn") FILTER (WHERE d.kind = 'CERTIFICATE_REQUIRED') AS "certificateDueOn"
      FROM "Deadline" d
     WHERE d.status = 'OPEN'
       AND d.kind IN ('EXTENSION_WINDOW', 'RIGHTS_INFORMATION', 'CERTIFICATE_REQUIRED')
     GROUP BY d."orderId"),
  rights AS (
    SELECT ri."orderId", max(COALESCE(ri."givenOrallyAt", ri."givenInWritingAt")) AS "givenAt"
      FROM "RightsInformation" ri WHERE ri."enteredInErrorAt" IS NULL GROUP BY ri."orderId"),
  cert AS (
    SELECT DISTINCT ON (c."orderId") c."orderId", c.type, c."givenOn" FROM "TreatmentCertificate" c
     WHERE c.status = 'ACTIVE' AND c."enteredInErrorAt" IS NULL
     ORDER BY c."orderId", c."givenOn" DESC),
  tc AS (
    SELECT DISTINCT ON (c."orderId") c."orderId", c.id, c.kind, c.basis, c."documentsDueOn"
      FROM "TribunalCase" c
     WHERE c.status = 'OPEN' AND c."enteredInErrorAt" IS NULL
     ORDER BY c."orderId", c."madeOn" DESC),
  hearing AS (
    SELECT th."caseId", min(th."scheduledAt") AS "scheduledAt" FROM "TribunalHearing" th
     WHERE th."heldOn" IS NULL AND th."scheduledAt" >= ${now} GROUP BY th."caseId"),
  nr AS (
    SELECT DISTINCT ON (n."patientId") n."patientId", n.name, n.relationship
      FROM "NearestRelative" n
     WHERE n.kind = 'NEAREST_RELATIVE' AND n."endedOn" IS NULL
     ORDER BY n."patientId", n."startedOn" DESC)
  SELECT o.id AS "orderId", p.id AS "patientId", p."nhsNumber", p."localId", p."givenName",
    p."familyName", t.name AS "teamName", o.state, o."madeOn", o."currentExpiryDate" AS "periodEnd",
    dl."windowOpensOn", dl."windowDueOn", rc.name AS "rcName", cc.name AS "ccName",
    h.name AS "hospitalName", rights."givenAt" AS "rightsGivenAt", dl."rightsDueOn",
    cert.type::text AS "certificateType", cert."givenOn" AS "certificateGivenOn",
    dl."certificateDueOn", tc.kind::text AS "tribunalKind", tc.basis AS "tribunalBasis",
    tc."documentsDueOn" AS "tribunalDocumentsDueOn", hearing."scheduledAt" AS "nextHearingAt",
    nr.name AS "nearestRelativeName", nr.relationship AS "nearestRelativeRelationship"
  FROM ${FROM}
    LEFT JOIN "Team" t ON t.id = o."teamId"
    LEFT JOIN "User" rc ON rc.id = o."responsibleClinicianId"
    LEFT JOIN cc ON cc."patientId" = o."patientId"
    LEFT JOIN dl ON dl."orderId" = o.id
    LEFT JOIN rights ON rights."orderId" = o.id
    LEFT JOIN cert ON cert."orderId" = o.id
    LEFT JOIN tc ON tc."orderId" = o.id
    LEFT JOIN hearing ON hearing."caseId" = tc.id
    LEFT JOIN nr ON nr."patientId" = o."patientId"
  WHERE ${where} ORDER BY ${order}`;
}

async function registerAccess(ctx: QueryContext) {
  return resolvePatientAccess(ctx, 'read:register', {
    includeBreakGlass: false,
    subject: { entityType: 'CommunityTreatmentOrder' },
  });
}

/** One page of the register, with the number of rows the filter matches. */
export async function listRegister(
  ctx: QueryContext,
  query: RegisterPageQuery,
): Promise<RegisterPage> {
  const access = await registerAccess(ctx);
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const where = whereOf(query, access.scope, ctx.actor.teamIds);
  const offset = (query.page - 1) * query.pageSize;
  const from = needsPatient(query) ? FROM_WITH_PATIENT : FROM_ORDERS;
  const [countRows, rows] = await Promise.all([
    client.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${from} WHERE ${where}`,
    // The page's ids from the indexed columns alone, then the details of only those rows.
    client.$queryRaw<RegisterRow[]>`
      WITH page AS (
        SELECT o.id, row_number() OVER () AS n FROM (
          SELECT o.id FROM ${from} WHERE ${where}
           ORDER BY ${orderBy(query)} LIMIT ${query.pageSize} OFFSET ${offset}) o)
      SELECT ${DETAILS}
        FROM page JOIN "CommunityTreatmentOrder" o ON o.id = page.id
        JOIN "Patient" p ON p.id = o."patientId"
        JOIN "Hospital" h ON h.id = o."responsibleHospitalId"
        ${detailJoins(now)}
       ORDER BY page.n`,
  ]);
  await audit(ctx, {
    action: 'register.list',
    outcome: 'SUCCESS',
    entityType: 'CommunityTreatmentOrder',
    metadata: {
      filter: filterParams(query),
      page: query.page,
      orderIds: rows.map((r) => r.orderId),
    },
  });
  return { rows, total: Number(countRows[0]?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

export type ExportFormat = 'csv' | 'xlsx';

/**
 * Every row the filter matches, in its order, fetched through a server-side cursor in batches
 * (memory stays flat however large the register). `onBatch` is awaited before the next fetch,
 * so a slow reader slows the query down rather than filling memory. The export is audited
 * (who, which filter, which format, how many rows) before the first row is read.
 */
export async function streamRegister(
  ctx: QueryContext,
  filter: RegisterFilter,
  format: ExportFormat,
  onBatch: (rows: RegisterRow[]) => Promise<void>,
  batchSize = 2000,
): Promise<number> {
  const access = await registerAccess(ctx);
  const now = ctx.now ?? new Date();
  const where = whereOf(filter, access.scope, ctx.actor.teamIds);
  await audit(ctx, {
    action: 'register.export',
    outcome: 'SUCCESS',
    entityType: 'CommunityTreatmentOrder',
    metadata: { filter: filterParams(filter), format },
  });
  const run = async (tx: Tx | Db) => {
    // Plan for every row, not the first 10 % (a cursor's default), so the detail tables are
    // hash-joined; sorts and hashes in memory (bounded: one export at a time per request).
    await tx.$executeRawUnsafe(`SET LOCAL cursor_tuple_fraction = 1`);
    await tx.$executeRawUnsafe(`SET LOCAL work_mem = '32MB'`);
    await tx.$executeRaw`DECLARE register_export NO SCROLL CURSOR FOR
      ${exportQuery(now, where, orderBy(filter))}`;
    let total = 0;
    for (;;) {
      const rows = await tx.$queryRawUnsafe<RegisterRow[]>(
        `FETCH ${Math.trunc(batchSize)} FROM register_export`,
      );
      if (rows.length === 0) break;
      total += rows.length;
      await onBatch(rows);
      if (rows.length < batchSize) break;
    }
    await tx.$executeRaw`CLOSE register_export`;
    return total;
  };
  const client = ctx.client ?? db;
  return '$transaction' in client && typeof client.$transaction === 'function'
    ? (client as Db).$transaction((tx) => run(tx), { timeout: 300_000, maxWait: 30_000 })
    : run(client);
}
