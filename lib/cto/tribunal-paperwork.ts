/**
 * Tribunal and hospital managers' hearing paperwork (issue 9, part 1). Pure: no I/O, no clock
 * (pass `now`). Each rule cites its source; those marked [K] are from general knowledge and
 * await the MHA legal lead's check (see docs/domain and ../shared/domain/tribunal-reports.md).
 *
 * - requiredTribunalDocuments: what a case needs (HESC Rules r32(6); Practice Direction 2013):
 *   the responsible authority's statement, the RC's report, the social circumstances report,
 *   and a nursing report when the patient is an in-patient at the time (2008 PD para 2: includes
 *   a recalled patient and an informal in-patient).
 * - moveTribunalDocument: requested → drafting → ready for sign-off → signed → sent.
 * - documentLateness: due "by 5pm" on the r32(6) day (r12) [K for the 5pm]; how late it was sent.
 * - checkHearingListing: a listed hearing is diarised for a FUTURE date (HESC r37, time and place
 *   of hearings, notice to the parties [K]); only a hearing already held is refused in the future.
 * - checkSecondApplication: not more than one application by the same person in the same
 *   period (s77(2)); a withdrawn application is disregarded (s77(2) as amended [K]). A second
 *   case of any other kind in the period is warned about, not refused (references, s68).
 * - paperDecision: HESC r35(3) (2012, as amended 2024 and 2025): a s68 reference of a community
 *   patient aged 18 or over, where the patient or their representative has stated in writing that
 *   the patient does not wish to attend or be represented. RULE TEXT FOR LEGAL REVIEW.
 * - checkManagersPanel: the managers' power of discharge is exercised by three or more members
 *   (s23(4)); a panel of two is refused.
 */
import { addDays, compareDates, londonDateOf, londonInstant, type IsoDate } from './dates';
import { tribunalDocumentsDueDetailed } from './clocks';

export const TRIBUNAL_DOCUMENT_KINDS = [
  'RESPONSIBLE_AUTHORITY_STATEMENT',
  'RC_REPORT',
  'SOCIAL_CIRCUMSTANCES_REPORT',
  'NURSING_REPORT',
] as const;
export type TribunalDocumentKind = (typeof TRIBUNAL_DOCUMENT_KINDS)[number];

export const TRIBUNAL_DOCUMENT_AUTHORS = [
  'RESPONSIBLE_CLINICIAN',
  'CARE_COORDINATOR',
  'NAMED_PERSON',
  'MHA_OFFICE',
] as const;
export type TribunalDocumentAuthor = (typeof TRIBUNAL_DOCUMENT_AUTHORS)[number];

export const TRIBUNAL_DOCUMENT_STATUSES = [
  'REQUESTED',
  'DRAFTING',
  'READY_FOR_SIGN_OFF',
  'SIGNED',
  'SENT',
] as const;
export type TribunalDocumentStatus = (typeof TRIBUNAL_DOCUMENT_STATUSES)[number];

export interface RequiredDocument {
  readonly kind: TribunalDocumentKind;
  /** Who normally writes it; the MHA office may name someone else. */
  readonly author: TribunalDocumentAuthor;
  readonly basis: string;
}

/** The documents a tribunal case needs, in the order they are listed (r32(6); PD 2013). */
export function requiredTribunalDocuments(options: {
  patientIsInpatient: boolean;
}): RequiredDocument[] {
  const docs: RequiredDocument[] = [
    {
      kind: 'RESPONSIBLE_AUTHORITY_STATEMENT',
      author: 'MHA_OFFICE',
      basis: 'HESC Rules r32(6); Practice Direction 2013',
    },
    {
      kind: 'RC_REPORT',
      author: 'RESPONSIBLE_CLINICIAN',
      basis: 'HESC Rules r32(6); Practice Direction 2013',
    },
    {
      kind: 'SOCIAL_CIRCUMSTANCES_REPORT',
      author: 'CARE_COORDINATOR',
      basis: 'HESC Rules r32(6); Practice Direction 2013',
    },
  ];
  if (options.patientIsInpatient) {
    docs.push({
      kind: 'NURSING_REPORT',
      author: 'NAMED_PERSON',
      basis: 'HESC Rules r32(6); Practice Direction 2013 (in-patient at the time, 2008 PD para 2)',
    });
  }
  return docs;
}

/** The case's documents and their r32(6) due date, from the day the reference or copy came. */
export function tribunalPaperwork(receivedOn: IsoDate, options: { patientIsInpatient: boolean }) {
  const due = tribunalDocumentsDueDetailed(receivedOn, options);
  return { due, documents: requiredTribunalDocuments(options) };
}

