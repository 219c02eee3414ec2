import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CtoInputError, formatNhsNumber, isValidNhsNumber, nhsNumberCheckDigit } from '@/lib/cto';

describe('NHS number (Modulus 11)', () => {
  it.each([
    ['943 476 5919', true],
    ['9434765919', true],
    ['943 476 5918', false],
    ['943476591', false], // nine digits
    ['94347659190', false], // eleven digits
    ['943-476-5919', false], // only spaces are accepted
    ['943 476 591a', false],
    ['', false],
    ['401 023 2137', true],
    ['999 999 9999', true], // 9 x (10+9+...+2) = 486; 486 mod 11 = 2; check 9
    ['999 999 9998', false],
  ])('%j valid: %s', (value, valid) => {
    expect(isValidNhsNumber(value)).toBe(valid);
  });

  it('a check digit of 10 is never valid', () => {
    // 1 2 3 4 5 6 7 8 0: 10+18+24+28+30+30+28+24+0 = 192; 192 mod 11 = 5; check 6.
    expect(nhsNumberCheckDigit('123456780')).toBe(6);
    // 000000001: 1 x 2 = 2; 2 mod 11 = 2; 11 - 2 = 9.
    expect(nhsNumberCheckDigit('000000001')).toBe(9);
    // 000000010: 1 x 3 = 3; 11 - 3 = 8.
    expect(nhsNumberCheckDigit('000000010')).toBe(8);
    // 000000006: 6 x 2 = 12; 12 mod 11 = 1; 11 - 1 = 10: never issued.
    expect(nhsNumberCheckDigit('000000006')).toBeUndefined();
    for (let d = 0; d <= 9; d += 1) expect(isValidNhsNumber(`000000006${d}`)).toBe(false);
    // remainder 0 -> check 11 -> 0: 000000000 0
    expect(isValidNhsNumber('0000000000')).toBe(true);
  });

  it('formats as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber(' 943 476 5919 ')).toBe('943 476 5919');
    expect(() => formatNhsNumber('12345')).toThrow(CtoInputError);
  });

  it('formatting round-trips and keeps validity (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (digits) => {
        const formatted = formatNhsNumber(digits);
        expect(formatted).toMatch(/^\d{3} \d{3} \d{4}$/);
        expect(formatted.replace(/ /g, '')).toBe(digits);
        expect(formatNhsNumber(formatted)).toBe(formatted);
        expect(isValidNhsNumber(formatted)).toBe(isValidNhsNumber(digits));
      }),
    );
  });

  it('changing any single digit of a valid number makes it invalid (property)', () => {
    const arbValid = fc
      .stringMatching(/^\d{9}$/)
      .filter((nine) => nhsNumberCheckDigit(nine) !== undefined)
      .map((nine) => `${nine}${nhsNumberCheckDigit(nine) ?? ''}`);
    fc.assert(
      fc.property(
        arbValid,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (n, pos, delta) => {
          expect(isValidNhsNumber(n)).toBe(true);
          const digit = (Number(n[pos]) + delta) % 10;
          const changed = `${n.slice(0, pos)}${digit}${n.slice(pos + 1)}`;
          expect(isValidNhsNumber(changed)).toBe(false);
        },
      ),
    );
  });
});
