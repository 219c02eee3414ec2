import 'server-only';
// A patient's contacts, newest first, with the care activities recorded with each. Entries
// entered in error are included and flagged. Scoped in the where clause, audited.
import { db } from '@/lib/server/db';
import type { CareActivityKind, ContactMode } from '@/lib/generated/prisma/client';
import { readPatientInScope, type ScopedPatient } from '@/lib/server/services/social/read-scope';
import { audit, type QueryContext } from './access';

export interface ContactListItem {
  id: string;
  occurredAt: Date;
  mode: ContactMode;
  durationMinutes: number | null;
  withCarer: boolean;
  summary: string;
  staffId: string;
  staffName: string;
  enteredInError: { at: Date; reason: string | null } | null;
  activities: { id: string; kind: CareActivityKind; description: string }[];
}

export interface ContactList {
  patient: ScopedPatient;
  items: ContactListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listContacts(
  ctx: QueryContext,
  patientId: string,
  query: { page?: number; pageSize?: number } = {},
): Promise<ContactList> {
  const client = ctx.client ?? db;
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize ?? 20)));
  const scoped = await readPatientInScope(ctx, patientId, 'contact.list');
  const where = { patientId, patient: scoped.patientWhere };
  const [total, rows] = await Promise.all([
    client.contact.count({ where }),
    client.contact.findMany({
      where,
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        occurredAt: true,
        mode: true,
        durationMinutes: true,
        withCarer: true,
        summary: true,
        staffId: true,
        staff: { select: { name: true } },
        enteredInErrorAt: true,
        enteredInErrorReason: true,
        activities: {
          orderBy: { createdAt: 'asc' },
          select: { id: true, kind: true, description: true },
        },
      },
    }),
  ]);
  await audit(ctx, {
    action: 'contact.list',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    breakGlassId: scoped.breakGlassId,
    metadata: { page, count: rows.length },
  });
  return {
    patient: scoped.patient,
    total,
    page,
    pageSize,
    items: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurredAt,
      mode: r.mode,
      durationMinutes: r.durationMinutes,
      withCarer: r.withCarer,
      summary: r.summary,
      staffId: r.staffId,
      staffName: r.staff.name,
      enteredInError: r.enteredInErrorAt
        ? { at: r.enteredInErrorAt, reason: r.enteredInErrorReason }
        : null,
      activities: r.activities,
    })),
  };
}