export type PaperworkRefusal = { readonly code: string; readonly message: string };
type PaperworkOk = { readonly ok: true; readonly warnings: readonly PaperworkRefusal[] };
type PaperworkNo = { readonly ok: false } & PaperworkRefusal;
/** A rule's answer: allowed (with warnings), or refused with a code and a message. */
export type PaperworkDecision = PaperworkOk | PaperworkNo;
/** The same, carrying a value when allowed. */
export type PaperworkValue<T> = (PaperworkOk & { readonly value: T }) | PaperworkNo;

const rank = (s: TribunalDocumentStatus) => TRIBUNAL_DOCUMENT_STATUSES.indexOf(s);

/**
 * A document moves forward through its steps (any step may be skipped: a report written outside
 * the app is marked sent); the only step back is from "ready for sign-off" to "drafting"
 * (returned for changes). A document sent is final.
 */
export function moveTribunalDocument(
  from: TribunalDocumentStatus,
  to: TribunalDocumentStatus,
): PaperworkDecision {
  if (from === 'SENT') {
    return { ok: false, code: 'DOCUMENT_ALREADY_SENT', message: 'This document has been sent.' };
  }
  if (from === to) {
    return {
      ok: false,
      code: 'DOCUMENT_NO_CHANGE',
      message: 'The document is already at that step.',
    };
  }
  if (rank(to) < rank(from) && !(from === 'READY_FOR_SIGN_OFF' && to === 'DRAFTING')) {
    return {
      ok: false,
      code: 'DOCUMENT_STEP_BACK',
      message: 'A document can only go back from ready for sign-off to drafting.',
    };
  }
  return { ok: true, warnings: [] };
}

export interface Lateness {
  readonly late: boolean;
  /** The deadline: 5pm in England on the due day (r12 [K]). */
  readonly dueAt: Date;
  /** Whole calendar days after the due day it was (or is now) sent; 0 if late the same day. */
  readonly daysLate: number;
  readonly minutesLate: number;
  readonly describe: string;
}

/**
 * Whether a document reached the tribunal late, and by how much: sent after 5pm on the due day.
 * `at` is when it was sent, or now for a document not yet sent.
 */
export function documentLateness(dueOn: IsoDate, at: Date): Lateness {
  const dueAt = londonInstant(dueOn, 17, 0);
  const minutesLate = Math.max(0, Math.floor((at.getTime() - dueAt.getTime()) / 60_000));
  const late = minutesLate > 0;
  const sentDay = londonDateOf(at);
  const daysLate = late ? Math.max(0, daysBetweenDays(dueOn, sentDay)) : 0;
  let describe = 'on time';
  if (late) {
    if (daysLate === 0) {
      const hours = Math.floor(minutesLate / 60);
      describe =
        hours >= 1
          ? `${hours} hour${hours === 1 ? '' : 's'} late (after 5pm on the due day)`
          : `${minutesLate} minute${minutesLate === 1 ? '' : 's'} late (after 5pm on the due day)`;
    } else {
      describe = `${daysLate} day${daysLate === 1 ? '' : 's'} late`;
    }
  }
  return { late, dueAt, daysLate, minutesLate, describe };
}

function daysBetweenDays(a: IsoDate, b: IsoDate): number {
  let n = 0;
  let d = a;
  if (compareDates(a, b) > 0) return -daysBetweenDays(b, a);
  while (compareDates(d, b) < 0) {
    d = addDays(d, 1);
    n += 1;
  }
  return n;
}

/**
 * Diarising a listed hearing (HESC r37, time and place of hearings [K]): the date is in the
 * future; it cannot be before the case began. A hearing already held is recorded with its
 * outcome instead (TRIBUNAL_HEARING_HELD refuses a future day: a hearing cannot be held later
 * than today).
 */
export function checkHearingListing(input: {
  scheduledAt: Date;
  now: Date;
  caseReceivedOn?: IsoDate | null;
}): PaperworkDecision {
  if (input.scheduledAt.getTime() <= input.now.getTime()) {
    return {
      ok: false,
      code: 'HEARING_NOT_IN_FUTURE',
      message:
        'A hearing to diarise must be in the future. Record a hearing that has taken place with its outcome.',
    };
  }
  if (input.caseReceivedOn && londonDateOf(input.scheduledAt) < input.caseReceivedOn) {
    return {
      ok: false,
      code: 'HEARING_BEFORE_CASE',
      message: 'The hearing cannot be before the application or reference was made.',
    };
  }
  return { ok: true, warnings: [] };
}

