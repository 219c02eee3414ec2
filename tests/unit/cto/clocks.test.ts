import { describe, expect, it } from 'vitest';

import {
  CtoDateError,
  applicationWindows,
  awolAtExpiry,
  certificateRequiredFrom,
  certificateRequiredFromDetailed,
  ctoPeriods,
  ctoPeriodsDetailed,
  firstManagersReferenceDue,
  firstManagersReferenceDueDetailed,
  formatInstant,
  isInRenewalWindow,
  madeOnDay,
  managersReviewDue,
  nrBarEnds,
  nrDischargeTakesEffectAt,
  nrTribunalWindow,
  periodContaining,
  periodicReferenceDue,
  lastDayOfRecallDetention,
  recallDeadline,
  recallDeadlineDetailed,
  recallNoticeService,
  renewalWindow,
  renewalWindowDetailed,
  revocationApplicationWindow,
  revocationConsequences,
  rightsInformationDue,
  tribunalDocumentsDue,
  tribunalDocumentsDueDetailed,
} from '@/lib/cto';

const at = (iso: string) => new Date(iso);

describe('clock-rules.md worked examples', () => {
  it('CTO made 2025-10-05: periods end 2026-04-04, 2026-10-04, 2027-10-04; first window 5 Feb - 4 Apr 2026', () => {
    expect(ctoPeriods('2025-10-05', 3)).toEqual([
      { start: '2025-10-05', end: '2026-04-04', months: 6 },
      { start: '2026-04-05', end: '2026-10-04', months: 6 },
      { start: '2026-10-05', end: '2027-10-04', months: 12 },
    ]);
    expect(renewalWindow('2026-04-04')).toEqual({ opens: '2026-02-05', closes: '2026-04-04' });
  });

  it('CTO made 2025-08-31: P0 2026-02-28; P1 2026-08-30 (alt 08-31); P2 2027-08-30 (alt 08-31)', () => {
    expect(ctoPeriods('2025-08-31', 3)).toEqual([
      { start: '2025-08-31', end: '2026-02-28', months: 6 },
      { start: '2026-03-01', end: '2026-08-30', months: 6, alternativeEnd: '2026-08-31' },
      { start: '2026-08-31', end: '2027-08-30', months: 12, alternativeEnd: '2027-08-31' },
    ]);
  });

  it('CTO made 2025-10-31: P0 2026-04-30; P1 2026-10-30 (alternative 2026-10-31)', () => {
    expect(ctoPeriods('2025-10-31', 2)).toEqual([
      { start: '2025-10-31', end: '2026-04-30', months: 6 },
      { start: '2026-05-01', end: '2026-10-30', months: 6, alternativeEnd: '2026-10-31' },
    ]);
  });

  it('recall: detention began Fri 2026-01-09 23:47 -> release or revoke by Mon 2026-01-12 23:47', () => {
    const deadline = recallDeadline(at('2026-01-09T23:47:00Z'));
    expect(deadline.toISOString()).toBe('2026-01-12T23:47:00.000Z');
    expect(formatInstant(deadline)).toBe('Monday 12 January 2026 at 23:47 GMT');
  });

  it('recall: began Sat 2026-10-24 10:00 BST -> by Tue 2026-10-27 09:00 GMT', () => {
    const deadline = recallDeadline(at('2026-10-24T10:00:00+01:00'));
    expect(deadline.toISOString()).toBe('2026-10-27T09:00:00.000Z');
    expect(formatInstant(deadline)).toBe('Tuesday 27 October 2026 at 09:00 GMT');
  });

  it('recall known by the day only: detained 2026-01-09 -> the 72 hours end by 2026-01-12 at the latest', () => {
    expect(lastDayOfRecallDetention('2026-01-09')).toBe('2026-01-12');
    // Across a month end and the clock change alike: the day a detention at 23:59 would end.
    expect(lastDayOfRecallDetention('2026-10-30')).toBe('2026-11-02');
    expect(lastDayOfRecallDetention('2026-10-24')).toBe(
      recallDeadline(at('2026-10-24T23:59:00+01:00')).toISOString().slice(0, 10),
    );
  });

  it('revoked 2025-11-15 -> detention period ends 2026-05-14; renewal window 2026-03-15 to 2026-05-14', () => {
    const r = revocationConsequences('2025-11-15');
    expect(r.firstPeriodEnd.date).toBe('2026-05-14');
    expect(r.renewalWindow.opens.date).toBe('2026-03-15');
    expect(r.renewalWindow.closes.date).toBe('2026-05-14');
  });

  it('certificate: made 2026-03-10, first medication 2025-11-20 -> needed from 2026-04-10', () => {
    expect(certificateRequiredFrom('2026-03-10', '2025-11-20')).toBe('2026-04-10');
  });

  it('tribunal documents: reference Mon 2026-06-01 -> due Mon 2026-06-22', () => {
    expect(tribunalDocumentsDue('2026-06-01')).toBe('2026-06-22');
  });

  it('tribunal documents: reference Mon 2026-12-07 -> due Tue 2026-12-29 (28th is a bank holiday)', () => {
    expect(tribunalDocumentsDue('2026-12-07')).toBe('2026-12-29');
    expect(tribunalDocumentsDueDetailed('2026-12-07').explain).toContain(
      '28 December 2026 is Boxing Day',
    );
  });

  it('first managers reference: s3 admission 2026-01-12 -> due 2026-07-12', () => {
    expect(firstManagersReferenceDue('2026-01-12')).toBe('2026-07-12');
  });

  it('periodic reference: last considered 2023-03-10 -> due 2026-03-11 (adult)', () => {
    expect(periodicReferenceDue('2023-03-10', false)).toBe('2026-03-11');
  });

  it('recall notice posted first class Thu 2026-04-02 -> served Wed 2026-04-08', () => {
    const served = recallNoticeService('FIRST_CLASS_POST', at('2026-04-02T15:00:00+01:00'));
    expect(served.ok).toBe(true);
    if (!served.ok) return;
    expect(served.servedOn).toBe('2026-04-08');
    expect(served.instant.toISOString()).toBe('2026-04-07T23:00:00.000Z'); // 00:00 BST
    expect(served.explain).toContain('Good Friday');
    expect(served.explain).toContain('Easter Monday');
  });
});

