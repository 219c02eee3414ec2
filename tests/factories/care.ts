/**
 * Part 4A certificates (CTO11, CTO12), rights information (s132A), social factor assessments,
 * contacts, care activities and quality-of-life ratings.
 */
import type {
  CareActivityKind,
  CertificateEndReason,
  CertificateType,
  ContactMode,
  DecisionPoint,
  DecisionSignificance,
  Prisma,
  RightsTrigger,
  SocialDomain,
  SocialRating,
  UnderstandingLevel,
} from '@/lib/generated/prisma/client';
import { londonTime, toDbDate, toDbDateOrNull, type IsoDate } from '@/lib/server/dates';
import { newId, type FactoryDb } from './db';
import { appendOrderEvent, type OrderHandle } from './order';

// --- Treatment certificates (s64C) -----------------------------------------------------------

export interface CertificateInput {
  type: CertificateType;
  givenOn: IsoDate;
  certifierName: string;
  certifierId?: string | null;
  treatments?: string;
  includesEct?: boolean;
  appliesOnRecall?: boolean;
  onRecallTreatments?: string | null;
  consultees?: string | null;
  recordedById?: string | null;
}

/** Records the certificate, its statutory form and a CERTIFICATE_GIVEN event on the order. */
export async function giveCertificate(
  db: FactoryDb,
  order: OrderHandle,
  input: CertificateInput,
): Promise<string> {
  const at = londonTime(input.givenOn, 13, 0);
  const id = newId(at.getTime());
  const formId = newId(at.getTime());
  const treatments =
    input.treatments ??
    'BNF chapter 4.2.2 antipsychotic depot injections, within BNF limits; BNF 4.2.1 oral antipsychotics, within BNF limits.';
  await db.statutoryForm.create({
    data: {
      id: formId,
      patientId: order.patientId,
      orderId: order.id,
      type: input.type,
      facts: {
        certifierName: input.certifierName,
        treatments,
        includesEct: input.includesEct ?? false,
        appliesOnRecall: input.appliesOnRecall ?? false,
        consultees: input.consultees ?? null,
      },
      signedById: input.certifierId ?? null,
      signedAt: at,
      furnishedAt: at,
      receivedAt: at,
      scrutinyOutcome: 'VALID',
      scrutinisedAt: at,
    },
  });
  await db.treatmentCertificate.create({
    data: {
      id,
      patientId: order.patientId,
      orderId: order.id,
      type: input.type,
      givenOn: toDbDate(input.givenOn),
      certifierName: input.certifierName,
      certifierId: input.certifierId ?? null,
      treatments,
      includesEct: input.includesEct ?? false,
      appliesOnRecall: input.appliesOnRecall ?? input.type === 'CTO11',
      onRecallTreatments: input.onRecallTreatments ?? null,
      consultees: input.consultees ?? null,
      status: 'ACTIVE',
      formId,
      recordedById: input.recordedById ?? null,
    },
  });
  await appendOrderEvent(db, order, 'CERTIFICATE_GIVEN', at, {
    formId,
    recordedById: input.recordedById ?? null,
    facts: { certificateId: id, type: input.type },
  });
  return id;
}

export async function endCertificate(
  db: FactoryDb,
  order: OrderHandle,
  certificateId: string,
  input: {
    endedOn: IsoDate;
    reason: CertificateEndReason;
    notes?: string;
    recordedById?: string | null;
  },
): Promise<void> {
  await db.treatmentCertificate.update({
    where: { id: certificateId },
    data: {
      status: 'ENDED',
      endedOn: toDbDate(input.endedOn),
      endReason: input.reason,
      endNotes: input.notes ?? null,
    },
  });
  await appendOrderEvent(db, order, 'CERTIFICATE_ENDED', londonTime(input.endedOn, 16, 0), {
    recordedById: input.recordedById ?? null,
    facts: { certificateId, reason: input.reason },
  });
}

// --- Rights information (s132A) --------------------------------------------------------------

export interface RightsInformationInput {
  patientId: string;
  orderId?: string | null;
  trigger: RightsTrigger;
  triggerEventId?: string | null;
  dueOn?: IsoDate | null;
  /** Given orally and in writing at this time; null for a record of information still owed. */
  givenAt?: Date | null;
  /** Only orally so far. */
  writtenToo?: boolean;
  understanding?: UnderstandingLevel | null;
  nearestRelativeInformedAt?: Date | null;
  patientObjectsToNearestRelativeInformed?: boolean;
  notes?: string | null;
  givenById?: string | null;
}

