import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/server/db';
import { escapeLike } from '@/lib/server/like';
import { searchText } from '@/lib/schemas/common';
import { audit, resolvePatientAccess, type QueryContext } from './access';
import { indexedPatientScopeWhere } from '@/lib/server/scope';
import type { CtoState, Prisma } from '@/lib/generated/prisma/client';

export const listPatientsQuerySchema = z.object({
  q: searchText(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  page: z.coerce
    .number({ error: 'Page must be a number' })
    .int('Page must be a whole number')
    .min(1, 'Page must be 1 or more')
    .default(1),
  pageSize: z.coerce
    .number({ error: 'Page size must be a number' })
    .int('Page size must be a whole number')
    .min(1, 'Page size must be between 1 and 100')
    .max(100, 'Page size must be between 1 and 100')
    .default(25),
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

function searchWhere(q: string | undefined): Prisma.PatientWhereInput {
  if (!q) return {};
  const digits = q.replace(/\s+/g, '');
  if (/^\d{10}$/.test(digits)) return { nhsNumber: digits };
  return { searchName: { contains: escapeLike(q.toLowerCase().replace(/\s+/g, ' ')) } };
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

/** The patients the actor may see, newest order first; one read-audit event for the page. */
export async function listPatients(
  ctx: QueryContext,
  query: ListPatientsQuery,
): Promise<PatientList> {
  const access = await resolvePatientAccess(ctx, 'read:patient', { includeBreakGlass: false });
  const client = ctx.client ?? db;
  const scopeWhere = await indexedPatientScopeWhere(
    client,
    ctx.actor,
    access.scope,
    ctx.now ?? new Date(),
  );
  const where: Prisma.PatientWhereInput = { AND: [scopeWhere, searchWhere(query.q)] };
  const [total, rows] = await Promise.all([
    client.patient.count({ where }),
    client.patient.findMany({
      where,
      orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        nhsNumber: true,
        localId: true,
        givenName: true,
        familyName: true,
        dateOfBirth: true,
        currentTeam: { select: { name: true } },
        orders: {
          orderBy: [{ proposedAt: 'desc' }],
          take: 1,
          select: { id: true, state: true, currentExpiryDate: true },
        },
      },
    }),
  ]);
  const items = rows.map((row) => ({
    id: row.id,
    nhsNumber: row.nhsNumber,
    localId: row.localId,
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    teamName: row.currentTeam?.name ?? null,
    order: row.orders[0] ?? null,
  }));
  await audit(ctx, {
    action: 'patient.list',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    metadata: {
      scope: access.scope,
      searched: Boolean(query.q),
      page: query.page,
      patientIds: items.map((i) => i.id),
    },
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export { LIVE_STATES };
