/**
 * Plain-English labels for the enumerations users see (NHS content style: sentence case, no
 * jargon where a plain word will do, section numbers where practitioners expect them).
 * `Record<Enum, string>` makes the compiler insist on a label for every value.
 */
import type {
  AccommodationStatus,
  AgreementDecision,
  AmhpAgreementPurpose,
  AwolReturn,
  CareActivityKind,
  CertificateEndReason,
  CertificateStatus,
  CertificateType,
  ConditionCategory,
  ConditionChangeKind,
  ConditionKind,
  ConditionPurpose,
  ConditionStatus,
  ContactMode,
  CtoEndReason,
  CtoEventType,
  CtoPeriodSource,
  CtoState,
  DeadlineKind,
  DeadlineStatus,
  DecisionPoint,
  DecisionSignificance,
  DischargeRoute,
  DocumentKind,
  EmploymentStatus,
  ExtensionStatus,
  FormScrutinyOutcome,
  HearingOutcome,
  ManagersHearingOutcome,
  ManagersHearingReason,
  MaritalStatus,
  NearestRelativeEventKind,
  NearestRelativeOrderOutcome,
  NoticeServiceMethod,
  RecallGround,
  RecallOutcome,
  RelativeKind,
  RightsTrigger,
  Sex,
  SocialDomain,
  SocialRating,
  StaffAssignmentKind,
  StatutoryFormType,
  TeamKind,
  TribunalApplicant,
  TribunalCaseKind,
  TribunalCaseStatus,
  UnderstandingLevel,
} from '@/lib/generated/prisma/enums';

export const CTO_STATE_LABELS: Record<CtoState, string> = {
  PROPOSED: 'Proposed: awaiting AMHP',
  AGREED: 'Agreed by AMHP: not yet made',
  DECLINED: 'AMHP did not agree',
  AWAITING_EFFECT: 'Made: not yet in effect',
  ACTIVE: 'In force',
  RECALL_PENDING: 'Recall notice served',
  RECALLED: 'Recalled to hospital',
  AWOL: 'Absent without leave',
  REVOKED: 'Revoked',
  DISCHARGED: 'Discharged',
  EXPIRED: 'Expired',
  DIED: 'Patient died',
};

export const CTO_END_REASON_LABELS: Record<CtoEndReason, string> = {
  DISCHARGED_BY_RESPONSIBLE_CLINICIAN: 'Discharged by the responsible clinician',
  DISCHARGED_BY_HOSPITAL_MANAGERS: 'Discharged by the hospital managers',
  DISCHARGED_BY_NEAREST_RELATIVE: 'Discharged by the nearest relative',
  DISCHARGED_BY_TRIBUNAL: 'Discharged by the tribunal',
  REVOKED: 'Revoked after recall',
  EXPIRED: 'Expired without extension',
  DIED: 'Patient died',
  UNDERLYING_AUTHORITY_ENDED: 'Underlying section ended',
  CUSTODY_OVER_SIX_MONTHS: 'In custody for more than 6 months',
  NOT_EXTENDED_AFTER_AWOL: 'Not extended after absence without leave',
};

export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  COMMUNITY: 'Community team',
  INPATIENT: 'Inpatient ward',
  AMHP_SERVICE: 'AMHP service',
  MHA_OFFICE: 'Mental Health Act office',
  OTHER: 'Other',
};

export const SEX_LABELS: Record<Sex, string> = {
  MALE: 'Male',
  FEMALE: 'Female',
  INDETERMINATE: 'Indeterminate',
  NOT_KNOWN: 'Not known',
};

export const MARITAL_STATUS_LABELS: Record<MaritalStatus, string> = {
  SINGLE: 'Single',
  MARRIED_OR_CIVIL_PARTNERSHIP: 'Married or in a civil partnership',
  SEPARATED: 'Separated',
  DIVORCED_OR_DISSOLVED: 'Divorced or civil partnership dissolved',
  WIDOWED: 'Widowed',
  NOT_DISCLOSED: 'Prefers not to say',
  NOT_KNOWN: 'Not known',
};

