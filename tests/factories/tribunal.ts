/** Tribunal cases and hearings, and hospital managers' hearings. */
import { tribunalDocumentsDue } from '@/lib/cto';
import type {
  HearingOutcome,
  ManagersHearingOutcome,
  ManagersHearingReason,
  Prisma,
  TribunalApplicant,
  TribunalCaseKind,
  TribunalCaseStatus,
} from '@/lib/generated/prisma/client';
import { londonTime, toDbDate, toDbDateOrNull, type IsoDate } from '@/lib/server/dates';
import { newId, type FactoryDb } from './db';

export interface TribunalCaseInput {
  patientId: string;
  orderId?: string | null;
  kind?: TribunalCaseKind;
  applicant?: TribunalApplicant;
  /** e.g. 's66(1)(ca)', 's68(2)', 's68(6)', 's68(7)'. */
  basis?: string;
  madeOn: IsoDate;
  /** C7 trigger: the reference made, or the copy of the application received (default madeOn). */
  receivedOn?: IsoDate;
  nursingReportRequired?: boolean;
  statementSentAt?: Date | null;
  rcReportSentAt?: Date | null;
  socialCircumstancesSentAt?: Date | null;
  nursingReportSentAt?: Date | null;
  status?: TribunalCaseStatus;
  withdrawnOn?: IsoDate | null;
  tribunalReference?: string | null;
}

export function buildTribunalCase(input: TribunalCaseInput): Prisma.TribunalCaseCreateManyInput {
  const receivedOn = input.receivedOn ?? input.madeOn;
  const kind = input.kind ?? 'APPLICATION';
  return {
    id: newId(londonTime(receivedOn, 9).getTime()),
    patientId: input.patientId,
    orderId: input.orderId ?? null,
    kind,
    applicant: input.applicant ?? (kind === 'REFERENCE' ? 'HOSPITAL_MANAGERS' : 'PATIENT'),
    basis: input.basis ?? (kind === 'REFERENCE' ? 's68(2)' : 's66(1)(ca)'),
    madeOn: toDbDate(input.madeOn),
    receivedOn: toDbDate(receivedOn),
    documentsDueOn: toDbDate(tribunalDocumentsDue(receivedOn)),
    nursingReportRequired: input.nursingReportRequired ?? false,
    statementSentAt: input.statementSentAt ?? null,
    rcReportSentAt: input.rcReportSentAt ?? null,
    socialCircumstancesSentAt: input.socialCircumstancesSentAt ?? null,
    nursingReportSentAt: input.nursingReportSentAt ?? null,
    status: input.status ?? 'OPEN',
    withdrawnOn: toDbDateOrNull(input.withdrawnOn),
    tribunalReference: input.tribunalReference ?? null,
  };
}

export async function createTribunalCase(db: FactoryDb, input: TribunalCaseInput): Promise<string> {
  const data = buildTribunalCase(input);
  await db.tribunalCase.create({ data });
  return data.id as string;
}

export interface TribunalHearingInput {
  caseId: string;
  scheduledAt: Date;
  heldOn?: IsoDate | null;
  outcome?: HearingOutcome | null;
  decisionOn?: IsoDate | null;
  notes?: string | null;
}

export async function createTribunalHearing(
  db: FactoryDb,
  input: TribunalHearingInput,
): Promise<string> {
  const id = newId(input.scheduledAt.getTime());
  await db.tribunalHearing.create({
    data: {
      id,
      caseId: input.caseId,
      scheduledAt: input.scheduledAt,
      heldOn: toDbDateOrNull(input.heldOn),
      outcome: input.outcome ?? null,
      decisionOn: toDbDateOrNull(input.decisionOn ?? input.heldOn),
      notes: input.notes ?? null,
    },
  });
  return id;
}

export interface ManagersHearingInput {
  patientId: string;
  orderId?: string | null;
  extensionId?: string | null;
  reason: ManagersHearingReason;
  scheduledAt: Date;
  heldOn?: IsoDate | null;
  panel?: string | null;
  outcome?: ManagersHearingOutcome | null;
  notes?: string | null;
}

export async function createManagersHearing(
  db: FactoryDb,
  input: ManagersHearingInput,
): Promise<string> {
  const id = newId(input.scheduledAt.getTime());
  await db.managersHearing.create({
    data: {
      id,
      patientId: input.patientId,
      orderId: input.orderId ?? null,
      extensionId: input.extensionId ?? null,
      reason: input.reason,
      scheduledAt: input.scheduledAt,
      heldOn: toDbDateOrNull(input.heldOn),
      panel: input.panel ?? null,
      outcome: input.outcome ?? null,
      decisionOn: toDbDateOrNull(input.heldOn),
      notes: input.notes ?? null,
    },
  });
  return id;
}
