// The renewal steps are offered from 28 days before the window opens (lib/cto/renewal-offer.ts).
import { describe, expect, it } from 'vitest';
import { renewalWindow } from '@/lib/cto/clocks';
import {
  RENEWAL_OFFER_DAYS,
  renewalOfferedFrom,
  renewalStepsOffered,
} from '@/lib/cto/renewal-offer';

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