export const EMPLOYMENT_STATUS_LABELS: Record<EmploymentStatus, string> = {
  EMPLOYED: 'Employed',
  UNEMPLOYED_SEEKING_WORK: 'Unemployed and looking for work',
  STUDENT: 'Student',
  LONG_TERM_SICK_OR_DISABLED: 'Long-term sick or disabled',
  HOMEMAKER_OR_CARER: 'Looking after the home or family',
  NOT_SEEKING_WORK: 'Not working and not looking for work',
  UNPAID_VOLUNTARY_WORK: 'Unpaid voluntary work',
  RETIRED: 'Retired',
  NOT_KNOWN: 'Not known',
};

export const ACCOMMODATION_STATUS_LABELS: Record<AccommodationStatus, string> = {
  OWNER_OCCUPIER: 'Owns their home',
  SETTLED_TENANT: 'Settled tenancy',
  LIVING_WITH_FAMILY_OR_FRIENDS: 'Lives with family or friends',
  SUPPORTED_ACCOMMODATION: 'Supported accommodation',
  CARE_HOME: 'Care home',
  TEMPORARY_OR_HOSTEL: 'Temporary accommodation or hostel',
  ROUGH_SLEEPING: 'Sleeping rough',
  IN_HOSPITAL: 'In hospital',
  IN_PRISON: 'In prison',
  OTHER: 'Other',
  NOT_KNOWN: 'Not known',
};

export const STAFF_ASSIGNMENT_KIND_LABELS: Record<StaffAssignmentKind, string> = {
  CARE_COORDINATOR: 'Care coordinator',
  RESPONSIBLE_CLINICIAN: 'Responsible clinician',
};

export const RELATIVE_KIND_LABELS: Record<RelativeKind, string> = {
  NEAREST_RELATIVE: 'Nearest relative',
  NOMINATED_PERSON: 'Nominated person',
};

export const NEAREST_RELATIVE_EVENT_KIND_LABELS: Record<NearestRelativeEventKind, string> = {
  IDENTIFIED: 'Identified',
  CHANGED: 'Changed',
  DISPLACED_BY_COURT: 'Displaced by the county court (section 29)',
  INFORMED: 'Informed',
  CONSULTED: 'Consulted',
  PATIENT_OBJECTED_TO_CONSULTATION: 'Patient objected to the nearest relative being consulted',
  DISCHARGE_ORDER_RECEIVED: 'Order for discharge received',
  BARRING_REPORT_SENT: 'Barring report sent',
  OTHER: 'Other',
};

export const CTO_PERIOD_SOURCE_LABELS: Record<CtoPeriodSource, string> = {
  MADE: 'First period (order made)',
  EXTENSION: 'Extension (CTO7)',
  AWOL_EXTENSION: 'Extension after absence without leave (CTO8)',
};

export const STATUTORY_FORM_LABELS: Record<StatutoryFormType, string> = {
  CTO1: 'CTO1: community treatment order',
  CTO2: 'CTO2: variation of conditions',
  CTO3: 'CTO3: notice of recall to hospital',
  CTO4: 'CTO4: record of detention after recall',
  CTO5: 'CTO5: revocation of community treatment order',
  CTO6: 'CTO6: transfer of a recalled patient to another hospital',
  CTO7: 'CTO7: report extending the community treatment period',
  CTO8: 'CTO8: extension after absence without leave for more than 28 days',
  CTO9: 'CTO9: community patient transferred to England',
  CTO10: 'CTO10: assignment of responsibility to another hospital',
  CTO11: 'CTO11: Part 4A certificate (second opinion)',
  CTO12: 'CTO12: Part 4A certificate (consenting patient)',
  M2: 'M2: report barring discharge by the nearest relative',
  T2: 'T2: certificate of consent to treatment',
  T3: 'T3: certificate of second opinion',
};

