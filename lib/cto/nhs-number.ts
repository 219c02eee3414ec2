/**
 * NHS number: 10 digits, the 10th a Modulus 11 check digit (NHS Data Dictionary, cto-law 6.3).
 * Shown as 3-3-4 with spaces: '943 476 5919'.
 */
import { CtoInputError } from './errors';

/** Removes spaces; returns the 10 digits or undefined if the value is not 10 digits. */
export function normaliseNhsNumber(value: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const compact = value.trim().replace(/ /g, '');
  return /^\d{10}$/.test(compact) ? compact : undefined;
}

/** The check digit for the first nine digits, or undefined when it would be 10 (never issued). */
export function nhsNumberCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) {
    throw new CtoInputError(
      'INVALID_NHS_NUMBER',
      'Nine digits are needed to compute a check digit.',
    );
  }
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/** True for a 10-digit NHS number (spaces allowed) whose check digit is right. */
export function isValidNhsNumber(value: string): boolean {
  const digits = normaliseNhsNumber(value);
  if (digits === undefined) return false;
  const check = nhsNumberCheckDigit(digits.slice(0, 9));
  return check !== undefined && check === Number(digits[9]);
}

/** '9434765919' or '943 476 5919' -> '943 476 5919'. Throws for anything but 10 digits. */
export function formatNhsNumber(value: string): string {
  const digits = normaliseNhsNumber(value);
  if (digits === undefined) {
    throw new CtoInputError(
      'INVALID_NHS_NUMBER',
      'An NHS number has 10 digits, for example 943 476 5919.',
    );
  }
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
