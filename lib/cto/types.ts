/**
 * Types shared by the lifecycle: order states, roles, actors, the order snapshot the rules read,
 * and the events that change an order. The string values of states and roles are the same as the
 * Prisma enums: do not rename them.
 */
import type { AbsenceInterval, ServiceMethod } from './clocks';
import type { IsoDate } from './dates';

// ---------------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------------

export const ORDER_STATES = [
  'PROPOSED', // CTO1 Part 1 done, awaiting the AMHP
  'AGREED', // AMHP agreed in Part 2, awaiting the RC's Part 3
  'DECLINED', // AMHP declined or the attempt was withdrawn (terminal)
  'AWAITING_EFFECT', // made (Part 3) with a later effective time
  'ACTIVE',
  'RECALL_PENDING', // CTO3 served (or being served), detention not yet begun
  'RECALLED', // CTO4: detained in hospital, 72 hours running
  'AWOL',
  'REVOKED',
  'DISCHARGED',
  'EXPIRED',
  'DIED',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const TERMINAL_STATES: readonly OrderState[] = [
  'DECLINED',
  'REVOKED',
  'DISCHARGED',
  'EXPIRED',
  'DIED',
];

/** States in which the order is made and in force (the patient is a community patient). */
export const IN_FORCE_STATES: readonly OrderState[] = [
  'ACTIVE',
  'RECALL_PENDING',
  'RECALLED',
  'AWOL',
];

export const STATE_LABELS: Record<OrderState, string> = {
  PROPOSED: 'Proposed (awaiting AMHP)',
  AGREED: 'Agreed by AMHP (awaiting the order)',
  DECLINED: 'Not made',
  AWAITING_EFFECT: 'Made, not yet in effect',
  ACTIVE: 'In force',
  RECALL_PENDING: 'Recall notice served',
  RECALLED: 'Recalled to hospital',
  AWOL: 'Absent without leave',
  REVOKED: 'Revoked',
  DISCHARGED: 'Discharged',
  EXPIRED: 'Expired',
  DIED: 'Patient died',
};

/** Why an order ended: same values as the Prisma enum CtoEndReason. */
export type CtoEndReason =
  | 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN'
  | 'DISCHARGED_BY_HOSPITAL_MANAGERS'
  | 'DISCHARGED_BY_NEAREST_RELATIVE'
  | 'DISCHARGED_BY_TRIBUNAL'
  | 'REVOKED'
  | 'EXPIRED'
  | 'DIED'
  | 'UNDERLYING_AUTHORITY_ENDED'
  | 'CUSTODY_OVER_SIX_MONTHS'
  | 'NOT_EXTENDED_AFTER_AWOL';

export function isTerminalState(state: OrderState): boolean {
  return TERMINAL_STATES.includes(state);
}

// ---------------------------------------------------------------------------------------------
// Roles and actors
// ---------------------------------------------------------------------------------------------

export const ROLES = [
  'CARE_COORDINATOR',
  'RESPONSIBLE_CLINICIAN',
  'AMHP',
  'MHA_ADMINISTRATOR',
  'HOSPITAL_MANAGER',
  'AUDITOR',
  'SYSTEM_ADMINISTRATOR',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  CARE_COORDINATOR: 'care coordinator',
  RESPONSIBLE_CLINICIAN: 'responsible clinician',
  AMHP: 'approved mental health professional (AMHP)',
  MHA_ADMINISTRATOR: 'MHA administrator',
  HOSPITAL_MANAGER: 'hospital manager',
  AUDITOR: 'auditor',
  SYSTEM_ADMINISTRATOR: 'system administrator',
};

/**
 * Who is acting. The RESPONSIBLE_CLINICIAN role also stands for "approved clinician". Whether
 * this user is THE patient's RC is the caller's business (authorisation by scope is outside
 * lib/cto); if the caller says explicitly that they are not (`false`), RC-only events are refused.
 */
export interface Actor {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly isResponsibleClinicianForPatient?: boolean;
  /** Set only on SYSTEM_ACTOR: time-passing events are recorded by the system, not by people. */
  readonly system?: true;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: 'system', roles: [], system: true });

// ---------------------------------------------------------------------------------------------
// Underlying legal status (MHSDS legal status classification codes, codes.md section 2)
// ---------------------------------------------------------------------------------------------

