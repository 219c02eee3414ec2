// The renewal steps are offered from 28 days before the window opens (lib/cto/renewal-offer.ts).
import { describe, expect, it } from 'vitest';
import { renewalWindow } from '@/lib/cto/clocks';
import {
  RENEWAL_OFFER_DAYS,
  renewalOfferedFrom,
  renewalStepsOffered,
  withRenewalOffer,
} from '@/lib/cto/renewal-offer';
import type { EventAvailability } from '@/lib/cto/lifecycle';

describe('renewal steps offered from 28 days before the window opens', () => {
  // An order made on 7 June 2026 expires on 6 December 2026; the window (the two months ending
  // with that day, s20A(4)) opens on 7 October 2026.
  const window = renewalWindow('2026-12-06');

  it('opens the window where clocks.ts says', () => {
    expect(window).toEqual({ opens: '2026-10-07', closes: '2026-12-06' });
  });

  it('offers the steps from the 28th day before the window opens', () => {
    expect(RENEWAL_OFFER_DAYS).toBe(28);
    expect(renewalOfferedFrom(window.opens)).toBe('2026-09-09');
    expect(renewalStepsOffered('2026-09-08', window)).toBe(false);
    expect(renewalStepsOffered('2026-09-09', window)).toBe(true);
  });

  it('does not offer them months ahead', () => {
    expect(renewalStepsOffered('2026-06-08', window)).toBe(false);
    expect(renewalStepsOffered('2026-08-01', window)).toBe(false);
  });

  it('offers them through the window, to the day it closes, and not after', () => {
    expect(renewalStepsOffered('2026-10-07', window)).toBe(true);
    expect(renewalStepsOffered('2026-12-06', window)).toBe(true);
    expect(renewalStepsOffered('2026-12-07', window)).toBe(false);
  });

  it('counts across a month and a year end', () => {
    expect(renewalOfferedFrom('2027-01-15')).toBe('2026-12-18');
    expect(renewalOfferedFrom('2028-03-01')).toBe('2028-02-02');
  });

  it('never offers them without a window', () => {
    expect(renewalStepsOffered('2026-10-07', null)).toBe(false);
  });
});

describe('withRenewalOffer (issue 8 §2)', () => {
  const window = { opens: '2027-03-02', closes: '2027-05-01' } as const;
  const events: EventAvailability[] = [
    { type: 'EXAMINE_FOR_EXTENSION', label: 'Examine', form: 'CTO7', allowed: true },
    {
      type: 'FURNISH_CTO7',
      label: 'Furnish',
      form: 'CTO7',
      allowed: false,
      code: 'CTO7_BEFORE_AMHP_AGREEMENT',
      message: 'An AMHP must agree first.',
    },
    {
      type: 'CONSULT_FOR_EXTENSION',
      label: 'Consult',
      form: null,
      allowed: false,
      code: 'ROLE_NOT_PERMITTED',
      message: 'Only the RC.',
    },
    { type: 'SERVE_RECALL_NOTICE', label: 'Recall', form: 'CTO3', allowed: true },
  ];

  it('months ahead: the renewal steps are held back with the day they will be offered', () => {
    const out = withRenewalOffer(events, '2026-12-01', window);
    expect(out[0]).toMatchObject({ allowed: false, code: 'NOT_DUE_YET' });
    expect(out[0]?.message).toContain('2 February 2027');
    expect(out[1]).toMatchObject({ allowed: false, code: 'NOT_DUE_YET' });
    // Who may act is still the law's answer; other events are untouched.
    expect(out[2]).toMatchObject({ code: 'ROLE_NOT_PERMITTED' });
    expect(out[3]).toMatchObject({ type: 'SERVE_RECALL_NOTICE', allowed: true });
  });

  it('from 28 days before the window opens, and after it closes: as the law gives them', () => {
    expect(withRenewalOffer(events, '2027-02-02', window)).toEqual(events);
    expect(withRenewalOffer(events, '2027-05-02', window)).toEqual(events);
    expect(withRenewalOffer(events, '2026-12-01', null)).toEqual(events);
  });
});
