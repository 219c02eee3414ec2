/**
 * Checking an NHS number as a person or a spreadsheet writes it (issue 10): spaces and hyphens
 * allowed ('943 476 5919', '943-476-5919'), then 10 digits whose 10th is the Modulus 11 check
 * digit of the first nine (NHS Data Dictionary; the arithmetic is lib/cto/nhs-number.ts).
 * Pure: no database, no clock. The register form, the JSON API and the spreadsheet import all
 * use this one check.
 */
import { isValidNhsNumber } from '@/lib/cto/nhs-number';

export { formatNhsNumber, isValidNhsNumber, nhsNumberCheckDigit } from '@/lib/cto/nhs-number';

export type NhsNumberProblem = 'MISSING' | 'NOT_DIGITS' | 'WRONG_LENGTH' | 'CHECK_DIGIT';

export type NhsNumberCheck =
  { ok: true; nhsNumber: string } | { ok: false; problem: NhsNumberProblem; message: string };

export const NHS_NUMBER_MESSAGES: Record<NhsNumberProblem, string> = {
  MISSING: 'Enter the patient’s NHS number',
  NOT_DIGITS: 'NHS number must only contain numbers, like 943 476 5919',
  WRONG_LENGTH: 'NHS number must be 10 digits, like 943 476 5919',
  CHECK_DIGIT: 'Enter a valid NHS number: check you have typed it correctly',
};

/** Spaces and hyphens taken out: what the database stores ('9434765919'). */
export function compactNhsNumber(value: string): string {
  return value.replace(/[\s-]+/g, '');
}

/** The NHS number as 10 digits, or the plain-English reason it is not one. */
export function checkNhsNumber(value: string | null | undefined): NhsNumberCheck {
  const compact = compactNhsNumber(value ?? '');
  const fail = (problem: NhsNumberProblem): NhsNumberCheck => ({
    ok: false,
    problem,
    message: NHS_NUMBER_MESSAGES[problem],
  });
  if (compact === '') return fail('MISSING');
  if (!/^\d+$/.test(compact)) return fail('NOT_DIGITS');
  if (compact.length !== 10) return fail('WRONG_LENGTH');
  if (!isValidNhsNumber(compact)) return fail('CHECK_DIGIT');
  return { ok: true, nhsNumber: compact };
}