export interface ExistingCase {
  readonly kind: 'APPLICATION' | 'REFERENCE';
  readonly applicant: string;
  readonly receivedOn: IsoDate;
  readonly withdrawn: boolean;
}

/**
 * s77(2): where a person may apply within a period, not more than one application may be made
 * by that person within that period; one withdrawn is disregarded [K]. References (s67, s68) are
 * not limited, but a second case open in the same period is worth a warning.
 */
export function checkSecondApplication(input: {
  kind: 'APPLICATION' | 'REFERENCE';
  applicant: string;
  receivedOn: IsoDate;
  /** The period the application is made in (the order's current period), inclusive. */
  period: { start: IsoDate; end: IsoDate } | null;
  existing: readonly ExistingCase[];
}): PaperworkDecision {
  const inPeriod = input.existing.filter(
    (c) =>
      !c.withdrawn &&
      (input.period
        ? c.receivedOn >= input.period.start && c.receivedOn <= input.period.end
        : c.receivedOn === input.receivedOn),
  );
  if (
    input.kind === 'APPLICATION' &&
    inPeriod.some((c) => c.kind === 'APPLICATION' && c.applicant === input.applicant)
  ) {
    return {
      ok: false,
      code: 'SECOND_APPLICATION_IN_PERIOD',
      message:
        'This person has already applied to the tribunal in this period. Only one application is allowed in each period (section 77(2) of the Mental Health Act 1983); a withdrawn application does not count.',
    };
  }
  const warnings: PaperworkRefusal[] = inPeriod.length
    ? [
        {
          code: 'CASE_ALREADY_IN_PERIOD',
          message: `There is already ${inPeriod.length === 1 ? 'a tribunal case' : `${inPeriod.length} tribunal cases`} in this period. Check that this is not the same application or reference recorded twice.`,
        },
      ]
    : [];
  return { ok: true, warnings };
}

/** HESC r35(3) as we read it. Shown to users with LEGAL_REVIEW; not a decision of ours. */
export const PAPER_DECISION_RULE_TEXT =
  'Rule 35(3) of the Tribunal Procedure (First-tier Tribunal) (Health, Education and Social Care Chamber) Rules 2008 (as amended in 2012, 2024 and 2025): the tribunal may decide a reference under section 68 about a community patient aged 18 or over without a hearing if the patient or their representative has stated in writing that the patient does not wish to attend or be represented at a hearing. The tribunal can still decide to hold a hearing.';
export const PAPER_DECISION_LEGAL_REVIEW =
  'This reading of rule 35 has not yet been checked by the MHA legal lead (the 2024 and 2025 amendments changed it; whether the tribunal must also be satisfied about capacity is unconfirmed).';

export interface PaperDecision {
  readonly possible: boolean;
  /** What is missing, in plain English (empty when possible). */
  readonly missing: readonly string[];
  readonly ruleText: string;
  readonly legalReview: string;
}

export function paperDecision(input: {
  kind: 'APPLICATION' | 'REFERENCE';
  basis: string;
  communityPatient: boolean;
  ageOnReceipt: number;
  writtenStatementReceived: boolean;
}): PaperDecision {
  const missing: string[] = [];
  if (!(input.kind === 'REFERENCE' && input.basis.startsWith('s68'))) {
    missing.push('it is not a reference by the hospital managers under section 68');
  }
  if (!input.communityPatient) missing.push('the patient is not a community patient');
  if (input.ageOnReceipt < 18) missing.push('the patient is under 18');
  if (!input.writtenStatementReceived) {
    missing.push(
      'no written statement has been received that the patient does not wish to attend or be represented',
    );
  }
  return {
    possible: missing.length === 0,
    missing,
    ruleText: PAPER_DECISION_RULE_TEXT,
    legalReview: PAPER_DECISION_LEGAL_REVIEW,
  };
}

/** s23(4): a managers' panel has three or more members. Names are trimmed; repeats count once. */
export function checkManagersPanel(members: readonly string[]): PaperworkValue<string[]> {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const m of members) {
    const name = m.trim().replace(/\s+/g, ' ');
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  if (names.length < 3) {
    return {
      ok: false,
      code: 'PANEL_TOO_SMALL',
      message: `A hospital managers' panel must have at least three members (section 23(4) of the Mental Health Act 1983). ${names.length === 0 ? 'No members are' : `Only ${names.length} ${names.length === 1 ? 'member is' : 'different members are'}`} named.`,
    };
  }
  return { ok: true, warnings: [], value: names };
}

/** Age in whole years on a day. */
export function ageOn(dateOfBirth: IsoDate, day: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
