// The law's sequence of statutory steps, for placing events that happened on the same day when
// only their day is known (issue 9 part 4, moved here by issue 13: a rule of law lives in
// lib/cto). Pure: no database, no clock.
//
// The rule:
// 1. Entries are ordered by when they happened. An entry known only by its day sits at midday
//    in England on that day.
// 2. On a day where an entry known only by its day meets other entries, the law's sequence
//    places it where the times cannot: each statutory step has a rank (LAWFUL_STEPS, each with
//    the section that makes it follow the one before), and a day-only step goes after every
//    timed step of a lower rank and before every timed step of a higher rank that day (e.g. the
//    managers' review of an extension after the CTO7 it reviewed, received that afternoon; the
//    RC's examination before the CTO7 furnished that morning). Entries with a time are never
//    moved relative to each other: what was typed wins. If the typed times themselves break the
//    law's sequence, "after" wins.
// 3. Ties (the same moment, or two day-only entries of the same day): the lawful rank, then an
//    entry entered in error before the live entry that replaced it, then when each was
//    recorded, then the caller's rank of the entry's kind, then the id. The result does not
//    depend on the order the entries were given in.
// 4. Entries entered in error stay where they happened, but take no part in rule 2: what did
//    not lawfully happen cannot place anything else.
import { londonDateOf, londonInstant, type IsoDate } from './dates';

/** When something happened: an instant, or a calendar day in England when only the day is known. */
export type LawfulWhen = Date | IsoDate;

/**
 * The statutory steps whose order the law fixes, earliest first (the rank is the index). Only
 * steps that can meet on the same day with one of them known only by its day need a rank.
 */
export const LAWFUL_STEPS = [
  // Making, s17A(4): the RC's proposal, then the AMHP's written agreement (s17A(4)(b)), and only
  // then the order (CTO1).
  'order-proposed',
  'making-amhp-decision',
  'order-made',
  // Extension, s20A(4): the RC examines within the two months ending on expiry; consults one or
  // more others professionally concerned before furnishing (s20A(9)); the AMHP agrees in
  // writing (s20A(4)(b), (8)); the RC then furnishes the report (CTO7 Part 3) and the managers
  // receive it (Part 4); the period runs on from expiry (s20A(3), (10)); the managers' review
  // reviews the extension the report made (Code of Practice 38.14), so it follows receipt.
  'extension-examined',
  'extension-consulted',
  'extension-amhp-decision',
  'cto7-furnished',
  'cto7-received',
  'period-began',
  'managers-hearing-listed',
  'managers-hearing-held',
  // The tribunal (s66, s68; Tribunal Procedure Rules 2008 r32(6)): the case is received, then
  // a hearing listed, then held.
  'tribunal-case-received',
  'tribunal-hearing-listed',
  'tribunal-hearing-held',
  // The end of the order (s17C, s20B) comes after anything else that day.
  'order-ended',
] as const;
export type LawfulStep = (typeof LAWFUL_STEPS)[number];

/** The lawful step of an order event type, where it has one. */
export const EVENT_STEPS: Readonly<Partial<Record<string, LawfulStep>>> = {
  PROPOSE: 'order-proposed',
  AMHP_AGREE_MAKING: 'making-amhp-decision',
  AMHP_DECLINE_MAKING: 'making-amhp-decision',
  EXAMINE_FOR_EXTENSION: 'extension-examined',
  CONSULT_FOR_EXTENSION: 'extension-consulted',
  AMHP_AGREE_EXTENSION: 'extension-amhp-decision',
  AMHP_DECLINE_EXTENSION: 'extension-amhp-decision',
  FURNISH_CTO7: 'cto7-furnished',
  MANAGERS_RECEIVE_CTO7: 'cto7-received',
  MANAGERS_REVIEW_EXTENSION: 'managers-hearing-held',
  TRIBUNAL_CASE_OPENED: 'tribunal-case-received',
  TRIBUNAL_HEARING_HELD: 'tribunal-hearing-held',
};

