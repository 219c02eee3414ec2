-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CARE_COORDINATOR', 'RESPONSIBLE_CLINICIAN', 'AMHP', 'MHA_ADMINISTRATOR', 'HOSPITAL_MANAGER', 'AUDITOR', 'SYSTEM_ADMINISTRATOR');

-- CreateEnum
CREATE TYPE "TeamKind" AS ENUM ('COMMUNITY', 'INPATIENT', 'AMHP_SERVICE', 'MHA_OFFICE', 'OTHER');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE', 'INDETERMINATE', 'NOT_KNOWN');

-- CreateEnum
CREATE TYPE "MaritalStatus" AS ENUM ('SINGLE', 'MARRIED_OR_CIVIL_PARTNERSHIP', 'SEPARATED', 'DIVORCED_OR_DISSOLVED', 'WIDOWED', 'NOT_DISCLOSED', 'NOT_KNOWN');

-- CreateEnum
CREATE TYPE "EmploymentStatus" AS ENUM ('EMPLOYED', 'UNEMPLOYED_SEEKING_WORK', 'STUDENT', 'LONG_TERM_SICK_OR_DISABLED', 'HOMEMAKER_OR_CARER', 'NOT_SEEKING_WORK', 'UNPAID_VOLUNTARY_WORK', 'RETIRED', 'NOT_KNOWN');

-- CreateEnum
CREATE TYPE "AccommodationStatus" AS ENUM ('OWNER_OCCUPIER', 'SETTLED_TENANT', 'LIVING_WITH_FAMILY_OR_FRIENDS', 'SUPPORTED_ACCOMMODATION', 'CARE_HOME', 'TEMPORARY_OR_HOSTEL', 'ROUGH_SLEEPING', 'IN_HOSPITAL', 'IN_PRISON', 'OTHER', 'NOT_KNOWN');

-- CreateEnum
CREATE TYPE "StaffAssignmentKind" AS ENUM ('CARE_COORDINATOR', 'RESPONSIBLE_CLINICIAN');

-- CreateEnum
CREATE TYPE "RelativeKind" AS ENUM ('NEAREST_RELATIVE', 'NOMINATED_PERSON');

-- CreateEnum
CREATE TYPE "NearestRelativeEventKind" AS ENUM ('IDENTIFIED', 'CHANGED', 'DISPLACED_BY_COURT', 'INFORMED', 'CONSULTED', 'PATIENT_OBJECTED_TO_CONSULTATION', 'DISCHARGE_ORDER_RECEIVED', 'BARRING_REPORT_SENT', 'OTHER');

-- CreateEnum
CREATE TYPE "AdvanceDecisionKind" AS ENUM ('ADVANCE_DECISION_TO_REFUSE_TREATMENT', 'ADVANCE_STATEMENT', 'LASTING_POWER_OF_ATTORNEY_HEALTH', 'COURT_APPOINTED_DEPUTY', 'COURT_OF_PROTECTION_ORDER');

-- CreateEnum
CREATE TYPE "CtoState" AS ENUM ('PROPOSED', 'AGREED', 'DECLINED', 'AWAITING_EFFECT', 'ACTIVE', 'RECALL_PENDING', 'RECALLED', 'AWOL', 'REVOKED', 'DISCHARGED', 'EXPIRED', 'DIED');

-- CreateEnum
CREATE TYPE "CtoEndReason" AS ENUM ('DISCHARGED_BY_RESPONSIBLE_CLINICIAN', 'DISCHARGED_BY_HOSPITAL_MANAGERS', 'DISCHARGED_BY_NEAREST_RELATIVE', 'DISCHARGED_BY_TRIBUNAL', 'REVOKED', 'EXPIRED', 'DIED', 'UNDERLYING_AUTHORITY_ENDED', 'CUSTODY_OVER_SIX_MONTHS', 'NOT_EXTENDED_AFTER_AWOL');

-- CreateEnum
CREATE TYPE "CtoPeriodSource" AS ENUM ('MADE', 'EXTENSION', 'AWOL_EXTENSION');

-- CreateEnum
CREATE TYPE "StatutoryFormType" AS ENUM ('CTO1', 'CTO2', 'CTO3', 'CTO4', 'CTO5', 'CTO6', 'CTO7', 'CTO8', 'CTO9', 'CTO10', 'CTO11', 'CTO12', 'M2', 'T2', 'T3');

-- CreateEnum
CREATE TYPE "FormScrutinyOutcome" AS ENUM ('PENDING', 'VALID', 'RECTIFIABLE', 'INVALID');

-- CreateEnum
CREATE TYPE "CtoEventType" AS ENUM ('PROPOSE', 'AMHP_AGREE_MAKING', 'AMHP_DECLINE_MAKING', 'WITHDRAW_PROPOSAL', 'MAKE', 'TAKE_EFFECT', 'VARY_CONDITIONS', 'SUSPEND_CONDITION', 'REINSTATE_CONDITION', 'EXAMINE_FOR_EXTENSION', 'CONSULT_FOR_EXTENSION', 'AMHP_AGREE_EXTENSION', 'AMHP_DECLINE_EXTENSION', 'FURNISH_CTO7', 'MANAGERS_RECEIVE_CTO7', 'MANAGERS_REVIEW_EXTENSION', 'SERVE_RECALL_NOTICE', 'DETENTION_BEGINS', 'TRANSFER_DURING_RECALL', 'RELEASE_FROM_RECALL', 'AMHP_AGREE_REVOCATION', 'AMHP_DECLINE_REVOCATION', 'REVOKE', 'DISCHARGE_BY_RC', 'DISCHARGE_BY_MANAGERS', 'NR_DISCHARGE_ORDER_RECEIVED', 'NR_BARRING_REPORT', 'NR_DISCHARGE_TAKES_EFFECT', 'DISCHARGE_BY_TRIBUNAL', 'AWOL_BEGINS', 'AWOL_ENDS', 'ASSIGN_RESPONSIBILITY', 'CERTIFICATE_GIVEN', 'CERTIFICATE_ENDED', 'RIGHTS_INFORMATION_GIVEN', 'DEATH', 'EXPIRE', 'SEVENTY_TWO_HOURS_END', 'DATE_OVERRIDDEN', 'OTHER');

