import 'server-only';
// Reading the audit trail: the privacy officer's search (read:audit) and a patient's
// "who has viewed or changed this record" (read:patient-audit). Reading the trail is itself
// recorded in it.
import { db } from '@/lib/server/db';
import { escapeLike } from '@/lib/server/like';
import { patientScopeWhere } from '@/lib/server/scope';
import { addCalendarDays, londonTime } from '@/lib/server/dates';
import { AUDIT_PAGE_SIZE, type AuditSearch } from '@/lib/schemas/audit-search';
import type { AuditOutcome, Prisma } from '@/lib/generated/prisma/client';
import { audit, NotFound, type QueryContext } from './access';
import { requirePermission } from './require-permission';

export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  userId: string | null;
  userEmail: string | null;
  userName: string | null;
  roles: string[];
  action: string;
  outcome: AuditOutcome;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  reason: string | null;
  breakGlassId: string | null;
  route: string | null;
  /** The patient's NHS number, for the privacy officer's search (identity only). */
  patientNhsNumber?: string | null;
}

export interface AuditPatient {
  id: string;
  nhsNumber: string | null;
  givenName: string;
  familyName: string;
}

export interface AuditEventPage {
  items: AuditEventRow[];
  total: number;
  page: number;
  pageSize: number;
  /** When the search named a patient: who they are (identity only, nothing clinical). */
  patient: AuditPatient | null;
  /** The search named an NHS number that no patient has. */
  patientUnknown: boolean;
}

const EVENT_SELECT = {
  id: true,
  occurredAt: true,
  userId: true,
  userEmail: true,
  roles: true,
  action: true,
  outcome: true,
  entityType: true,
  entityId: true,
  patientId: true,
  reason: true,
  breakGlassId: true,
  route: true,
} satisfies Prisma.AuditEventSelect;

type EventRecord = Prisma.AuditEventGetPayload<{ select: typeof EVENT_SELECT }>;

async function withUserNames(
  client: typeof db | NonNullable<QueryContext['client']>,
  rows: EventRecord[],
): Promise<AuditEventRow[]> {
  const ids = [...new Set(rows.map((r) => r.userId).filter((id): id is string => id !== null))];
  const users = ids.length
    ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((row) => ({
    ...row,
    id: row.id.toString(),
    userName: row.userId ? (names.get(row.userId) ?? null) : null,
  }));
}

const PATIENT_IDENTITY = {
  id: true,
  nhsNumber: true,
  givenName: true,
  familyName: true,
} satisfies Prisma.PatientSelect;

/** The privacy officer's search: filtered, newest first, a page at a time; audited. */
export async function listAuditEvents(
  ctx: QueryContext,
  search: AuditSearch,
): Promise<AuditEventPage> {
  await requirePermission(ctx, 'read:audit');
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();

  let patient: AuditPatient | null = null;
  let patientUnknown = false;
  let patientId: string | undefined;
  if (search.patient) {
    // Identity only, and only for those who may read a patient's access history.
    const patientScope = await requirePermission(ctx, 'read:patient-audit');
    const where: Prisma.PatientWhereInput =
      search.patient.kind === 'nhsNumber'
        ? { nhsNumber: search.patient.value }
        : { id: search.patient.value };
    patient = await client.patient.findFirst({
      where: { AND: [where, patientScopeWhere(ctx.actor, patientScope, now)] },
      select: PATIENT_IDENTITY,
    });
    if (search.patient.kind === 'id') patientId = search.patient.value;
    else if (patient) patientId = patient.id;
    else patientUnknown = true;
  }

  const where: Prisma.AuditEventWhereInput = {
    ...(search.user ? { userEmail: { equals: search.user, mode: 'insensitive' } } : {}),
    ...(search.action ? { action: { startsWith: escapeLike(search.action) } } : {}),
    ...(search.outcome ? { outcome: search.outcome } : {}),
    ...(search.from || search.to
      ? {
          occurredAt: {
            ...(search.from ? { gte: londonTime(search.from) } : {}),
            ...(search.to ? { lt: londonTime(addCalendarDays(search.to, 1)) } : {}),
          },
        }
      : {}),
    ...(patientId ? { patientId } : {}),
  };
  const skip = (search.page - 1) * AUDIT_PAGE_SIZE;
  const [total, rows] = patientUnknown
    ? [0, []]
    : await Promise.all([
        client.auditEvent.count({ where }),
        client.auditEvent.findMany({
          where,
          orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
          skip,
          take: AUDIT_PAGE_SIZE,
          select: EVENT_SELECT,
        }),
      ]);
  const named = await withUserNames(client, rows);
  const patientIds = [
    ...new Set(named.map((r) => r.patientId).filter((id): id is string => id !== null)),
  ];
  const nhsNumbers = new Map(
    (patientIds.length
      ? await client.patient.findMany({
          where: { id: { in: patientIds } },
          select: { id: true, nhsNumber: true },
        })
      : []
    ).map((p) => [p.id, p.nhsNumber]),
  );
  const items = named.map((row) => ({
    ...row,
    patientNhsNumber: row.patientId ? (nhsNumbers.get(row.patientId) ?? null) : null,
  }));

  await audit(ctx, {
    action: 'audit.search',
    outcome: 'SUCCESS',
    entityType: 'AuditEvent',
    patientId: patientId ?? null,
    metadata: {
      user: search.user ?? null,
      patient: search.patient ? (patientId ?? 'unknown-nhs-number') : null,
      action: search.action ?? null,
      outcome: search.outcome ?? null,
      from: search.from ?? null,
      to: search.to ?? null,
      page: search.page,
      total,
    },
  });
  return { items, total, page: search.page, pageSize: AUDIT_PAGE_SIZE, patient, patientUnknown };
}

/**
 * "Who has viewed or changed this record": the latest events about one patient, for the MHA
 * office and privacy officers (read:patient-audit). Outside scope it is NotFound, audited.
 */
export async function listPatientAuditEvents(
  ctx: QueryContext,
  patientId: string,
  limit = 50,
): Promise<AuditEventRow[]> {
  const scope = await requirePermission(ctx, 'read:patient-audit');
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const visible = await client.patient.count({
    where: { AND: [{ id: patientId }, patientScopeWhere(ctx.actor, scope, now)] },
  });
  if (visible === 0) {
    await audit(ctx, {
      action: 'patient-audit.read',
      outcome: 'DENIED',
      reason: 'outside-scope-or-missing',
      entityType: 'Patient',
      entityId: patientId,
    });
    throw new NotFound('Patient');
  }
  const rows = await client.auditEvent.findMany({
    where: { patientId },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: EVENT_SELECT,
  });
  const items = await withUserNames(client, rows);
  await audit(ctx, {
    action: 'patient-audit.read',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    metadata: { shown: items.length },
  });
  return items;
}
