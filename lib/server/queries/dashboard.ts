import 'server-only';
// Issue 8: the "whole list" under each role's bands on `/`: the care coordinator's caseload,
// the RC's orders waiting for an AMHP, the hospital managers' hearings and barring reports.
// A fixed number of queries keyed by the person's order ids (no N+1); scoped; read-audited.
import { db } from '@/lib/server/db';
import { env } from '@/lib/env';
import { fromDbDate, type IsoDate } from '@/lib/server/dates';
import { isOverdue } from '@/lib/work-items';
import { AGREEMENT_PURPOSE_LABELS } from './list-amhp-agreements';
import { audit, resolvePatientAccess, type QueryContext } from './access';
import {
  clinicianOrders,
  contactDueOn,
  coordinatorOrders,
  ENDED_STATES,
  lastContacts,
  reportsOwed,
} from './work-items';

export interface CaseloadRow {
  patientId: string;
  patientName: string;
  mine: boolean;
  orderId: string;
  state: string;
  periodEnd: IsoDate | null;
  next: { title: string; dueAt: string; basis: string } | null;
  lastContact: Date | null;
  contactDue: IsoDate | null;
  contactOverdue: boolean;
  /** How often the patient should be seen: the order's own frequency or the trust's default. */
  contactEveryDays: number;
  lastSocialReview: IsoDate | null;
  qolTrend: { latest: number; previous: number | null; maxScore: number } | null;
  rightsDue: IsoDate | null;
  reportsOwed: { report: string; dueOn: IsoDate }[];
  nextHearing: Date | null;
}

/** "My caseload": patients I coordinate first, then my team's. */
export async function getCaseload(ctx: QueryContext): Promise<CaseloadRow[]> {
  return (await getCaseloadView(ctx)).rows;
}

/**
 * The caseload as the dashboard draws it: every patient I coordinate, then the first `teamLimit`
 * of my team's (most urgent next item first; decision 861), and how many my team's are in all.
 * Only the rows drawn are read in detail.
 */