/**
 * s17A(1)-(2), Sch 1: a CTO can be made only for a patient liable to be detained under s3, or an
 * unrestricted Part 3 patient (s37, s47, s48 without s49; s45A once the limitation direction
 * has ended).
 */
export const ELIGIBLE_LEGAL_STATUS_CODES = ['03', '10', '16', '18', '38'] as const;

export const LEGAL_STATUS_LABELS: Readonly<Record<string, string>> = {
  '01': 'informal',
  '02': 'section 2',
  '03': 'section 3',
  '04': 'section 4',
  '05': 'section 5(2)',
  '06': 'section 5(4)',
  '07': 'section 35',
  '08': 'section 36',
  '09': 'section 37 with section 41 restrictions',
  '10': 'section 37',
  '12': 'section 38',
  '13': 'section 44',
  '14': 'section 46',
  '15': 'section 47 with section 49 restrictions',
  '16': 'section 47',
  '17': 'section 48 with section 49 restrictions',
  '18': 'section 48',
  '19': 'section 135',
  '20': 'section 136',
  '31': 'Criminal Procedure (Insanity) Act 1964',
  '32': 'other Acts',
  '35': 'guardianship (section 7)',
  '36': 'guardianship (section 37)',
  '37': 'section 45A (limitation direction in force)',
  '38': 'section 45A (limitation direction ended)',
  '98': 'not applicable',
  '99': 'not known',
};

export function isEligibleLegalStatus(code: string | null | undefined): boolean {
  return (
    code !== null &&
    code !== undefined &&
    (ELIGIBLE_LEGAL_STATUS_CODES as readonly string[]).includes(code)
  );
}

// ---------------------------------------------------------------------------------------------
// The order snapshot: everything the rules need about one order
// ---------------------------------------------------------------------------------------------

export type ConditionKind = 'MANDATORY' | 'DISCRETIONARY';
export type ConditionStatus = 'ACTIVE' | 'SUSPENDED' | 'ENDED';

export interface ConditionSnapshot {
  readonly id: string;
  /** MANDATORY: s17B(3) (availability for examination); DISCRETIONARY: s17B(2). */
  readonly kind: ConditionKind;
  readonly text?: string;
  /** CTO1 Part 2(c): the AMHP agreed this discretionary condition. Mandatory ones need no agreement. */
  readonly amhpAgreed: boolean;
  readonly status: ConditionStatus;
}

export interface ConditionInput {
  readonly id: string;
  readonly kind: ConditionKind;
  readonly text?: string;
}

export type CertificateKind = 'CTO11' | 'CTO12';
export type CertificateStatus = 'ACTIVE' | 'ENDED';
export type CertificateEndReason =
  'CONSENT_WITHDRAWN' | 'CAPACITY_LOST' | 'SUPERSEDED' | 'CQC_DIRECTION' | 'ORDER_ENDED' | 'OTHER';

export interface CertificateSnapshot {
  readonly id: string;
  readonly kind: CertificateKind;
  readonly givenOn: IsoDate;
  readonly status: CertificateStatus;
  readonly endReason?: CertificateEndReason;
  /** CTO11 only: the SOAD said which treatment may be given on recall. */
  readonly coversRecall?: boolean;
}

/** The extension (CTO7) under way for the period ending `forExpiry`. */
export interface ExtensionSnapshot {
  readonly forExpiry: IsoDate;
  readonly examinedOn: IsoDate | null; // CTO7 Part 1
  readonly consultedOn: IsoDate | null; // s20A(9)
  readonly amhpAgreedAt: Date | null; // CTO7 Part 2
  /** An AMHP declined to agree (another AMHP may still agree within the window). */
  readonly amhpDeclinedAt?: Date | null;
  readonly cto7FurnishedAt: Date | null; // CTO7 Part 3
  readonly managersReceivedAt: Date | null; // CTO7 Part 4
  readonly managersReviewedOn: IsoDate | null; // CoP 38.14
}

export type RecallOutcome =
  'ONGOING' | 'RELEASED' | 'RELEASED_AT_72_HOURS' | 'REVOKED' | 'ORDER_ENDED';

