import 'server-only';
// Issue 8: the signed-in person's due work, for the dashboards (`/`) and GET /api/v1/work-items.
//
// Statutory items are the stored OPEN Deadline rows (computed by lib/cto through
// lib/server/deadlines); a CTO8 after absence comes from lib/cto's awolAtExpiry. Four kinds are
// not statutory deadlines and are derived here: CONTACT_DUE (the order's contact frequency or the
// trust's default, decision 701), SOCIAL_REVIEW_DUE (an extension window with no social factors
// review since it opened, decision 501), AMHP_AGREEMENT_REQUESTED and REPORT_OWED.
//
// Fast at 80,000 orders (decision 703): the person's orders are found first through indexed
// predicates (RC, care coordinator, team), then every other read is keyed by those order ids or
// by (ownerRole, status, dueOn): a fixed number of queries whatever the caseload (no N+1).
// Scoped in the query; one read-audit event per call naming the patients listed.
import { awolAtExpiry } from '@/lib/cto';
import type { DeadlineKind, Role } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import { scopeFor } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { db, type Db, type Tx } from '@/lib/server/db';
import {
  addCalendarDays,
  fromDbDate,
  londonDateOf,
  toDbDate,
  type IsoDate,
} from '@/lib/server/dates';
import {
  bandOf,
  compareWorkItems,
  HORIZON_DAYS,
  isOverdue,
  type Band,
  type WorkItemKind,
} from '@/lib/work-items';
import { AccessDenied, audit, resolvePatientAccess, type QueryContext } from './access';

/** Orders that have ended: never listed (a revoked order keeps its s68(7) and detention duties). */
export const ENDED_STATES = ['DISCHARGED', 'EXPIRED', 'DIED', 'DECLINED'] as const;

/** The trust queue answers at most this many items, most urgent first (decision 703). */
export const TRUST_QUEUE_LIMIT = 1000;
const CASELOAD_TEAM_LIMIT = 300;

export interface WorkItem {
  id: string;
  kind: WorkItemKind;
  title: string;
  patientId: string;
  patientName: string;
  orderId: string | null;
  /** An ISO instant where the law counts hours, otherwise the ISO calendar day; null: no date. */
  dueAt: string | null;
  overdue: boolean;
  band: Band;
  basis: string;
  href: string;
  /** For the MHA office's filters. */
  teamId: string | null;
  hospitalId: string | null;
  rcId: string | null;
}

export interface WorkItemFilters {
  teamId?: string;
  hospitalId?: string;
  rcId?: string;
  ccId?: string;
  kind?: WorkItemKind;
}

export interface WorkItemsResult {
  items: WorkItem[];
  /** True when the trust queue was cut at TRUST_QUEUE_LIMIT. */
  truncated: boolean;
}

type Client = Db | Tx;

const DEADLINE_HREF: Partial<Record<DeadlineKind, string>> = {
  EXTENSION_WINDOW: 'extension',
  CTO_EXPIRY: 'extension',
  RECALL_72_HOURS: 'recall/release',
  DETENTION_EXPIRY: '',
  MANAGERS_REFERENCE_AFTER_REVOCATION: 'tribunal',
  CERTIFICATE_REQUIRED: 'certificates',
  TRIBUNAL_DOCUMENTS: 'tribunal',
  FIRST_MANAGERS_REFERENCE: 'tribunal',
  PERIODIC_MANAGERS_REFERENCE: 'tribunal',
  PATIENT_APPLICATION_WINDOW: 'tribunal',
  NEAREST_RELATIVE_DISCHARGE: 'nearest-relative/barring',
  NEAREST_RELATIVE_TRIBUNAL_WINDOW: 'nearest-relative',
  AWOL_EXTENDED_EXPIRY: 'extension/cto8',
  RIGHTS_INFORMATION: 'rights',
  MANAGERS_REVIEW_OF_EXTENSION: 'extension/managers',
};

function orderHref(patientId: string, orderId: string | null, route: string | undefined): string {
  if (!orderId || !route) return `/patients/${patientId}`;
  return `/patients/${patientId}/orders/${orderId}/${route}`;
}

function dueOf(dueOn: Date, dueAt: Date | null): string {
  return dueAt ? dueAt.toISOString() : fromDbDate(dueOn);
}

