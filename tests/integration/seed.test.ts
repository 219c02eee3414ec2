/**
 * The demonstration seed, end to end. The integration database is shared by every test file, so
 * the seed runs in schemas of its own (the project's migrations applied there, dropped at the
 * end): the shared tables are never touched and nothing here depends on them being empty.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pgAdapter } from '@/lib/server/pg-adapter';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidNhsNumber, recallDeadline, transitionFor, type EventType } from '@/lib/cto';
import { verifyPassword } from '@/lib/auth/password';
import { PrismaClient, type CtoState } from '@/lib/generated/prisma/client';
import { addCalendarDays, fromDbDate, londonDateOf, londonTime } from '@/lib/server/dates';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import { DEMO_ACCOUNTS } from '@/prisma/demo-accounts';
import { seed, type SeedResult } from '@/prisma/seed';
import { createCtoFixture, extendOrder, recallOrder, releaseFromRecall } from '@/tests/factories';

const TODAY = '2026-05-20';
const NOW = londonTime(TODAY, 14, 30);
const PASSWORD = 'seed-test-password';

const ALL_STATES: readonly CtoState[] = [
  'PROPOSED',
  'AGREED',
  'DECLINED',
  'AWAITING_EFFECT',
  'ACTIVE',
  'RECALL_PENDING',
  'RECALLED',
  'AWOL',
  'REVOKED',
  'DISCHARGED',
  'EXPIRED',
  'DIED',
];

interface Isolated {
  db: PrismaClient;
  drop: () => Promise<void>;
}

// Creating a schema is the owner's business: the app's role may not (scripts/lib/app-role.ts).
function databaseUrl(): string {
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set.');
  return url;
}

/** A fresh schema in the test database with the project's migrations applied. */
async function isolatedSchema(): Promise<Isolated> {
  const url = databaseUrl();
  const schema = `seed_test_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.query(`SET search_path TO "${schema}"`);
    const dir = join(process.cwd(), 'prisma', 'migrations');
    for (const name of readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()) {
      await admin.query(readFileSync(join(dir, name, 'migration.sql'), 'utf8'));
    }
  } finally {
    // The embedded PGlite server runs every connection in one session: a search path left set
    // here would send every later test file's queries into this schema.
    await admin.query('RESET search_path');
    await admin.end();
  }
  const db = new PrismaClient({ adapter: pgAdapter(url, { schema }) });
  return {
    db,
    drop: async () => {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA "${schema}" CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/** What the seed made, independent of generated ids: for the determinism check. */
async function fingerprint(db: PrismaClient): Promise<string> {
  const patients = await db.patient.findMany({
    orderBy: { localId: 'asc' },
    select: {
      localId: true,
      nhsNumber: true,
      givenName: true,
      familyName: true,
      dateOfBirth: true,
      ethnicCategory: true,
      orders: {
        select: {
          state: true,
          madeOn: true,
          currentExpiryDate: true,
          version: true,
          events: { orderBy: { occurredAt: 'asc' }, select: { type: true, occurredAt: true } },
        },
      },
      contacts: { orderBy: { occurredAt: 'asc' }, select: { occurredAt: true, mode: true } },
    },
  });
  return JSON.stringify(patients);
}

describe('prisma/seed.ts', () => {
  let first: Isolated;
  let result: SeedResult;

  beforeAll(async () => {
    first = await isolatedSchema();
    result = await seed(first.db, { today: TODAY, now: NOW, password: PASSWORD });
  }, 180_000);

  afterAll(async () => {
    await first?.drop();
  }, 60_000);

  it('reports what it made', () => {
    expect(result.skipped).toBe(false);
    expect(result.orders).toBeGreaterThanOrEqual(55);
    expect(result.deadlines).toBeGreaterThan(0);
    for (const state of ALL_STATES) expect(result.ordersByState[state]).toBeGreaterThan(0);
  });

  it('makes the demonstration accounts with their roles and teams', async () => {
    const users = await first.db.user.findMany({
      where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
      include: {
        roles: { where: { revokedAt: null } },
        memberships: { where: { endedOn: null }, include: { team: true } },
      },
    });
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    for (const account of DEMO_ACCOUNTS) {
      const u = users.find((x) => x.email === account.email);
      expect(u, account.email).toBeDefined();
      if (!u) continue;
      expect(u.name).toBe(account.name);
      expect(u.active).toBe(true);
      expect(u.roles.map((r) => r.role).sort()).toEqual([...account.roles].sort());
      expect(u.memberships.map((m) => m.team.code)).toEqual(account.team ? [account.team] : []);
    }
    const one = users[0];
    expect(one?.passwordHash).toBeTruthy();
    expect(await verifyPassword(one?.passwordHash ?? '', PASSWORD)).toBe(true);
    // Every account shares one hash computation: same password, argon2id.
    expect(users.every((u) => u.passwordHash?.startsWith('$argon2id$'))).toBe(true);
  });

  it('makes about eighty patients with valid, unique, test-range NHS numbers', async () => {
    const patients = await first.db.patient.findMany({
      select: {
        nhsNumber: true,
        searchName: true,
        givenName: true,
        familyName: true,
        currentTeamId: true,
      },
    });
    expect(patients.length).toBeGreaterThanOrEqual(55);
    // 61 of the main cast, 4 for the dashboards, 1 for issue 8 §2 (prisma/seed/dash.ts), 18 for
    // the statistics (prisma/seed/statistics.ts).
    expect(patients.length).toBeLessThanOrEqual(84);
    const numbers = patients.map((p) => p.nhsNumber);
    expect(new Set(numbers).size).toBe(patients.length);
    for (const n of numbers) {
      expect(n).toMatch(/^999\d{7}$/);
      expect(isValidNhsNumber(n ?? '')).toBe(true);
    }
    for (const p of patients) {
      expect(p.searchName).toBe(`${p.familyName} ${p.givenName}`.toLowerCase());
      expect(p.currentTeamId).not.toBeNull();
    }
    const teams = await first.db.team.findMany({ select: { code: true } });
    expect(teams.map((t) => t.code).sort()).toEqual(['AMHP', 'EAST', 'MHAO', 'NORTH', 'SOUTH']);
  });

  it('keeps every order in force consistent with its periods', async () => {
    const orders = await first.db.communityTreatmentOrder.findMany({
      where: { madeOn: { not: null } },
      include: { periods: { orderBy: { index: 'asc' } } },
    });
    const active = orders.filter((o) => o.state === 'ACTIVE');
    expect(active.length).toBeGreaterThan(20);
    for (const o of orders) {
      const periods = o.periods;
      expect(periods.length).toBeGreaterThan(0);
      expect(fromDbDate(periods[0]!.startDate)).toBe(fromDbDate(o.madeOn!));
      periods.forEach((p, i) => {
        expect(p.index).toBe(i);
        if (i > 0) {
          const previous = periods[i - 1]!;
          expect(fromDbDate(p.startDate)).toBe(addCalendarDays(fromDbDate(previous.endDate), 1));
        }
      });
      const last = periods.at(-1)!;
      expect(o.currentPeriodIndex).toBe(last.index);
      expect(o.currentExpiryDate && fromDbDate(o.currentExpiryDate)).toBe(fromDbDate(last.endDate));
    }
    // An order in force has not passed its expiry.
    for (const o of active) expect(fromDbDate(o.currentExpiryDate!) >= TODAY).toBe(true);
    // Multi-year orders: 6 + 6 + 12 + 12 months and more.
    expect(Math.max(...orders.map((o) => o.periods.length))).toBeGreaterThanOrEqual(5);
  });

  it('tells every order’s story in order, ending in its current state', async () => {
    const orders = await first.db.communityTreatmentOrder.findMany({
      include: { events: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] } },
    });
    for (const o of orders) {
      expect(o.events.length, o.id).toBeGreaterThan(0);
      expect(o.events[0]?.type).toBe('PROPOSE');
      expect(o.events[0]?.stateBefore).toBeNull();
      for (let i = 1; i < o.events.length; i += 1) {
        expect(o.events[i]?.stateBefore).toBe(o.events[i - 1]?.stateAfter);
      }
      // Every step is one lib/cto's lifecycle table allows, from that state to that state.
      for (const e of o.events) {
        const t = transitionFor(e.type as EventType);
        expect(t.from, `${e.type} from ${e.stateBefore}`).toContain(e.stateBefore ?? 'NONE');
        if (t.to === 'UNCHANGED') expect(e.stateAfter).toBe(e.stateBefore);
        else expect(t.to, `${e.type} to ${e.stateAfter}`).toContain(e.stateAfter);
      }
      expect(o.events.at(-1)?.stateAfter).toBe(o.state);
      expect(o.version).toBe(o.events.length);
      if (['REVOKED', 'DISCHARGED', 'EXPIRED', 'DIED'].includes(o.state)) {
        expect(o.endedAt).not.toBeNull();
        expect(o.endReason).not.toBeNull();
      } else {
        expect(o.endedAt).toBeNull();
      }
    }
    const made = await first.db.communityTreatmentOrder.findMany({
      where: { madeOn: { not: null } },
      include: { forms: { where: { type: 'CTO1' } }, conditions: true },
    });
    for (const o of made) {
      expect(o.forms).toHaveLength(1);
      expect(o.conditions.filter((c) => c.kind === 'MANDATORY')).toHaveLength(2);
    }
  });

  it('runs the 72 hours of a recall to the minute', async () => {
    const recalls = await first.db.recall.findMany({
      where: { outcome: 'ONGOING', detentionBeganAt: { not: null }, order: { state: 'RECALLED' } },
    });
    expect(recalls.length).toBeGreaterThanOrEqual(2);
    for (const r of recalls) {
      expect(r.deadlineAt?.getTime()).toBe(r.detentionBeganAt!.getTime() + 72 * 3_600_000);
      expect(r.deadlineAt?.getTime()).toBe(recallDeadline(r.detentionBeganAt!).getTime());
      // Live: detention began before "now" and the deadline is still ahead.
      expect(r.detentionBeganAt!.getTime()).toBeLessThan(NOW.getTime());
      expect(r.deadlineAt!.getTime()).toBeGreaterThan(NOW.getTime());
    }
    const deadlines = await first.db.deadline.findMany({ where: { kind: 'RECALL_72_HOURS' } });
    expect(deadlines).toHaveLength(recalls.length);
    for (const d of deadlines) {
      const recall = recalls.find((r) => r.orderId === d.orderId);
      expect(d.dueAt?.getTime()).toBe(recall?.deadlineAt?.getTime());
      expect(fromDbDate(d.dueOn)).toBe(londonDateOf(d.dueAt!));
    }
  });

  it('records revocations with the restarted detention', async () => {
    const revoked = await first.db.communityTreatmentOrder.findMany({
      where: { state: 'REVOKED' },
      include: { revocation: true, revocationDetention: { include: { detentionPeriods: true } } },
    });
    expect(revoked.length).toBeGreaterThan(0);
    for (const o of revoked) {
      expect(o.revocation).not.toBeNull();
      expect(o.endReason).toBe('REVOKED');
      const lsp = o.revocationDetention;
      expect(lsp).not.toBeNull();
      expect(fromDbDate(lsp!.startDate)).toBe(fromDbDate(o.revocation!.revokedOn));
      expect(lsp!.detentionPeriods.length).toBeGreaterThan(0);
    }
  });

  it('computes open deadlines for the orders, with teams and explanations', async () => {
    const deadlines = await first.db.deadline.findMany({ where: { status: 'OPEN' } });
    expect(deadlines.length).toBe(result.deadlines);
    const kinds = new Set(deadlines.map((d) => d.kind));
    for (const kind of [
      'CTO_EXPIRY',
      'EXTENSION_WINDOW',
      'RECALL_72_HOURS',
      'CERTIFICATE_REQUIRED',
      'RIGHTS_INFORMATION',
      'TRIBUNAL_DOCUMENTS',
      'MANAGERS_REVIEW_OF_EXTENSION',
      'MANAGERS_REFERENCE_AFTER_REVOCATION',
      'DETENTION_EXPIRY',
    ] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    for (const d of deadlines) {
      expect(d.teamId).not.toBeNull();
      expect(d.explanation.length).toBeGreaterThan(20);
    }
    // Urgent extensions: some orders expire within three weeks with nothing done.
    const soon = deadlines.filter(
      (d) => d.kind === 'CTO_EXPIRY' && fromDbDate(d.dueOn) <= addCalendarDays(TODAY, 21),
    );
    expect(soon.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves a pending AMHP agreement for the demonstration AMHP', async () => {
    const pending = await first.db.amhpAgreement.count({
      where: { decision: 'PENDING', amhp: { email: 'amhp@cto-tracker.example' } },
    });
    expect(pending).toBeGreaterThanOrEqual(2);
  });

  it('has an open tribunal case with a partly drafted RC report, and a managers’ hearing listed', async () => {
    const draft = await first.db.tribunalReportDraft.findFirstOrThrow({
      where: { document: { kind: 'RC_REPORT', case: { status: 'OPEN' } } },
      include: { sections: true, document: { select: { status: true } } },
    });
    expect(draft.document.status).toBe('DRAFTING');
    expect(draft.templateId).toMatch(/^rc-report\./);
    expect(new Set(draft.sections.map((s) => s.sectionKey)).size).toBeGreaterThanOrEqual(2);
    expect(draft.signedAt).toBeNull();
    const prefill = draft.prefill as { key: string; sources: string[] }[];
    expect(prefill.find((p) => p.key === 'previous-involvement')?.sources.length).toBeGreaterThan(
      0,
    );
    const listed = await first.db.managersHearing.count({
      where: { heldOn: null, scheduledAt: { gt: NOW } },
    });
    expect(listed).toBeGreaterThanOrEqual(1);
  });

  it('does nothing the second time with --if-empty, and refuses without it', async () => {
    const before = await Promise.all([
      first.db.patient.count(),
      first.db.communityTreatmentOrder.count(),
      first.db.user.count(),
    ]);
    const again = await seed(first.db, {
      today: TODAY,
      now: NOW,
      password: PASSWORD,
      ifEmpty: true,
    });
    expect(again.skipped).toBe(true);
    const after = await Promise.all([
      first.db.patient.count(),
      first.db.communityTreatmentOrder.count(),
      first.db.user.count(),
    ]);
    expect(after).toEqual(before);
    await expect(seed(first.db, { today: TODAY, now: NOW, password: PASSWORD })).rejects.toThrow(
      /already has data/,
    );
  });

  it('gives the same data for the same day', async () => {
    const second = await isolatedSchema();
    try {
      await seed(second.db, { today: TODAY, now: NOW, password: PASSWORD });
      expect(await fingerprint(second.db)).toBe(await fingerprint(first.db));
    } finally {
      await second.drop();
    }
  }, 180_000);
});

describe('factories and deadline recomputation', () => {
  let iso: Isolated;

  beforeAll(async () => {
    iso = await isolatedSchema();
  }, 60_000);

  afterAll(async () => {
    await iso?.drop();
  }, 60_000);

  it('replaces the OPEN deadlines of an order and leaves DONE ones alone', async () => {
    const now = londonTime('2026-05-20', 9, 0);
    const f = await createCtoFixture(iso.db, { madeOn: '2026-03-02', now });
    const order = f.order!;
    expect(order.state).toBe('ACTIVE');
    const done = await iso.db.deadline.create({
      data: {
        patientId: f.patientId,
        orderId: order.id,
        teamId: f.teamId,
        kind: 'OTHER',
        title: 'Done before',
        dueOn: new Date('2026-03-10T00:00:00Z'),
        basis: 'test',
        explanation: 'A finished task.',
        inputs: {},
        status: 'DONE',
      },
    });
    const began = londonTime('2026-05-20', 7, 30);
    const recall = await recallOrder(iso.db, order, {
      hospitalId: f.hospitalId,
      reasons: 'Test recall.',
      noticeSignedAt: londonTime('2026-05-20', 5, 0),
      servedOrPostedAt: londonTime('2026-05-20', 6, 0),
      detentionBeganAt: began,
    });
    const values = await recomputeOrderDeadlines(iso.db, order.id, '2026-05-20', now);
    expect(values.map((v) => v.kind)).toContain('RECALL_72_HOURS');
    const open = await iso.db.deadline.findMany({ where: { orderId: order.id, status: 'OPEN' } });
    expect(open.map((d) => d.kind).sort()).toEqual(values.map((v) => v.kind).sort());
    const recallRow = open.find((d) => d.kind === 'RECALL_72_HOURS');
    expect(recallRow?.dueAt?.toISOString()).toBe(recallDeadline(began).toISOString());
    expect(recallRow?.inputs).toMatchObject({ recallId: recall.id });

    await releaseFromRecall(iso.db, order, recall, { at: londonTime('2026-05-21', 11, 0) });
    await recomputeOrderDeadlines(iso.db, order.id, '2026-05-21', now);
    const after = await iso.db.deadline.findMany({ where: { orderId: order.id } });
    expect(after.some((d) => d.kind === 'RECALL_72_HOURS')).toBe(false);
    expect(after.find((d) => d.id === done.id)?.status).toBe('DONE');
    const stored = await iso.db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: order.id },
    });
    expect(stored.state).toBe('ACTIVE');
    expect(stored.version).toBe(order.version);
  });

  it('extends an order in its window and moves the expiry to the next period', async () => {
    const f = await createCtoFixture(iso.db, { madeOn: '2025-10-05' });
    const order = f.order!;
    expect(order.periods[0]?.end).toBe('2026-04-04');
    await expect(
      extendOrder(iso.db, order, { examinedOn: '2026-01-20', amhpId: f.amhp.id }),
    ).rejects.toThrow(/outside the extension window/);
    const ext = await extendOrder(iso.db, order, { examinedOn: '2026-03-01', amhpId: f.amhp.id });
    expect(ext.newPeriod?.end).toBe('2026-10-04');
    const stored = await iso.db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: order.id },
      include: { periods: { orderBy: { index: 'asc' } } },
    });
    expect(stored.currentPeriodIndex).toBe(1);
    expect(fromDbDate(stored.currentExpiryDate!)).toBe('2026-10-04');
    expect(stored.periods.map((p) => fromDbDate(p.endDate))).toEqual(['2026-04-04', '2026-10-04']);
  });
});
