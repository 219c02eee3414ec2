// Issue 8: the dashboards' queries against hand-built scenarios. The Deadline rows are written
// by hand with dates relative to a fixed `now`, so each band is known exactly: overdue, due
// today, due in 7 days, due in 30 days, beyond 30 days; an ended order's open row is never
// listed; a North coordinator never sees a South item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadlineKind, PrismaClient, Role } from '@/lib/generated/prisma/client';
import { listWorkItems, type WorkItem } from '@/lib/server/queries/work-items';
import {
  getCaseload,
  getCaseloadView,
  getManagersWork,
  listWaitingForAmhp,
} from '@/lib/server/queries/dashboard';
import { listAmhpAgreements } from '@/lib/server/queries/list-amhp-agreements';
import { AccessDenied } from '@/lib/server/queries/access';
import { toDbDate, type IsoDate } from '@/lib/server/dates';
import {
  createContact,
  createHospital,
  createLegalStatusPeriod,
  createManagersHearing,
  createOrder,
  createPatient,
  createStaffAssignment,
  createTeam,
  createTribunalCase,
  createUser,
  newId,
  theTrust,
  type CreatedUser,
  type OrderHandle,
} from '@/tests/factories';
import { testDb } from './support/db';
import { actorOf } from './support/world';

// 12:00 on Tuesday 10 March 2026 (GMT): "today" is 2026-03-10 in England.
const NOW = new Date('2026-03-10T12:00:00Z');
const TODAY: IsoDate = '2026-03-10';

let db: PrismaClient;
let users: Record<
  'ccNorth' | 'ccSouth' | 'rcNorth' | 'rcSouth' | 'mha' | 'manager' | 'amhp' | 'auditor',
  CreatedUser
>;
let north: { id: string };
let south: { id: string };
let orderNorth: OrderHandle;
let orderSouth: OrderHandle;
let orderEnded: OrderHandle;
let orderProposed: OrderHandle;
const ids: Record<string, string> = {};

async function deadline(
  order: OrderHandle,
  teamId: string,
  name: string,
  kind: DeadlineKind,
  ownerRole: Role,
  dueOn: IsoDate,
  extra: { dueAt?: Date; opensOn?: IsoDate } = {},
) {
  const id = newId();
  ids[name] = id;
  await db.deadline.create({
    data: {
      id,
      patientId: order.patientId,
      orderId: order.id,
      teamId,
      kind,
      title: `${name} (${kind})`,
      dueOn: toDbDate(dueOn),
      dueAt: extra.dueAt ?? null,
      opensOn: extra.opensOn ? toDbDate(extra.opensOn) : null,
      basis: 'test basis',
      explanation: 'hand-built for the dashboard tests',
      inputs: {},
      ownerRole,
      ownerId: null,
    },
  });
}

async function madeOrder(teamId: string, rcId: string, hospitalId: string, ccId: string) {
  const trust = await theTrust(db);
  const patient = await createPatient(db, { trustId: trust.id, teamId });
  await createStaffAssignment(db, {
    patientId: patient.id,
    userId: ccId,
    kind: 'CARE_COORDINATOR',
    startedOn: '2026-01-01',
  });
  await createStaffAssignment(db, {
    patientId: patient.id,
    userId: rcId,
    kind: 'RESPONSIBLE_CLINICIAN',
    startedOn: '2026-01-01',
  });
  const lsp = await createLegalStatusPeriod(db, {
    patientId: patient.id,
    hospitalId,
    startAt: new Date('2025-12-01T10:00:00Z'),
    expiryDate: '2026-05-31',
  });
  return createOrder(db, {
    patientId: patient.id,
    legalStatusPeriodId: lsp.id,
    responsibleHospitalId: hospitalId,
    responsibleClinicianId: rcId,
    teamId,
    amhpId: users.amhp.id,
    proposedAt: new Date('2026-02-01T10:00:00Z'),
    now: NOW,
  });
}