function nameOf(p: { givenName: string; familyName: string }): string {
  return `${p.givenName} ${p.familyName}`;
}

const orderSelect = {
  id: true,
  patientId: true,
  state: true,
  teamId: true,
  responsibleHospitalId: true,
  responsibleClinicianId: true,
  currentExpiryDate: true,
  contactFrequencyDays: true,
  madeOn: true,
  patient: { select: { givenName: true, familyName: true } },
} satisfies Prisma.CommunityTreatmentOrderSelect;

export type OrderRow = Prisma.CommunityTreatmentOrderGetPayload<{ select: typeof orderSelect }>;

const notEnded = { notIn: [...ENDED_STATES] };

/** The care coordinator's orders: mine first, then my team's (capped), none ended. */
export async function coordinatorOrders(
  client: Client,
  ctx: QueryContext,
  where: Prisma.PatientWhereInput,
): Promise<{ orders: OrderRow[]; mine: Set<string> }> {
  const assigned = await client.staffAssignment.findMany({
    where: { userId: ctx.actor.userId, kind: 'CARE_COORDINATOR', endedOn: null },
    select: { patientId: true },
  });
  const minePatients = new Set(assigned.map((a) => a.patientId));
  const [mineOrders, teamOrders] = await Promise.all([
    minePatients.size
      ? client.communityTreatmentOrder.findMany({
          where: { patientId: { in: [...minePatients] }, state: notEnded, patient: where },
          select: orderSelect,
        })
      : Promise.resolve([]),
    ctx.actor.teamIds.length
      ? client.communityTreatmentOrder.findMany({
          where: { teamId: { in: [...ctx.actor.teamIds] }, state: notEnded, patient: where },
          orderBy: [{ currentExpiryDate: 'asc' }, { id: 'asc' }],
          take: CASELOAD_TEAM_LIMIT,
          select: orderSelect,
        })
      : Promise.resolve([]),
  ]);
  const seen = new Set(mineOrders.map((o) => o.id));
  return {
    orders: [...mineOrders, ...teamOrders.filter((o) => !seen.has(o.id))],
    mine: minePatients,
  };
}

export async function clinicianOrders(
  client: Client,
  ctx: QueryContext,
  where: Prisma.PatientWhereInput,
): Promise<OrderRow[]> {
  return client.communityTreatmentOrder.findMany({
    where: { responsibleClinicianId: ctx.actor.userId, state: notEnded, patient: where },
    select: orderSelect,
  });
}

function deadlineItem(
  d: {
    id: string;
    kind: DeadlineKind;
    title: string;
    dueOn: Date;
    dueAt: Date | null;
    basis: string;
    patientId: string;
    orderId: string | null;
  },
  order: Pick<OrderRow, 'teamId' | 'responsibleHospitalId' | 'responsibleClinicianId'> & {
    patient: { givenName: string; familyName: string };
  },
  now: Date,
): WorkItem {
  const dueAt = dueOf(d.dueOn, d.dueAt);
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    patientId: d.patientId,
    patientName: nameOf(order.patient),
    orderId: d.orderId,
    dueAt,
    overdue: isOverdue(dueAt, now),
    band: bandOf({ kind: d.kind, dueAt }, now),
    basis: d.basis,
    href: orderHref(d.patientId, d.orderId, DEADLINE_HREF[d.kind]),
    teamId: order.teamId,
    hospitalId: order.responsibleHospitalId,
    rcId: order.responsibleClinicianId,
  };
}

const deadlineSelect = {
  id: true,
  kind: true,
  title: true,
  dueOn: true,
  dueAt: true,
  opensOn: true,
  basis: true,
  patientId: true,
  orderId: true,
  ownerRole: true,
} satisfies Prisma.DeadlineSelect;

/**
 * REPORT_OWED in one place (a tribunal helper is adding per-document authors in parallel): the
 * reports still to send for an open tribunal case, and who writes each. The RC writes the
 * clinical report; the care coordinator the social circumstances report and, when asked for, the
 * nursing report. Due on the case's documents date (C7, HESC Rules r32(6)).
 */