/** The current (or last) recall episode. */
export interface RecallSnapshot {
  /** Null for a recall imported from the register, which does not record it. */
  readonly serviceMethod: ServiceMethod | null;
  /** When the CTO3 was handed over, delivered or posted. */
  readonly handedOrPostedAt: Date;
  /** When the CTO3 counts as served (C15); detention cannot begin before it. */
  readonly noticeServedAt: Date;
  /** CTO4: when detention in hospital by virtue of the notice began (T0). */
  readonly detentionBeganAt: Date | null;
  /** CTO5 Part 2. */
  readonly amhpAgreedRevocationAt: Date | null;
  /** An AMHP declined to agree revocation (another AMHP may still agree within the 72 hours). */
  readonly amhpDeclinedRevocationAt?: Date | null;
  /** Release (s17F(5)-(6)) or revocation ended this recall; null while it is current. */
  readonly endedAt: Date | null;
  /** Same values as the Prisma enum RecallOutcome. */
  readonly outcome: RecallOutcome;
}

export interface NearestRelativeSnapshot {
  /** A pending order for discharge (s23), received by an authorised officer at this instant. */
  readonly orderReceivedAt: Date | null;
  /** The RC's barring report (M2) against the pending order, if any. */
  readonly barredOn: IsoDate | null;
  /** The last barring report (for the 6-month bar, s25(1)(b)). */
  readonly lastBarringReportOn: IsoDate | null;
}

export interface OrderSnapshot {
  readonly id?: string;
  readonly state: OrderState;
  /** MHSDS legal status code of the underlying authority (e.g. '03' for s3). */
  readonly legalStatusCode: string | null;
  readonly proposedAt: Date | null; // CTO1 Part 1
  readonly amhpAgreedAt: Date | null; // CTO1 Part 2
  readonly signedAt: Date | null; // CTO1 Part 3 signature
  readonly effectiveAt: Date | null; // CTO1 Part 3 "effective from"
  /** C2: the day periods are counted from (the earlier of signature and effective dates). */
  readonly madeOn: IsoDate | null;
  /** Number of extensions (CTO7 or CTO8) furnished: the periods are ctoPeriods(madeOn, 1 + this). */
  readonly extensionsGranted: number;
  readonly extension: ExtensionSnapshot | null;
  /** The current or last recall (kept after release: its history matters to s21). */
  readonly recall: RecallSnapshot | null;
  /** Every absence without leave during this order (s18); `to` null while still absent. */
  readonly absences: readonly AbsenceInterval[];
  readonly nearestRelative: NearestRelativeSnapshot;
  readonly conditions: readonly ConditionSnapshot[];
  readonly certificates: readonly CertificateSnapshot[];
  /** First day medication was given in the continuous period of liability to detention (C6). */
  readonly firstMedicationOn: IsoDate | null;
  /** s68(5) applicable day: admission under the s3 application (C8). */
  readonly applicableDay: IsoDate | null;
  readonly revokedAt: Date | null;
  readonly endedAt: Date | null;
  readonly diedOn: IsoDate | null;
}