beforeAll(async () => {
  db = testDb();
  const trust = await theTrust(db);
  const hospital = await createHospital(db, { trustId: trust.id });
  north = await createTeam(db, { trustId: trust.id, name: 'Dashboard North' });
  south = await createTeam(db, { trustId: trust.id, name: 'Dashboard South' });
  const user = (roles: Role[], teams: string[] = []) => createUser(db, { roles, teams });
  users = {
    ccNorth: await user(['CARE_COORDINATOR'], [north.id]),
    ccSouth: await user(['CARE_COORDINATOR'], [south.id]),
    rcNorth: await user(['RESPONSIBLE_CLINICIAN'], [north.id]),
    rcSouth: await user(['RESPONSIBLE_CLINICIAN'], [south.id]),
    mha: await user(['MHA_ADMINISTRATOR']),
    manager: await user(['HOSPITAL_MANAGER']),
    amhp: await user(['AMHP']),
    auditor: await user(['AUDITOR']),
  };
  orderNorth = await madeOrder(north.id, users.rcNorth.id, hospital.id, users.ccNorth.id);
  orderSouth = await madeOrder(south.id, users.rcSouth.id, hospital.id, users.ccSouth.id);
  orderEnded = await madeOrder(north.id, users.rcNorth.id, hospital.id, users.ccNorth.id);
  await db.communityTreatmentOrder.update({
    where: { id: orderEnded.id },
    data: {
      state: 'DISCHARGED',
      endedOn: toDbDate('2026-03-01'),
      endReason: 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN',
    },
  });

  // North, for the care coordinator (rights information is theirs).
  await deadline(
    orderNorth,
    north.id,
    'rightsOverdue',
    'RIGHTS_INFORMATION',
    'CARE_COORDINATOR',
    '2026-03-08',
  );
  await deadline(
    orderNorth,
    north.id,
    'rightsToday',
    'RIGHTS_INFORMATION',
    'CARE_COORDINATOR',
    TODAY,
  );
  // North, for the RC.
  await deadline(
    orderNorth,
    north.id,
    'certIn7',
    'CERTIFICATE_REQUIRED',
    'RESPONSIBLE_CLINICIAN',
    '2026-03-17',
  );
  await deadline(
    orderNorth,
    north.id,
    'windowIn30',
    'EXTENSION_WINDOW',
    'RESPONSIBLE_CLINICIAN',
    '2026-04-09',
    {
      opensOn: '2026-02-10',
    },
  );
  await deadline(
    orderNorth,
    north.id,
    'recall',
    'RECALL_72_HOURS',
    'RESPONSIBLE_CLINICIAN',
    '2026-03-12',
    {
      dueAt: new Date(NOW.getTime() + 40 * 3_600_000),
    },
  );
  // North, for the MHA office: one in 30 days, one just beyond.
  await deadline(
    orderNorth,
    north.id,
    'referenceIn30',
    'FIRST_MANAGERS_REFERENCE',
    'MHA_ADMINISTRATOR',
    '2026-04-09',
  );
  await deadline(
    orderNorth,
    north.id,
    'expiryIn31',
    'CTO_EXPIRY',
    'MHA_ADMINISTRATOR',
    '2026-04-10',
  );
  // Hospital managers.
  await deadline(
    orderNorth,
    north.id,
    'review',
    'MANAGERS_REVIEW_OF_EXTENSION',
    'HOSPITAL_MANAGER',
    '2026-03-15',
  );
  // South.
  await deadline(
    orderSouth,
    south.id,
    'southRights',
    'RIGHTS_INFORMATION',
    'CARE_COORDINATOR',
    '2026-03-09',
  );
  await deadline(
    orderSouth,
    south.id,
    'southCert',
    'CERTIFICATE_REQUIRED',
    'RESPONSIBLE_CLINICIAN',
    '2026-03-09',
  );
  // An ended order's row left open: never listed.
  await deadline(
    orderEnded,
    north.id,
    'endedRights',
    'RIGHTS_INFORMATION',
    'CARE_COORDINATOR',
    '2026-03-09',
  );
  await deadline(
    orderEnded,
    north.id,
    'endedCert',
    'CERTIFICATE_REQUIRED',
    'RESPONSIBLE_CLINICIAN',
    '2026-03-09',
  );
  await deadline(
    orderEnded,
    north.id,
    'endedRef',
    'FIRST_MANAGERS_REFERENCE',
    'MHA_ADMINISTRATOR',
    '2026-03-09',
  );

  // South has been seen recently; North never (contact due since the order was made).
  await createContact(db, {
    patientId: orderSouth.patientId,
    staffId: users.ccSouth.id,
    occurredAt: new Date('2026-03-09T10:00:00Z'),
    mode: 'HOME_VISIT',
    summary: 'Seen at home.',
  });
  // A tribunal case for North with every report still to send.
  await createTribunalCase(db, {
    patientId: orderNorth.patientId,
    orderId: orderNorth.id,
    madeOn: '2026-03-01',
    basis: 's66(1)(ca)',
  });
  await createManagersHearing(db, {
    patientId: orderNorth.patientId,
    orderId: orderNorth.id,
    reason: 'EXTENSION_REVIEW',
    scheduledAt: new Date('2026-03-20T10:00:00Z'),
  });

  // A proposed order waiting for the AMHP (making: due by the end of the underlying detention).
  const trustRow = await theTrust(db);
  const proposedPatient = await createPatient(db, { trustId: trustRow.id, teamId: north.id });
  const lsp = await createLegalStatusPeriod(db, {
    patientId: proposedPatient.id,
    hospitalId: hospital.id,
    startAt: new Date('2026-01-05T10:00:00Z'),
    expiryDate: '2026-03-20',
  });
  orderProposed = await createOrder(db, {
    patientId: proposedPatient.id,
    legalStatusPeriodId: lsp.id,
    responsibleHospitalId: hospital.id,
    responsibleClinicianId: users.rcNorth.id,
    teamId: north.id,
    amhpId: users.amhp.id,
    proposedAt: new Date('2026-03-09T09:00:00Z'),
    stage: 'PROPOSED',
    now: NOW,
  });
});

