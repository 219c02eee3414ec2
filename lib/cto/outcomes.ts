/**
 * What the lifecycle answers: a refusal with a specific code and a plain-English message, or the
 * new state with the clocks it starts, the tasks it creates and any warnings.
 */
import type { AlternativeDate, AlternativeInstant } from './computed';
import type { IsoDate } from './dates';
import type { CtoEndReason, EventType, OrderSnapshot, OrderState, Role } from './types';

export const REFUSAL_CODES = [
  // general
  'UNKNOWN_EVENT',
  'INVALID_INPUT',
  'EVENT_IN_FUTURE',
  'TIME_EVENT_ONLY',
  'NOT_A_SYSTEM_EVENT',
  'ROLE_NOT_PERMITTED',
  'NOT_PATIENTS_RESPONSIBLE_CLINICIAN',
  'NOT_ALLOWED_IN_STATE',
  'NOT_DUE_YET',
  'ALREADY_RECORDED',
  // times out of sequence
  'BEFORE_ORDER_EFFECTIVE',
  'BEFORE_RECALL_NOTICE',
  'BEFORE_DETENTION_BEGAN',
  // order existence and end
  'ORDER_ALREADY_EXISTS',
  'NO_ORDER_YET',
  'NO_ORDER_IN_FORCE',
  'ORDER_NOT_YET_IN_EFFECT',
  'ORDER_ENDED',
  'ORDER_EXPIRED',
  // making (CTO1)
  'INELIGIBLE_LEGAL_STATUS',
  'PART3_BEFORE_PART2',
  'EFFECTIVE_BEFORE_SIGNED',
  'DISCRETIONARY_CONDITION_WITHOUT_AMHP',
  // conditions
  'CONDITION_NOT_FOUND',
  'CONDITION_NOT_IN_FORCE',
  'CONDITION_NOT_SUSPENDED',
  // extension (CTO7, CTO8)
  'EXAMINATION_OUTSIDE_WINDOW',
  'EXAMINATION_MISSING',
  'CONSULTATION_MISSING',
  'CTO7_PART2_BEFORE_PART1',
  'CTO7_BEFORE_AMHP_AGREEMENT',
  'CTO7_OUTSIDE_WINDOW',
  'CTO7_PART4_BEFORE_PART3',
  'NO_EXTENSION_TO_REVIEW',
  'S21B_NOT_APPLICABLE',
  'CTO8_TOO_LATE',
  // recall (CTO3, CTO4, CTO6)
  'RECALL_OF_ENDED_ORDER',
  'ALREADY_RECALLED',
  'CTO3_EMAIL_NOT_VALID_SERVICE',
  'CTO4_BEFORE_CTO3',
  'CTO4_BEFORE_CTO3_SERVED',
  'NOTICE_NOT_YET_SERVED',
  'ALREADY_DETAINED',
  'PATIENT_IS_AWOL',
  'NOT_RECALLED',
  'RECALL_72_HOURS_ENDED',
  // revocation (CTO5)
  'CTO5_BEFORE_CTO4',
  'REVOCATION_AFTER_72_HOURS',
  'REVOCATION_WITHOUT_AMHP_AGREEMENT',
  // nearest relative
  'NR_ORDER_ALREADY_PENDING',
  'NR_BARRED',
  'NO_NR_ORDER_PENDING',
  'NR_BARRING_TOO_LATE',
  'NR_ALREADY_BARRED',
  'NR_BARRING_BEFORE_ORDER_RECEIVED',
  // certificates, rights
  'CTO12_NEEDS_APPROVED_CLINICIAN',
  'NO_CTO12_IN_FORCE',
  'RIGHTS_INFORMATION_EMPTY',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
}

