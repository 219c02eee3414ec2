// The law's same-day order (lib/cto/same-day-order.ts; issue 9 part 4, moved to lib/cto by issue
// 13): dated when things happened, same-day entries in the law's sequence where the times cannot
// tell, entries in error kept in place, independent of the order the entries arrive in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonInstant } from '@/lib/cto/dates';
import {
  LAWFUL_STEPS,
  dayOf,
  orderLawfully,
  sortInstant,
  type LawfulOrderEntry,
  type LawfulStep,
} from '@/lib/cto/same-day-order';

type E = LawfulOrderEntry & { title?: string };

const at = (day: string, h: number, m = 0) => londonInstant(day, h, m);
const ids = (list: readonly E[]) => list.map((e) => e.id);
const entry = (id: string, when: Date | string, extra: Partial<E> = {}): E => ({
  id,
  at: when,
  kind: 'order',
  ...extra,
});

describe('ordered by when it happened', () => {
  it('puts timed entries in time order, oldest first by default', () => {
    const list = [
      entry('c', at('2026-12-07', 15, 46)),
      entry('a', at('2026-12-01', 9)),
      entry('b', at('2026-12-04', 10)),
    ];
    expect(ids(orderLawfully(list))).toEqual(['a', 'b', 'c']);
  });

  it('puts a day-only entry at midday among unrelated timed entries of its day', () => {
    const list = [
      entry('evening', at('2026-03-10', 18)),
      entry('certificate', '2026-03-10', { kind: 'certificate' }),
      entry('morning', at('2026-03-10', 8)),
    ];
    expect(ids(orderLawfully(list))).toEqual(['morning', 'certificate', 'evening']);
  });

  it('keeps midday right across the clock change (BST)', () => {
    expect(sortInstant('2026-07-01')).toBe(Date.parse('2026-07-01T11:00:00Z'));
    expect(sortInstant('2026-12-01')).toBe(Date.parse('2026-12-01T12:00:00Z'));
    expect(dayOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });
});

describe('same day: the law decides where the times cannot', () => {
  it('puts the managers’ review after the CTO7 it reviewed, received that afternoon', () => {
    // The bug in issue 9: a review held "on 7 December" sorted at midday, before the CTO7
    // furnished at 15:40 and received at 15:46 the same day.
    const list = [
      entry('review', '2026-12-07', { step: 'managers-hearing-held', kind: 'hearing' }),
      entry('furnished', at('2026-12-07', 15, 40), { step: 'cto7-furnished' }),
      entry('received', at('2026-12-07', 15, 46), { step: 'cto7-received' }),
    ];
    expect(ids(orderLawfully(list))).toEqual(['furnished', 'received', 'review']);
  });

  it('puts the RC’s examination before the CTO7 furnished that morning', () => {
    const list = [
      entry('furnished', at('2026-12-04', 9), { step: 'cto7-furnished' }),
      entry('exam', '2026-12-04', { step: 'extension-examined' }),
      entry('consulted', '2026-12-04', { step: 'extension-consulted' }),
    ];
    expect(ids(orderLawfully(list))).toEqual(['exam', 'consulted', 'furnished']);
  });

  it('orders day-only steps of one day by the law’s sequence', () => {
    const list = [
      entry('held', '2027-01-10', { step: 'tribunal-hearing-held' }),
      entry('received', '2027-01-10', { step: 'tribunal-case-received' }),
      entry('period', '2027-01-10', { step: 'period-began' }),
      entry('ended', '2027-01-10', { step: 'order-ended' }),
    ];
    expect(ids(orderLawfully(list))).toEqual(['period', 'received', 'held', 'ended']);
  });

  it('places a day-only step between the timed steps around it, not at midday', () => {
    const list = [
      entry('agreed', at('2026-12-04', 8), { step: 'extension-amhp-decision' }),
      entry('received', at('2026-12-04', 10), { step: 'cto7-received' }),
      entry('lunch contact', at('2026-12-04', 12, 30), { kind: 'contact' }),
      entry('review', '2026-12-04', { step: 'managers-hearing-held' }),
      entry('late contact', at('2026-12-04', 17), { kind: 'contact' }),
    ];
    // The review is after the receipt; among unrelated entries it keeps its midday place.
    expect(ids(orderLawfully(list))).toEqual([
      'agreed',
      'received',
      'review',
      'lunch contact',
      'late contact',
    ]);
  });

  it('never reorders entries that have times, even when the typed times break the sequence', () => {
    const list = [
      entry('received', at('2026-12-04', 9), { step: 'cto7-received' }),
      entry('furnished', at('2026-12-04', 11), { step: 'cto7-furnished' }),
      entry('review', '2026-12-04', { step: 'managers-hearing-held' }),
    ];
    const out = ids(orderLawfully(list));
    expect(out.indexOf('received')).toBeLessThan(out.indexOf('furnished'));
    // "After" wins: the review follows both.
    expect(out).toEqual(['received', 'furnished', 'review']);
  });

  it('does not move anything across days', () => {
    const list = [
      entry('review', '2026-12-06', { step: 'managers-hearing-held' }),
      entry('received', at('2026-12-07', 9), { step: 'cto7-received' }),
    ];
    expect(ids(orderLawfully(list))).toEqual(['review', 'received']);
  });
});

describe('corrections and entries in error', () => {
  const error = { at: new Date('2026-12-08T10:00:00Z'), reason: 'wrong patient' };

  it('keeps an entry in error where it happened, before the live entry that replaced it', () => {
    const list = [
      entry('exam again', '2026-12-04', {
        step: 'extension-examined',
        recorded: { at: new Date('2026-12-08T11:00:00Z') },
      }),
      entry('exam in error', '2026-12-04', {
        step: 'extension-examined',
        enteredInError: error,
        recorded: { at: new Date('2026-12-07T15:46:00Z') },
      }),
    ];
    expect(ids(orderLawfully(list))).toEqual(['exam in error', 'exam again']);
  });

  it('lets nothing be placed by an entry in error', () => {
    // The CTO7 receipt at 15:46 was entered in error; the live receipt is at 09:00. The review
    // follows the live receipt and keeps its midday place before the struck-through one.
    const list = [
      entry('received in error', at('2026-12-07', 15, 46), {
        step: 'cto7-received',
        enteredInError: error,
      }),
      entry('received', at('2026-12-07', 9), { step: 'cto7-received' }),
      entry('review', '2026-12-07', { step: 'managers-hearing-held' }),
    ];
    expect(ids(orderLawfully(list))).toEqual(['received', 'review', 'received in error']);
  });

  it('does not move a day-only entry in error by the law’s sequence', () => {
    const list = [
      entry('review in error', '2026-12-07', {
        step: 'managers-hearing-held',
        enteredInError: error,
      }),
      entry('received', at('2026-12-07', 15, 46), { step: 'cto7-received' }),
    ];
    expect(ids(orderLawfully(list))).toEqual(['review in error', 'received']);
  });
});

describe('ties', () => {
  it('breaks exact ties by the law, then recording time, then kind, then id', () => {
    const t = at('2026-05-01', 10);
    const list = [
      entry('z', t, { kind: 'contact' }),
      entry('y', t, { kind: 'order' }),
      entry('made', t, { step: 'order-made' }),
      entry('proposed', t, { step: 'order-proposed' }),
      entry('r2', t, { kind: 'social', recorded: { at: new Date('2026-05-02T10:00:00Z') } }),
      entry('r1', t, { kind: 'social', recorded: { at: new Date('2026-05-01T10:00:00Z') } }),
    ];
    const rank = (k: string) => ['order', 'social', 'contact'].indexOf(k);
    expect(ids(orderLawfully(list, rank))).toEqual(['proposed', 'made', 'y', 'z', 'r1', 'r2']);
  });
});

// --- Properties --------------------------------------------------------------------------------

const DAYS = ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-25', '2026-12-07'];
const arbEntry = fc.record({
  day: fc.constantFrom(...DAYS),
  minute: fc.option(fc.integer({ min: 0, max: 23 * 60 + 59 }), { nil: undefined }),
  step: fc.option(fc.constantFrom<LawfulStep>(...LAWFUL_STEPS), { nil: undefined }),
  error: fc.boolean(),
  kind: fc.constantFrom('order', 'hearing', 'contact'),
});
const arbEntries = fc.uniqueArray(arbEntry, { maxLength: 14 }).map((rows) =>
  rows.map((r, i): E => ({
    id: `e${String(i).padStart(2, '0')}`,
    at: r.minute === undefined ? r.day : at(r.day, Math.floor(r.minute / 60), r.minute % 60),
    kind: r.kind,
    ...(r.step ? { step: r.step } : {}),
    ...(r.error ? { enteredInError: { at: null, reason: null } } : {}),
  })),
);
const rankOf = (s: LawfulStep) => LAWFUL_STEPS.indexOf(s);

describe('properties', () => {
  it('does not depend on the order the entries arrive in', () => {
    fc.assert(
      fc.property(
        arbEntries.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          expect(ids(orderLawfully(shuffled))).toEqual(ids(orderLawfully(list)));
        },
      ),
    );
  });

  it('keeps every entry exactly once, days in order, timed entries in time order', () => {
    fc.assert(
      fc.property(arbEntries, (list) => {
        const out = orderLawfully(list);
        expect([...ids(out)].sort()).toEqual([...ids(list)].sort());
        for (let i = 1; i < out.length; i += 1) {
          expect(dayOf((out[i - 1] as E).at) <= dayOf((out[i] as E).at)).toBe(true);
        }
        const timed = out.filter((e) => typeof e.at !== 'string');
        for (let i = 1; i < timed.length; i += 1) {
          expect(sortInstant((timed[i - 1] as E).at)).toBeLessThanOrEqual(
            sortInstant((timed[i] as E).at),
          );
        }
      }),
    );
  });

  it('follows the law’s sequence on a day whenever the typed times themselves do', () => {
    fc.assert(
      fc.property(arbEntries, (list) => {
        // Lawful data: on each day, live timed steps are in time order of their rank.
        const live = list.filter((e) => e.step && !e.enteredInError);
        const lawful = live.every((a) =>
          live.every(
            (b) =>
              typeof a.at === 'string' ||
              typeof b.at === 'string' ||
              dayOf(a.at) !== dayOf(b.at) ||
              rankOf(a.step as LawfulStep) >= rankOf(b.step as LawfulStep) ||
              sortInstant(a.at) <= sortInstant(b.at),
          ),
        );
        fc.pre(lawful);
        const out = orderLawfully(list);
        const pos = new Map(out.map((e, i) => [e.id, i]));
        for (const a of live) {
          for (const b of live) {
            if (dayOf(a.at) !== dayOf(b.at)) continue;
            if (typeof a.at !== 'string' && typeof b.at !== 'string') continue;
            if (rankOf(a.step as LawfulStep) < rankOf(b.step as LawfulStep)) {
              expect(pos.get(a.id)).toBeLessThan(pos.get(b.id) as number);
            }
          }
        }
      }),
    );
  });
});