afterAll(async () => {
  await db.$disconnect();
});

const mine = (user: CreatedUser) =>
  listWorkItems({ actor: actorOf(user), client: db, now: NOW }).then((r) => r.items);

function byName(items: WorkItem[]): Record<string, WorkItem> {
  const names = Object.fromEntries(Object.entries(ids).map(([n, id]) => [id, n]));
  return Object.fromEntries(items.flatMap((i) => (names[i.id] ? [[names[i.id], i]] : [])));
}

describe("the care coordinator's work", () => {
  it('bands: overdue, due today (within 7 days), the running recall', async () => {
    const items = await mine(users.ccNorth);
    const named = byName(items);
    expect(named.rightsOverdue).toMatchObject({
      band: 'overdue',
      overdue: true,
      dueAt: '2026-03-08',
    });
    expect(named.rightsToday).toMatchObject({ band: 'week', overdue: false, dueAt: TODAY });
    expect(named.recall).toMatchObject({ band: 'week', overdue: false });
    // Hours where the law counts hours: the recall's instant.
    expect(named.recall?.dueAt).toBe(new Date(NOW.getTime() + 40 * 3_600_000).toISOString());
    // The RC's and the office's rows are not the coordinator's work.
    expect(named.certIn7).toBeUndefined();
    expect(named.referenceIn30).toBeUndefined();
  });

  it('never lists an ended order, nor a South item', async () => {
    const items = await mine(users.ccNorth);
    expect(items.some((i) => i.orderId === orderEnded.id)).toBe(false);
    expect(items.some((i) => i.orderId === orderSouth.id)).toBe(false);
    expect(items.some((i) => i.patientId === orderSouth.patientId)).toBe(false);
  });

  it('is most urgent first', async () => {
    const items = await mine(users.ccNorth);
    const order = ['overdue', 'week', 'month'];
    const bands = items.map((i) => order.indexOf(i.band));
    expect([...bands].sort((a, b) => a - b)).toEqual(bands);
  });

  it('flags contact overdue from the trust default, and the report the coordinator owes', async () => {
    const items = await mine(users.ccNorth);
    const contact = items.find((i) => i.kind === 'CONTACT_DUE' && i.orderId === orderNorth.id);
    expect(contact).toMatchObject({ overdue: true, band: 'overdue' });
    const report = items.find((i) => i.kind === 'REPORT_OWED' && i.orderId === orderNorth.id);
    expect(report?.title).toMatch(/Social circumstances report/);
    // South was seen yesterday: no contact due for South's coordinator within 7 days.
    const south = await mine(users.ccSouth);
    const southContact = south.find((i) => i.kind === 'CONTACT_DUE');
    expect(southContact).toMatchObject({ dueAt: '2026-03-23', band: 'month', overdue: false });
  });

  it('a per-order contact frequency overrides the default', async () => {
    await db.communityTreatmentOrder.update({
      where: { id: orderSouth.id },
      data: { contactFrequencyDays: 3 },
    });
    const south = await mine(users.ccSouth);
    expect(south.find((i) => i.kind === 'CONTACT_DUE')).toMatchObject({
      dueAt: '2026-03-12',
      band: 'week',
    });
  });

  it('the caseload: mine first, no South, no ended order; each row with its next item', async () => {
    const rows = await getCaseload({ actor: actorOf(users.ccNorth), client: db, now: NOW });
    expect(rows.map((r) => r.orderId)).toContain(orderNorth.id);
    expect(rows.map((r) => r.orderId)).not.toContain(orderSouth.id);
    expect(rows.map((r) => r.orderId)).not.toContain(orderEnded.id);
    const row = rows.find((r) => r.orderId === orderNorth.id);
    expect(row).toMatchObject({ mine: true, contactOverdue: true, rightsDue: '2026-03-08' });
    expect(row?.next?.dueAt).toBe('2026-03-08');
    expect(row?.reportsOwed.map((r) => r.report)).toContain('Social circumstances report');
    const audited = await db.auditEvent.findFirstOrThrow({
      where: { userId: users.ccNorth.id, action: 'caseload.list' },
      orderBy: { id: 'desc' },
    });
    expect(audited.outcome).toBe('SUCCESS');
  });
});