export const WARNING_CODES = [
  'SIGNED_EFFECTIVE_DIFFER',
  'EFFECTIVE_TIME_BEFORE_SIGNATURE_TIME',
  'MONTH_END_START',
  'RE_EXAMINATION',
  'RELEASED_AFTER_72_HOURS',
  'MANAGERS_REVIEW_LATE',
  'RIGHTS_INFORMATION_PARTIAL',
  'EXPIRED_DURING_RECALL',
  'ORDER_CONTINUES_BECAUSE_AWOL',
  'PROVISIONAL_BANK_HOLIDAYS',
  'NR_ORDER_PENDING_AT_DISCHARGE',
  'AMHP_DECLINED',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface Warning {
  readonly code: WarningCode;
  readonly message: string;
}

export const ALERT_CODES = [
  'RELEASE_REQUIRED',
  'AWAITING_RETURN_72_HOURS',
  'ORDER_CONTINUES_BECAUSE_AWOL',
  'NR_DISCHARGE_PENDING',
  'EXTENSION_WINDOW_OPEN',
] as const;
export type AlertCode = (typeof ALERT_CODES)[number];

/** Something the people looking after the order must know now (from effectiveState). */
export interface Alert {
  readonly code: AlertCode;
  readonly message: string;
}

export const CLOCK_KINDS = [
  'EFFECTIVE_TIME',
  'CTO_EXPIRY',
  'EXTENSION_WINDOW',
  'PATIENT_APPLICATION_WINDOW',
  'CERTIFICATE_REQUIRED',
  'FIRST_MANAGERS_REFERENCE',
  'RECALL_NOTICE_SERVED',
  'RECALL_72_HOURS',
  'DETENTION_EXPIRY',
  'DETENTION_RENEWAL_WINDOW',
  'MANAGERS_REFERENCE_AFTER_REVOCATION',
  'NEAREST_RELATIVE_DISCHARGE',
  'NEAREST_RELATIVE_TRIBUNAL_WINDOW',
  'NR_BAR',
  'TRIBUNAL_DOCUMENTS',
  'PERIODIC_MANAGERS_REFERENCE',
  'RIGHTS_INFORMATION',
  'MANAGERS_REVIEW_OF_EXTENSION',
  'AWOL_EXTENDED_EXPIRY',
  'CTO8_DUE',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** A started (or restated) clock: a date, an instant or a window, with its basis. */
export interface Clock {
  readonly kind: ClockKind;
  readonly basis: string;
  readonly explain: string;
  readonly date?: IsoDate;
  readonly instant?: Date;
  /** For windows: the first day (the last is `date`). */
  readonly opensOn?: IsoDate;
  readonly alternative?: Partial<AlternativeDate & AlternativeInstant> & {
    readonly explain: string;
  };
  readonly provisional?: boolean;
  /** C4 only: the deadline cannot be known until the AWOL patient returns (s21(4)). */
  readonly awaitingReturn?: boolean;
}

export const TASK_KINDS = [
  'GIVE_RIGHTS_INFORMATION',
  'FURNISH_FORM_TO_MANAGERS',
  'ARRANGE_EXTENSION_EXAMINATION',
  'RECORD_FIRST_MEDICATION_DATE',
  'ARRANGE_PART4A_CERTIFICATE',
  'ARRANGE_CTO11',
  'RECORD_CTO7_RECEIPT',
  'MANAGERS_REVIEW_OF_EXTENSION',
  'SEND_RECALL_COPY_TO_MANAGERS',
  'CHECK_TREATMENT_ON_RECALL',
  'COMPLETE_CTO4',
  'RELEASE_OR_REVOKE',
  'REFER_TO_TRIBUNAL',
  'RENEW_DETENTION',
  'ARRANGE_S58_CERTIFICATE',
  'CONSIDER_NR_BARRING',
  'INFORM_NR_OF_BARRING',
  'CONSIDER_MANAGERS_REVIEW_AFTER_BARRING',
  'SUBMIT_TRIBUNAL_DOCUMENTS',
  'FIRST_MANAGERS_REFERENCE',
  'PERIODIC_MANAGERS_REFERENCE',
  'ARRANGE_CTO8',
  'RETURN_AWOL_PATIENT',
  'NOTIFY_CQC_OF_DEATH',
  'INFORM_PATIENT_OF_END',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface Task {
  readonly kind: TaskKind;
  readonly title: string;
  readonly basis: string;
  readonly explain: string;
  readonly assigneeRoles: readonly Role[];
  readonly opensOn?: IsoDate;
  readonly dueOn?: IsoDate;
  readonly dueAt?: Date;
  /** After this day the task is overdue (when it differs from dueOn, e.g. s68(7)). */
  readonly overdueAfter?: IsoDate;
}

export interface EventSuccess {
  readonly ok: true;
  readonly type: EventType;
  readonly fromState: OrderState | null;
  readonly state: OrderState;
  /** The order after the event: map it back to the database rows. */
  readonly order: OrderSnapshot;
  /** Current operational expiry after the event (null before the order is made). */
  readonly expiry: IsoDate | null;
  readonly clocks: readonly Clock[];
  readonly tasks: readonly Task[];
  /** Open tasks this event satisfies (close them). */
  readonly completesTasks: readonly TaskKind[];
  readonly warnings: readonly Warning[];
  /** Set when the event ended the order. */
  readonly endReason?: CtoEndReason;
}

export type EventOutcome = EventSuccess | Refusal;

/** checkEvent's answer: allowed (with any warnings) or a refusal. */
export type EventCheck = { readonly ok: true; readonly warnings: readonly Warning[] } | Refusal;

export function refuse(code: RefusalCode, message: string): Refusal {
  return { ok: false, code, message };
}
