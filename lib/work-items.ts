// Issue 8: the dashboards' work items (pure: shared by the server query, the JSON endpoint and
// the browser, which re-bands the items as time passes without a reload). No clock reads: `now`
// is always a parameter. The dates themselves come from the stored Deadline rows and lib/cto.
import type { DeadlineKind } from '@/lib/generated/prisma/enums';

export const DERIVED_KINDS = [
  'CONTACT_DUE',
  'SOCIAL_REVIEW_DUE',
  'AMHP_AGREEMENT_REQUESTED',
  'REPORT_OWED',
] as const;
export type DerivedKind = (typeof DERIVED_KINDS)[number];
export type WorkItemKind = DeadlineKind | DerivedKind;

export const BANDS = ['overdue', 'week', 'month', 'later'] as const;
export type Band = (typeof BANDS)[number];

export const BAND_LABELS: Record<Exclude<Band, 'later'>, string> = {
  overdue: 'Overdue',
  week: 'Due within 7 days, and recalls running',
  month: 'Coming up in the next 30 days',
};

export const WEEK_DAYS = 7;
export const HORIZON_DAYS = 30;

/** Plain-English names of each kind, for headings and filters. */
export const WORK_ITEM_KIND_LABELS: Record<WorkItemKind, string> = {
  CTO_EXPIRY: 'Order expiry',
  EXTENSION_WINDOW: 'Extension (renewal)',
  RECALL_72_HOURS: 'Recall: 72 hours',
  DETENTION_EXPIRY: 'Detention after revocation',
  MANAGERS_REFERENCE_AFTER_REVOCATION: 'Tribunal reference after revocation',
  CERTIFICATE_REQUIRED: 'Treatment certificate',
  TRIBUNAL_DOCUMENTS: 'Tribunal documents',
  FIRST_MANAGERS_REFERENCE: 'First tribunal reference',
  PERIODIC_MANAGERS_REFERENCE: 'Periodic tribunal reference',
  PATIENT_APPLICATION_WINDOW: "Patient's tribunal application window",
  NEAREST_RELATIVE_DISCHARGE: "Nearest relative's order for discharge",
  NEAREST_RELATIVE_TRIBUNAL_WINDOW: "Nearest relative's tribunal window",
  AWOL_EXTENDED_EXPIRY: 'After absence without leave (CTO8)',
  RIGHTS_INFORMATION: 'Rights information',
  MANAGERS_REVIEW_OF_EXTENSION: "Managers' review of an extension",
  OTHER: 'Other',
  CONTACT_DUE: 'Contact due',
  SOCIAL_REVIEW_DUE: 'Social factors review',
  AMHP_AGREEMENT_REQUESTED: 'AMHP agreement requested',
  REPORT_OWED: 'Report owed',
};

export function isWorkItemKind(value: string): value is WorkItemKind {
  return value in WORK_ITEM_KIND_LABELS;
}

/** What the JSON endpoint returns for each item (README: GET /api/v1/work-items). */
export interface WorkItemJson {
  kind: WorkItemKind;
  title: string;
  patientId: string;
  orderId: string | null;
  /** An instant (ISO 8601 with time) where the law counts hours; otherwise the calendar day. */
  dueAt: string | null;
  overdue: boolean;
  basis: string;
}

/** With `?detail=full`: what the dashboard needs to draw the item again in the browser. */
export interface WorkItemDetailJson extends WorkItemJson {
  id: string;
  patientName: string;
  href: string;
}

