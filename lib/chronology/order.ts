// The chronology's ordering (issue 9, part 4: "the chronology tells the truth"). A chronology is
// evidence before a tribunal, so an entry is placed by when it HAPPENED (the time or date typed
// on the form), never by when it was typed into the app. Where the times cannot tell two
// same-day entries apart, the law's sequence decides: that rule is law and lives in
// lib/cto/same-day-order.ts (`orderLawfully`, each step citing its section). This file adds what
// is the chronology's own: oldest first by default (how a tribunal reads a history), newest
// first the exact reverse, and which fact of an event holds the day typed on its form.
import {
  EVENT_STEPS,
  LAWFUL_STEPS,
  dayOf,
  orderLawfully,
  sortInstant,
  type LawfulOrderEntry,
  type LawfulStep,
  type LawfulWhen,
} from '@/lib/cto/same-day-order';

export { EVENT_STEPS, LAWFUL_STEPS, dayOf, sortInstant, type LawfulStep };
export type ChronologyWhen = LawfulWhen;
export type OrderableEntry = LawfulOrderEntry;

export type ChronologyDirection = 'oldest-first' | 'newest-first';
export const CHRONOLOGY_DIRECTIONS: readonly ChronologyDirection[] = [
  'oldest-first',
  'newest-first',
];

/**
 * The chronology in the order a tribunal should read it: the law's same-day order
 * (lib/cto/same-day-order.ts), newest first as its exact reverse. `kindRank` orders entries of
 * different kinds that tie on everything else.
 */
export function orderChronology<T extends OrderableEntry>(
  entries: readonly T[],
  direction: ChronologyDirection = 'oldest-first',
  kindRank: (kind: string) => number = () => 0,
): T[] {
  const out = orderLawfully(entries, kindRank);
  return direction === 'newest-first' ? out.reverse() : out;
}

/** Reads the page's `order` parameter; oldest first unless newest first is asked for. */
export function parseChronologyDirection(value: unknown): ChronologyDirection {
  const v = Array.isArray(value) ? value[0] : value;
  return v === 'newest-first' ? 'newest-first' : 'oldest-first';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * When an order event happened, for the events whose log row carries the moment they were
 * recorded while the form asked for the day they happened: the day typed on the form (kept in
 * the event's facts) wins. Every other event happened at its `occurredAt`.
 */
export const TYPED_DAY_FACT: Readonly<Record<string, string>> = {
  EXAMINE_FOR_EXTENSION: 'examinedOn',
  CONSULT_FOR_EXTENSION: 'consultedOn',
  MANAGERS_REVIEW_EXTENSION: 'heldOn',
  TRIBUNAL_HEARING_HELD: 'heldOn',
  TRIBUNAL_CASE_OPENED: 'receivedOn',
  DEATH: 'diedOn',
};

export function eventHappenedAt(type: string, occurredAt: Date, facts: unknown): ChronologyWhen {
  const key = TYPED_DAY_FACT[type];
  if (!key || typeof facts !== 'object' || facts === null) return occurredAt;
  const value = (facts as Record<string, unknown>)[key];
  if (typeof value !== 'string' || !ISO_DAY.test(value)) return occurredAt;
  // The typed day is the truth; the moment it was typed is shown as "recorded on".
  return value;
}
