import 'server-only';
// The privacy officer's report of emergency (break-glass) access: every grant, who made it,
// for which patient, why, when it ended, what was done through it, and its review.
import { z } from 'zod';
import { db } from '@/lib/server/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { audit, NotFound, type QueryContext } from './access';
import { requirePermission } from './require-permission';

export const BREAK_GLASS_PAGE_SIZE = 25;

export const breakGlassReportQuerySchema = z.object({
  status: z
    .enum(['to-review', 'reviewed', 'all'], { error: 'Show must be to review, reviewed or all' })
    .catch('to-review'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type BreakGlassReportQuery = z.infer<typeof breakGlassReportQuerySchema>;

const GRANT_SELECT = {
  id: true,
  reason: true,
  grantedAt: true,
  expiresAt: true,
  endedAt: true,
  reviewedAt: true,
  reviewNotes: true,
  user: { select: { id: true, name: true, email: true, jobTitle: true } },
  reviewedBy: { select: { id: true, name: true } },
  patient: { select: { id: true, nhsNumber: true, givenName: true, familyName: true } },
} satisfies Prisma.BreakGlassAccessSelect;

export type BreakGlassRow = Prisma.BreakGlassAccessGetPayload<{ select: typeof GRANT_SELECT }> & {
  /** Audit events made through this grant (the request itself and every read). */
  eventCount: number;
};

export interface BreakGlassReport {
  items: BreakGlassRow[];
  total: number;
  toReview: number;
  page: number;
  pageSize: number;
}

export async function listBreakGlass(
  ctx: QueryContext,
  query: BreakGlassReportQuery,
): Promise<BreakGlassReport> {
  await requirePermission(ctx, 'review:break-glass');
  const client = ctx.client ?? db;
  const where: Prisma.BreakGlassAccessWhereInput =
    query.status === 'to-review'
      ? { reviewedAt: null }
      : query.status === 'reviewed'
        ? { reviewedAt: { not: null } }
        : {};
  const [total, toReview, rows] = await Promise.all([
    client.breakGlassAccess.count({ where }),
    client.breakGlassAccess.count({ where: { reviewedAt: null } }),
    client.breakGlassAccess.findMany({
      where,
      // Oldest unreviewed first would bury new ones; newest first, as the audit trail.
      orderBy: [{ grantedAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * BREAK_GLASS_PAGE_SIZE,
      take: BREAK_GLASS_PAGE_SIZE,
      select: GRANT_SELECT,
    }),
  ]);
  const counts = rows.length
    ? await client.auditEvent.groupBy({
        by: ['breakGlassId'],
        where: { breakGlassId: { in: rows.map((r) => r.id) } },
        _count: { _all: true },
      })
    : [];
  const countOf = new Map(counts.map((c) => [c.breakGlassId, c._count._all]));
  await audit(ctx, {
    action: 'break-glass.list',
    outcome: 'SUCCESS',
    entityType: 'BreakGlassAccess',
    metadata: { status: query.status, page: query.page, ids: rows.map((r) => r.id) },
  });
  return {
    items: rows.map((row) => ({ ...row, eventCount: countOf.get(row.id) ?? 0 })),
    total,
    toReview,
    page: query.page,
    pageSize: BREAK_GLASS_PAGE_SIZE,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One grant and the audit events made through it, for the review page. */
export async function getBreakGlassForReview(ctx: QueryContext, breakGlassId: string) {
  await requirePermission(ctx, 'review:break-glass');
  const client = ctx.client ?? db;
  const grant = UUID.test(breakGlassId)
    ? await client.breakGlassAccess.findUnique({
        where: { id: breakGlassId },
        select: GRANT_SELECT,
      })
    : null;
  if (!grant) throw new NotFound('Emergency access');
  const events = await client.auditEvent.findMany({
    where: { breakGlassId: grant.id },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    take: 500,
    select: { id: true, occurredAt: true, action: true, outcome: true, route: true },
  });
  await audit(ctx, {
    action: 'break-glass.read',
    outcome: 'SUCCESS',
    entityType: 'BreakGlassAccess',
    entityId: grant.id,
    patientId: grant.patient.id,
  });
  return { grant, events: events.map((e) => ({ ...e, id: e.id.toString() })) };
}