export function reportsOwed(tribunalCase: {
  rcReportSentAt: Date | null;
  socialCircumstancesSentAt: Date | null;
  nursingReportRequired: boolean;
  nursingReportSentAt: Date | null;
}): { report: string; author: 'RESPONSIBLE_CLINICIAN' | 'CARE_COORDINATOR' }[] {
  const out: { report: string; author: 'RESPONSIBLE_CLINICIAN' | 'CARE_COORDINATOR' }[] = [];
  if (!tribunalCase.rcReportSentAt)
    out.push({ report: "Responsible clinician's report", author: 'RESPONSIBLE_CLINICIAN' });
  if (!tribunalCase.socialCircumstancesSentAt)
    out.push({ report: 'Social circumstances report', author: 'CARE_COORDINATOR' });
  if (tribunalCase.nursingReportRequired && !tribunalCase.nursingReportSentAt)
    out.push({ report: 'Nursing report', author: 'CARE_COORDINATOR' });
  return out;
}

async function reportItems(
  client: Client,
  orders: Map<string, OrderRow>,
  author: 'RESPONSIBLE_CLINICIAN' | 'CARE_COORDINATOR',
  now: Date,
): Promise<WorkItem[]> {
  if (orders.size === 0) return [];
  const cases = await client.tribunalCase.findMany({
    where: { orderId: { in: [...orders.keys()] }, status: 'OPEN', enteredInErrorAt: null },
    select: {
      id: true,
      orderId: true,
      patientId: true,
      basis: true,
      documentsDueOn: true,
      rcReportSentAt: true,
      socialCircumstancesSentAt: true,
      nursingReportRequired: true,
      nursingReportSentAt: true,
    },
  });
  const out: WorkItem[] = [];
  for (const c of cases) {
    const order = orders.get(c.orderId ?? '');
    if (!order) continue;
    for (const owed of reportsOwed(c)) {
      if (owed.author !== author) continue;
      const dueAt = fromDbDate(c.documentsDueOn);
      out.push({
        id: `report:${c.id}:${owed.report}`,
        kind: 'REPORT_OWED',
        title: `${owed.report} for the tribunal (${c.basis})`,
        patientId: c.patientId,
        patientName: nameOf(order.patient),
        orderId: c.orderId,
        dueAt,
        overdue: isOverdue(dueAt, now),
        band: bandOf({ kind: 'REPORT_OWED', dueAt }, now),
        basis: 'HESC Rules r32(6); Practice Direction 2013',
        href: orderHref(c.patientId, c.orderId, 'tribunal'),
        teamId: order.teamId,
        hospitalId: order.responsibleHospitalId,
        rcId: order.responsibleClinicianId,
      });
    }
  }
  return out;
}

/** The last contact of each patient (one grouped query). */
export async function lastContacts(client: Client, patientIds: string[]) {
  if (patientIds.length === 0) return new Map<string, Date>();
  const rows = await client.contact.groupBy({
    by: ['patientId'],
    // A visit where the patient did not attend or could not be reached is not contact.
    where: {
      patientId: { in: patientIds },
      enteredInErrorAt: null,
      mode: { notIn: ['DID_NOT_ATTEND', 'NO_ACCESS'] },
    },
    _max: { occurredAt: true },
  });
  return new Map(
    rows.flatMap((r) => (r._max.occurredAt ? [[r.patientId, r._max.occurredAt]] : [])),
  );
}

/** CONTACT_DUE: the order's frequency (or the trust default) after the last contact. */
export function contactDueOn(
  order: { contactFrequencyDays: number | null; madeOn: Date | null },
  lastContact: Date | undefined,
  defaultDays: number,
): IsoDate | null {
  const from = lastContact
    ? londonDateOf(lastContact)
    : order.madeOn
      ? fromDbDate(order.madeOn)
      : null;
  if (!from) return null;
  return addCalendarDays(from, order.contactFrequencyDays ?? defaultDays);
}