// One formatter for the module: constructing an Intl.DateTimeFormat costs far more than using
// one, and englishDay runs inside the work items' sort (a CPU profile of the care coordinator's
// work items at 80,000 orders: 2.6 s of 3 s in this function when it built one per call).
const ENGLISH_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in England of an instant (the law's days are English days). */
export function englishDay(instant: Date): string {
  return ENGLISH_DAY.format(instant); // en-CA formats as YYYY-MM-DD
}

function dayNumber(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from today (England) to the due day: negative when overdue. */
export function daysLeft(dueAt: string, now: Date): number {
  const dueDay = dueAt.length === 10 ? dueAt : englishDay(new Date(dueAt));
  return dayNumber(dueDay) - dayNumber(englishDay(now));
}

/**
 * Overdue once the moment has passed or, for a calendar day, once that day has ended in
 * England (a task due on a day can still be done on it).
 */
export function isOverdue(dueAt: string | null, now: Date): boolean {
  if (dueAt === null) return false;
  if (dueAt.length === 10) return daysLeft(dueAt, now) < 0;
  return Date.parse(dueAt) < now.getTime();
}

/** The band an item falls in today. A running recall is always in the 7-day band at least. */
export function bandOf(item: { kind: WorkItemKind; dueAt: string | null }, now: Date): Band {
  if (item.dueAt === null) return 'week';
  if (isOverdue(item.dueAt, now)) return 'overdue';
  if (item.kind === 'RECALL_72_HOURS') return 'week';
  const left = daysLeft(item.dueAt, now);
  if (left <= WEEK_DAYS) return 'week';
  if (left <= HORIZON_DAYS) return 'month';
  return 'later';
}

/** "3 days overdue", "due today", "12 days left" (hours where the law counts hours). */
export function whenInWords(dueAt: string | null, now: Date): string {
  if (dueAt === null) return 'as soon as possible';
  if (dueAt.length > 10) {
    const ms = Date.parse(dueAt) - now.getTime();
    const hours = Math.floor(Math.abs(ms) / 3_600_000);
    const minutes = Math.floor((Math.abs(ms) % 3_600_000) / 60_000);
    const span = `${hours} h ${String(minutes).padStart(2, '0')} min`;
    return ms < 0 ? `${span} overdue` : `${span} left`;
  }
  const left = daysLeft(dueAt, now);
  if (left === 0) return 'due today';
  if (left === 1) return '1 day left';
  if (left > 1) return `${left} days left`;
  return left === -1 ? '1 day overdue' : `${-left} days overdue`;
}

const BAND_ORDER: Record<Band, number> = { overdue: 0, week: 1, month: 2, later: 3 };

/** Most urgent first: band, then due moment, then patient. */
export function compareWorkItems(
  a: { kind: WorkItemKind; dueAt: string | null; patientId: string },
  b: { kind: WorkItemKind; dueAt: string | null; patientId: string },
  now: Date,
): number {
  const band = BAND_ORDER[bandOf(a, now)] - BAND_ORDER[bandOf(b, now)];
  if (band !== 0) return band;
  const at = (x: string | null) =>
    x === null ? -Infinity : x.length === 10 ? Date.parse(`${x}T23:59:59Z`) : Date.parse(x);
  return at(a.dueAt) - at(b.dueAt) || a.patientId.localeCompare(b.patientId);
}

/**
 * How many items the dashboard draws at first (decision 861): the most urgent of
 * each band (or, in the MHA office's queue, of each kind within a band), with a link to the
 * whole list. At national scale one person can have hundreds of items due; a page of them all
 * is neither quick to draw nor quick to read. `?all=1` on `/` shows every item.
 */
export const DASHBOARD_SHOWN = { perBand: 25, perKind: 10 } as const;

/** The key of an item's group: its band, or band and kind when grouped by kind. */
export function groupKey(band: Band, kind: WorkItemKind | null): string {
  return kind ? `${band}:${kind}` : band;
}

/**
 * The first `limit` items of each band (each band and kind when `byKind`), most urgent first,
 * and how many each group holds in all. `limit` null keeps every item.
 */
export function capByGroup<
  T extends { kind: WorkItemKind; dueAt: string | null; patientId: string },
>(
  items: readonly T[],
  now: Date,
  limit: number | null,
  byKind: boolean,
): { shown: T[]; counts: Record<string, number> } {
  const sorted = [...items].sort((a, b) => compareWorkItems(a, b, now));
  const counts: Record<string, number> = {};
  const shown: T[] = [];
  for (const item of sorted) {
    const band = bandOf(item, now);
    if (band === 'later') continue;
    counts[band] = (counts[band] ?? 0) + 1;
    const key = groupKey(band, byKind ? item.kind : null);
    const inGroup = byKind ? (counts[key] ?? 0) + 1 : (counts[band] ?? 0);
    counts[key] = inGroup;
    if (limit === null || inGroup <= limit) shown.push(item);
  }
  return { shown, counts };
}