describe('the caseload as the dashboard draws it (decision 861)', () => {
  it("every patient I coordinate, then the most urgent of my team's, counted in full", async () => {
    const ctx = () => ({ actor: actorOf(users.ccNorth), client: db, now: NOW });
    const full = await getCaseload(ctx());
    const team = full.filter((r) => !r.mine);
    expect(team.length).toBeGreaterThan(0);
    const none = await getCaseloadView(ctx(), { teamLimit: 0 });
    expect(none.teamCount).toBe(team.length);
    expect(none.rows.map((r) => r.orderId)).toEqual(
      full.filter((r) => r.mine).map((r) => r.orderId),
    );
    const one = await getCaseloadView(ctx(), { teamLimit: 1 });
    expect(one.rows.filter((r) => !r.mine)).toEqual([team[0]]);
    expect(one.teamCount).toBe(team.length);
  });
});

describe("the responsible clinician's work", () => {
  it('certificate in 7 days, window in 30, the recall; not the coordinator’s or South’s', async () => {
    const named = byName(await mine(users.rcNorth));
    expect(named.certIn7).toMatchObject({ band: 'week', overdue: false });
    expect(named.windowIn30).toMatchObject({ band: 'month' });
    expect(named.recall).toMatchObject({ band: 'week' });
    expect(named.rightsOverdue).toBeUndefined();
    expect(named.southCert).toBeUndefined();
    expect(named.endedCert).toBeUndefined();
  });

  it('owes the clinical report; the proposed order waits for the AMHP', async () => {
    const items = await mine(users.rcNorth);
    expect(items.find((i) => i.kind === 'REPORT_OWED')?.title).toMatch(/Responsible clinician/);
    const waiting = await listWaitingForAmhp({
      actor: actorOf(users.rcNorth),
      client: db,
      now: NOW,
    });
    expect(waiting.map((w) => w.orderId)).toContain(orderProposed.id);
  });
});