function contactItems(
  orders: OrderRow[],
  last: Map<string, Date>,
  horizon: IsoDate,
  now: Date,
): WorkItem[] {
  const out: WorkItem[] = [];
  for (const o of orders) {
    if (o.state !== 'ACTIVE' && o.state !== 'AWOL' && o.state !== 'AWAITING_EFFECT') continue;
    const dueAt = contactDueOn(o, last.get(o.patientId), env.CONTACT_FREQUENCY_DAYS);
    if (!dueAt || dueAt > horizon) continue;
    const every = o.contactFrequencyDays ?? env.CONTACT_FREQUENCY_DAYS;
    out.push({
      id: `contact:${o.id}`,
      kind: 'CONTACT_DUE',
      title: `Contact due (every ${every} days)`,
      patientId: o.patientId,
      patientName: nameOf(o.patient),
      orderId: o.id,
      dueAt,
      overdue: isOverdue(dueAt, now),
      band: bandOf({ kind: 'CONTACT_DUE', dueAt }, now),
      basis: 'Care plan (Code of Practice 29.27)',
      href: `/patients/${o.patientId}/contacts/new`,
      teamId: o.teamId,
      hospitalId: o.responsibleHospitalId,
      rcId: o.responsibleClinicianId,
    });
  }
  return out;
}

/** SOCIAL_REVIEW_DUE: a renewal window open (or opening) with no social review since it opened. */
async function socialReviewItems(
  client: Client,
  orders: Map<string, OrderRow>,
  windows: { orderId: string | null; opensOn: Date | null; dueOn: Date; patientId: string }[],
  today: IsoDate,
  now: Date,
): Promise<WorkItem[]> {
  const open = windows.flatMap((w) =>
    w.orderId && w.opensOn ? [{ ...w, orderId: w.orderId, opensOn: w.opensOn }] : [],
  );
  if (open.length === 0) return [];
  const latest = await client.socialFactorAssessment.groupBy({
    by: ['orderId'],
    where: { orderId: { in: open.map((w) => w.orderId) }, enteredInErrorAt: null },
    _max: { assessedOn: true },
  });
  const lastOn = new Map(latest.map((r) => [r.orderId, r._max.assessedOn]));
  const out: WorkItem[] = [];
  for (const w of open) {
    const order = orders.get(w.orderId);
    if (!order) continue;
    const opens = fromDbDate(w.opensOn);
    const last = lastOn.get(w.orderId);
    if (last && fromDbDate(last) >= opens) continue;
    // Due before the renewal decision: by the window's last day (C3, s20A(4)).
    const dueAt = fromDbDate(w.dueOn);
    if (opens > addCalendarDays(today, 28)) continue;
    out.push({
      id: `social:${w.orderId}`,
      kind: 'SOCIAL_REVIEW_DUE',
      title: 'Review social factors before the renewal decision',
      patientId: w.patientId,
      patientName: nameOf(order.patient),
      orderId: w.orderId,
      dueAt,
      overdue: isOverdue(dueAt, now),
      band: bandOf({ kind: 'SOCIAL_REVIEW_DUE', dueAt }, now),
      basis: 's20A(4); decision 501',
      href: `/patients/${w.patientId}/social/new`,
      teamId: order.teamId,
      hospitalId: order.responsibleHospitalId,
      rcId: order.responsibleClinicianId,
    });
  }
  return out;
}

/** CTO8 after a return from absence of more than 28 days (C12, s21B), from lib/cto. */
async function cto8Items(
  client: Client,
  orders: Map<string, OrderRow>,
  now: Date,
): Promise<WorkItem[]> {
  if (orders.size === 0) return [];
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const episodes = await client.awolEpisode.findMany({
    where: {
      orderId: { in: [...orders.keys()] },
      enteredInErrorAt: null,
      returnedAt: { gte: since },
    },
    select: { id: true, orderId: true, startedAt: true, returnedAt: true },
  });
  if (episodes.length === 0) return [];
  const furnished = await client.ctoPeriod.findMany({
    where: {
      orderId: { in: episodes.map((e) => e.orderId) },
      source: 'AWOL_EXTENSION',
      enteredInErrorAt: null,
    },
    select: { orderId: true, createdAt: true },
  });
  const out: WorkItem[] = [];
  for (const e of episodes) {
    const order = orders.get(e.orderId);
    const returnedAt = e.returnedAt;
    if (!order?.currentExpiryDate || !returnedAt) continue;
    if (furnished.some((p) => p.orderId === e.orderId && p.createdAt >= returnedAt)) continue;
    const result = awolAtExpiry({
      expiry: fromDbDate(order.currentExpiryDate),
      absentFrom: londonDateOf(e.startedAt),
      returnedOn: londonDateOf(returnedAt),
    });
    if (!result.applies || !result.cto8Due) continue;
    const dueAt = result.cto8Due.date;
    out.push({
      id: `cto8:${e.id}`,
      kind: 'AWOL_EXTENDED_EXPIRY',
      title: 'Examine and furnish a CTO8 after the return from absence',
      patientId: order.patientId,
      patientName: nameOf(order.patient),
      orderId: order.id,
      dueAt,
      overdue: isOverdue(dueAt, now),
      band: bandOf({ kind: 'AWOL_EXTENDED_EXPIRY', dueAt }, now),
      basis: result.cto8Due.basis,
      href: orderHref(order.patientId, order.id, 'extension/cto8'),
      teamId: order.teamId,
      hospitalId: order.responsibleHospitalId,
      rcId: order.responsibleClinicianId,
    });
  }
  return out;
}