const STEP_RANK: ReadonlyMap<string, number> = new Map(LAWFUL_STEPS.map((s, i) => [s, i]));

/** What the ordering needs to know about an entry. */
export interface LawfulOrderEntry {
  id: string;
  /** When it happened: an instant, or a calendar day in England when only the day is known. */
  at: LawfulWhen;
  /** The entry's kind; the caller's `kindRank` gives its place among same-moment ties. */
  kind: string;
  step?: LawfulStep;
  enteredInError?: unknown;
  /** When it was recorded, if known (ties only). */
  recorded?: { at: Date | null } | null;
}

/** The calendar day in England an entry happened on. */
export function dayOf(at: LawfulWhen): IsoDate {
  return typeof at === 'string' ? at : londonDateOf(at);
}

/** The instant an entry sorts at: its own, or midday in England on its day. */
export function sortInstant(at: LawfulWhen): number {
  return typeof at === 'string' ? londonInstant(at, 12, 0).getTime() : at.getTime();
}

const dayOnly = (e: LawfulOrderEntry) => typeof e.at === 'string';
const live = (e: LawfulOrderEntry) => !e.enteredInError;
const rankOf = (e: LawfulOrderEntry) =>
  e.step !== undefined ? (STEP_RANK.get(e.step) ?? LAWFUL_STEPS.length) : LAWFUL_STEPS.length;

function baseCompare(kindRank: (kind: string) => number) {
  return (a: LawfulOrderEntry, b: LawfulOrderEntry): number =>
    sortInstant(a.at) - sortInstant(b.at) ||
    rankOf(a) - rankOf(b) ||
    (live(a) ? 1 : 0) - (live(b) ? 1 : 0) ||
    (a.recorded?.at?.getTime() ?? 0) - (b.recorded?.at?.getTime() ?? 0) ||
    kindRank(a.kind) - kindRank(b.kind) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Rule 2 within one day: place the live day-only steps among the others. */
function orderDay<T extends LawfulOrderEntry>(day: T[], compare: (a: T, b: T) => number): T[] {
  const floating = day.filter((e) => dayOnly(e) && e.step !== undefined && live(e));
  if (floating.length === 0) return day;
  const floatingIds = new Set(floating.map((e) => e.id));
  const placed = day.filter((e) => !floatingIds.has(e.id));
  floating.sort((a, b) => rankOf(a) - rankOf(b) || compare(a, b));
  const placedFloating = new Set<string>();
  for (const f of floating) {
    const rank = rankOf(f);
    let lo = 0;
    let hi = placed.length;
    placed.forEach((e, i) => {
      if (!live(e) || e.step === undefined) return;
      const r = rankOf(e);
      if (r < rank || (placedFloating.has(e.id) && r === rank)) lo = Math.max(lo, i + 1);
    });
    for (let i = placed.length - 1; i >= 0; i -= 1) {
      const e = placed[i] as T;
      if (live(e) && e.step !== undefined && !dayOnly(e) && rankOf(e) > rank) hi = i;
    }
    let natural = placed.findIndex((e) => compare(f, e) < 0);
    if (natural === -1) natural = placed.length;
    const at = natural < lo ? lo : natural > hi && hi >= lo ? hi : natural;
    placed.splice(at, 0, f);
    placedFloating.add(f.id);
  }
  return placed;
}

/**
 * Entries oldest first, in the law's sequence where the times cannot tell (see the rule above).
 * `kindRank` orders entries of different kinds that tie on everything else.
 */
export function orderLawfully<T extends LawfulOrderEntry>(
  entries: readonly T[],
  kindRank: (kind: string) => number = () => 0,
): T[] {
  const compare = baseCompare(kindRank);
  const sorted = [...entries].sort(compare);
  const out: T[] = [];
  let i = 0;
  while (i < sorted.length) {
    const day = dayOf((sorted[i] as T).at);
    let j = i;
    while (j < sorted.length && dayOf((sorted[j] as T).at) === day) j += 1;
    out.push(...orderDay(sorted.slice(i, j), compare));
    i = j;
  }
  return out;
}
