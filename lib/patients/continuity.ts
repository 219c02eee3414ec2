/**
 * Continuity of care coordination (issue 10): how often a patient's care coordinator changes,
 * counted per patient-year, so that the statistics can show it. Pure: the assignments come in,
 * the count goes out.
 *
 * The rules (docs/decisions/743-care-coordinator-changes-per-patient-year.md):
 * - An assignment is [startedOn, endedOn): it covers its start day and runs up to, not
 *   including, its end day (a new care coordinator takes over on the day the last one stops);
 *   an open assignment runs to the end of the window.
 * - A change is an assignment that starts inside the window and is not the patient's first
 *   (the first care coordinator a patient ever has is an allocation, not a change).
 * - The exposure is the days inside the window on which the patient had a care coordinator,
 *   overlapping assignments counted once; a patient-year is 365.25 such days.
 */

export interface CareCoordinatorSpan {
  patientId: string;
  /** 'YYYY-MM-DD' */
  startedOn: string;
  /** 'YYYY-MM-DD', exclusive; null while current. */
  endedOn: string | null;
}

export interface ContinuityWindow {
  /** First day counted, 'YYYY-MM-DD'. */
  from: string;
  /** Last day counted (inclusive), 'YYYY-MM-DD'. */
  to: string;
}

export interface CareCoordinatorContinuity {
  /** Care coordinator changes that began inside the window. */
  changes: number;
  /** Days with a care coordinator inside the window, over every patient. */
  patientDays: number;
  patientYears: number;
  /** changes / patientYears, or null when there is no exposure. */
  changesPerPatientYear: number | null;
  /** Patients with any exposure in the window. */
  patients: number;
}

const DAYS_PER_YEAR = 365.25;

function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got '${date}'.`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/** Care coordinator changes per patient-year over a window (see the rules above). */
export function careCoordinatorChangesPerPatientYear(
  spans: readonly CareCoordinatorSpan[],
  window: ContinuityWindow,
): CareCoordinatorContinuity {
  const from = dayNumber(window.from);
  const end = dayNumber(window.to) + 1; // exclusive
  if (end <= from) throw new RangeError('The window must end on or after the day it starts.');
  const byPatient = new Map<string, { start: number; stop: number }[]>();
  for (const span of spans) {
    const start = dayNumber(span.startedOn);
    const stop = span.endedOn === null ? Number.POSITIVE_INFINITY : dayNumber(span.endedOn);
    if (stop <= start) continue; // corrected away (zero length) or malformed: counts for nothing
    const list = byPatient.get(span.patientId) ?? [];
    list.push({ start, stop });
    byPatient.set(span.patientId, list);
  }
  let changes = 0;
  let patientDays = 0;
  let patients = 0;
  for (const list of byPatient.values()) {
    list.sort((a, b) => a.start - b.start || a.stop - b.stop);
    list.forEach((span, index) => {
      if (index > 0 && span.start >= from && span.start < end) changes += 1;
    });
    // The union of the spans clipped to the window.
    let days = 0;
    let coveredTo = from;
    for (const span of list) {
      const start = Math.max(span.start, coveredTo);
      const stop = Math.min(span.stop, end);
      if (stop > start) {
        days += stop - start;
        coveredTo = stop;
      }
    }
    if (days > 0) patients += 1;
    patientDays += days;
  }
  const patientYears = patientDays / DAYS_PER_YEAR;
  return {
    changes,
    patientDays,
    patientYears,
    changesPerPatientYear: patientYears > 0 ? changes / patientYears : null,
    patients,
  };
}