/** The AMHP's requests, each with its deadline (decision 704). */
async function agreementItems(client: Client, ctx: QueryContext, now: Date): Promise<WorkItem[]> {
  const access = await resolvePatientAccess(ctx, 'record:amhp-agreement', {
    includeBreakGlass: false,
  });
  const rows = await client.amhpAgreement.findMany({
    where: {
      amhpId: ctx.actor.userId,
      decision: 'PENDING',
      enteredInErrorAt: null,
      order: { patient: access.where, state: notEnded },
    },
    take: 500,
    select: {
      id: true,
      purpose: true,
      recall: { select: { deadlineAt: true } },
      extension: { select: { expiryDate: true } },
      order: {
        select: {
          ...orderSelect,
          legalStatusPeriod: { select: { expiryDate: true } },
        },
      },
    },
  });
  return rows.map((row) => {
    const due = agreementDue(row);
    const order = row.order;
    return {
      id: `agreement:${row.id}`,
      kind: 'AMHP_AGREEMENT_REQUESTED',
      title: AGREEMENT_TITLES[row.purpose] ?? 'Agreement requested',
      patientId: order.patientId,
      patientName: nameOf(order.patient),
      orderId: order.id,
      dueAt: due.dueAt,
      overdue: isOverdue(due.dueAt, now),
      band: bandOf({ kind: 'AMHP_AGREEMENT_REQUESTED', dueAt: due.dueAt }, now),
      basis: due.basis,
      href: orderHref(order.patientId, order.id, AGREEMENT_ROUTES[row.purpose]),
      teamId: order.teamId,
      hospitalId: order.responsibleHospitalId,
      rcId: order.responsibleClinicianId,
    };
  });
}

const AGREEMENT_TITLES: Record<string, string> = {
  MAKING: 'Agree (or not) to making the order (CTO1 Part 2)',
  EXTENSION: 'Agree (or not) to extending the order (CTO7 Part 2)',
  REVOCATION: 'Agree (or not) to revoking the order (CTO5 Part 2)',
  AWOL_EXTENSION: 'Agree (or not) to extending the order after absence (CTO8)',
};
const AGREEMENT_ROUTES: Record<string, string> = {
  MAKING: 'agreement',
  EXTENSION: 'extension/agreement',
  REVOCATION: 'revocation/agreement',
  AWOL_EXTENSION: 'extension/agreement',
};

/**
 * The last moment an agreement is any use (decision 704): revocation, the end of the 72 hours
 * (s17F(6)); extension, the expiry being extended (the CTO7 must be furnished in the window,
 * s20A(4)); after absence, the order's current end (s21B); making, the end of the underlying
 * detention (s17A: the patient must be liable to be detained when the order is made).
 */