describe('cto-law.md section 8 examples', () => {
  it('8.1 first expiry examples', () => {
    expect(ctoPeriods('2027-08-31', 1)[0]?.end).toBe('2028-02-29');
    expect(ctoPeriods('2024-02-29', 1)[0]?.end).toBe('2024-08-28');
    expect(ctoPeriods('2026-03-01', 1)[0]?.end).toBe('2026-08-31');
  });

  it('8.2 chained vs anchored readings are both exposed', () => {
    const [p0, p1, p2] = ctoPeriodsDetailed('2025-08-31', 3);
    expect(p0?.chainedEnd).toBe('2026-02-28');
    expect(p1?.chainedEnd).toBe('2026-08-31');
    expect(p1?.anchoredEnd).toBe('2026-08-30');
    expect(p2?.chainedEnd).toBe('2027-08-31');
    expect(p2?.anchoredEnd).toBe('2027-08-30');
    expect(p1?.explain).toContain('30 August 2026');
    expect(p1?.explain).toContain('31 August 2026');
    expect(p1?.basis).toBe('s20A(3)');
    expect(p0?.basis).toBe('s20A(1)');
  });

  it('8.3 renewal windows', () => {
    expect(renewalWindow('2026-02-28')).toEqual({ opens: '2025-12-29', closes: '2026-02-28' });
    expect(renewalWindow('2026-04-30')).toEqual({ opens: '2026-03-01', closes: '2026-04-30' });
    expect(renewalWindow('2026-08-30')).toEqual({ opens: '2026-07-01', closes: '2026-08-30' });
    const w = renewalWindowDetailed('2026-04-30');
    expect(w.opens.alternative?.date).toBe('2026-02-28');
    expect(w.opens.basis).toBe('s20A(4)');
  });

  it('8.4 DST spring: 72 hours from Sat 28 Mar 2026 10:00 GMT end Tue 31 Mar 11:00 BST', () => {
    const d = recallDeadline(at('2026-03-28T10:00:00Z'));
    expect(formatInstant(d)).toBe('Tuesday 31 March 2026 at 11:00 BST');
  });

  it('8.5 revocation: patient may apply until 14 May 2026; reference target is R', () => {
    const r = revocationConsequences('2025-11-15');
    expect(r.patientTribunalWindow.opens.date).toBe('2025-11-15');
    expect(r.patientTribunalWindow.closes.date).toBe('2026-05-14');
    expect(r.managersReference.target.date).toBe('2025-11-15');
    expect(r.managersReference.overdueAfter.date).toBe('2025-11-22');
    expect(r.part4ThreeMonthClockReset).toBe(false);
    expect(r.detentionPeriods.map((p) => [p.start, p.end, p.months])).toEqual([
      ['2025-11-15', '2026-05-14', 6],
      ['2026-05-15', '2026-11-14', 6],
      ['2026-11-15', '2027-11-14', 12],
    ]);
    expect(revocationApplicationWindow('2025-11-15')).toMatchObject({
      opens: '2025-11-15',
      closes: '2026-05-14',
    });
  });

  it('8.6 application windows for a CTO made 5 Oct 2025', () => {
    expect(applicationWindows('2025-10-05', 3).map((w) => [w.opens, w.closes, w.basis])).toEqual([
      ['2025-10-05', '2026-04-04', 's66(1)(ca), s66(2)(ca)'],
      ['2026-04-05', '2026-10-04', 's66(1)(fza), s66(2)(fza)'],
      ['2026-10-05', '2027-10-04', 's66(1)(fza), s66(2)(fza)'],
    ]);
  });

  it('8.6 / 8.11 NR: barring report 11 May 2026 -> tribunal by 7 Jun 2026; bar until 10 Nov 2026', () => {
    expect(nrTribunalWindow('2026-05-11').closes.date).toBe('2026-06-07');
    expect(nrBarEnds('2026-05-11').date).toBe('2026-11-10');
  });

  it('8.7 periodic reference under 18 -> 11 Mar 2024', () => {
    expect(periodicReferenceDue('2023-03-10', true)).toBe('2024-03-11');
  });

  it('8.9 certificate: CTO made 31 Jan 2026 -> one month ends 28 Feb 2026', () => {
    const c = certificateRequiredFromDetailed('2026-01-31', '2026-01-10');
    expect(c.date).toBe('2026-04-10'); // 3 months from 10 Jan end 9 Apr, later than 28 Feb
    expect(c.explain).toContain('28 February 2026');
  });

  it('8.10 AWOL at expiry: expiry 4 Apr 2026, AWOL from 1 Apr, returned 20 Apr -> continues to 26 Apr', () => {
    const r = awolAtExpiry({
      expiry: '2026-04-04',
      absentFrom: '2026-04-01',
      returnedOn: '2026-04-20',
    });
    expect(r.applies).toBe(true);
    if (!r.applies) return;
    expect(r.route).toBe('S21A');
    expect(r.continuesUntil.date).toBe('2026-04-26');
    expect(r.extensionEffectiveFrom).toBe('2026-04-05');
    expect(r.returnWithin28DaysBy).toBe('2026-04-28');
  });
});

