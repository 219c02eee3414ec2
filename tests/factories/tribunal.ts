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
import { appendOrderEvent, type OrderHandle } from './order';

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

/**
 * Inserts the case. With the order's handle, the order's log also gets TRIBUNAL_CASE_OPENED on
 * the day the reference was made or the application received (C7 trigger).
 */
export async function createTribunalCase(
  db: FactoryDb,
  input: TribunalCaseInput,
  order?: OrderHandle,
): Promise<string> {
  const data = buildTribunalCase({ ...input, orderId: input.orderId ?? order?.id ?? null });
  await db.tribunalCase.create({ data });
  if (order) {
    const receivedOn = input.receivedOn ?? input.madeOn;
    await appendOrderEvent(db, order, 'TRIBUNAL_CASE_OPENED', londonTime(receivedOn, 9, 0), {
      facts: {
        tribunalCaseId: data.id as string,
        kind: data.kind,
        applicant: data.applicant ?? null,
        basis: data.basis,
        receivedOn,
      },
    });
  }
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

/**
 * Inserts the hearing. With the order's handle, a hearing that considered the case and did not
 * discharge also goes in the order's log as TRIBUNAL_HEARING_HELD (it restarts the s68(6) clock).
 */
export async function createTribunalHearing(
  db: FactoryDb,
  input: TribunalHearingInput,
  order?: OrderHandle,
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
  if (order && input.heldOn && input.outcome === 'NOT_DISCHARGED') {
    await appendOrderEvent(db, order, 'TRIBUNAL_HEARING_HELD', londonTime(input.heldOn, 16, 0), {
      facts: { tribunalHearingId: id, tribunalCaseId: input.caseId, consideredOn: input.heldOn },
    });
  }
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
  panelMembers?: string[];
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
      // s23(4): a hearing held has at least three members (a CHECK in the database).
      panelMembers:
        input.panelMembers ??
        (input.heldOn ? ['Panel Member A', 'Panel Member B', 'Panel Member C'] : []),
      outcome: input.outcome ?? null,
      decisionOn: toDbDateOrNull(input.heldOn),
      notes: input.notes ?? null,
    },
  });
  return id;
}
