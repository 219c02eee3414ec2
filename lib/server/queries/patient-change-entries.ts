import 'server-only';
// Issue 10: the corrections and changes of a patient's record as chronology entries (kind
// 'record'). Kept apart from get-chronology.ts so that the chronology gains them with a few
// lines; the caller passes the patient's scoped where clause.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/server/db';
import { fromDbDate } from '@/lib/server/dates';
import { PATIENT_FIELD_LABELS } from '@/lib/patients/labels';
import type { PatientFieldName } from '@/lib/schemas/patients';

export interface PatientChangeEntry {
  id: string;
  at: Date | string;
  kind: 'record';
  title: string;
  detail: string | null;
  by?: string | null;
  source: { table: string; id: string };
}

export function fieldLabel(field: string): string {
  return PATIENT_FIELD_LABELS[field as PatientFieldName] ?? field;
}

/** 'Care coordinator changed', 'Date of birth corrected', 'Patient registered'. */
export function changeTitle(change: { kind: string; field: string }): string {
  if (change.kind === 'REGISTERED') return 'Patient registered';
  const label = fieldLabel(change.field);
  return `${label} ${change.kind === 'CORRECTION' ? 'corrected' : 'changed'}`;
}

export function changeDetail(change: {
  oldText: string | null;
  newText: string | null;
  reason: string | null;
  kind: string;
}): string | null {
  if (change.kind === 'REGISTERED') return change.newText;
  const parts = [
    `From ${change.oldText ?? 'not recorded'} to ${change.newText ?? 'not recorded'}.`,
    change.reason ? `Reason: ${change.reason}` : null,
  ];
  return parts.filter(Boolean).join(' ');
}

export async function patientChangeEntries(
  client: Db | Tx,
  where: { patientId: string; patient: Prisma.PatientWhereInput },
): Promise<PatientChangeEntry[]> {
  const rows = await client.patientChange.findMany({ where, orderBy: { changedAt: 'asc' } });
  return rows.map((c) => ({
    id: `patient-change:${c.id}`,
    // A change is dated by the day it took effect; a correction by when it was made.
    at: c.effectiveOn ? fromDbDate(c.effectiveOn) : c.changedAt,
    kind: 'record' as const,
    title: changeTitle(c),
    detail: changeDetail(c),
    by: c.changedById,
    source: { table: 'PatientChange', id: c.id },
  }));
}