export const FORM_SCRUTINY_OUTCOME_LABELS: Record<FormScrutinyOutcome, string> = {
  PENDING: 'Not yet checked',
  VALID: 'Valid',
  RECTIFIABLE: 'Needs correcting (rectifiable)',
  INVALID: 'Invalid',
};

export const CTO_EVENT_TYPE_LABELS: Record<CtoEventType, string> = {
  PROPOSE: 'Order proposed',
  AMHP_AGREE_MAKING: 'AMHP agreed to the order',
  AMHP_DECLINE_MAKING: 'AMHP did not agree to the order',
  WITHDRAW_PROPOSAL: 'Proposal withdrawn',
  MAKE: 'Order made (CTO1)',
  TAKE_EFFECT: 'Order took effect',
  VARY_CONDITIONS: 'Conditions varied (CTO2)',
  SUSPEND_CONDITION: 'Condition suspended',
  REINSTATE_CONDITION: 'Condition reinstated',
  EXAMINE_FOR_EXTENSION: 'Examined for extension',
  CONSULT_FOR_EXTENSION: 'Professional consulted about extension',
  AMHP_AGREE_EXTENSION: 'AMHP agreed to extension',
  AMHP_DECLINE_EXTENSION: 'AMHP did not agree to extension',
  FURNISH_CTO7: 'Extension report furnished (CTO7)',
  FURNISH_CTO8: 'Extension report after absence without leave furnished (CTO8)',
  MANAGERS_RECEIVE_CTO7: 'Hospital managers received the extension report',
  MANAGERS_REVIEW_EXTENSION: 'Hospital managers reviewed the extension',
  SERVE_RECALL_NOTICE: 'Recall notice served (CTO3)',
  DETENTION_BEGINS: 'Detained in hospital after recall (CTO4)',
  TRANSFER_DURING_RECALL: 'Transferred to another hospital during recall (CTO6)',
  RELEASE_FROM_RECALL: 'Released from recall',
  AMHP_AGREE_REVOCATION: 'AMHP agreed to revocation',
  AMHP_DECLINE_REVOCATION: 'AMHP did not agree to revocation',
  REVOKE: 'Order revoked (CTO5)',
  DISCHARGE_BY_RC: 'Discharged by the responsible clinician',
  DISCHARGE_BY_MANAGERS: 'Discharged by the hospital managers',
  NR_DISCHARGE_ORDER_RECEIVED: "Nearest relative's order for discharge received",
  NR_BARRING_REPORT: 'Barring report made (M2)',
  NR_DISCHARGE_TAKES_EFFECT: "Nearest relative's discharge took effect",
  DISCHARGE_BY_TRIBUNAL: 'Discharged by the tribunal',
  AWOL_BEGINS: 'Absent without leave',
  AWOL_ENDS: 'Returned from absence without leave',
  ASSIGN_RESPONSIBILITY: 'Responsibility assigned to another hospital (CTO10)',
  CERTIFICATE_GIVEN: 'Part 4A certificate given',
  CERTIFICATE_ENDED: 'Part 4A certificate ended',
  RIGHTS_INFORMATION_GIVEN: 'Rights information given',
  TRIBUNAL_CASE_OPENED: 'Tribunal application or reference recorded',
  TRIBUNAL_HEARING_HELD: 'Tribunal hearing held: not discharged',
  DEATH: 'Patient died',
  EXPIRE: 'Order expired',
  SEVENTY_TWO_HOURS_END: '72 hours ended: released',
  DATE_OVERRIDDEN: 'Date set by hand',
  OTHER: 'Other',
};

export const AMHP_AGREEMENT_PURPOSE_LABELS: Record<AmhpAgreementPurpose, string> = {
  MAKING: 'Making the order (CTO1 Part 2)',
  EXTENSION: 'Extending the order (CTO7 Part 2)',
  REVOCATION: 'Revoking the order (CTO5 Part 2)',
  AWOL_EXTENSION: 'Extension after absence without leave (CTO8)',
};