describe('C1 periods: table', () => {
  it.each([
    // made on, third period [start, end, alternative]
    ['2026-01-31', ['2027-01-31', '2028-01-30', '2028-01-30']],
    ['2026-05-15', ['2027-05-15', '2028-05-14', undefined]],
  ])('made %s: third period', (madeOn, [start, end, alt]) => {
    const p = ctoPeriods(madeOn, 3)[2];
    expect(p?.start).toBe(start);
    expect(p?.end).toBe(end);
    expect(p?.alternativeEnd).toBe(alt === end ? undefined : alt);
  });

  it('made 2024-02-29 (leap day): both readings agree for three periods', () => {
    // P0: 6 months beginning 29 Feb 2024 -> 29 Aug exists -> 28 Aug 2024.
    // P1: chained, 6 months beginning 29 Aug 2024 -> Feb 2025 has no 29th -> 28 Feb 2025;
    //     anchored, 12 months beginning 29 Feb 2024 -> 28 Feb 2025. Same.
    // P2: chained, 12 months beginning 1 Mar 2025 -> 28 Feb 2026; anchored, 24 months beginning
    //     29 Feb 2024 -> Feb 2026 has no 29th -> 28 Feb 2026. Same.
    expect(ctoPeriods('2024-02-29', 3)).toEqual([
      { start: '2024-02-29', end: '2024-08-28', months: 6 },
      { start: '2024-08-29', end: '2025-02-28', months: 6 },
      { start: '2025-03-01', end: '2026-02-28', months: 12 },
    ]);
  });

  it('rejects bad inputs', () => {
    expect(() => ctoPeriods('2026-02-30', 2)).toThrow(CtoDateError);
    expect(() => ctoPeriods('2026-02-01', 0)).toThrow(/at least 1/);
    expect(() => ctoPeriods('2026-02-01', 1.5)).toThrow(/whole number/);
  });

  it('periodContaining finds the period of a day', () => {
    expect(periodContaining('2025-10-05', '2026-04-04')?.index).toBe(0);
    expect(periodContaining('2025-10-05', '2026-04-05')?.index).toBe(1);
    expect(periodContaining('2025-10-05', '2025-10-04')).toBeUndefined();
  });

  it('explains the first period in plain English', () => {
    expect(ctoPeriodsDetailed('2025-10-05', 1)[0]?.explain).toBe(
      'Six months beginning with 5 October 2025 (the day the order was made) end on 4 April 2026.',
    );
  });
});

