/**
 * Recomputes the stored Deadline rows of orders from their facts (architecture: never store a
 * computed deadline without its inputs; recompute on every change). The OPEN rows of an order are
 * replaced in one go; DONE and CANCELLED rows are history and stay.
 *
 * Not marked 'server-only' because the seed (plain Node) calls recomputeAllDeadlines; it is only
 * ever imported by server code.
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/server/db';
import {
  fromDbDate,
  fromDbDateOrNull,
  londonDateOf,
  toDbDate,
  type IsoDate,
} from '@/lib/server/dates';
import {
  computeOrderDeadlines,
  type ComputeOptions,
  type DeadlineValue,
  type OrderDeadlineFacts,
  type RightsTriggerKind,
} from './compute-order-deadlines';

export type DbClient = Db | Tx;

/** The events that oblige s132A/s132 information, and which kind each is. */
export const TRIGGER_EVENT_KINDS = {
  MAKE: 'MAKING',
  FURNISH_CTO7: 'EXTENSION',
  DETENTION_BEGINS: 'RECALL',
  REVOKE: 'REVOCATION',
} as const satisfies Record<string, RightsTriggerKind>;

const orderInclude = {
  patient: {
    select: {
      dateOfBirth: true,
      staffAssignments: {
        where: { kind: 'CARE_COORDINATOR', endedOn: null },
        orderBy: { startedOn: 'desc' },
        select: { userId: true },
      },
      tribunalCases: {
        where: { enteredInErrorAt: null },
        include: { hearings: { select: { heldOn: true, outcome: true } } },
      },
    },
  },
  legalStatusPeriod: {
    select: { legalStatusCode: true, applicableDay: true, firstMedicationOn: true },
  },
  extensions: {
    where: { enteredInErrorAt: null },
    include: {
      amhpAgreements: { where: { enteredInErrorAt: null }, select: { decision: true } },
    },
  },
  recalls: {
    where: { enteredInErrorAt: null },
    select: { id: true, outcome: true, detentionBeganAt: true, deadlineAt: true },
  },
  certificates: {
    where: { enteredInErrorAt: null },
    select: { id: true, type: true, status: true, givenOn: true, endedOn: true },
  },
  rightsInformation: {
    where: { enteredInErrorAt: null },
    select: { trigger: true, triggerEventId: true, givenOrallyAt: true, givenInWritingAt: true },
  },
  events: {
    where: {
      enteredInErrorAt: null,
      type: { in: ['MAKE', 'FURNISH_CTO7', 'DETENTION_BEGINS', 'REVOKE'] },
    },
    select: { id: true, type: true, occurredAt: true, recordedAt: true, facts: true },
  },
  nrOrders: {
    where: { enteredInErrorAt: null },
    select: {
      id: true,
      receivedAt: true,
      takesEffectAt: true,
      outcome: true,
      barringReportOn: true,
    },
  },
  revocation: {
    select: { revokedOn: true, revokedAt: true, amhpAgreementId: true, createdAt: true },
  },
  awolEpisodes: {
    where: { enteredInErrorAt: null },
    select: { id: true, startedAt: true, returnedAt: true },
  },
  periods: {
    where: { source: 'AWOL_EXTENSION', enteredInErrorAt: null },
    select: { createdAt: true },
  },
  revocationDetention: {
    select: {
      legalStatusCode: true,
      endDate: true,
      expiryDate: true,
      enteredInErrorAt: true,
      detentionPeriods: true,
    },
  },
} satisfies Prisma.CommunityTreatmentOrderInclude;

type LoadedOrder = Prisma.CommunityTreatmentOrderGetPayload<{ include: typeof orderInclude }>;

