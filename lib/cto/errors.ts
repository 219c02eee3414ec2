/**
 * Typed errors thrown by the pure domain when a caller passes an input that cannot be computed
 * with (a date that does not exist, a negative number of months). Lifecycle refusals are NOT
 * errors: they are returned as `{ ok: false, code, message }` values (see lifecycle.ts and events/).
 */

export type CtoInputErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_INSTANT'
  | 'INVALID_MONTHS'
  | 'INVALID_DAYS'
  | 'INVALID_NHS_NUMBER'
  | 'INVALID_ARGUMENT';

export class CtoInputError extends Error {
  readonly code: CtoInputErrorCode;

  constructor(code: CtoInputErrorCode, message: string) {
    super(message);
    this.name = 'CtoInputError';
    this.code = code;
  }
}

/** A calendar date or an instant that is not usable (e.g. '2026-02-30', an Invalid Date). */
export class CtoDateError extends CtoInputError {
  constructor(code: CtoInputErrorCode, message: string) {
    super(code, message);
    this.name = 'CtoDateError';
  }
}
