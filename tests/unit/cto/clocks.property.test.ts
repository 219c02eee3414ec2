import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  addDays,
  ctoPeriodsDetailed,
  compareDates,
  daysBetween,
  fromDayNumber,
  londonDateOf,
  nthBusinessDayAfter,
  recallDeadline,
  recallDeadlineDetailed,
  renewalWindow,
  revocationConsequences,
  toDayNumber,
  tribunalDocumentsDue,
  isWorkingDay,
  recallNoticeService,
} from '@/lib/cto';

const arbDate = fc
  .integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2060-12-31') })
  .map(fromDayNumber);
const arbInstant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) })
  .map((ms) => new Date(ms));

describe('C1 periods (properties)', () => {
  it('periods never overlap and leave no gap; the first starts on the made-on day', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 12 }), (madeOn, count) => {
        const periods = ctoPeriodsDetailed(madeOn, count);
        expect(periods).toHaveLength(count);
        expect(periods[0]?.start).toBe(madeOn);
        for (let i = 1; i < periods.length; i += 1) {
          expect(periods[i]?.start).toBe(addDays(periods[i - 1]?.end ?? '', 1));
        }
      }),
    );
  });

  it('each period is 6, 6, then 12 months, and its length fits those months', () => {
    fc.assert(
      fc.property(arbDate, (madeOn) => {
        const periods = ctoPeriodsDetailed(madeOn, 5);
        expect(periods.map((p) => p.months)).toEqual([6, 6, 12, 12, 12]);
        for (const p of periods) {
          const days = daysBetween(p.start, p.end) + 1;
          // 6 months: 181-184 days; 12 months: 365-366 days, give or take the 1-3 days a month
          // end can take off (the earlier reading) or a chained start can add.
          const [min, max] = p.months === 6 ? [178, 187] : [362, 369];
          expect(days).toBeGreaterThanOrEqual(min);
          expect(days).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('the operational end is never later than the alternative, and is one of the two readings', () => {
    fc.assert(
      fc.property(arbDate, (madeOn) => {
        for (const p of ctoPeriodsDetailed(madeOn, 6)) {
          expect([p.chainedEnd, p.anchoredEnd]).toContain(p.end);
          expect(compareDates(p.end, p.chainedEnd)).toBeLessThanOrEqual(0);
          expect(compareDates(p.end, p.anchoredEnd)).toBeLessThanOrEqual(0);
          if (p.alternativeEnd !== undefined) {
            expect(compareDates(p.end, p.alternativeEnd)).toBeLessThan(0);
          } else {
            expect(p.chainedEnd).toBe(p.anchoredEnd);
          }
        }
      }),
    );
  });

  it('the anchored reading is never later than the chained one (so it is the operational end)', () => {
    // Checked exhaustively for every start day 1990-2100 when written; this keeps it true.
    fc.assert(
      fc.property(arbDate, (madeOn) => {
        for (const p of ctoPeriodsDetailed(madeOn, 8)) {
          expect(p.end).toBe(p.anchoredEnd);
          expect(compareDates(p.anchoredEnd, p.chainedEnd)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('readings agree for a made-on day from 1 to 28 (the month end is what splits them)', () => {
    fc.assert(
      fc.property(arbDate, (madeOn) => {
        fc.pre(Number(madeOn.slice(8)) <= 28);
        for (const p of ctoPeriodsDetailed(madeOn, 6)) expect(p.alternativeEnd).toBeUndefined();
      }),
    );
  });
});

describe('C3 renewal window (properties)', () => {
  it('is 59 to 62 days long, ends on the expiry and opens after the previous 2 months', () => {
    fc.assert(
      fc.property(arbDate, (expiry) => {
        const w = renewalWindow(expiry);
        expect(w.closes).toBe(expiry);
        const days = daysBetween(w.opens, w.closes) + 1;
        expect(days).toBeGreaterThanOrEqual(59);
        expect(days).toBeLessThanOrEqual(62);
      }),
    );
  });

  it('for every CTO period, the window opens after the period starts', () => {
    fc.assert(
      fc.property(arbDate, (madeOn) => {
        for (const p of ctoPeriodsDetailed(madeOn, 4)) {
          expect(compareDates(renewalWindow(p.end).opens, p.start)).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('C4 72 hours (properties)', () => {
  it('are exactly 259,200 seconds, whatever the clock changes', () => {
    fc.assert(
      fc.property(arbInstant, (t0) => {
        expect(recallDeadline(t0).getTime() - t0.getTime()).toBe(259_200_000);
      }),
    );
  });

  it('an absence never makes the deadline earlier', () => {
    fc.assert(
      fc.property(
        arbInstant,
        fc.integer({ min: 0, max: 100 * 3600 }),
        fc.integer({ min: 1, max: 100 * 3600 }),
        (t0, startOffset, length) => {
          const from = new Date(t0.getTime() + startOffset * 1000);
          const to = new Date(from.getTime() + length * 1000);
          const d = recallDeadlineDetailed(t0, [{ from, to }]);
          expect(d.instant.getTime()).toBeGreaterThanOrEqual(recallDeadline(t0).getTime());
          if (d.instant.getTime() !== recallDeadline(t0).getTime()) {
            expect(d.instant.getTime() - to.getTime()).toBe(259_200_000);
          }
        },
      ),
    );
  });
});

describe('C5, C7, C15 (properties)', () => {
  it('after revocation the tribunal window runs from R to the end of the first detention period', () => {
    fc.assert(
      fc.property(arbDate, (r) => {
        const c = revocationConsequences(r);
        expect(c.patientTribunalWindow.opens.date).toBe(r);
        expect(c.patientTribunalWindow.closes.date).toBe(c.detentionPeriods[0]?.end);
        expect(c.renewalWindow.closes.date).toBe(c.detentionPeriods[0]?.end);
        expect(daysBetween(r, c.managersReference.overdueAfter.date)).toBe(7);
      }),
    );
  });

  it('tribunal documents are due on a working day, 21 to 27 days after receipt', () => {
    fc.assert(
      fc.property(arbDate, (x) => {
        const due = tribunalDocumentsDue(x);
        expect(isWorkingDay(due)).toBe(true);
        const gap = daysBetween(x, due);
        expect(gap).toBeGreaterThanOrEqual(21);
        expect(gap).toBeLessThanOrEqual(27);
        // every day between X+21 and the due day is not a working day
        for (let d = addDays(x, 21); d !== due; d = addDays(d, 1))
          expect(isWorkingDay(d)).toBe(false);
      }),
    );
  });

  it('posted notices are served on a business day, 2 to 8 days after posting', () => {
    fc.assert(
      fc.property(arbInstant, (postedAt) => {
        const s = recallNoticeService('FIRST_CLASS_POST', postedAt);
        expect(s.ok).toBe(true);
        if (!s.ok) return;
        const posted = londonDateOf(postedAt);
        expect(isWorkingDay(s.servedOn)).toBe(true);
        const gap = daysBetween(posted, s.servedOn);
        expect(gap).toBeGreaterThanOrEqual(2);
        expect(gap).toBeLessThanOrEqual(8);
        expect(nthBusinessDayAfter(posted, 1).date < s.servedOn).toBe(true);
        expect(londonDateOf(s.instant)).toBe(s.servedOn);
      }),
    );
  });
});