/** Stored rows -> the plain facts the pure computation reads. */
export function toDeadlineFacts(order: LoadedOrder): OrderDeadlineFacts {
  const detention = order.revocationDetention;
  return {
    orderId: order.id,
    patientId: order.patientId,
    teamId: order.teamId,
    state: order.state,
    responsibleClinicianId: order.responsibleClinicianId,
    careCoordinatorId: order.patient.staffAssignments[0]?.userId ?? null,
    patientDateOfBirth: fromDbDate(order.patient.dateOfBirth),
    madeOn: fromDbDateOrNull(order.madeOn),
    currentExpiryDate: fromDbDateOrNull(order.currentExpiryDate),
    currentExpiryAlternative: fromDbDateOrNull(order.currentExpiryAlternative),
    currentPeriodIndex: order.currentPeriodIndex,
    underlying: {
      legalStatusCode: order.legalStatusPeriod.legalStatusCode,
      applicableDay: fromDbDateOrNull(order.legalStatusPeriod.applicableDay),
      firstMedicationOn: fromDbDateOrNull(order.legalStatusPeriod.firstMedicationOn),
    },
    extensions: order.extensions.map((e) => ({
      id: e.id,
      periodIndex: e.periodIndex,
      expiryDate: fromDbDate(e.expiryDate),
      status: e.status,
      examinedOn: fromDbDateOrNull(e.examinedOn),
      amhpAgreed: e.amhpAgreements.some((a) => a.decision === 'AGREED'),
      cto7FurnishedAt: e.cto7FurnishedAt,
      managersReviewedOn: fromDbDateOrNull(e.managersReviewedOn),
    })),
    recalls: order.recalls,
    certificates: order.certificates.map((c) => ({
      id: c.id,
      type: c.type,
      status: c.status,
      givenOn: fromDbDate(c.givenOn),
      endedOn: fromDbDateOrNull(c.endedOn),
    })),
    rightsTriggers: order.events.flatMap((e) => {
      const kind = TRIGGER_EVENT_KINDS[e.type as keyof typeof TRIGGER_EVENT_KINDS];
      if (!kind) return [];
      const imported = typeof e.facts === 'object' && e.facts !== null && 'imported' in e.facts;
      return [
        {
          eventId: e.id,
          kind,
          occurredOn: londonDateOf(e.occurredAt),
          importedOn: imported ? londonDateOf(e.recordedAt) : null,
        },
      ];
    }),
    rightsRecords: order.rightsInformation,
    tribunalCases: order.patient.tribunalCases.map((c) => ({
      id: c.id,
      orderId: c.orderId,
      kind: c.kind,
      basis: c.basis,
      madeOn: fromDbDate(c.madeOn),
      receivedOn: fromDbDate(c.receivedOn),
      status: c.status,
      nursingReportRequired: c.nursingReportRequired,
      statementSent: c.statementSentAt !== null,
      rcReportSent: c.rcReportSentAt !== null,
      socialCircumstancesSent: c.socialCircumstancesSentAt !== null,
      nursingReportSent: c.nursingReportSentAt !== null,
      consideredOn: c.hearings
        .filter((h) => h.heldOn !== null && h.outcome !== 'WITHDRAWN' && h.outcome !== 'ADJOURNED')
        .map((h) => fromDbDate(h.heldOn as Date)),
    })),
    nearestRelativeOrders: order.nrOrders.map((nr) => ({
      id: nr.id,
      receivedAt: nr.receivedAt,
      takesEffectAt: nr.takesEffectAt,
      outcome: nr.outcome,
      barringReportOn: fromDbDateOrNull(nr.barringReportOn),
    })),
    revocation: order.revocation
      ? {
          revokedOn: fromDbDate(order.revocation.revokedOn),
          revokedAt: order.revocation.revokedAt,
          // Only a revocation imported from the register has no AMHP agreement (decision 813).
          importedOn:
            order.revocation.amhpAgreementId === null
              ? londonDateOf(order.revocation.createdAt)
              : null,
        }
      : null,
    awolEpisodes: order.awolEpisodes,
    cto8FurnishedAt: order.periods.map((p) => p.createdAt),
    revocationDetention:
      detention && detention.enteredInErrorAt === null
        ? {
            legalStatusCode: detention.legalStatusCode,
            ended: detention.endDate !== null,
            expiryDate: fromDbDateOrNull(detention.expiryDate),
            periods: detention.detentionPeriods.map((p) => ({
              index: p.index,
              months: p.months,
              startDate: fromDbDate(p.startDate),
              endDate: fromDbDate(p.endDate),
              alternativeEndDate: fromDbDateOrNull(p.alternativeEndDate),
            })),
          }
        : null,
  };
}