describe('C2 made-on day', () => {
  it('is the signature day when both agree', () => {
    const m = madeOnDay(at('2026-03-10T14:00:00Z'), at('2026-03-10T15:00:00Z'));
    expect(m.date).toBe('2026-03-10');
    expect(m.warning).toBeUndefined();
  });

  it('takes the earlier of signature and effective dates and warns', () => {
    const m = madeOnDay(at('2026-03-10T14:00:00Z'), at('2026-03-12T09:00:00Z'));
    expect(m.date).toBe('2026-03-10');
    expect(m.alternative?.date).toBe('2026-03-12');
    expect(m.warning).toContain('10 March 2026');
    expect(m.warning).toContain('12 March 2026');
  });

  it('uses the English calendar day (23:30 UTC in summer is the next day)', () => {
    const m = madeOnDay(at('2026-06-30T23:30:00Z'), at('2026-07-01T09:00:00+01:00'));
    expect(m.signedOn).toBe('2026-07-01');
    expect(m.date).toBe('2026-07-01');
    expect(m.warning).toBeUndefined();
  });
});

describe('C3 renewal window', () => {
  it.each([
    ['2026-02-05', '2026-04-04', true],
    ['2026-02-04', '2026-04-04', false],
    ['2026-04-04', '2026-04-04', true],
    ['2026-04-05', '2026-04-04', false],
  ])('%s in the window ending %s: %s', (day, expiry, inside) => {
    expect(isInRenewalWindow(day, expiry)).toBe(inside);
  });
});

describe('C4 72 hours with AWOL (s21(4))', () => {
  const t0 = at('2026-01-09T23:47:00Z'); // deadline Mon 12 Jan 23:47 GMT

  it('an absence before the deadline day does not move it', () => {
    const d = recallDeadlineDetailed(t0, [
      { from: at('2026-01-10T12:00:00Z'), to: at('2026-01-11T08:00:00Z') },
    ]);
    expect(d.instant.toISOString()).toBe('2026-01-12T23:47:00.000Z');
    expect(d.alternative).toBeUndefined();
  });

  it('absent when the 72 hours would end: a fresh 72 hours from the return', () => {
    const d = recallDeadlineDetailed(t0, [
      { from: at('2026-01-12T10:00:00Z'), to: at('2026-01-13T06:00:00Z') },
    ]);
    expect(d.instant.toISOString()).toBe('2026-01-16T06:00:00.000Z');
    expect(d.basis).toContain('s21(4)');
  });

  it('still absent: awaiting return', () => {
    const d = recallDeadlineDetailed(t0, [{ from: at('2026-01-12T10:00:00Z'), to: null }]);
    expect(d.awaitingReturn).toBe(true);
  });

  it('absent earlier on the deadline day but back before it: original deadline, literal reading shown', () => {
    const d = recallDeadlineDetailed(t0, [
      { from: at('2026-01-12T08:00:00Z'), to: at('2026-01-12T10:00:00Z') },
    ]);
    expect(d.instant.toISOString()).toBe('2026-01-12T23:47:00.000Z');
    expect(d.alternative?.instant.toISOString()).toBe('2026-01-15T10:00:00.000Z');
  });

  it('AWOL again on the day the fresh 72 hours end: fresh again', () => {
    const d = recallDeadlineDetailed(t0, [
      { from: at('2026-01-12T10:00:00Z'), to: at('2026-01-13T06:00:00Z') }, // -> 16 Jan 06:00
      { from: at('2026-01-16T01:00:00Z'), to: at('2026-01-17T12:00:00Z') }, // -> 20 Jan 12:00
    ]);
    expect(d.instant.toISOString()).toBe('2026-01-20T12:00:00.000Z');
  });

  it('the deadline day is the English day: 00:30 BST is the next day', () => {
    // T0 Wed 1 Jul 2026 00:30 BST (= 30 Jun 23:30 UTC); deadline Sat 4 Jul 00:30 BST.
    const d = recallDeadlineDetailed(at('2026-06-30T23:30:00Z'), [
      { from: at('2026-07-03T20:00:00Z'), to: at('2026-07-03T22:00:00Z') }, // 3 Jul 21:00-23:00 BST
    ]);
    expect(d.instant.toISOString()).toBe('2026-07-03T23:30:00.000Z');
    expect(d.alternative).toBeUndefined(); // the absence was on 3 July, not on 4 July
  });
});