export function buildRightsInformation(
  input: RightsInformationInput,
): Prisma.RightsInformationCreateManyInput {
  const given = input.givenAt ?? null;
  return {
    id: newId(given?.getTime()),
    patientId: input.patientId,
    orderId: input.orderId ?? null,
    trigger: input.trigger,
    triggerEventId: input.triggerEventId ?? null,
    dueOn: toDbDateOrNull(input.dueOn),
    givenOrallyAt: given,
    givenInWritingAt: given && (input.writtenToo ?? true) ? given : null,
    understanding: given ? (input.understanding ?? 'UNDERSTOOD') : null,
    nearestRelativeInformedAt: input.nearestRelativeInformedAt ?? null,
    patientObjectsToNearestRelativeInformed: input.patientObjectsToNearestRelativeInformed ?? false,
    notes: input.notes ?? null,
    givenById: given ? (input.givenById ?? null) : null,
  };
}

/**
 * Records rights information; when it was given and the order handle is passed, the order's
 * log gets a RIGHTS_INFORMATION_GIVEN event too.
 */
export async function recordRightsInformation(
  db: FactoryDb,
  input: RightsInformationInput,
  order?: OrderHandle,
): Promise<string> {
  const row = buildRightsInformation(input);
  await db.rightsInformation.create({ data: row });
  if (order && input.givenAt) {
    await appendOrderEvent(db, order, 'RIGHTS_INFORMATION_GIVEN', input.givenAt, {
      recordedById: input.givenById ?? null,
      facts: { rightsInformationId: row.id as string, trigger: input.trigger },
    });
  }
  return row.id as string;
}

// --- Social factor assessments ---------------------------------------------------------------

export const SOCIAL_DOMAINS: readonly SocialDomain[] = [
  'ACCOMMODATION',
  'RELATIONSHIPS_AND_FAMILY',
  'ACTIVITIES_AND_OCCUPATION',
  'EMPLOYMENT_AND_EDUCATION',
  'FINANCES_AND_BENEFITS',
  'SUBSTANCE_USE',
  'PHYSICAL_HEALTH',
  'ISOLATION',
  'RELATIONSHIP_WITH_CARE_TEAM',
  'CARER_INVOLVEMENT',
  'CULTURE_AND_FAITH',
];

export interface SocialRatingInput {
  domain: SocialDomain;
  rating: SocialRating;
  significance: DecisionSignificance;
  notes?: string | null;
}

export interface SocialFactorAssessmentInput {
  patientId: string;
  orderId?: string | null;
  decisionPoint: DecisionPoint;
  decisionEventId?: string | null;
  assessedOn: IsoDate;
  assessedById: string;
  summary?: string | null;
  previousId?: string | null;
  /** Defaults: every domain NO_CONCERN / NOT_RELEVANT; given ratings replace their domain. */
  ratings?: readonly SocialRatingInput[];
}

export function buildSocialFactorAssessment(input: SocialFactorAssessmentInput): {
  assessment: Prisma.SocialFactorAssessmentCreateManyInput;
  ratings: Prisma.SocialFactorRatingCreateManyInput[];
} {
  const id = newId(londonTime(input.assessedOn, 12).getTime());
  const given = new Map((input.ratings ?? []).map((r) => [r.domain, r]));
  return {
    assessment: {
      id,
      patientId: input.patientId,
      orderId: input.orderId ?? null,
      decisionPoint: input.decisionPoint,
      decisionEventId: input.decisionEventId ?? null,
      assessedOn: toDbDate(input.assessedOn),
      assessedById: input.assessedById,
      summary: input.summary ?? null,
      previousId: input.previousId ?? null,
    },
    ratings: SOCIAL_DOMAINS.map((domain) => {
      const r = given.get(domain);
      return {
        id: newId(),
        assessmentId: id,
        domain,
        rating: r?.rating ?? 'NO_CONCERN',
        significance: r?.significance ?? 'NOT_RELEVANT',
        notes: r?.notes ?? null,
      };
    }),
  };
}

/** One assessment with a rating for every one of the 11 domains. */
export async function createSocialFactorAssessment(
  db: FactoryDb,
  input: SocialFactorAssessmentInput,
): Promise<string> {
  const built = buildSocialFactorAssessment(input);
  await db.socialFactorAssessment.create({ data: built.assessment });
  await db.socialFactorRating.createMany({ data: built.ratings });
  return built.assessment.id as string;
}