export function agreementDue(row: {
  purpose: string;
  recall: { deadlineAt: Date | null } | null;
  extension: { expiryDate: Date } | null;
  order: { currentExpiryDate: Date | null; legalStatusPeriod: { expiryDate: Date | null } };
}): { dueAt: string | null; basis: string } {
  switch (row.purpose) {
    case 'REVOCATION':
      return {
        dueAt: row.recall?.deadlineAt?.toISOString() ?? null,
        basis: 's17F(4)(b), s17F(6)',
      };
    case 'EXTENSION': {
      const d = row.extension?.expiryDate ?? row.order.currentExpiryDate;
      return { dueAt: d ? fromDbDate(d) : null, basis: 's20A(4)(b), s20A(8)' };
    }
    case 'AWOL_EXTENSION': {
      const d = row.order.currentExpiryDate ?? row.extension?.expiryDate ?? null;
      return { dueAt: d ? fromDbDate(d) : null, basis: 's21B(4A)' };
    }
    default: {
      const d = row.order.legalStatusPeriod.expiryDate;
      return { dueAt: d ? fromDbDate(d) : null, basis: 's17A(4)(b)' };
    }
  }
}

function dedupe(items: WorkItem[]): WorkItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}

/** The kinds the RC and care coordinator see from the stored deadlines. */
const RC_OWNERS: Role[] = ['RESPONSIBLE_CLINICIAN'];
const CC_OWNERS: Role[] = ['CARE_COORDINATOR'];

/**
 * The signed-in person's due work (scope 'mine'), or every open deadline trust-wide for the MHA
 * office (scope 'trust', needs read:work-queue, refused and audited otherwise).
 */
export async function listWorkItems(
  ctx: QueryContext,
  options: { scope?: 'mine' | 'trust'; filters?: WorkItemFilters } = {},
): Promise<WorkItemsResult> {
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const today = londonDateOf(now);
  const horizon = addCalendarDays(today, HORIZON_DAYS);
  const roles = ctx.actor.roles;

  if (options.scope === 'trust') {
    if (scopeFor(roles, 'read:work-queue') !== 'trust') {
      await audit(ctx, {
        action: 'read:work-queue',
        outcome: 'DENIED',
        reason: 'no-permission',
        entityType: 'Deadline',
      });
      throw new AccessDenied('read:work-queue');
    }
    return trustQueue(client, ctx, options.filters ?? {}, horizon, now);
  }

  const access = await resolvePatientAccess(ctx, 'read:order', { includeBreakGlass: false });
  let items: WorkItem[] = [];

  if (roles.includes('CARE_COORDINATOR')) {
    const { orders } = await coordinatorOrders(client, ctx, access.where);
    items.push(
      ...(await personalItems(client, orders, CC_OWNERS, 'CARE_COORDINATOR', today, horizon, now)),
    );
  }
  if (roles.includes('RESPONSIBLE_CLINICIAN')) {
    const orders = await clinicianOrders(client, ctx, access.where);
    items.push(
      ...(await personalItems(
        client,
        orders,
        RC_OWNERS,
        'RESPONSIBLE_CLINICIAN',
        today,
        horizon,
        now,
      )),
    );
  }
  if (roles.includes('AMHP')) items.push(...(await agreementItems(client, ctx, now)));
  for (const role of ['MHA_ADMINISTRATOR', 'HOSPITAL_MANAGER'] as const) {
    if (!roles.includes(role)) continue;
    const rows = await client.deadline.findMany({
      where: {
        ownerRole: role,
        status: 'OPEN',
        dueOn: { lte: toDbDate(horizon) },
        order: { state: notEnded },
      },
      orderBy: [{ dueOn: 'asc' }],
      take: TRUST_QUEUE_LIMIT,
      select: { ...deadlineSelect, order: { select: orderSelect } },
    });
    items.push(...rows.flatMap((d) => (d.order ? [deadlineItem(d, d.order, now)] : [])));
  }

  items = dedupe(items).filter((i) => i.band !== 'later');
  const k = options.filters?.kind;
  if (k) items = items.filter((i) => i.kind === k);
  items.sort((a, b) => compareWorkItems(a, b, now));
  await auditList(ctx, items, 'mine');
  return { items, truncated: false };
}