describe('C7 tribunal documents: table', () => {
  it.each([
    ['2026-06-01', '2026-06-22'],
    ['2026-12-07', '2026-12-29'],
    ['2026-12-04', '2026-12-29'], // 25 Dec Fri holiday, 26-27 weekend, 28 substitute
    ['2026-03-13', '2026-04-07'], // 3 Apr Good Friday (X+21), then weekend, Easter Monday
    ['2026-05-30', '2026-06-22'], // X+21 = Sat 20 June -> Mon 22
    ['2027-12-06', '2027-12-29'], // 27 and 28 Dec 2027 are substitute days
    ['2026-07-10', '2026-07-31'],
  ])('received %s -> due %s', (received, due) => {
    expect(tribunalDocumentsDue(received)).toBe(due);
  });

  it('flags the nursing report for an in-patient', () => {
    const d = tribunalDocumentsDueDetailed('2026-06-01', { patientIsInpatient: true });
    expect(d.nursingReportRequired).toBe(true);
    expect(d.explain).toContain('nursing report');
  });

  it('is provisional beyond the published data', () => {
    expect(tribunalDocumentsDueDetailed('2029-12-04').provisional).toBe(true);
    expect(tribunalDocumentsDueDetailed('2028-12-04').provisional).toBeUndefined();
  });
});

describe('C6, C8, C9, C13, C14: tables', () => {
  it.each([
    ['2026-03-10', '2025-11-20', '2026-04-10'],
    ['2026-03-10', '2026-02-20', '2026-05-20'], // three months from F end 19 May
    ['2026-01-31', '2025-06-01', '2026-03-01'], // one month from 31 Jan ends 28 Feb
    ['2024-01-31', '2023-06-01', '2024-03-01'], // leap: one month ends 29 Feb
  ])('certificate for CTO %s, first medication %s: from %s', (made, first, from) => {
    expect(certificateRequiredFrom(made, first)).toBe(from);
  });

  it.each([
    ['2026-01-12', '2026-07-12'],
    ['2025-08-31', '2026-03-01'], // six months end 28 Feb 2026
    ['2026-03-01', '2026-09-01'],
  ])('first reference: applicable day %s -> %s', (a, due) => {
    expect(firstManagersReferenceDue(a)).toBe(due);
  });

  it('no first reference when an application was made in the period', () => {
    expect(
      firstManagersReferenceDueDetailed('2026-01-12', { applicationOrReferenceInPeriod: true })
        .required,
    ).toBe(false);
    expect(firstManagersReferenceDueDetailed('2026-01-12').explain).toContain('not a working day');
  });

  it.each([
    ['2023-03-10', false, '2026-03-11'],
    ['2024-02-29', false, '2027-03-01'], // 28 Feb 2027 clamped, due the day after
    ['2024-02-29', true, '2025-03-01'],
    ['2025-12-31', true, '2027-01-01'],
  ])('periodic reference: last considered %s, under 18 %s -> %s', (l, u18, due) => {
    expect(periodicReferenceDue(l, u18)).toBe(due);
  });

  it('rights information: default 7 days, configurable', () => {
    expect(rightsInformationDue('2026-03-10', 'MAKING').date).toBe('2026-03-17');
    expect(rightsInformationDue('2026-03-10', 'RECALL', 2).date).toBe('2026-03-12');
    expect(rightsInformationDue('2026-03-10', 'MAKING').basis).toBe('s132A');
  });

  it('managers review due by the expiry the CTO7 extends', () => {
    expect(managersReviewDue('2026-04-04').date).toBe('2026-04-04');
  });
});