-- CreateEnum
CREATE TYPE "AmhpAgreementPurpose" AS ENUM ('MAKING', 'EXTENSION', 'REVOCATION', 'AWOL_EXTENSION');

-- CreateEnum
CREATE TYPE "AgreementDecision" AS ENUM ('PENDING', 'AGREED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ConditionKind" AS ENUM ('MANDATORY', 'DISCRETIONARY');

-- CreateEnum
CREATE TYPE "ConditionCategory" AS ENUM ('EXAMINATION_FOR_EXTENSION', 'EXAMINATION_FOR_CERTIFICATE', 'RESIDENCE', 'ATTEND_APPOINTMENTS', 'ACCEPT_VISITS', 'MEDICATION', 'ABSTAIN_FROM_SUBSTANCES', 'AVOID_PLACES_OR_PEOPLE', 'OTHER');

-- CreateEnum
CREATE TYPE "ConditionPurpose" AS ENUM ('ENSURE_TREATMENT', 'PREVENT_RISK_TO_PATIENT', 'PROTECT_OTHERS');

-- CreateEnum
CREATE TYPE "ConditionStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'ENDED');

-- CreateEnum
CREATE TYPE "ConditionChangeKind" AS ENUM ('ADDED', 'VARIED', 'SUSPENDED', 'REINSTATED', 'REMOVED');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('IN_PROGRESS', 'COMPLETED', 'ABANDONED', 'LAPSED');

-- CreateEnum
CREATE TYPE "RecallGround" AS ENUM ('RISK_OF_HARM', 'MANDATORY_CONDITION_BREACH');

-- CreateEnum
CREATE TYPE "NoticeServiceMethod" AS ENUM ('HANDED_TO_PATIENT', 'DELIVERED_TO_ADDRESS', 'FIRST_CLASS_POST');

-- CreateEnum
CREATE TYPE "RecallOutcome" AS ENUM ('ONGOING', 'RELEASED', 'RELEASED_AT_72_HOURS', 'REVOKED', 'ORDER_ENDED');

-- CreateEnum
CREATE TYPE "DischargeRoute" AS ENUM ('RESPONSIBLE_CLINICIAN', 'HOSPITAL_MANAGERS', 'NEAREST_RELATIVE', 'TRIBUNAL');

-- CreateEnum
CREATE TYPE "NearestRelativeOrderOutcome" AS ENUM ('PENDING', 'BARRED', 'DISCHARGED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AwolReturn" AS ENUM ('RETURNED_SELF', 'TAKEN_INTO_CUSTODY', 'NOT_RETURNED');

-- CreateEnum
CREATE TYPE "CertificateType" AS ENUM ('CTO11', 'CTO12');

-- CreateEnum
CREATE TYPE "CertificateStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "CertificateEndReason" AS ENUM ('CONSENT_WITHDRAWN', 'CAPACITY_LOST', 'SUPERSEDED', 'CQC_DIRECTION', 'ORDER_ENDED', 'OTHER');

-- CreateEnum
CREATE TYPE "RightsTrigger" AS ENUM ('MAKING', 'EXTENSION', 'VARIATION', 'RECALL', 'REVOCATION', 'PERIODIC', 'OTHER');

-- CreateEnum
CREATE TYPE "UnderstandingLevel" AS ENUM ('UNDERSTOOD', 'PARTLY_UNDERSTOOD', 'NOT_UNDERSTOOD', 'DECLINED');

-- CreateEnum
CREATE TYPE "DecisionPoint" AS ENUM ('MAKING', 'EXTENSION', 'RECALL', 'REVOCATION', 'DISCHARGE', 'REVIEW');

-- CreateEnum
CREATE TYPE "SocialDomain" AS ENUM ('ACCOMMODATION', 'RELATIONSHIPS_AND_FAMILY', 'ACTIVITIES_AND_OCCUPATION', 'EMPLOYMENT_AND_EDUCATION', 'FINANCES_AND_BENEFITS', 'SUBSTANCE_USE', 'PHYSICAL_HEALTH', 'ISOLATION', 'RELATIONSHIP_WITH_CARE_TEAM', 'CARER_INVOLVEMENT', 'CULTURE_AND_FAITH');

-- CreateEnum
CREATE TYPE "SocialRating" AS ENUM ('STRENGTH', 'NO_CONCERN', 'SOME_CONCERN', 'SERIOUS_CONCERN', 'NOT_ASSESSED');

-- CreateEnum
CREATE TYPE "DecisionSignificance" AS ENUM ('NOT_RELEVANT', 'MINOR', 'MODERATE', 'MAJOR');

-- CreateEnum
CREATE TYPE "ContactMode" AS ENUM ('HOME_VISIT', 'CLINIC', 'COMMUNITY_SETTING', 'TELEPHONE', 'VIDEO', 'WARD_VISIT', 'DID_NOT_ATTEND', 'NO_ACCESS');

-- CreateEnum
CREATE TYPE "CareActivityKind" AS ENUM ('HOUSING_SUPPORT', 'BENEFITS_AND_MONEY', 'EMPLOYMENT_OR_EDUCATION', 'SOCIAL_ACTIVITY', 'FAMILY_OR_CARER_WORK', 'PHYSICAL_HEALTH', 'SUBSTANCE_USE_SUPPORT', 'ADVOCACY_REFERRAL', 'MEDICATION_SUPPORT', 'CULTURE_OR_FAITH', 'OTHER');

-- CreateEnum
CREATE TYPE "TribunalCaseKind" AS ENUM ('APPLICATION', 'REFERENCE');

-- CreateEnum
CREATE TYPE "TribunalApplicant" AS ENUM ('PATIENT', 'NEAREST_RELATIVE', 'HOSPITAL_MANAGERS', 'SECRETARY_OF_STATE');

-- CreateEnum
CREATE TYPE "TribunalCaseStatus" AS ENUM ('OPEN', 'WITHDRAWN', 'DECIDED');

-- CreateEnum
CREATE TYPE "HearingOutcome" AS ENUM ('DISCHARGED', 'NOT_DISCHARGED', 'DEFERRED_DISCHARGE', 'ADJOURNED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ManagersHearingReason" AS ENUM ('EXTENSION_REVIEW', 'BARRING_REPORT', 'PATIENT_REQUEST', 'OTHER');

-- CreateEnum
CREATE TYPE "ManagersHearingOutcome" AS ENUM ('CONTINUE', 'DISCHARGE', 'ADJOURNED');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('STATUTORY_FORM', 'RESPONSIBLE_AUTHORITY_STATEMENT', 'RESPONSIBLE_CLINICIAN_REPORT', 'SOCIAL_CIRCUMSTANCES_REPORT', 'NURSING_REPORT', 'CHRONOLOGY', 'LETTER', 'OTHER');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('DRAFT', 'FINAL', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('CTO_EXPIRY', 'EXTENSION_WINDOW', 'RECALL_72_HOURS', 'DETENTION_EXPIRY', 'MANAGERS_REFERENCE_AFTER_REVOCATION', 'CERTIFICATE_REQUIRED', 'TRIBUNAL_DOCUMENTS', 'FIRST_MANAGERS_REFERENCE', 'PERIODIC_MANAGERS_REFERENCE', 'PATIENT_APPLICATION_WINDOW', 'NEAREST_RELATIVE_DISCHARGE', 'NEAREST_RELATIVE_TRIBUNAL_WINDOW', 'AWOL_EXTENDED_EXPIRY', 'RIGHTS_INFORMATION', 'MANAGERS_REVIEW_OF_EXTENSION', 'OTHER');

-- CreateEnum
CREATE TYPE "DeadlineStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'EMAIL');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'FAILURE', 'DENIED');

-- CreateTable
CREATE TABLE "Trust" (
    "id" TEXT NOT NULL,
    "odsCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Trust_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hospital" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "siteCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "managersName" TEXT NOT NULL,
    "underOurManagers" BOOLEAN NOT NULL DEFAULT true,
    "address" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Hospital_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TeamKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jobTitle" TEXT,
    "professionalRegistration" TEXT,
    "passwordHash" TEXT,
    "oidcSubject" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMPTZ(3),
    "failedSignInCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grantedById" TEXT,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMembership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,

    CONSTRAINT "TeamMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "provider" TEXT NOT NULL DEFAULT 'credentials',
    "ipAddress" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "nhsNumber" TEXT,
    "localId" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "preferredName" TEXT,
    "searchName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "genderIdentity" TEXT,
    "ethnicCategory" TEXT NOT NULL,
    "maritalStatus" "MaritalStatus" NOT NULL DEFAULT 'NOT_KNOWN',
    "employmentStatus" "EmploymentStatus" NOT NULL DEFAULT 'NOT_KNOWN',
    "accommodationStatus" "AccommodationStatus" NOT NULL DEFAULT 'NOT_KNOWN',
    "firstLanguage" TEXT NOT NULL DEFAULT 'English',
    "interpreterNeeded" BOOLEAN NOT NULL DEFAULT false,
    "interpreterLanguage" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "town" TEXT,
    "postcode" TEXT,
    "phone" TEXT,
    "dateOfDeath" DATE,
    "currentTeamId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientTeamAllocation" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,

    CONSTRAINT "PatientTeamAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffAssignment" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "StaffAssignmentKind" NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,

    CONSTRAINT "StaffAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NearestRelative" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" "RelativeKind" NOT NULL DEFAULT 'NEAREST_RELATIVE',
    "name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "address" TEXT,
    "phone" TEXT,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "endedReason" TEXT,
    "displacedByCourt" BOOLEAN NOT NULL DEFAULT false,
    "patientObjectsToBeingConsulted" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NearestRelative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NearestRelativeEvent" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "nearestRelativeId" TEXT,
    "kind" "NearestRelativeEventKind" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" TEXT,
    "notes" TEXT,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorReason" TEXT,

    CONSTRAINT "NearestRelativeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdvanceDecision" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" "AdvanceDecisionKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "madeOn" DATE,
    "holderName" TEXT,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnOn" DATE,

    CONSTRAINT "AdvanceDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalStatusPeriod" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "legalStatusCode" TEXT NOT NULL,
    "hospitalId" TEXT,
    "startAt" TIMESTAMPTZ(3) NOT NULL,
    "startDate" DATE NOT NULL,
    "applicableDay" DATE,
    "firstMedicationOn" DATE,
    "expiryDate" DATE,
    "endAt" TIMESTAMPTZ(3),
    "endDate" DATE,
    "endReason" TEXT,
    "revokedOrderId" TEXT,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegalStatusPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DetentionPeriod" (
    "id" TEXT NOT NULL,
    "legalStatusPeriodId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "months" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "alternativeEndDate" DATE,
    "basis" TEXT NOT NULL,

    CONSTRAINT "DetentionPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityTreatmentOrder" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "legalStatusPeriodId" TEXT NOT NULL,
    "responsibleHospitalId" TEXT NOT NULL,
    "responsibleClinicianId" TEXT,
    "teamId" TEXT,
    "state" "CtoState" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedAt" TIMESTAMPTZ(3),
    "effectiveAt" TIMESTAMPTZ(3),
    "madeOn" DATE,
    "currentExpiryDate" DATE,
    "currentExpiryAlternative" DATE,
    "currentPeriodIndex" INTEGER,
    "endedAt" TIMESTAMPTZ(3),
    "endedOn" DATE,
    "endReason" "CtoEndReason",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CommunityTreatmentOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CtoPeriod" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "months" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "alternativeEndDate" DATE,
    "source" "CtoPeriodSource" NOT NULL,
    "extensionId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "CtoPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatutoryForm" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "orderId" TEXT,
    "type" "StatutoryFormType" NOT NULL,
    "facts" JSONB NOT NULL,
    "signedById" TEXT,
    "signedAt" TIMESTAMPTZ(3),
    "furnishedAt" TIMESTAMPTZ(3),
    "receivedAt" TIMESTAMPTZ(3),
    "receivedById" TEXT,
    "scrutinyOutcome" "FormScrutinyOutcome" NOT NULL DEFAULT 'PENDING',
    "scrutinisedAt" TIMESTAMPTZ(3),
    "scrutinisedById" TEXT,
    "scrutinyNotes" TEXT,
    "supersedesId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorReason" TEXT,

    CONSTRAINT "StatutoryForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CtoEvent" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "type" "CtoEventType" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT,
    "formId" TEXT,
    "stateBefore" "CtoState",
    "stateAfter" "CtoState",
    "facts" JSONB NOT NULL DEFAULT '{}',
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorById" TEXT,
    "enteredInErrorReason" TEXT,

    CONSTRAINT "CtoEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AmhpAgreement" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "purpose" "AmhpAgreementPurpose" NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestedById" TEXT NOT NULL,
    "amhpId" TEXT NOT NULL,
    "decision" "AgreementDecision" NOT NULL DEFAULT 'PENDING',
    "respondedAt" TIMESTAMPTZ(3),
    "reasons" TEXT,
    "agreesToConditions" BOOLEAN,
    "extensionId" TEXT,
    "recallId" TEXT,
    "formId" TEXT,
    "enteredInErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "AmhpAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Extension" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "periodIndex" INTEGER NOT NULL,
    "expiryDate" DATE NOT NULL,
    "windowOpensOn" DATE NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "examinedOn" DATE,
    "examinedById" TEXT,
    "consultedOn" DATE,
    "consulteeName" TEXT,
    "consulteeRole" TEXT,
    "rcReasons" TEXT,
    "cto7FurnishedAt" TIMESTAMPTZ(3),
    "cto7FurnishedById" TEXT,
    "managersReceivedAt" TIMESTAMPTZ(3),
    "managersReceivedById" TEXT,
    "managersReviewDueOn" DATE,
    "managersReviewedOn" DATE,
    "managersReviewOutcome" "ManagersHearingOutcome",
    "cto7FormId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorReason" TEXT,

    CONSTRAINT "Extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Condition" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" "ConditionKind" NOT NULL,
    "category" "ConditionCategory" NOT NULL,
    "wording" TEXT NOT NULL,
    "purpose" "ConditionPurpose",
    "status" "ConditionStatus" NOT NULL DEFAULT 'ACTIVE',
    "amhpAgreed" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "supersedesId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Condition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConditionChange" (
    "id" TEXT NOT NULL,
    "conditionId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" "ConditionChangeKind" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "byId" TEXT,
    "reason" TEXT,
    "previousWording" TEXT,
    "newWording" TEXT,
    "formId" TEXT,
    "enteredInErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "ConditionChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recall" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "ground" "RecallGround" NOT NULL,
    "reasons" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "noticeSignedAt" TIMESTAMPTZ(3) NOT NULL,
    "serviceMethod" "NoticeServiceMethod" NOT NULL,
    "servedOrPostedAt" TIMESTAMPTZ(3) NOT NULL,
    "deemedServedAt" TIMESTAMPTZ(3) NOT NULL,
    "detentionBeganAt" TIMESTAMPTZ(3),
    "deadlineAt" TIMESTAMPTZ(3),
    "outcome" "RecallOutcome" NOT NULL DEFAULT 'ONGOING',
    "endedAt" TIMESTAMPTZ(3),
    "endedById" TEXT,
    "cto3FormId" TEXT,
    "cto4FormId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorReason" TEXT,

    CONSTRAINT "Recall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecallTransfer" (
    "id" TEXT NOT NULL,
    "recallId" TEXT NOT NULL,
    "fromHospitalId" TEXT NOT NULL,
    "toHospitalId" TEXT NOT NULL,
    "transferredAt" TIMESTAMPTZ(3) NOT NULL,
    "cto6FormId" TEXT,
    "recordedById" TEXT,

    CONSTRAINT "RecallTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revocation" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "recallId" TEXT NOT NULL,
    "revokedAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedOn" DATE NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "rcReasons" TEXT NOT NULL,
    "amhpAgreementId" TEXT NOT NULL,
    "cto5FormId" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Discharge" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "route" "DischargeRoute" NOT NULL,
    "orderedAt" TIMESTAMPTZ(3) NOT NULL,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedById" TEXT,
    "reasons" TEXT,
    "managersHearingId" TEXT,
    "tribunalHearingId" TEXT,
    "nrOrderId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorReason" TEXT,

    CONSTRAINT "Discharge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NearestRelativeDischargeOrder" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "nearestRelativeId" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedById" TEXT,
    "takesEffectAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "NearestRelativeOrderOutcome" NOT NULL DEFAULT 'PENDING',
    "barringReportAt" TIMESTAMPTZ(3),
    "barringReportOn" DATE,
    "barredById" TEXT,
    "barringReasons" TEXT,
    "nearestRelativeInformedOn" DATE,
    "tribunalWindowEndsOn" DATE,
    "noFurtherOrderUntil" DATE,
    "m2FormId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "NearestRelativeDischargeOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwolEpisode" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "recallId" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "returnedAt" TIMESTAMPTZ(3),
    "returnHow" "AwolReturn",
    "custodyLimitOn" DATE,
    "notes" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "AwolEpisode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponsibilityAssignment" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "fromHospitalId" TEXT NOT NULL,
    "toHospitalId" TEXT NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL,
    "cto10FormId" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResponsibilityAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DateOverride" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "computedDate" DATE,
    "overrideDate" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revertedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DateOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentCertificate" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "orderId" TEXT,
    "type" "CertificateType" NOT NULL,
    "givenOn" DATE NOT NULL,
    "certifierName" TEXT NOT NULL,
    "certifierId" TEXT,
    "treatments" TEXT NOT NULL,
    "includesEct" BOOLEAN NOT NULL DEFAULT false,
    "appliesOnRecall" BOOLEAN NOT NULL DEFAULT false,
    "onRecallTreatments" TEXT,
    "consultees" TEXT,
    "status" "CertificateStatus" NOT NULL DEFAULT 'ACTIVE',
    "endedOn" DATE,
    "endReason" "CertificateEndReason",
    "endNotes" TEXT,
    "formId" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorReason" TEXT,

    CONSTRAINT "TreatmentCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RightsInformation" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "orderId" TEXT,
    "trigger" "RightsTrigger" NOT NULL,
    "triggerEventId" TEXT,
    "dueOn" DATE,
    "givenOrallyAt" TIMESTAMPTZ(3),
    "givenInWritingAt" TIMESTAMPTZ(3),
    "understanding" "UnderstandingLevel",
    "nearestRelativeInformedAt" TIMESTAMPTZ(3),
    "patientObjectsToNearestRelativeInformed" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "givenById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "RightsInformation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialFactorAssessment" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "orderId" TEXT,
    "decisionPoint" "DecisionPoint" NOT NULL,
    "decisionEventId" TEXT,
    "assessedOn" DATE NOT NULL,
    "assessedById" TEXT NOT NULL,
    "summary" TEXT,
    "previousId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorReason" TEXT,

    CONSTRAINT "SocialFactorAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialFactorRating" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "domain" "SocialDomain" NOT NULL,
    "rating" "SocialRating" NOT NULL,
    "significance" "DecisionSignificance" NOT NULL,
    "notes" TEXT,

    CONSTRAINT "SocialFactorRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "mode" "ContactMode" NOT NULL,
    "durationMinutes" INTEGER,
    "withCarer" BOOLEAN NOT NULL DEFAULT false,
    "summary" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorReason" TEXT,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareActivity" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "contactId" TEXT,
    "kind" "CareActivityKind" NOT NULL,
    "description" TEXT NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "CareActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityOfLifeRating" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "ratedOn" DATE NOT NULL,
    "instrument" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "selfRated" BOOLEAN NOT NULL DEFAULT true,
    "items" JSONB,
    "notes" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "QualityOfLifeRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TribunalCase" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "orderId" TEXT,
    "kind" "TribunalCaseKind" NOT NULL,
    "applicant" "TribunalApplicant" NOT NULL,
    "basis" TEXT NOT NULL,
    "madeOn" DATE NOT NULL,
    "receivedOn" DATE NOT NULL,
    "documentsDueOn" DATE NOT NULL,
    "nursingReportRequired" BOOLEAN NOT NULL DEFAULT false,
    "statementSentAt" TIMESTAMPTZ(3),
    "rcReportSentAt" TIMESTAMPTZ(3),
    "socialCircumstancesSentAt" TIMESTAMPTZ(3),
    "nursingReportSentAt" TIMESTAMPTZ(3),
    "paperDecisionRequested" BOOLEAN NOT NULL DEFAULT false,
    "status" "TribunalCaseStatus" NOT NULL DEFAULT 'OPEN',
    "withdrawnOn" DATE,
    "tribunalReference" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "TribunalCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TribunalHearing" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "scheduledAt" TIMESTAMPTZ(3) NOT NULL,
    "heldOn" DATE,
    "outcome" "HearingOutcome",
    "decisionOn" DATE,
    "deferredToOn" DATE,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TribunalHearing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManagersHearing" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "orderId" TEXT,
    "extensionId" TEXT,
    "reason" "ManagersHearingReason" NOT NULL,
    "scheduledAt" TIMESTAMPTZ(3) NOT NULL,
    "heldOn" DATE,
    "panel" TEXT,
    "outcome" "ManagersHearingOutcome",
    "decisionOn" DATE,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManagersHearing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GeneratedDocument" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "orderId" TEXT,
    "kind" "DocumentKind" NOT NULL,
    "formType" "StatutoryFormType",
    "documentKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GeneratedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "orderId" TEXT,
    "teamId" TEXT,
    "kind" "DeadlineKind" NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "opensOn" DATE,
    "alternativeDueOn" DATE,
    "basis" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "inputs" JSONB NOT NULL,
    "status" "DeadlineStatus" NOT NULL DEFAULT 'OPEN',
    "ownerRole" "Role",
    "ownerId" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "sourceEventId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL DEFAULT 'IN_APP',
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "externalId" TEXT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lockedAt" TIMESTAMPTZ(3),
    "lockedBy" TEXT,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreakGlassAccess" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,
    "reviewNotes" TEXT,

    CONSTRAINT "BreakGlassAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "userEmail" TEXT,
    "roles" TEXT[],
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "patientId" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "reason" TEXT,
    "breakGlassId" TEXT,
    "requestId" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "route" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "chainSeq" BIGINT,
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Trust_odsCode_key" ON "Trust"("odsCode");

-- CreateIndex
CREATE UNIQUE INDEX "Hospital_siteCode_key" ON "Hospital"("siteCode");

-- CreateIndex
CREATE INDEX "Hospital_trustId_idx" ON "Hospital"("trustId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_code_key" ON "Team"("code");

-- CreateIndex
CREATE INDEX "Team_trustId_idx" ON "Team"("trustId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");

-- CreateIndex
CREATE INDEX "UserRole_userId_revokedAt_idx" ON "UserRole"("userId", "revokedAt");

-- CreateIndex
CREATE INDEX "TeamMembership_userId_endedOn_idx" ON "TeamMembership"("userId", "endedOn");

-- CreateIndex
CREATE INDEX "TeamMembership_teamId_endedOn_idx" ON "TeamMembership"("teamId", "endedOn");

-- CreateIndex
CREATE INDEX "UserSession_userId_revokedAt_idx" ON "UserSession"("userId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_nhsNumber_key" ON "Patient"("nhsNumber");

-- CreateIndex
CREATE INDEX "Patient_searchName_idx" ON "Patient"("searchName");

-- CreateIndex
CREATE INDEX "Patient_familyName_givenName_idx" ON "Patient"("familyName", "givenName");

-- CreateIndex
CREATE INDEX "Patient_currentTeamId_idx" ON "Patient"("currentTeamId");

-- CreateIndex
CREATE INDEX "Patient_dateOfBirth_idx" ON "Patient"("dateOfBirth");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_trustId_localId_key" ON "Patient"("trustId", "localId");

-- CreateIndex
CREATE INDEX "PatientTeamAllocation_patientId_endedOn_idx" ON "PatientTeamAllocation"("patientId", "endedOn");

-- CreateIndex
CREATE INDEX "PatientTeamAllocation_teamId_endedOn_idx" ON "PatientTeamAllocation"("teamId", "endedOn");

-- CreateIndex
CREATE INDEX "StaffAssignment_patientId_kind_endedOn_idx" ON "StaffAssignment"("patientId", "kind", "endedOn");

-- CreateIndex
CREATE INDEX "StaffAssignment_userId_endedOn_idx" ON "StaffAssignment"("userId", "endedOn");

-- CreateIndex
CREATE INDEX "NearestRelative_patientId_endedOn_idx" ON "NearestRelative"("patientId", "endedOn");

-- CreateIndex
CREATE INDEX "NearestRelativeEvent_patientId_occurredAt_idx" ON "NearestRelativeEvent"("patientId", "occurredAt");

-- CreateIndex
CREATE INDEX "AdvanceDecision_patientId_idx" ON "AdvanceDecision"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "LegalStatusPeriod_revokedOrderId_key" ON "LegalStatusPeriod"("revokedOrderId");

-- CreateIndex
CREATE INDEX "LegalStatusPeriod_patientId_startDate_idx" ON "LegalStatusPeriod"("patientId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "DetentionPeriod_legalStatusPeriodId_index_key" ON "DetentionPeriod"("legalStatusPeriodId", "index");

-- CreateIndex
CREATE INDEX "CommunityTreatmentOrder_patientId_idx" ON "CommunityTreatmentOrder"("patientId");

-- CreateIndex
CREATE INDEX "CommunityTreatmentOrder_state_teamId_idx" ON "CommunityTreatmentOrder"("state", "teamId");

-- CreateIndex
CREATE INDEX "CommunityTreatmentOrder_teamId_state_currentExpiryDate_idx" ON "CommunityTreatmentOrder"("teamId", "state", "currentExpiryDate");

-- CreateIndex
CREATE INDEX "CommunityTreatmentOrder_currentExpiryDate_idx" ON "CommunityTreatmentOrder"("currentExpiryDate");

-- CreateIndex
CREATE INDEX "CommunityTreatmentOrder_responsibleClinicianId_state_idx" ON "CommunityTreatmentOrder"("responsibleClinicianId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "CtoPeriod_extensionId_key" ON "CtoPeriod"("extensionId");

-- CreateIndex
CREATE INDEX "CtoPeriod_orderId_index_idx" ON "CtoPeriod"("orderId", "index");

-- CreateIndex
CREATE INDEX "StatutoryForm_orderId_type_idx" ON "StatutoryForm"("orderId", "type");

-- CreateIndex
CREATE INDEX "StatutoryForm_patientId_idx" ON "StatutoryForm"("patientId");

-- CreateIndex
CREATE INDEX "StatutoryForm_scrutinyOutcome_createdAt_idx" ON "StatutoryForm"("scrutinyOutcome", "createdAt");

-- CreateIndex
CREATE INDEX "CtoEvent_orderId_occurredAt_idx" ON "CtoEvent"("orderId", "occurredAt");

-- CreateIndex
CREATE INDEX "CtoEvent_patientId_occurredAt_idx" ON "CtoEvent"("patientId", "occurredAt");

-- CreateIndex
CREATE INDEX "CtoEvent_type_occurredAt_idx" ON "CtoEvent"("type", "occurredAt");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE INDEX "AmhpAgreement_amhpId_decision_idx" ON "AmhpAgreement"("amhpId", "decision");

-- CreateIndex
CREATE INDEX "AmhpAgreement_orderId_purpose_idx" ON "AmhpAgreement"("orderId", "purpose");

-- CreateIndex
CREATE INDEX "Extension_orderId_status_idx" ON "Extension"("orderId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Condition_supersedesId_key" ON "Condition"("supersedesId");

-- CreateIndex
CREATE INDEX "Condition_orderId_status_idx" ON "Condition"("orderId", "status");

-- CreateIndex
CREATE INDEX "ConditionChange_orderId_occurredAt_idx" ON "ConditionChange"("orderId", "occurredAt");

-- CreateIndex
CREATE INDEX "ConditionChange_conditionId_idx" ON "ConditionChange"("conditionId");

-- CreateIndex
CREATE INDEX "Recall_orderId_outcome_idx" ON "Recall"("orderId", "outcome");

-- CreateIndex
CREATE INDEX "Recall_outcome_deadlineAt_idx" ON "Recall"("outcome", "deadlineAt");

-- CreateIndex
CREATE INDEX "RecallTransfer_recallId_idx" ON "RecallTransfer"("recallId");

-- CreateIndex
CREATE UNIQUE INDEX "Revocation_orderId_key" ON "Revocation"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Revocation_recallId_key" ON "Revocation"("recallId");

-- CreateIndex
CREATE UNIQUE INDEX "Revocation_amhpAgreementId_key" ON "Revocation"("amhpAgreementId");

-- CreateIndex
CREATE UNIQUE INDEX "Discharge_managersHearingId_key" ON "Discharge"("managersHearingId");

-- CreateIndex
CREATE UNIQUE INDEX "Discharge_tribunalHearingId_key" ON "Discharge"("tribunalHearingId");

-- CreateIndex
CREATE UNIQUE INDEX "Discharge_nrOrderId_key" ON "Discharge"("nrOrderId");

-- CreateIndex
CREATE INDEX "Discharge_orderId_idx" ON "Discharge"("orderId");

-- CreateIndex
CREATE INDEX "Discharge_route_effectiveAt_idx" ON "Discharge"("route", "effectiveAt");

-- CreateIndex
CREATE INDEX "NearestRelativeDischargeOrder_orderId_outcome_idx" ON "NearestRelativeDischargeOrder"("orderId", "outcome");

-- CreateIndex
CREATE INDEX "AwolEpisode_orderId_startedAt_idx" ON "AwolEpisode"("orderId", "startedAt");

-- CreateIndex
CREATE INDEX "ResponsibilityAssignment_orderId_idx" ON "ResponsibilityAssignment"("orderId");

-- CreateIndex
CREATE INDEX "DateOverride_orderId_idx" ON "DateOverride"("orderId");

-- CreateIndex
CREATE INDEX "TreatmentCertificate_patientId_status_idx" ON "TreatmentCertificate"("patientId", "status");

-- CreateIndex
CREATE INDEX "TreatmentCertificate_orderId_status_idx" ON "TreatmentCertificate"("orderId", "status");

-- CreateIndex
CREATE INDEX "RightsInformation_patientId_createdAt_idx" ON "RightsInformation"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "RightsInformation_orderId_idx" ON "RightsInformation"("orderId");

-- CreateIndex
CREATE INDEX "SocialFactorAssessment_patientId_assessedOn_idx" ON "SocialFactorAssessment"("patientId", "assessedOn");

-- CreateIndex
CREATE INDEX "SocialFactorAssessment_orderId_idx" ON "SocialFactorAssessment"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "SocialFactorRating_assessmentId_domain_key" ON "SocialFactorRating"("assessmentId", "domain");

-- CreateIndex
CREATE INDEX "Contact_patientId_occurredAt_idx" ON "Contact"("patientId", "occurredAt");

-- CreateIndex
CREATE INDEX "Contact_staffId_occurredAt_idx" ON "Contact"("staffId", "occurredAt");

-- CreateIndex
CREATE INDEX "CareActivity_patientId_startedOn_idx" ON "CareActivity"("patientId", "startedOn");

-- CreateIndex
CREATE INDEX "QualityOfLifeRating_patientId_ratedOn_idx" ON "QualityOfLifeRating"("patientId", "ratedOn");

-- CreateIndex
CREATE INDEX "TribunalCase_status_documentsDueOn_idx" ON "TribunalCase"("status", "documentsDueOn");

-- CreateIndex
CREATE INDEX "TribunalCase_patientId_madeOn_idx" ON "TribunalCase"("patientId", "madeOn");

-- CreateIndex
CREATE INDEX "TribunalHearing_caseId_idx" ON "TribunalHearing"("caseId");

-- CreateIndex
CREATE INDEX "TribunalHearing_scheduledAt_idx" ON "TribunalHearing"("scheduledAt");

-- CreateIndex
CREATE INDEX "ManagersHearing_scheduledAt_idx" ON "ManagersHearing"("scheduledAt");

-- CreateIndex
CREATE INDEX "ManagersHearing_patientId_idx" ON "ManagersHearing"("patientId");

-- CreateIndex
CREATE INDEX "GeneratedDocument_patientId_createdAt_idx" ON "GeneratedDocument"("patientId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "GeneratedDocument_documentKey_version_key" ON "GeneratedDocument"("documentKey", "version");

-- CreateIndex
CREATE INDEX "Deadline_status_dueOn_idx" ON "Deadline"("status", "dueOn");

-- CreateIndex
CREATE INDEX "Deadline_teamId_status_dueOn_idx" ON "Deadline"("teamId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "Deadline_orderId_kind_status_idx" ON "Deadline"("orderId", "kind", "status");

-- CreateIndex
CREATE INDEX "Deadline_patientId_status_idx" ON "Deadline"("patientId", "status");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_processedAt_availableAt_idx" ON "OutboxMessage"("processedAt", "availableAt");

-- CreateIndex
CREATE INDEX "BreakGlassAccess_userId_patientId_expiresAt_idx" ON "BreakGlassAccess"("userId", "patientId", "expiresAt");

-- CreateIndex
CREATE INDEX "BreakGlassAccess_reviewedAt_grantedAt_idx" ON "BreakGlassAccess"("reviewedAt", "grantedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainSeq_key" ON "AuditEvent"("chainSeq");

-- CreateIndex
CREATE INDEX "AuditEvent_patientId_occurredAt_idx" ON "AuditEvent"("patientId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_occurredAt_idx" ON "AuditEvent"("userId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_occurredAt_idx" ON "AuditEvent"("action", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- AddForeignKey
ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_trustId_fkey" FOREIGN KEY ("trustId") REFERENCES "Trust"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_trustId_fkey" FOREIGN KEY ("trustId") REFERENCES "Trust"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_trustId_fkey" FOREIGN KEY ("trustId") REFERENCES "Trust"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_currentTeamId_fkey" FOREIGN KEY ("currentTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientTeamAllocation" ADD CONSTRAINT "PatientTeamAllocation_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientTeamAllocation" ADD CONSTRAINT "PatientTeamAllocation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAssignment" ADD CONSTRAINT "StaffAssignment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAssignment" ADD CONSTRAINT "StaffAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NearestRelative" ADD CONSTRAINT "NearestRelative_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NearestRelativeEvent" ADD CONSTRAINT "NearestRelativeEvent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NearestRelativeEvent" ADD CONSTRAINT "NearestRelativeEvent_nearestRelativeId_fkey" FOREIGN KEY ("nearestRelativeId") REFERENCES "NearestRelative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvanceDecision" ADD CONSTRAINT "AdvanceDecision_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalStatusPeriod" ADD CONSTRAINT "LegalStatusPeriod_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalStatusPeriod" ADD CONSTRAINT "LegalStatusPeriod_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalStatusPeriod" ADD CONSTRAINT "LegalStatusPeriod_revokedOrderId_fkey" FOREIGN KEY ("revokedOrderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetentionPeriod" ADD CONSTRAINT "DetentionPeriod_legalStatusPeriodId_fkey" FOREIGN KEY ("legalStatusPeriodId") REFERENCES "LegalStatusPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityTreatmentOrder" ADD CONSTRAINT "CommunityTreatmentOrder_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityTreatmentOrder" ADD CONSTRAINT "CommunityTreatmentOrder_legalStatusPeriodId_fkey" FOREIGN KEY ("legalStatusPeriodId") REFERENCES "LegalStatusPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityTreatmentOrder" ADD CONSTRAINT "CommunityTreatmentOrder_responsibleHospitalId_fkey" FOREIGN KEY ("responsibleHospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityTreatmentOrder" ADD CONSTRAINT "CommunityTreatmentOrder_responsibleClinicianId_fkey" FOREIGN KEY ("responsibleClinicianId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityTreatmentOrder" ADD CONSTRAINT "CommunityTreatmentOrder_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CtoPeriod" ADD CONSTRAINT "CtoPeriod_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CtoPeriod" ADD CONSTRAINT "CtoPeriod_extensionId_fkey" FOREIGN KEY ("extensionId") REFERENCES "Extension"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatutoryForm" ADD CONSTRAINT "StatutoryForm_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatutoryForm" ADD CONSTRAINT "StatutoryForm_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CtoEvent" ADD CONSTRAINT "CtoEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CtoEvent" ADD CONSTRAINT "CtoEvent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CtoEvent" ADD CONSTRAINT "CtoEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmhpAgreement" ADD CONSTRAINT "AmhpAgreement_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmhpAgreement" ADD CONSTRAINT "AmhpAgreement_amhpId_fkey" FOREIGN KEY ("amhpId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmhpAgreement" ADD CONSTRAINT "AmhpAgreement_extensionId_fkey" FOREIGN KEY ("extensionId") REFERENCES "Extension"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmhpAgreement" ADD CONSTRAINT "AmhpAgreement_recallId_fkey" FOREIGN KEY ("recallId") REFERENCES "Recall"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Condition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConditionChange" ADD CONSTRAINT "ConditionChange_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConditionChange" ADD CONSTRAINT "ConditionChange_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recall" ADD CONSTRAINT "Recall_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recall" ADD CONSTRAINT "Recall_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecallTransfer" ADD CONSTRAINT "RecallTransfer_recallId_fkey" FOREIGN KEY ("recallId") REFERENCES "Recall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecallTransfer" ADD CONSTRAINT "RecallTransfer_fromHospitalId_fkey" FOREIGN KEY ("fromHospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecallTransfer" ADD CONSTRAINT "RecallTransfer_toHospitalId_fkey" FOREIGN KEY ("toHospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revocation" ADD CONSTRAINT "Revocation_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revocation" ADD CONSTRAINT "Revocation_recallId_fkey" FOREIGN KEY ("recallId") REFERENCES "Recall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revocation" ADD CONSTRAINT "Revocation_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discharge" ADD CONSTRAINT "Discharge_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discharge" ADD CONSTRAINT "Discharge_managersHearingId_fkey" FOREIGN KEY ("managersHearingId") REFERENCES "ManagersHearing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discharge" ADD CONSTRAINT "Discharge_tribunalHearingId_fkey" FOREIGN KEY ("tribunalHearingId") REFERENCES "TribunalHearing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discharge" ADD CONSTRAINT "Discharge_nrOrderId_fkey" FOREIGN KEY ("nrOrderId") REFERENCES "NearestRelativeDischargeOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NearestRelativeDischargeOrder" ADD CONSTRAINT "NearestRelativeDischargeOrder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NearestRelativeDischargeOrder" ADD CONSTRAINT "NearestRelativeDischargeOrder_nearestRelativeId_fkey" FOREIGN KEY ("nearestRelativeId") REFERENCES "NearestRelative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwolEpisode" ADD CONSTRAINT "AwolEpisode_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwolEpisode" ADD CONSTRAINT "AwolEpisode_recallId_fkey" FOREIGN KEY ("recallId") REFERENCES "Recall"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibilityAssignment" ADD CONSTRAINT "ResponsibilityAssignment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibilityAssignment" ADD CONSTRAINT "ResponsibilityAssignment_fromHospitalId_fkey" FOREIGN KEY ("fromHospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibilityAssignment" ADD CONSTRAINT "ResponsibilityAssignment_toHospitalId_fkey" FOREIGN KEY ("toHospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DateOverride" ADD CONSTRAINT "DateOverride_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentCertificate" ADD CONSTRAINT "TreatmentCertificate_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentCertificate" ADD CONSTRAINT "TreatmentCertificate_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsInformation" ADD CONSTRAINT "RightsInformation_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsInformation" ADD CONSTRAINT "RightsInformation_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialFactorAssessment" ADD CONSTRAINT "SocialFactorAssessment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialFactorAssessment" ADD CONSTRAINT "SocialFactorAssessment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialFactorRating" ADD CONSTRAINT "SocialFactorRating_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "SocialFactorAssessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareActivity" ADD CONSTRAINT "CareActivity_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareActivity" ADD CONSTRAINT "CareActivity_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityOfLifeRating" ADD CONSTRAINT "QualityOfLifeRating_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TribunalCase" ADD CONSTRAINT "TribunalCase_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TribunalCase" ADD CONSTRAINT "TribunalCase_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TribunalHearing" ADD CONSTRAINT "TribunalHearing_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "TribunalCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagersHearing" ADD CONSTRAINT "ManagersHearing_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagersHearing" ADD CONSTRAINT "ManagersHearing_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagersHearing" ADD CONSTRAINT "ManagersHearing_extensionId_fkey" FOREIGN KEY ("extensionId") REFERENCES "Extension"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GeneratedDocument" ADD CONSTRAINT "GeneratedDocument_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GeneratedDocument" ADD CONSTRAINT "GeneratedDocument_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "CommunityTreatmentOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: the audit trail is append-only and hash-chained
-- (docs/decisions/005-audit-trail.md). Prisma cannot express triggers.
-- ---------------------------------------------------------------------------

-- The canonical text of an audit row that its hash covers. Unit separators keep
-- fields apart, and empty strings stand for NULLs so that positions never shift.
CREATE FUNCTION audit_event_canonical(e "AuditEvent") RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT concat_ws(E'\x1f',
    e."chainSeq"::text,
    e."id"::text,
    to_char(e."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(e."userId", ''),
    coalesce(e."userEmail", ''),
    array_to_string(e."roles", ','),
    e."action",
    coalesce(e."entityType", ''),
    coalesce(e."entityId", ''),
    coalesce(e."patientId", ''),
    e."outcome"::text,
    coalesce(e."reason", ''),
    coalesce(e."breakGlassId", ''),
    coalesce(e."requestId", ''),
    coalesce(e."ipAddress", ''),
    coalesce(e."userAgent", ''),
    coalesce(e."route", ''),
    e."metadata"::text)
$$;

-- Links each new row to the previous one. The advisory lock (held to the end of the
-- transaction) puts concurrent writers in a single chain order, recorded in chainSeq.
CREATE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(727011983);
  SELECT "chainSeq", "hash" INTO last_seq, last_hash
    FROM "AuditEvent" WHERE "chainSeq" IS NOT NULL
    ORDER BY "chainSeq" DESC LIMIT 1;
  NEW."chainSeq" := coalesce(last_seq, 0) + 1;
  NEW."prevHash" := coalesce(last_hash, repeat('0', 64));
  NEW."hash" := encode(sha256(convert_to(NEW."prevHash" || E'\x1e' || audit_event_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail is append-only: % on "AuditEvent" is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