export const AGREEMENT_DECISION_LABELS: Record<AgreementDecision, string> = {
  PENDING: 'Awaiting decision',
  AGREED: 'Agreed',
  DECLINED: 'Did not agree',
  WITHDRAWN: 'Request withdrawn',
};

export const CONDITION_KIND_LABELS: Record<ConditionKind, string> = {
  MANDATORY: 'Mandatory (section 17B(3))',
  DISCRETIONARY: 'Discretionary (section 17B(2))',
};

export const CONDITION_CATEGORY_LABELS: Record<ConditionCategory, string> = {
  EXAMINATION_FOR_EXTENSION: 'Be available for examination about extension',
  EXAMINATION_FOR_CERTIFICATE: 'Be available for examination for a treatment certificate',
  RESIDENCE: 'Where to live',
  ATTEND_APPOINTMENTS: 'Attend appointments',
  ACCEPT_VISITS: 'Accept visits',
  MEDICATION: 'Medication',
  ABSTAIN_FROM_SUBSTANCES: 'Avoid alcohol or drugs',
  AVOID_PLACES_OR_PEOPLE: 'Avoid places or people',
  OTHER: 'Other',
};

export const CONDITION_PURPOSE_LABELS: Record<ConditionPurpose, string> = {
  ENSURE_TREATMENT: 'To make sure the patient receives medical treatment',
  PREVENT_RISK_TO_PATIENT: "To prevent risk of harm to the patient's health or safety",
  PROTECT_OTHERS: 'To protect other people',
};

export const CONDITION_STATUS_LABELS: Record<ConditionStatus, string> = {
  ACTIVE: 'In force',
  SUSPENDED: 'Suspended',
  ENDED: 'Ended',
};

export const CONDITION_CHANGE_KIND_LABELS: Record<ConditionChangeKind, string> = {
  ADDED: 'Added',
  VARIED: 'Varied',
  SUSPENDED: 'Suspended',
  REINSTATED: 'Reinstated',
  REMOVED: 'Removed',
};

export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = {
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Extended',
  ABANDONED: 'Not going ahead',
  LAPSED: 'Lapsed: not completed in time',
};

export const RECALL_GROUND_LABELS: Record<RecallGround, string> = {
  RISK_OF_HARM: 'Needs treatment in hospital and there would be a risk of harm (section 17E(1))',
  MANDATORY_CONDITION_BREACH: 'Did not make themselves available for examination (section 17E(2))',
};

export const NOTICE_SERVICE_METHOD_LABELS: Record<NoticeServiceMethod, string> = {
  HANDED_TO_PATIENT: 'Handed to the patient',
  DELIVERED_TO_ADDRESS: "Delivered by hand to the patient's address",
  FIRST_CLASS_POST: 'Sent by first-class post',
};

export const RECALL_OUTCOME_LABELS: Record<RecallOutcome, string> = {
  ONGOING: 'Ongoing',
  RELEASED: 'Released',
  RELEASED_AT_72_HOURS: 'Released at the end of the 72 hours',
  REVOKED: 'Order revoked',
  ORDER_ENDED: 'Order ended',
};

export const DISCHARGE_ROUTE_LABELS: Record<DischargeRoute, string> = {
  RESPONSIBLE_CLINICIAN: 'Responsible clinician',
  HOSPITAL_MANAGERS: 'Hospital managers',
  NEAREST_RELATIVE: 'Nearest relative',
  TRIBUNAL: 'Mental health tribunal',
};

export const NEAREST_RELATIVE_ORDER_OUTCOME_LABELS: Record<NearestRelativeOrderOutcome, string> = {
  PENDING: 'Waiting: 72 hours not yet passed',
  BARRED: 'Barred by the responsible clinician',
  DISCHARGED: 'Patient discharged',
  WITHDRAWN: 'Withdrawn',
};

export const AWOL_RETURN_LABELS: Record<AwolReturn, string> = {
  RETURNED_SELF: 'Returned on their own',
  TAKEN_INTO_CUSTODY: 'Taken into custody and returned',
  NOT_RETURNED: 'Not returned',
};