async function personalItems(
  client: Client,
  orders: OrderRow[],
  owners: Role[],
  author: 'RESPONSIBLE_CLINICIAN' | 'CARE_COORDINATOR',
  today: IsoDate,
  horizon: IsoDate,
  now: Date,
): Promise<WorkItem[]> {
  const byId = new Map(orders.map((o) => [o.id, o]));
  const ids = [...byId.keys()];
  const [deadlines, last, reports, cto8] = await Promise.all([
    // Running recalls are listed for both: the care coordinator needs to know too.
    client.deadline.findMany({
      where: {
        orderId: { in: ids },
        status: 'OPEN',
        OR: [
          { ownerRole: { in: owners }, dueOn: { lte: toDbDate(horizon) } },
          { kind: 'RECALL_72_HOURS' },
          { kind: 'EXTENSION_WINDOW', opensOn: { lte: toDbDate(addCalendarDays(today, 28)) } },
        ],
      },
      orderBy: [{ dueOn: 'asc' }],
      select: deadlineSelect,
    }),
    lastContacts(client, [...new Set(orders.map((o) => o.patientId))]),
    reportItems(client, byId, author, now),
    author === 'RESPONSIBLE_CLINICIAN' ? cto8Items(client, byId, now) : Promise.resolve([]),
  ]);
  const items = deadlines
    .filter((d) => owners.includes(d.ownerRole as Role) || d.kind === 'RECALL_72_HOURS')
    .flatMap((d) => {
      const order = byId.get(d.orderId ?? '');
      return order ? [deadlineItem(d, order, now)] : [];
    });
  // An open renewal window is always shown to the RC (its band is by its last day, up to 2 months off).
  for (const item of items)
    if (item.kind === 'EXTENSION_WINDOW' && item.band === 'later') item.band = 'month';
  const windows = deadlines.filter((d) => d.kind === 'EXTENSION_WINDOW');
  const social = await socialReviewItems(client, byId, windows, today, now);
  // A CTO8 clock stored as a deadline (decision 825) is listed once: the derived one is for
  // returns recorded before it was stored.
  const storedCto8 = new Set(
    items.filter((i) => i.kind === 'AWOL_EXTENDED_EXPIRY').map((i) => i.orderId),
  );
  const derivedCto8 = cto8.filter((i) => !storedCto8.has(i.orderId));
  return [
    ...items,
    ...contactItems(orders, last, horizon, now),
    ...reports,
    ...derivedCto8,
    ...social,
  ];
}

async function trustQueue(
  client: Client,
  ctx: QueryContext,
  filters: WorkItemFilters,
  horizon: IsoDate,
  now: Date,
): Promise<WorkItemsResult> {
  const orderWhere: Prisma.CommunityTreatmentOrderWhereInput = {
    state: notEnded,
    ...(filters.teamId ? { teamId: filters.teamId } : {}),
    ...(filters.hospitalId ? { responsibleHospitalId: filters.hospitalId } : {}),
    ...(filters.rcId ? { responsibleClinicianId: filters.rcId } : {}),
    ...(filters.ccId
      ? {
          patient: {
            staffAssignments: {
              some: { userId: filters.ccId, kind: 'CARE_COORDINATOR', endedOn: null },
            },
          },
        }
      : {}),
  };
  const derived = filters.kind && !isDeadlineKind(filters.kind);
  const rows = derived
    ? []
    : await client.deadline.findMany({
        where: {
          status: 'OPEN',
          dueOn: { lte: toDbDate(horizon) },
          ...(filters.kind ? { kind: filters.kind as DeadlineKind } : {}),
          order: orderWhere,
        },
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
        take: TRUST_QUEUE_LIMIT + 1,
        select: { ...deadlineSelect, order: { select: orderSelect } },
      });
  const truncated = rows.length > TRUST_QUEUE_LIMIT;
  const items = rows
    .slice(0, TRUST_QUEUE_LIMIT)
    .flatMap((d) => (d.order ? [deadlineItem(d, d.order, now)] : []))
    .sort((a, b) => compareWorkItems(a, b, now));
  await auditList(ctx, items, 'trust');
  return { items, truncated };
}

function isDeadlineKind(kind: WorkItemKind): kind is DeadlineKind {
  return !['CONTACT_DUE', 'SOCIAL_REVIEW_DUE', 'AMHP_AGREEMENT_REQUESTED', 'REPORT_OWED'].includes(
    kind,
  );
}

async function auditList(ctx: QueryContext, items: WorkItem[], scope: string): Promise<void> {
  await audit(ctx, {
    action: 'work-items.list',
    outcome: 'SUCCESS',
    entityType: 'Deadline',
    metadata: {
      scope,
      count: items.length,
      patientIds: [...new Set(items.map((i) => i.patientId))],
    },
  });
}