export async function getCaseloadView(
  ctx: QueryContext,
  options: { teamLimit?: number | null } = {},
): Promise<{ rows: CaseloadRow[]; teamCount: number }> {
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const access = await resolvePatientAccess(ctx, 'read:order', { includeBreakGlass: false });
  const { orders: all, mine } = await coordinatorOrders(client, ctx, access.where);
  const deadlines = await client.deadline.findMany({
    where: { orderId: { in: all.map((o) => o.id) }, status: 'OPEN' },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
    select: { orderId: true, kind: true, title: true, dueOn: true, dueAt: true, basis: true },
  });
  const firstDue = new Map<string, string>();
  for (const d of deadlines)
    if (d.orderId && !firstDue.has(d.orderId))
      firstDue.set(d.orderId, d.dueAt ? d.dueAt.toISOString() : fromDbDate(d.dueOn));
  const nameOf = (o: (typeof all)[number]) => `${o.patient.givenName} ${o.patient.familyName}`;
  const byUrgency = (a: (typeof all)[number], b: (typeof all)[number]) =>
    (firstDue.get(a.id) ?? '9999').localeCompare(firstDue.get(b.id) ?? '9999') ||
    nameOf(a).localeCompare(nameOf(b));
  const team = all.filter((o) => !mine.has(o.patientId)).sort(byUrgency);
  const limit = options.teamLimit ?? null;
  const orders = [
    ...all.filter((o) => mine.has(o.patientId)),
    ...(limit === null ? team : team.slice(0, limit)),
  ];
  const orderIds = orders.map((o) => o.id);
  const patientIds = [...new Set(orders.map((o) => o.patientId))];
  const [contacts, social, qol, cases] = await Promise.all([
    lastContacts(client, patientIds),
    client.socialFactorAssessment.groupBy({
      by: ['patientId'],
      where: { patientId: { in: patientIds }, enteredInErrorAt: null },
      _max: { assessedOn: true },
    }),
    client.qualityOfLifeRating.findMany({
      where: { patientId: { in: patientIds }, enteredInErrorAt: null },
      orderBy: [{ patientId: 'asc' }, { ratedOn: 'desc' }],
      select: { patientId: true, score: true, maxScore: true, ratedOn: true },
      take: 5000,
    }),
    client.tribunalCase.findMany({
      where: { orderId: { in: orderIds }, status: 'OPEN', enteredInErrorAt: null },
      select: {
        orderId: true,
        documentsDueOn: true,
        rcReportSentAt: true,
        socialCircumstancesSentAt: true,
        nursingReportRequired: true,
        nursingReportSentAt: true,
        hearings: {
          where: { heldOn: null, scheduledAt: { gte: now } },
          orderBy: { scheduledAt: 'asc' },
          take: 1,
          select: { scheduledAt: true },
        },
      },
    }),
  ]);
  const socialOn = new Map(social.map((s) => [s.patientId, s._max.assessedOn]));
  const qolBy = new Map<string, { score: number; maxScore: number }[]>();
  for (const r of qol) {
    const list = qolBy.get(r.patientId) ?? [];
    if (list.length < 2) list.push(r);
    qolBy.set(r.patientId, list);
  }
  const rows = orders.map((o): CaseloadRow => {
    const own = deadlines.filter((d) => d.orderId === o.id);
    const first = own[0];
    const rights = own.find((d) => d.kind === 'RIGHTS_INFORMATION');
    const last = contacts.get(o.patientId);
    const contactDue = contactDueOn(o, last, env.CONTACT_FREQUENCY_DAYS);
    const q = qolBy.get(o.patientId) ?? [];
    const ownCases = cases.filter((c) => c.orderId === o.id);
    const hearings = ownCases.flatMap((c) => c.hearings.map((h) => h.scheduledAt));
    const lastSocial = socialOn.get(o.patientId);
    return {
      patientId: o.patientId,
      patientName: `${o.patient.givenName} ${o.patient.familyName}`,
      mine: mine.has(o.patientId),
      orderId: o.id,
      state: o.state,
      periodEnd: o.currentExpiryDate ? fromDbDate(o.currentExpiryDate) : null,
      next: first
        ? {
            title: first.title,
            dueAt: first.dueAt ? first.dueAt.toISOString() : fromDbDate(first.dueOn),
            basis: first.basis,
          }
        : null,
      lastContact: last ?? null,
      contactDue,
      contactOverdue: contactDue ? isOverdue(contactDue, now) : false,
      contactEveryDays: o.contactFrequencyDays ?? env.CONTACT_FREQUENCY_DAYS,
      lastSocialReview: lastSocial ? fromDbDate(lastSocial) : null,
      qolTrend: q[0]
        ? { latest: q[0].score, previous: q[1]?.score ?? null, maxScore: q[0].maxScore }
        : null,
      rightsDue: rights ? fromDbDate(rights.dueOn) : null,
      reportsOwed: ownCases.flatMap((c) =>
        reportsOwed(c)
          .filter((r) => r.author === 'CARE_COORDINATOR')
          .map((r) => ({ report: r.report, dueOn: fromDbDate(c.documentsDueOn) })),
      ),
      nextHearing: hearings.sort((a, b) => a.getTime() - b.getTime())[0] ?? null,
    };
  });
  rows.sort(
    (a, b) =>
      Number(b.mine) - Number(a.mine) ||
      (a.next?.dueAt ?? '9999').localeCompare(b.next?.dueAt ?? '9999') ||
      a.patientName.localeCompare(b.patientName),
  );
  await audit(ctx, {
    action: 'caseload.list',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    metadata: { patientIds, count: rows.length },
  });
  return { rows, teamCount: team.length };
}

export interface WaitingForAmhp {
  patientId: string;
  patientName: string;
  orderId: string;
  purpose: string;
  requestedAt: Date;
  amhpName: string;
}

/** The RC's orders with an AMHP's agreement asked for and not yet given. */
export async function listWaitingForAmhp(ctx: QueryContext): Promise<WaitingForAmhp[]> {
  const client = ctx.client ?? db;
  const access = await resolvePatientAccess(ctx, 'read:order', { includeBreakGlass: false });
  const orders = await clinicianOrders(client, ctx, access.where);
  const byId = new Map(orders.map((o) => [o.id, o]));
  const rows = orders.length
    ? await client.amhpAgreement.findMany({
        where: { orderId: { in: [...byId.keys()] }, decision: 'PENDING', enteredInErrorAt: null },
        orderBy: { requestedAt: 'asc' },
        select: {
          orderId: true,
          purpose: true,
          requestedAt: true,
          amhp: { select: { name: true } },
        },
      })
    : [];
  const out = rows.flatMap((r) => {
    const o = byId.get(r.orderId);
    if (!o) return [];
    return {
      patientId: o.patientId,
      patientName: `${o.patient.givenName} ${o.patient.familyName}`,
      orderId: o.id,
      purpose: AGREEMENT_PURPOSE_LABELS[r.purpose] ?? r.purpose,
      requestedAt: r.requestedAt,
      amhpName: r.amhp.name,
    };
  });
  await audit(ctx, {
    action: 'amhp-waiting.list',
    outcome: 'SUCCESS',
    entityType: 'AmhpAgreement',
    metadata: { patientIds: [...new Set(out.map((o) => o.patientId))], count: out.length },
  });
  return out;
}

export interface ManagersWork {
  hearings: {
    id: string;
    patientId: string;
    patientName: string;
    reason: string;
    scheduledAt: Date;
    held: boolean;
  }[];
  barringReports: {
    id: string;
    patientId: string;
    patientName: string;
    orderId: string;
    barringReportOn: IsoDate;
    tribunalWindowEndsOn: IsoDate | null;
  }[];
}

