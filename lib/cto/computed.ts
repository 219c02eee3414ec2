/**
 * The value every clock returns: the date (or instant), the legal basis, a plain-English
 * explanation the UI can show as is, and the other reading where the law is uncertain.
 */
import type { IsoDate } from './dates';

export interface AlternativeDate {
  readonly date: IsoDate;
  readonly explain: string;
}

export interface ComputedDate {
  readonly date: IsoDate;
  /** The section(s) the date comes from, e.g. 's20A(1)'. */
  readonly basis: string;
  readonly explain: string;
  /** The other reading, where there is one (never the one the product acts on). */
  readonly alternative?: AlternativeDate;
  /** True when a bank holiday beyond GOV.UK's published data was needed (computed pattern). */
  readonly provisional?: boolean;
}

export interface AlternativeInstant {
  readonly instant: Date;
  readonly explain: string;
}

export interface ComputedInstant {
  readonly instant: Date;
  readonly basis: string;
  readonly explain: string;
  readonly alternative?: AlternativeInstant;
  readonly provisional?: boolean;
}
