// The chronology's ordering (lib/chronology/order.ts, issue 9 part 4): the law's same-day order
// (tested in tests/unit/cto/same-day-order.test.ts) read oldest first by default, newest first
// the exact reverse; an order event dated by the day typed on its form.
import { describe, expect, it } from 'vitest';
import {
  eventHappenedAt,
  orderChronology,
  parseChronologyDirection,
  type OrderableEntry,
} from '@/lib/chronology/order';
import { londonInstant } from '@/lib/cto/dates';
import { orderLawfully } from '@/lib/cto/same-day-order';

type E = OrderableEntry;
const at = (day: string, h: number, m = 0) => londonInstant(day, h, m);
const ids = (list: readonly E[]) => list.map((e) => e.id);
const entry = (id: string, when: Date | string, extra: Partial<E> = {}): E => ({
  id,
  at: when,
  kind: 'order',
  ...extra,
});

describe('oldest first, newest first', () => {
  it('gives newest first as the exact reverse', () => {
    const list = [
      entry('exam', '2026-12-04', { step: 'extension-examined' }),
      entry('furnish', at('2026-12-04', 9), { step: 'cto7-furnished' }),
      entry('contact', at('2026-12-05', 9)),
      entry('review', '2026-12-07', { step: 'managers-hearing-held' }),
      entry('received', at('2026-12-07', 15, 46), { step: 'cto7-received' }),
    ];
    const oldest = ids(orderChronology(list));
    expect(ids(orderChronology(list, 'newest-first'))).toEqual([...oldest].reverse());
  });

  it('is the law’s same-day order, oldest first by default', () => {
    const list = [
      entry('review', '2026-12-07', { step: 'managers-hearing-held', kind: 'hearing' }),
      entry('furnished', at('2026-12-07', 15, 40), { step: 'cto7-furnished' }),
      entry('received', at('2026-12-07', 15, 46), { step: 'cto7-received' }),
    ];
    expect(ids(orderChronology(list))).toEqual(ids(orderLawfully(list)));
    expect(ids(orderChronology(list))).toEqual(['furnished', 'received', 'review']);
    expect(ids(orderChronology(list, 'newest-first'))).toEqual(['review', 'received', 'furnished']);
  });
});

describe('when an order event happened', () => {
  const typedAt = new Date('2026-12-07T15:46:00Z');
  it('is the day typed on the form, not the moment it was typed', () => {
    expect(eventHappenedAt('EXAMINE_FOR_EXTENSION', typedAt, { examinedOn: '2026-12-04' })).toBe(
      '2026-12-04',
    );
    expect(eventHappenedAt('CONSULT_FOR_EXTENSION', typedAt, { consultedOn: '2026-12-03' })).toBe(
      '2026-12-03',
    );
    expect(eventHappenedAt('MANAGERS_REVIEW_EXTENSION', typedAt, { heldOn: '2026-12-07' })).toBe(
      '2026-12-07',
    );
    expect(eventHappenedAt('DEATH', typedAt, { diedOn: '2026-11-30' })).toBe('2026-11-30');
  });
  it('falls back to the event’s own time when the facts do not hold a real day', () => {
    expect(eventHappenedAt('EXAMINE_FOR_EXTENSION', typedAt, {})).toBe(typedAt);
    expect(eventHappenedAt('EXAMINE_FOR_EXTENSION', typedAt, { examinedOn: 'soon' })).toBe(typedAt);
    expect(eventHappenedAt('EXAMINE_FOR_EXTENSION', typedAt, null)).toBe(typedAt);
    expect(eventHappenedAt('FURNISH_CTO7', typedAt, { examinedOn: '2026-12-04' })).toBe(typedAt);
  });
});

describe('the page’s switch', () => {
  it('is oldest first unless newest first is asked for', () => {
    expect(parseChronologyDirection(undefined)).toBe('oldest-first');
    expect(parseChronologyDirection('newest-first')).toBe('newest-first');
    expect(parseChronologyDirection(['newest-first', 'x'])).toBe('newest-first');
    expect(parseChronologyDirection('<script>')).toBe('oldest-first');
  });
});
