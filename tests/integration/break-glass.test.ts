// Break-glass (issue 4, part 3): a reason opens a patient outside one's list for a time, every
// read through it names the grant, and the privacy officer's report lists it for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { requestBreakGlass } from '@/lib/server/services/request-break-glass';
import { reviewBreakGlass } from '@/lib/server/services/review-break-glass';
import { getPatient } from '@/lib/server/queries/get-patient';
import { NotFound } from '@/lib/server/queries/access';
import { getBreakGlassForReview, listBreakGlass } from '@/lib/server/queries/list-break-glass';
import { createUser } from '@/tests/factories';
import { testDb } from './support/db';
import { actorOf, createWorld, type World } from './support/world';

let db: PrismaClient;
let world: World;
beforeAll(async () => {
  db = testDb();
  world = await createWorld(db);
});
afterAll(async () => {
  await db.$disconnect();
});

const REASON = 'Patient attended A&E out of hours; duty doctor needs the CTO conditions.';

function invalidCheckDigit(nhsNumber: string): string {
  const last = Number(nhsNumber[9]);
  return `${nhsNumber.slice(0, 9)}${(last + 1) % 10}`;
}

describe('requesting break-glass access', () => {
  it('grants time-boxed access with the reason, audited, and reads through it name the grant', async () => {
    const north = actorOf(world.users.coordinatorNorth);
    const south = world.southPatient;
    const now = new Date();

    // Before: outside scope.
    await expect(getPatient({ actor: north, client: db, now }, south.id)).rejects.toThrow(NotFound);

    const result = await requestBreakGlass(
      north,
      {
        nhsNumber: `${south.nhsNumber!.slice(0, 3)} ${south.nhsNumber!.slice(3, 6)} ${south.nhsNumber!.slice(6)}`,
        reason: `  ${REASON}  `,
      },
      { db, now },
    );
    expect(result).toMatchObject({ ok: true, data: { patientId: south.id } });
    if (!result.ok) throw new Error('unreachable');
    const grantId = result.data.breakGlassId!;
    const grant = await db.breakGlassAccess.findUniqueOrThrow({ where: { id: grantId } });
    expect(grant).toMatchObject({ userId: north.userId, patientId: south.id, reason: REASON });
    expect(grant.expiresAt.getTime() - now.getTime()).toBe(60 * 60_000);

    const requested = await db.auditEvent.findFirstOrThrow({
      where: { action: 'break-glass.request', breakGlassId: grantId },
    });
    expect(requested).toMatchObject({ outcome: 'SUCCESS', patientId: south.id, reason: REASON });

    const patient = await getPatient({ actor: north, client: db, now }, south.id);
    expect(patient.breakGlassId).toBe(grantId);
    const read = await db.auditEvent.findFirstOrThrow({
      where: {
        action: 'patient.read',
        userId: north.userId,
        patientId: south.id,
        outcome: 'SUCCESS',
      },
      orderBy: { id: 'desc' },
    });
    expect(read.breakGlassId).toBe(grantId);

    // After it expires: not found again, and the attempt is denied in the trail.
    const later = new Date(now.getTime() + 61 * 60_000);
    await expect(getPatient({ actor: north, client: db, now: later }, south.id)).rejects.toThrow(
      NotFound,
    );
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: 'patient.read', userId: north.userId, patientId: south.id },
      orderBy: { id: 'desc' },
    });
    expect(denied.outcome).toBe('DENIED');
  });

  it('uses BREAK_GLASS_MINUTES, and a second request replaces the live grant', async () => {
    const rc = actorOf(world.users.rcNorth);
    const nhsNumber = world.southPatient.nhsNumber!;
    const first = await requestBreakGlass(rc, { nhsNumber, reason: REASON }, { db, minutes: 15 });
    const second = await requestBreakGlass(rc, { nhsNumber, reason: `${REASON} Again.` }, { db });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const live = await db.breakGlassAccess.findMany({
      where: { userId: rc.userId, patientId: world.southPatient.id, endedAt: null },
    });
    expect(live.map((g) => g.id)).toEqual([second.data.breakGlassId]);
    const ended = await db.breakGlassAccess.findUniqueOrThrow({
      where: { id: first.data.breakGlassId! },
    });
    expect(ended.endedAt).not.toBeNull();
  });

  it('makes no grant for a patient already on the person’s list', async () => {
    const north = actorOf(world.users.coordinatorNorth);
    const result = await requestBreakGlass(
      north,
      { nhsNumber: world.northPatient.nhsNumber, reason: REASON },
      { db },
    );
    expect(result).toEqual({
      ok: true,
      data: { patientId: world.northPatient.id, breakGlassId: null, expiresAt: null },
    });
    expect(await db.breakGlassAccess.count({ where: { patientId: world.northPatient.id } })).toBe(
      0,
    );
  });

  it('refuses people without the permission, with a denied audit event', async () => {
    for (const user of [world.users.mhaOffice, world.users.auditor, world.users.admin]) {
      const result = await requestBreakGlass(
        actorOf(user),
        { nhsNumber: world.southPatient.nhsNumber, reason: REASON },
        { db },
      );
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const denied = await db.auditEvent.count({
        where: { userId: user.id, action: 'break-glass.request', outcome: 'DENIED' },
      });
      expect(denied).toBe(1);
      expect(await db.breakGlassAccess.count({ where: { userId: user.id } })).toBe(0);
    }
  });

  it('rejects bad input with clear messages and writes nothing', async () => {
    const north = actorOf(world.users.coordinatorNorth);
    const before = {
      grants: await db.breakGlassAccess.count(),
      events: await db.auditEvent.count(),
    };
    const cases: [unknown, Record<string, string>][] = [
      [
        { nhsNumber: '', reason: '' },
        {
          nhsNumber: 'Enter the patient’s NHS number',
          reason: 'Enter why you need to open this record',
        },
      ],
      [
        { nhsNumber: '12345', reason: 'too short' },
        {
          nhsNumber: 'NHS number must be 10 digits, like 943 476 5919',
          reason: 'Reason must be at least 10 characters: say why you need this record now',
        },
      ],
      [
        { nhsNumber: invalidCheckDigit(world.southPatient.nhsNumber!), reason: REASON },
        { nhsNumber: 'Enter a valid NHS number: check you have typed it correctly' },
      ],
      [
        { nhsNumber: '943476591X', reason: 'x'.repeat(501) },
        {
          nhsNumber: 'NHS number must only contain numbers, like 943 476 5919',
          reason: 'Reason must be 500 characters or fewer',
        },
      ],
    ];
    for (const [input, fieldErrors] of cases) {
      const result = await requestBreakGlass(north, input, { db });
      expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fieldErrors });
    }
    expect(await db.breakGlassAccess.count()).toBe(before.grants);
    expect(await db.auditEvent.count()).toBe(before.events);
  });

  it('refuses an NHS number no patient has, and makes no grant', async () => {
    const north = actorOf(world.users.coordinatorNorth);
    const grants = await db.breakGlassAccess.count();
    const result = await requestBreakGlass(
      north,
      { nhsNumber: '9434765919', reason: REASON },
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'REFUSED',
      reason: 'NO_SUCH_PATIENT',
      fieldErrors: { nhsNumber: 'No patient with this NHS number is registered in this trust' },
    });
    expect(await db.breakGlassAccess.count()).toBe(grants);
    const failure = await db.auditEvent.findFirstOrThrow({
      where: { userId: north.userId, action: 'break-glass.request' },
      orderBy: { id: 'desc' },
    });
    expect(failure).toMatchObject({ outcome: 'FAILURE', reason: 'NO_SUCH_PATIENT' });
  });
});