// --- Contacts and care activities ------------------------------------------------------------

export interface CareActivityInput {
  kind: CareActivityKind;
  description: string;
  startedOn: IsoDate;
  endedOn?: IsoDate | null;
}

export interface ContactInput {
  patientId: string;
  staffId: string;
  occurredAt: Date;
  mode: ContactMode;
  durationMinutes?: number | null;
  withCarer?: boolean;
  summary: string;
  activities?: readonly CareActivityInput[];
}

export function buildContact(input: ContactInput): {
  contact: Prisma.ContactCreateManyInput;
  activities: Prisma.CareActivityCreateManyInput[];
} {
  const id = newId(input.occurredAt.getTime());
  return {
    contact: {
      id,
      patientId: input.patientId,
      staffId: input.staffId,
      occurredAt: input.occurredAt,
      mode: input.mode,
      durationMinutes: input.durationMinutes ?? null,
      withCarer: input.withCarer ?? false,
      summary: input.summary,
    },
    activities: (input.activities ?? []).map((a) => ({
      id: newId(input.occurredAt.getTime()),
      patientId: input.patientId,
      contactId: id,
      kind: a.kind,
      description: a.description,
      startedOn: toDbDate(a.startedOn),
      endedOn: toDbDateOrNull(a.endedOn),
      recordedById: input.staffId,
    })),
  };
}

/** Many contacts (and their care activities) in two round trips. */
export async function createContacts(
  db: FactoryDb,
  inputs: readonly ContactInput[],
): Promise<string[]> {
  const built = inputs.map((i) => buildContact(i));
  if (built.length === 0) return [];
  await db.contact.createMany({ data: built.map((b) => b.contact) });
  const activities = built.flatMap((b) => b.activities);
  if (activities.length > 0) await db.careActivity.createMany({ data: activities });
  return built.map((b) => b.contact.id as string);
}

export async function createContact(db: FactoryDb, input: ContactInput): Promise<string> {
  const [id] = await createContacts(db, [input]);
  return id as string;
}

export async function createCareActivity(
  db: FactoryDb,
  input: CareActivityInput & {
    patientId: string;
    contactId?: string | null;
    recordedById?: string | null;
  },
): Promise<string> {
  const id = newId();
  await db.careActivity.create({
    data: {
      id,
      patientId: input.patientId,
      contactId: input.contactId ?? null,
      kind: input.kind,
      description: input.description,
      startedOn: toDbDate(input.startedOn),
      endedOn: toDbDateOrNull(input.endedOn),
      recordedById: input.recordedById ?? null,
    },
  });
  return id;
}

// --- Quality of life -------------------------------------------------------------------------

export interface QualityOfLifeInput {
  patientId: string;
  ratedOn: IsoDate;
  /** Default 'ReQoL-10': ten items scored 0-4, total 0-40 (higher is better). */
  instrument?: string;
  score: number;
  maxScore?: number;
  selfRated?: boolean;
  items?: Prisma.InputJsonValue;
  notes?: string | null;
  recordedById?: string | null;
}

export function buildQualityOfLifeRating(
  input: QualityOfLifeInput,
): Prisma.QualityOfLifeRatingCreateManyInput {
  const maxScore = input.maxScore ?? 40;
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > maxScore) {
    throw new RangeError(`Score ${input.score} is outside 0-${maxScore}.`);
  }
  return {
    id: newId(londonTime(input.ratedOn, 12).getTime()),
    patientId: input.patientId,
    ratedOn: toDbDate(input.ratedOn),
    instrument: input.instrument ?? 'ReQoL-10',
    score: input.score,
    maxScore,
    selfRated: input.selfRated ?? true,
    ...(input.items === undefined ? {} : { items: input.items }),
    notes: input.notes ?? null,
    recordedById: input.recordedById ?? null,
  };
}

export async function createQualityOfLifeRatings(
  db: FactoryDb,
  inputs: readonly QualityOfLifeInput[],
): Promise<void> {
  if (inputs.length > 0) {
    await db.qualityOfLifeRating.createMany({ data: inputs.map(buildQualityOfLifeRating) });
  }
}

export async function createQualityOfLifeRating(db: FactoryDb, input: QualityOfLifeInput) {
  return db.qualityOfLifeRating.create({ data: buildQualityOfLifeRating(input) });
}