export const CERTIFICATE_TYPE_LABELS: Record<CertificateType, string> = {
  CTO11: 'CTO11 (second opinion doctor)',
  CTO12: 'CTO12 (consenting patient)',
};

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  ACTIVE: 'In force',
  ENDED: 'Ended',
};

export const CERTIFICATE_END_REASON_LABELS: Record<CertificateEndReason, string> = {
  CONSENT_WITHDRAWN: 'Consent withdrawn',
  CAPACITY_LOST: 'Capacity lost',
  SUPERSEDED: 'Replaced by a new certificate',
  CQC_DIRECTION: 'Cancelled by the CQC (section 64H(5))',
  ORDER_ENDED: 'Order ended',
  OTHER: 'Other',
};

export const RIGHTS_TRIGGER_LABELS: Record<RightsTrigger, string> = {
  MAKING: 'Order made',
  EXTENSION: 'Order extended',
  VARIATION: 'Conditions varied',
  RECALL: 'Recalled to hospital',
  REVOCATION: 'Order revoked',
  PERIODIC: 'Regular reminder',
  OTHER: 'Other',
};

export const UNDERSTANDING_LEVEL_LABELS: Record<UnderstandingLevel, string> = {
  UNDERSTOOD: 'Understood',
  PARTLY_UNDERSTOOD: 'Partly understood',
  NOT_UNDERSTOOD: 'Did not understand',
  DECLINED: 'Did not want the information',
};

export const DECISION_POINT_LABELS: Record<DecisionPoint, string> = {
  MAKING: 'Making the order',
  EXTENSION: 'Extension',
  RECALL: 'Recall',
  REVOCATION: 'Revocation',
  DISCHARGE: 'Discharge',
  REVIEW: 'Review',
};

export const SOCIAL_DOMAIN_LABELS: Record<SocialDomain, string> = {
  ACCOMMODATION: 'Housing',
  RELATIONSHIPS_AND_FAMILY: 'Relationships and family',
  ACTIVITIES_AND_OCCUPATION: 'Activities and things to do',
  EMPLOYMENT_AND_EDUCATION: 'Work and education',
  FINANCES_AND_BENEFITS: 'Money and benefits',
  SUBSTANCE_USE: 'Alcohol and drugs',
  PHYSICAL_HEALTH: 'Physical health',
  ISOLATION: 'Loneliness and isolation',
  RELATIONSHIP_WITH_CARE_TEAM: 'Relationship with the care team',
  CARER_INVOLVEMENT: 'Carer involvement',
  CULTURE_AND_FAITH: 'Culture and faith',
};

export const SOCIAL_RATING_LABELS: Record<SocialRating, string> = {
  STRENGTH: 'Strength',
  NO_CONCERN: 'No concern',
  SOME_CONCERN: 'Some concern',
  SERIOUS_CONCERN: 'Serious concern',
  NOT_ASSESSED: 'Not assessed',
};

export const DECISION_SIGNIFICANCE_LABELS: Record<DecisionSignificance, string> = {
  NOT_RELEVANT: 'Not relevant to the decision',
  MINOR: 'Minor',
  MODERATE: 'Moderate',
  MAJOR: 'Major',
};

export const CONTACT_MODE_LABELS: Record<ContactMode, string> = {
  HOME_VISIT: 'Home visit',
  CLINIC: 'Clinic appointment',
  COMMUNITY_SETTING: 'Meeting in the community',
  TELEPHONE: 'Telephone',
  VIDEO: 'Video call',
  WARD_VISIT: 'Ward visit',
  DID_NOT_ATTEND: 'Did not attend',
  NO_ACCESS: 'No answer at home visit',
};