describe('C11 nearest relative', () => {
  it('discharge takes effect 72 hours after receipt, across a clock change', () => {
    const e = nrDischargeTakesEffectAt(at('2026-10-23T16:30:00+01:00'));
    expect(e.instant.toISOString()).toBe('2026-10-26T15:30:00.000Z');
    expect(e.explain).toContain('Monday 26 October 2026 at 15:30 GMT');
  });
});

describe('C12 AWOL at expiry: table', () => {
  it('does not apply when back more than 7 days before expiry', () => {
    expect(
      awolAtExpiry({ expiry: '2026-04-04', absentFrom: '2026-03-01', returnedOn: '2026-03-28' })
        .applies,
    ).toBe(false);
  });

  it('applies when absent within the 7 days ending with expiry (returned on E-6)', () => {
    const r = awolAtExpiry({
      expiry: '2026-04-04',
      absentFrom: '2026-03-20',
      returnedOn: '2026-03-29',
    });
    expect(r.applies).toBe(true);
    if (r.applies) expect(r.continuesUntil.date).toBe('2026-04-04'); // return + 6 = E: no change
  });

  it('not returned: continues until the s18 limit', () => {
    const r = awolAtExpiry({ expiry: '2026-04-04', absentFrom: '2026-04-01' });
    expect(r.applies && r.route).toBe('NOT_RETURNED');
    if (r.applies) expect(r.continuesUntil.date).toBe('2026-09-30'); // 6 months beginning 1 Apr
  });

  it('returned after 28 days: CTO8 route (s21B)', () => {
    const r = awolAtExpiry({
      expiry: '2026-04-04',
      absentFrom: '2026-04-01',
      returnedOn: '2026-05-10',
    });
    expect(r.applies && r.route).toBe('S21B');
    if (r.applies) {
      expect(r.continuesUntil.date).toBe('2026-05-16');
      expect(r.cto8Due?.date).toBe('2026-05-16');
    }
  });

  it('returned on the 28th day is still s21A', () => {
    const r = awolAtExpiry({
      expiry: '2026-04-04',
      absentFrom: '2026-04-01',
      returnedOn: '2026-04-28',
    });
    expect(r.applies && r.route).toBe('S21A');
  });

  it('absence beginning after expiry does not apply', () => {
    expect(awolAtExpiry({ expiry: '2026-04-04', absentFrom: '2026-04-05' }).applies).toBe(false);
  });
});

describe('C15 CTO3 service', () => {
  it('handed to the patient: at that moment', () => {
    const s = recallNoticeService('HANDED_TO_PATIENT', at('2026-04-02T15:12:00+01:00'));
    expect(s.ok && s.instant.toISOString()).toBe('2026-04-02T14:12:00.000Z');
  });

  it('delivered to the address on a Friday: served Saturday (any day)', () => {
    const s = recallNoticeService('DELIVERED_TO_ADDRESS', at('2026-04-03T11:00:00+01:00'));
    expect(s.ok && s.servedOn).toBe('2026-04-04');
  });

  it('posted on a Friday: served on the Tuesday', () => {
    const s = recallNoticeService('FIRST_CLASS_POST', at('2026-06-05T17:00:00+01:00'));
    expect(s.ok && s.servedOn).toBe('2026-06-09');
  });

  it('posted Wed 23 Dec 2026: served Tue 29 Dec 2026', () => {
    // Thu 24 is the first business day; 25 (Christmas), 26-27 (weekend), 28 (Boxing Day
    // substitute) are not business days; Tue 29 is the second.
    const s = recallNoticeService('FIRST_CLASS_POST', at('2026-12-23T12:00:00Z'));
    expect(s.ok && s.servedOn).toBe('2026-12-29');
  });

  it('email alone is refused', () => {
    const s = recallNoticeService('EMAIL', at('2026-04-02T15:12:00+01:00'));
    expect(s.ok).toBe(false);
    if (!s.ok) {
      expect(s.code).toBe('CTO3_EMAIL_NOT_VALID_SERVICE');
      expect(s.message).toContain('email');
    }
  });
});