describe('the AMHP', () => {
  it('every request has a deadline: making is due by the end of the underlying detention', async () => {
    const items = await mine(users.amhp);
    const item = items.find((i) => i.orderId === orderProposed.id);
    expect(item).toMatchObject({
      kind: 'AMHP_AGREEMENT_REQUESTED',
      dueAt: '2026-03-20',
      band: 'month',
    });
    const list = await listAmhpAgreements({ actor: actorOf(users.amhp), client: db, now: NOW });
    expect(list.find((i) => i.orderId === orderProposed.id)?.dueAt).toBe('2026-03-20');
  });
});

describe("the MHA office's trust queue", () => {
  const queue = (filters = {}) =>
    listWorkItems(
      { actor: actorOf(users.mha), client: db, now: NOW },
      { scope: 'trust', filters },
    ).then((r) => byName(r.items));

  it('every open deadline in 30 days, whoever owns it; not beyond; never an ended order', async () => {
    const named = await queue({ teamId: north.id });
    for (const n of [
      'rightsOverdue',
      'rightsToday',
      'certIn7',
      'windowIn30',
      'recall',
      'referenceIn30',
      'review',
    ])
      expect(named[n], n).toBeDefined();
    expect(named.expiryIn31).toBeUndefined();
    expect(named.endedRights).toBeUndefined();
    expect(named.endedRef).toBeUndefined();
    expect(named.southRights).toBeUndefined();
  });

  it('filters by RC, care coordinator and kind', async () => {
    expect(Object.keys(await queue({ rcId: users.rcSouth.id })).sort()).toEqual([
      'southCert',
      'southRights',
    ]);
    expect(Object.keys(await queue({ ccId: users.ccSouth.id })).sort()).toEqual([
      'southCert',
      'southRights',
    ]);
    expect(Object.keys(await queue({ teamId: north.id, kind: 'CERTIFICATE_REQUIRED' }))).toEqual([
      'certIn7',
    ]);
  });

  it('is refused to anyone else, and the refusal audited', async () => {
    for (const user of [users.ccNorth, users.rcNorth, users.manager, users.auditor]) {
      await expect(
        listWorkItems({ actor: actorOf(user), client: db, now: NOW }, { scope: 'trust' }),
      ).rejects.toThrow(AccessDenied);
      const denied = await db.auditEvent.findFirstOrThrow({
        where: { userId: user.id, action: 'read:work-queue' },
        orderBy: { id: 'desc' },
      });
      expect(denied.outcome).toBe('DENIED');
    }
  });

  it("the office's own work (scope mine) is its own rows", async () => {
    const named = byName(await mine(users.mha));
    expect(named.referenceIn30).toBeDefined();
    expect(named.rightsOverdue).toBeUndefined();
    expect(named.endedRef).toBeUndefined();
  });
});

describe('hospital managers', () => {
  it('the managers’ review and the hearing to hold', async () => {
    const named = byName(await mine(users.manager));
    expect(named.review).toMatchObject({ band: 'week' });
    const work = await getManagersWork({ actor: actorOf(users.manager), client: db, now: NOW });
    expect(work.hearings.map((h) => h.patientId)).toContain(orderNorth.patientId);
  });
});

describe('a role with no patient work', () => {
  it('the privacy officer is refused', async () => {
    await expect(mine(users.auditor)).rejects.toThrow(AccessDenied);
  });
});