describe('the privacy officer’s report and review', () => {
  it('lists grants to review and records the review with notes, once', async () => {
    const amhp = actorOf(world.users.otherAmhp);
    const granted = await requestBreakGlass(
      amhp,
      { nhsNumber: world.northPatient.nhsNumber, reason: REASON },
      { db },
    );
    if (!granted.ok) throw new Error(granted.message);
    const grantId = granted.data.breakGlassId!;
    await getPatient({ actor: amhp, client: db }, world.northPatient.id);

    const auditor = actorOf(world.users.auditor);
    const report = await listBreakGlass(
      { actor: auditor, client: db },
      { status: 'to-review', page: 1 },
    );
    const row = report.items.find((r) => r.id === grantId);
    expect(row).toMatchObject({
      reason: REASON,
      user: { id: amhp.userId },
      patient: { id: world.northPatient.id },
      reviewedAt: null,
      eventCount: 2, // the request and one read
    });
    const detail = await getBreakGlassForReview({ actor: auditor, client: db }, grantId);
    expect(detail.events.map((e) => e.action)).toEqual(['break-glass.request', 'patient.read']);

    const missingNotes = await reviewBreakGlass(
      auditor,
      { breakGlassId: grantId, notes: ' ' },
      { db },
    );
    expect(missingNotes).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: { notes: 'Enter your review notes' },
    });

    const reviewed = await reviewBreakGlass(
      auditor,
      { breakGlassId: grantId, notes: 'Confirmed with the duty AMHP rota: legitimate.' },
      { db },
    );
    expect(reviewed).toEqual({ ok: true, data: { breakGlassId: grantId } });
    const grant = await db.breakGlassAccess.findUniqueOrThrow({ where: { id: grantId } });
    expect(grant).toMatchObject({
      reviewedById: auditor.userId,
      reviewNotes: 'Confirmed with the duty AMHP rota: legitimate.',
    });
    expect(
      await db.auditEvent.count({
        where: { action: 'break-glass.review', entityId: grantId, outcome: 'SUCCESS' },
      }),
    ).toBe(1);

    const again = await reviewBreakGlass(
      actorOf(world.users.secondAuditor),
      { breakGlassId: grantId, notes: 'Second opinion' },
      { db },
    );
    expect(again).toMatchObject({ ok: false, code: 'REFUSED', reason: 'ALREADY_REVIEWED' });

    const reviewedList = await listBreakGlass(
      { actor: auditor, client: db },
      { status: 'reviewed', page: 1 },
    );
    expect(reviewedList.items.map((r) => r.id)).toContain(grantId);
    const toReview = await listBreakGlass(
      { actor: auditor, client: db },
      { status: 'to-review', page: 1 },
    );
    expect(toReview.items.map((r) => r.id)).not.toContain(grantId);
  });

  it('does not let anyone review their own emergency access, nor non-auditors review', async () => {
    const both = await createUser(db, {
      roles: ['CARE_COORDINATOR', 'AUDITOR'],
      teams: [world.north.id],
    });
    const actor = actorOf(both);
    const granted = await requestBreakGlass(
      actor,
      { nhsNumber: world.southPatient.nhsNumber, reason: REASON },
      { db },
    );
    if (!granted.ok) throw new Error(granted.message);
    const own = await reviewBreakGlass(
      actor,
      { breakGlassId: granted.data.breakGlassId, notes: 'Looks fine to me' },
      { db },
    );
    expect(own).toMatchObject({ ok: false, reason: 'OWN_ACCESS' });

    const coordinator = await reviewBreakGlass(
      actorOf(world.users.coordinatorSouth),
      { breakGlassId: granted.data.breakGlassId, notes: 'Not my job' },
      { db },
    );
    expect(coordinator).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(
      listBreakGlass(
        { actor: actorOf(world.users.coordinatorSouth), client: db },
        { status: 'all', page: 1 },
      ),
    ).rejects.toThrow(/permission/);
  });
});
