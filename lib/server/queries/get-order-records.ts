import 'server-only';
// What the order's flow pages show beyond the OrderView (get-order.ts): condition history,
// certificates, rights information due, nearest relative orders, discharges, hospitals, AMHPs.
// Call these only with an order the reader has already been given by getOrder (which checked
// the permission and scope, and audited the read): they load by the order's id.
import { db } from '@/lib/server/db';
import type { QueryContext } from './access';

type Client = NonNullable<QueryContext['client']>;

function client(ctx: Pick<QueryContext, 'client'>): Client {
  return ctx.client ?? db;
}

export async function listConditionHistory(ctx: Pick<QueryContext, 'client'>, orderId: string) {
  const [conditions, changes] = await Promise.all([
    client(ctx).condition.findMany({
      where: { orderId },
      orderBy: [{ kind: 'desc' }, { startedAt: 'asc' }, { createdAt: 'asc' }],
    }),
    client(ctx).conditionChange.findMany({
      where: { orderId, enteredInErrorAt: null },
      orderBy: [{ occurredAt: 'desc' }],
    }),
  ]);
  const byIds = [...new Set(changes.map((c) => c.byId).filter((v): v is string => Boolean(v)))];
  const people = await client(ctx).user.findMany({
    where: { id: { in: byIds } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    conditions,
    changes: changes.map((c) => ({ ...c, byName: c.byId ? (names.get(c.byId) ?? null) : null })),
  };
}

export async function listOrderCertificates(ctx: Pick<QueryContext, 'client'>, orderId: string) {
  return client(ctx).treatmentCertificate.findMany({
    where: { orderId, enteredInErrorAt: null },
    orderBy: [{ givenOn: 'desc' }, { createdAt: 'desc' }],
  });
}

export async function listRightsRecords(ctx: Pick<QueryContext, 'client'>, orderId: string) {
  return client(ctx).rightsInformation.findMany({
    where: { orderId, enteredInErrorAt: null },
    orderBy: [{ createdAt: 'desc' }],
  });
}

export async function listOpenDeadlines(
  ctx: Pick<QueryContext, 'client'>,
  orderId: string,
  kinds?: string[],
) {
  return client(ctx).deadline.findMany({
    where: {
      orderId,
      status: 'OPEN',
      ...(kinds ? { kind: { in: kinds as never[] } } : {}),
    },
    orderBy: [{ dueOn: 'asc' }],
  });
}

export async function listNearestRelativeOrders(
  ctx: Pick<QueryContext, 'client'>,
  orderId: string,
) {
  return client(ctx).nearestRelativeDischargeOrder.findMany({
    where: { orderId, enteredInErrorAt: null },
    orderBy: [{ receivedAt: 'desc' }],
    include: { nearestRelative: { select: { name: true, relationship: true } } },
  });
}

export async function listCurrentRelatives(ctx: Pick<QueryContext, 'client'>, patientId: string) {
  return client(ctx).nearestRelative.findMany({
    where: { patientId, endedOn: null },
    orderBy: [{ startedOn: 'desc' }],
    select: { id: true, name: true, relationship: true, kind: true },
  });
}

export async function listDischarges(ctx: Pick<QueryContext, 'client'>, orderId: string) {
  return client(ctx).discharge.findMany({
    where: { orderId, enteredInErrorAt: null },
    orderBy: [{ effectiveAt: 'desc' }],
    include: { managersHearing: true, tribunalHearing: { include: { case: true } } },
  });
}

export async function listOpenTribunalCases(ctx: Pick<QueryContext, 'client'>, patientId: string) {
  return client(ctx).tribunalCase.findMany({
    where: { patientId, status: 'OPEN', enteredInErrorAt: null },
    orderBy: [{ receivedOn: 'desc' }],
    select: {
      id: true,
      kind: true,
      applicant: true,
      basis: true,
      receivedOn: true,
      tribunalReference: true,
    },
  });
}

export async function listHospitals(ctx: Pick<QueryContext, 'client'>) {
  return client(ctx).hospital.findMany({
    where: { active: true },
    orderBy: [{ name: 'asc' }],
    select: { id: true, name: true, managersName: true, underOurManagers: true },
  });
}

export async function listAssignments(ctx: Pick<QueryContext, 'client'>, orderId: string) {
  return client(ctx).responsibilityAssignment.findMany({
    where: { orderId },
    orderBy: [{ assignedAt: 'desc' }],
    include: { fromHospital: { select: { name: true } }, toHospital: { select: { name: true } } },
  });
}

/** Active AMHPs the responsible clinician may ask (no patient data). */
export async function listAmhps(ctx: Pick<QueryContext, 'client'>) {
  return client(ctx).user.findMany({
    where: { active: true, roles: { some: { role: 'AMHP', revokedAt: null } } },
    orderBy: [{ name: 'asc' }],
    select: { id: true, name: true, jobTitle: true },
  });
}

/** The patient's legal statuses that are not ended (the ones an order could be made from). */
export async function listCurrentLegalStatuses(
  ctx: Pick<QueryContext, 'client'>,
  patientId: string,
) {
  return client(ctx).legalStatusPeriod.findMany({
    where: { patientId, enteredInErrorAt: null, endDate: null },
    orderBy: [{ startDate: 'desc' }],
    select: {
      id: true,
      legalStatusCode: true,
      startDate: true,
      expiryDate: true,
      hospital: { select: { name: true } },
    },
  });
}

/** The patient's order that is proposed, agreed or made and not ended, if any. */
export async function findLiveOrder(ctx: Pick<QueryContext, 'client'>, patientId: string) {
  return client(ctx).communityTreatmentOrder.findFirst({
    where: {
      patientId,
      state: { notIn: ['DECLINED', 'REVOKED', 'DISCHARGED', 'EXPIRED', 'DIED'] },
    },
    select: { id: true, state: true },
  });
}

/** The order's latest CTO1 (its facts hold Parts 1-3). */
export async function getCto1(ctx: Pick<QueryContext, 'client'>, orderId: string) {
  return client(ctx).statutoryForm.findFirst({
    where: { orderId, type: 'CTO1', enteredInErrorAt: null },
    orderBy: [{ createdAt: 'desc' }],
    select: { id: true, facts: true, signedAt: true, signedById: true },
  });
}

export async function userNames(ctx: Pick<QueryContext, 'client'>, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((v): v is string => Boolean(v)))];
  const rows = await client(ctx).user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}