export const CARE_ACTIVITY_KIND_LABELS: Record<CareActivityKind, string> = {
  HOUSING_SUPPORT: 'Housing support',
  BENEFITS_AND_MONEY: 'Benefits and money',
  EMPLOYMENT_OR_EDUCATION: 'Work or education',
  SOCIAL_ACTIVITY: 'Social activity',
  FAMILY_OR_CARER_WORK: 'Work with family or carers',
  PHYSICAL_HEALTH: 'Physical health',
  SUBSTANCE_USE_SUPPORT: 'Alcohol or drug support',
  ADVOCACY_REFERRAL: 'Advocacy referral',
  MEDICATION_SUPPORT: 'Medication support',
  CULTURE_OR_FAITH: 'Culture or faith',
  OTHER: 'Other',
};

export const TRIBUNAL_CASE_KIND_LABELS: Record<TribunalCaseKind, string> = {
  APPLICATION: 'Application',
  REFERENCE: 'Reference',
};

export const TRIBUNAL_APPLICANT_LABELS: Record<TribunalApplicant, string> = {
  PATIENT: 'Patient',
  NEAREST_RELATIVE: 'Nearest relative',
  HOSPITAL_MANAGERS: 'Hospital managers',
  SECRETARY_OF_STATE: 'Secretary of State',
};

export const TRIBUNAL_CASE_STATUS_LABELS: Record<TribunalCaseStatus, string> = {
  OPEN: 'Open',
  WITHDRAWN: 'Withdrawn',
  DECIDED: 'Decided',
};

export const HEARING_OUTCOME_LABELS: Record<HearingOutcome, string> = {
  DISCHARGED: 'Discharged',
  NOT_DISCHARGED: 'Not discharged',
  DEFERRED_DISCHARGE: 'Discharge deferred',
  ADJOURNED: 'Adjourned',
  WITHDRAWN: 'Withdrawn',
};

export const MANAGERS_HEARING_REASON_LABELS: Record<ManagersHearingReason, string> = {
  EXTENSION_REVIEW: 'Review of an extension',
  BARRING_REPORT: 'Review after a barring report',
  PATIENT_REQUEST: "Patient's request",
  OTHER: 'Other',
};

export const MANAGERS_HEARING_OUTCOME_LABELS: Record<ManagersHearingOutcome, string> = {
  CONTINUE: 'Order continues',
  DISCHARGE: 'Discharged',
  ADJOURNED: 'Adjourned',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  STATUTORY_FORM: 'Statutory form',
  RESPONSIBLE_AUTHORITY_STATEMENT: "Responsible authority's statement",
  RESPONSIBLE_CLINICIAN_REPORT: "Responsible clinician's report",
  SOCIAL_CIRCUMSTANCES_REPORT: 'Social circumstances report',
  NURSING_REPORT: 'Nursing report',
  CHRONOLOGY: 'Chronology',
  LETTER: 'Letter',
  OTHER: 'Other',
};

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  CTO_EXPIRY: 'Order expires',
  EXTENSION_WINDOW: 'Extension window',
  RECALL_72_HOURS: '72 hours after recall',
  DETENTION_EXPIRY: 'Detention period ends',
  MANAGERS_REFERENCE_AFTER_REVOCATION: 'Tribunal reference after revocation',
  CERTIFICATE_REQUIRED: 'Treatment certificate needed',
  TRIBUNAL_DOCUMENTS: 'Tribunal reports due',
  FIRST_MANAGERS_REFERENCE: 'First tribunal reference',
  PERIODIC_MANAGERS_REFERENCE: 'Three-yearly tribunal reference',
  PATIENT_APPLICATION_WINDOW: 'Patient can apply to the tribunal',
  NEAREST_RELATIVE_DISCHARGE: "Nearest relative's discharge takes effect",
  NEAREST_RELATIVE_TRIBUNAL_WINDOW: 'Nearest relative can apply to the tribunal',
  AWOL_EXTENDED_EXPIRY: 'Expiry after absence without leave',
  RIGHTS_INFORMATION: 'Give rights information',
  MANAGERS_REVIEW_OF_EXTENSION: "Hospital managers' review of extension",
  OTHER: 'Other',
};

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  OPEN: 'Open',
  DONE: 'Done',
  CANCELLED: 'Cancelled',
};