/** Hospital managers: hearings to arrange or held without a decision, barring reports to review. */
export async function getManagersWork(ctx: QueryContext): Promise<ManagersWork> {
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const access = await resolvePatientAccess(ctx, 'read:order', { includeBreakGlass: false });
  const since = new Date(now.getTime() - 28 * 86_400_000);
  const live = { state: { notIn: [...ENDED_STATES] } };
  const [hearings, barring] = await Promise.all([
    client.managersHearing.findMany({
      where: {
        patient: access.where,
        order: live,
        OR: [{ heldOn: null }, { heldOn: { gte: since }, decisionOn: null }],
      },
      orderBy: { scheduledAt: 'asc' },
      take: 200,
      select: {
        id: true,
        patientId: true,
        reason: true,
        scheduledAt: true,
        heldOn: true,
        patient: { select: { givenName: true, familyName: true } },
      },
    }),
    client.nearestRelativeDischargeOrder.findMany({
      where: {
        outcome: 'BARRED',
        enteredInErrorAt: null,
        barringReportOn: { gte: since },
        order: { ...live, patient: access.where },
      },
      orderBy: { barringReportOn: 'desc' },
      take: 200,
      select: {
        id: true,
        orderId: true,
        barringReportOn: true,
        tribunalWindowEndsOn: true,
        order: {
          select: { patientId: true, patient: { select: { givenName: true, familyName: true } } },
        },
      },
    }),
  ]);
  const result: ManagersWork = {
    hearings: hearings.map((h) => ({
      id: h.id,
      patientId: h.patientId,
      patientName: `${h.patient.givenName} ${h.patient.familyName}`,
      reason: h.reason,
      scheduledAt: h.scheduledAt,
      held: h.heldOn !== null,
    })),
    barringReports: barring.flatMap((b) =>
      b.barringReportOn
        ? [
            {
              id: b.id,
              patientId: b.order.patientId,
              patientName: `${b.order.patient.givenName} ${b.order.patient.familyName}`,
              orderId: b.orderId,
              barringReportOn: fromDbDate(b.barringReportOn),
              tribunalWindowEndsOn: b.tribunalWindowEndsOn
                ? fromDbDate(b.tribunalWindowEndsOn)
                : null,
            },
          ]
        : [],
    ),
  };
  await audit(ctx, {
    action: 'managers-work.list',
    outcome: 'SUCCESS',
    entityType: 'ManagersHearing',
    metadata: {
      patientIds: [
        ...new Set([...result.hearings, ...result.barringReports].map((x) => x.patientId)),
      ],
    },
  });
  return result;
}

export interface QueueFilterOptions {
  teams: { id: string; name: string }[];
  hospitals: { id: string; name: string }[];
  clinicians: { id: string; name: string }[];
  coordinators: { id: string; name: string }[];
}

/** The choices for the MHA office's filters (no patient data: not read-audited). */
export async function queueFilterOptions(ctx: QueryContext): Promise<QueueFilterOptions> {
  const client = ctx.client ?? db;
  const usersWith = (role: 'RESPONSIBLE_CLINICIAN' | 'CARE_COORDINATOR') =>
    client.user.findMany({
      where: { active: true, roles: { some: { role, revokedAt: null } } },
      orderBy: { name: 'asc' },
      take: 2000,
      select: { id: true, name: true },
    });
  const [teams, hospitals, clinicians, coordinators] = await Promise.all([
    client.team.findMany({
      where: { active: true },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    client.hospital.findMany({
      where: { active: true },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    usersWith('RESPONSIBLE_CLINICIAN'),
    usersWith('CARE_COORDINATOR'),
  ]);
  return { teams, hospitals, clinicians, coordinators };
}

/** The names of the team, hospital and people a filtered queue is showing (decision 861). */
export async function queueFilterNames(
  ctx: QueryContext,
  ids: { teamId?: string; hospitalId?: string; rcId?: string; ccId?: string },
): Promise<Record<string, string>> {
  const client = ctx.client ?? db;
  const people = [ids.rcId, ids.ccId].filter((id): id is string => Boolean(id));
  const [team, hospital, users] = await Promise.all([
    ids.teamId
      ? client.team.findUnique({ where: { id: ids.teamId }, select: { id: true, name: true } })
      : null,
    ids.hospitalId
      ? client.hospital.findUnique({
          where: { id: ids.hospitalId },
          select: { id: true, name: true },
        })
      : null,
    people.length
      ? client.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } })
      : [],
  ]);
  return Object.fromEntries(
    [team, hospital, ...users].flatMap((x) => (x ? [[x.id, x.name] as const] : [])),
  );
}
