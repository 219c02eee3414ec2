// The register's columns (issue 8, part 1), shared by its page and its CSV and XLSX exports so
// that an export says exactly what the page shows (pure: no database, no clock). Dates are the
// stored ones (period end, deadlines) written as they are; nothing is worked out again here.
import { STATE_LABELS } from '@/lib/cto/types';
import type { CtoState } from '@/lib/generated/prisma/enums';

/** A register row as the query returns it (lib/server/queries/register.ts). */
export interface RegisterRowValues {
  nhsNumber: string | null;
  localId: string;
  givenName: string;
  familyName: string;
  teamName: string | null;
  state: CtoState;
  madeOn: Date | null;
  periodEnd: Date | null;
  windowOpensOn: Date | null;
  windowDueOn: Date | null;
  rcName: string | null;
  ccName: string | null;
  hospitalName: string;
  rightsGivenAt: Date | null;
  rightsDueOn: Date | null;
  certificateType: string | null;
  certificateGivenOn: Date | null;
  certificateDueOn: Date | null;
  tribunalKind: string | null;
  tribunalBasis: string | null;
  tribunalDocumentsDueOn: Date | null;
  nextHearingAt: Date | null;
  nearestRelativeName: string | null;
  nearestRelativeRelationship: string | null;
}

const isoDate = (d: Date | null): string => (d ? d.toISOString().slice(0, 10) : '');

const londonMinute = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant as 'YYYY-MM-DD HH:mm' in UK time. */
export function londonDateTime(d: Date | null): string {
  if (!d) return '';
  const parts = Object.fromEntries(londonMinute.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function certificateText(row: RegisterRowValues): string {
  if (row.certificateType) return `${row.certificateType} in place`;
  if (row.certificateDueOn) return 'Needed';
  return 'None recorded';
}

export function tribunalText(row: RegisterRowValues): string {
  if (!row.tribunalKind) return 'None open';
  const kind = row.tribunalKind === 'APPLICATION' ? 'Application' : 'Reference';
  return `${kind} open (${row.tribunalBasis ?? ''})`;
}

export function nearestRelativeText(row: RegisterRowValues): string {
  if (!row.nearestRelativeName) return 'Not recorded';
  return row.nearestRelativeRelationship
    ? `${row.nearestRelativeName} (${row.nearestRelativeRelationship})`
    : row.nearestRelativeName;
}

export const REGISTER_COLUMNS: readonly {
  header: string;
  value: (row: RegisterRowValues) => string;
}[] = [
  { header: 'NHS number', value: (r) => r.nhsNumber ?? '' },
  { header: 'Local ID', value: (r) => r.localId },
  { header: 'Family name', value: (r) => r.familyName },
  { header: 'Given name', value: (r) => r.givenName },
  { header: 'Team', value: (r) => r.teamName ?? '' },
  { header: 'State', value: (r) => STATE_LABELS[r.state] },
  { header: 'Made on', value: (r) => isoDate(r.madeOn) },
  { header: 'Period ends', value: (r) => isoDate(r.periodEnd) },
  { header: 'Renewal window opens', value: (r) => isoDate(r.windowOpensOn) },
  { header: 'Renewal window last day', value: (r) => isoDate(r.windowDueOn) },
  { header: 'Responsible clinician', value: (r) => r.rcName ?? '' },
  { header: 'Care coordinator', value: (r) => r.ccName ?? '' },
  { header: 'Responsible hospital', value: (r) => r.hospitalName },
  { header: 'Rights information given', value: (r) => londonDateTime(r.rightsGivenAt) },
  { header: 'Rights information due', value: (r) => isoDate(r.rightsDueOn) },
  { header: 'Treatment certificate', value: certificateText },
  { header: 'Certificate given on', value: (r) => isoDate(r.certificateGivenOn) },
  { header: 'Certificate needed by', value: (r) => isoDate(r.certificateDueOn) },
  { header: 'Tribunal', value: tribunalText },
  { header: 'Tribunal reports due', value: (r) => isoDate(r.tribunalDocumentsDueOn) },
  { header: 'Next hearing', value: (r) => londonDateTime(r.nextHearingAt) },
  { header: 'Nearest relative', value: nearestRelativeText },
];

/**
 * A cell made safe for a spreadsheet: text starting with =, +, - or @ (or a tab or carriage
 * return, which some spreadsheets skip before one of those) would be run as a formula ("CSV
 * injection"), so it gets a leading apostrophe and is shown as the text it is.
 */
export function escapeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A register row as the export's cells, every one escaped. */
export function exportCells(row: RegisterRowValues): string[] {
  return REGISTER_COLUMNS.map((column) => escapeCell(column.value(row)));
}

export const EXPORT_HEADERS: readonly string[] = REGISTER_COLUMNS.map((c) => c.header);