/** A blank snapshot (no order yet), handy for mapping and tests. */
export function blankOrder(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    state: 'PROPOSED',
    legalStatusCode: null,
    proposedAt: null,
    amhpAgreedAt: null,
    signedAt: null,
    effectiveAt: null,
    madeOn: null,
    extensionsGranted: 0,
    extension: null,
    recall: null,
    absences: [],
    nearestRelative: { orderReceivedAt: null, barredOn: null, lastBarringReportOn: null },
    conditions: [],
    certificates: [],
    firstMedicationOn: null,
    applicableDay: null,
    revokedAt: null,
    endedAt: null,
    diedOn: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

interface EventBase {
  /** When it happened (signature, receipt, ...). Defaults to `now`; never in the future. */
  readonly at?: Date;
}

/** Same values as the Prisma enums TribunalCaseKind and TribunalApplicant. */
export type TribunalCaseKind = 'APPLICATION' | 'REFERENCE';
export type TribunalApplicant =
  'PATIENT' | 'NEAREST_RELATIVE' | 'HOSPITAL_MANAGERS' | 'SECRETARY_OF_STATE';

export type OrderEvent =
  | (EventBase & {
      type: 'PROPOSE';
      legalStatusCode: string;
      conditions: readonly ConditionInput[];
    })
  | (EventBase & { type: 'AMHP_AGREE_MAKING'; agreedConditionIds?: readonly string[] })
  | (EventBase & { type: 'AMHP_DECLINE_MAKING'; reason?: string })
  | (EventBase & { type: 'WITHDRAW_PROPOSAL'; reason?: string })
  | (EventBase & { type: 'MAKE'; effectiveAt: Date; signedAt?: Date })
  | (EventBase & { type: 'TAKE_EFFECT' })
  | (EventBase & { type: 'VARY_CONDITIONS'; conditions: readonly ConditionInput[] })
  | (EventBase & { type: 'SUSPEND_CONDITION'; conditionId: string })
  | (EventBase & { type: 'REINSTATE_CONDITION'; conditionId: string })
  | (EventBase & { type: 'EXAMINE_FOR_EXTENSION'; examinedOn: IsoDate })
  | (EventBase & { type: 'CONSULT_FOR_EXTENSION'; consultedOn: IsoDate })
  | (EventBase & { type: 'AMHP_AGREE_EXTENSION' })
  | (EventBase & { type: 'AMHP_DECLINE_EXTENSION' })
  | (EventBase & { type: 'FURNISH_CTO7' })
  | (EventBase & { type: 'MANAGERS_RECEIVE_CTO7' })
  | (EventBase & { type: 'MANAGERS_REVIEW_EXTENSION' })
  | (EventBase & { type: 'FURNISH_CTO8'; examinedOn: IsoDate; amhpAgreedAt: Date })
  | (EventBase & { type: 'SERVE_RECALL_NOTICE'; method: ServiceMethod; handedOrPostedAt: Date })
  | (EventBase & { type: 'DETENTION_BEGINS'; detentionBeganAt: Date })
  | (EventBase & { type: 'TRANSFER_DURING_RECALL'; toHospital?: string })
  | (EventBase & { type: 'RELEASE_FROM_RECALL' })
  | (EventBase & { type: 'SEVENTY_TWO_HOURS_END' })
  | (EventBase & { type: 'AMHP_AGREE_REVOCATION' })
  | (EventBase & { type: 'AMHP_DECLINE_REVOCATION' })
  | (EventBase & { type: 'REVOKE' })
  | (EventBase & { type: 'DISCHARGE_BY_RC' })
  | (EventBase & { type: 'DISCHARGE_BY_MANAGERS' })
  | (EventBase & { type: 'DISCHARGE_BY_TRIBUNAL' })
  | (EventBase & { type: 'NR_DISCHARGE_ORDER_RECEIVED' })
  | (EventBase & { type: 'NR_BARRING_REPORT' })
  | (EventBase & { type: 'NR_DISCHARGE_TAKES_EFFECT' })
  | (EventBase & { type: 'AWOL_BEGINS' })
  | (EventBase & { type: 'AWOL_ENDS'; how?: 'RETURNED_SELF' | 'TAKEN_INTO_CUSTODY' })
  | (EventBase & { type: 'ASSIGN_RESPONSIBILITY'; toHospital?: string })
  | (EventBase & {
      type: 'CERTIFICATE_GIVEN';
      certificateId: string;
      certificate: CertificateKind;
      givenOn: IsoDate;
      coversRecall?: boolean;
    })
  | (EventBase & {
      type: 'CERTIFICATE_ENDED';
      certificateId: string;
      reason: Exclude<CertificateEndReason, 'ORDER_ENDED'>;
    })
  | (EventBase & {
      type: 'TRIBUNAL_CASE_OPENED';
      kind: TribunalCaseKind;
      applicant: TribunalApplicant;
      receivedOn: IsoDate;
      patientIsInpatient?: boolean;
    })
  | (EventBase & {
      type: 'TRIBUNAL_HEARING_HELD';
      consideredOn: IsoDate;
      patientUnder18: boolean;
    })
  | (EventBase & {
      type: 'RIGHTS_INFORMATION_GIVEN';
      givenOrally: boolean;
      givenInWriting: boolean;
      nearestRelativeInformed?: boolean;
    })
  | (EventBase & { type: 'DEATH'; diedOn: IsoDate })
  | (EventBase & { type: 'EXPIRE' });

export type EventType = OrderEvent['type'];
export type EventOf<T extends EventType> = Extract<OrderEvent, { type: T }>;
