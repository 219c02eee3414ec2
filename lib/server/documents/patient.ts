import 'server-only';
// The patient's details every produced document carries in its header.
import type { DocumentPatient } from '@/lib/documents/content';
import { fromDbDate } from '@/lib/server/dates';

export function documentPatient(p: {
  givenName: string;
  familyName: string;
  dateOfBirth: Date;
  nhsNumber: string | null;
}): DocumentPatient {
  return {
    name: `${p.givenName} ${p.familyName}`,
    dateOfBirth: fromDbDate(p.dateOfBirth),
    nhsNumber: p.nhsNumber,
  };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