/** One computed deadline as the row stored for it. */
export function deadlineRow(
  facts: OrderDeadlineFacts,
  value: DeadlineValue,
): Prisma.DeadlineCreateManyInput {
  return {
    patientId: facts.patientId,
    orderId: facts.orderId,
    teamId: facts.teamId,
    kind: value.kind,
    title: value.title,
    dueOn: toDbDate(value.dueOn),
    dueAt: value.dueAt ?? null,
    opensOn: value.opensOn ? toDbDate(value.opensOn) : null,
    alternativeDueOn: value.alternativeDueOn ? toDbDate(value.alternativeDueOn) : null,
    basis: value.basis,
    explanation: value.explanation,
    inputs: value.inputs,
    status: 'OPEN',
    ownerRole: value.ownerRole,
    ownerId: value.ownerId,
    sourceEventId: value.sourceEventId ?? null,
  };
}

async function replaceOpenDeadlines(
  tx: DbClient,
  orders: readonly LoadedOrder[],
  today: IsoDate,
  now: Date,
  options: ComputeOptions,
): Promise<number> {
  const rows = orders.flatMap((order) => {
    const facts = toDeadlineFacts(order);
    return computeOrderDeadlines(facts, today, now, options).map((v) => deadlineRow(facts, v));
  });
  await tx.deadline.deleteMany({
    where: { orderId: { in: orders.map((o) => o.id) }, status: 'OPEN' },
  });
  if (rows.length > 0) await tx.deadline.createMany({ data: rows });
  return rows.length;
}

/**
 * Replaces the order's OPEN deadlines with a freshly computed set. Call it inside the
 * transaction that changed the order. Returns the values written.
 */
export async function recomputeOrderDeadlines(
  tx: DbClient,
  orderId: string,
  today: IsoDate,
  now: Date,
  options: ComputeOptions = {},
): Promise<DeadlineValue[]> {
  const order = await tx.communityTreatmentOrder.findUnique({
    where: { id: orderId },
    include: orderInclude,
  });
  if (!order) throw new Error(`Community treatment order ${orderId} not found.`);
  const values = computeOrderDeadlines(toDeadlineFacts(order), today, now, options);
  await replaceOpenDeadlines(tx, [order], today, now, options);
  return values;
}

/**
 * Replaces the OPEN deadlines of the given orders, in batches, inside the caller's transaction
 * (a register import makes thousands of orders at once). Returns the number of rows written.
 */
export async function recomputeDeadlinesForOrders(
  tx: DbClient,
  orderIds: readonly string[],
  today: IsoDate,
  now: Date,
  options: ComputeOptions = {},
): Promise<number> {
  let written = 0;
  for (let i = 0; i < orderIds.length; i += BATCH) {
    const orders = await tx.communityTreatmentOrder.findMany({
      where: { id: { in: orderIds.slice(i, i + BATCH) } },
      include: orderInclude,
    });
    written += await replaceOpenDeadlines(tx, orders, today, now, options);
  }
  return written;
}

const BATCH = 200;

function hasTransactions(db: DbClient): db is Db {
  return '$transaction' in db && typeof db.$transaction === 'function';
}

/**
 * Recomputes every order's OPEN deadlines (the nightly job, and the end of the seed), in
 * batches of 200 orders, each batch in its own transaction. Returns the number of rows written.
 */
export async function recomputeAllDeadlines(
  db: DbClient,
  today: IsoDate,
  now: Date,
  options: ComputeOptions = {},
): Promise<number> {
  let written = 0;
  let cursor: string | undefined;
  for (;;) {
    const ids: { id: string }[] = await db.communityTreatmentOrder.findMany({
      select: { id: true },
      orderBy: { id: 'asc' },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (ids.length === 0) break;
    cursor = ids[ids.length - 1]?.id;
    const work = async (tx: DbClient) => {
      const orders = await tx.communityTreatmentOrder.findMany({
        where: { id: { in: ids.map((o) => o.id) } },
        include: orderInclude,
      });
      return replaceOpenDeadlines(tx, orders, today, now, options);
    };
    written += hasTransactions(db)
      ? await db.$transaction((tx) => work(tx), { timeout: 60_000, maxWait: 30_000 })
      : await work(db);
    if (ids.length < BATCH) break;
  }
  return written;
}
