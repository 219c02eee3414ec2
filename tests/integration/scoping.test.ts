// Legitimate relationships (issue 4, part 2): the scope is in the query itself; outside it a
// patient is "not found" and the attempt is audited as DENIED with the patient's id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getPatient } from '@/lib/server/queries/get-patient';
import { listPatients } from '@/lib/server/queries/list-patients';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { runService } from '@/lib/server/services/run-service';
import { requestBreakGlass } from '@/lib/server/services/request-break-glass';
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

const page = { q: undefined, page: 1, pageSize: 100 };

// Every page: other test files' patients share the database, and a trust-wide list sorted by
// name may put this world's patients on any page.
async function visibleIds(user: keyof World['users']): Promise<string[]> {
  const ours = new Set([world.northPatient.id, world.southPatient.id, world.requestedPatient.id]);
  const seen: string[] = [];
  for (let n = 1; ; n += 1) {
    const list = await listPatients(
      { actor: actorOf(world.users[user]), client: db },
      { ...page, page: n },
    );
    seen.push(...list.items.map((p) => p.id));
    if (list.items.length === 0 || n * list.pageSize >= list.total) break;
  }
  return seen.filter((id) => ours.has(id));
}

describe('North’s care coordinator', () => {
  it('cannot read a South patient: not found, and a denied audit event names the patient', async () => {
    const actor = actorOf(world.users.coordinatorNorth);
    await expect(getPatient({ actor, client: db }, world.southPatient.id)).rejects.toThrow(
      NotFound,
    );
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { userId: actor.userId, action: 'patient.read' },
      orderBy: { id: 'desc' },
    });
    expect(denied).toMatchObject({
      outcome: 'DENIED',
      reason: 'outside-scope',
      patientId: world.southPatient.id,
    });
  });

  it('reads their own team’s patient, audited', async () => {
    const actor = actorOf(world.users.coordinatorNorth);
    const patient = await getPatient({ actor, client: db }, world.northPatient.id);
    expect(patient.id).toBe(world.northPatient.id);
    expect(patient.breakGlassId).toBeNull();
  });

  it('does not list South patients, even searched for by NHS number', async () => {
    expect(await visibleIds('coordinatorNorth')).toEqual([world.northPatient.id]);
    const searched = await listPatients(
      { actor: actorOf(world.users.coordinatorNorth), client: db },
      { ...page, q: world.southPatient.nhsNumber! },
    );
    expect(searched.total).toBe(0);
  });

  it('cannot change a South patient: the service’s scope is in the write’s query', async () => {
    const result = await runService({
      action: 'update:patient',
      auditAction: 'test.patient.update',
      schema: z.object({ patientId: z.string() }),
      actor: actorOf(world.users.coordinatorNorth),
      input: { patientId: world.southPatient.id },
      db,
      execute: async (ctx) => {
        const updated = await ctx.tx.patient.updateMany({
          where: { AND: [{ id: ctx.input.patientId }, ctx.patientWhere] },
          data: { phone: '01234 567890' },
        });
        if (updated.count === 0) ctx.notFound('The patient');
      },
    });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const row = await db.patient.findUniqueOrThrow({ where: { id: world.southPatient.id } });
    expect(row.phone).not.toBe('01234 567890');
  });
});

describe('trust-wide roles', () => {
  it('the MHA office and hospital managers read and list both teams', async () => {
    for (const user of ['mhaOffice', 'manager'] as const) {
      const actor = actorOf(world.users[user]);
      await expect(getPatient({ actor, client: db }, world.southPatient.id)).resolves.toMatchObject(
        {
          id: world.southPatient.id,
        },
      );
      expect((await visibleIds(user)).sort()).toEqual(
        [world.northPatient.id, world.southPatient.id, world.requestedPatient.id].sort(),
      );
    }
  });

  it('auditors and administrators read no patient at all: refused and audited', async () => {
    for (const user of ['auditor', 'admin'] as const) {
      const actor = actorOf(world.users[user]);
      await expect(getPatient({ actor, client: db }, world.northPatient.id)).rejects.toThrow(
        AccessDenied,
      );
      await expect(listPatients({ actor, client: db }, page)).rejects.toThrow(AccessDenied);
      expect(
        await db.auditEvent.count({
          where: { userId: actor.userId, action: 'read:patient', outcome: 'DENIED' },
        }),
      ).toBe(2);
    }
  });
});

describe('AMHPs', () => {
  it('see only the patients whose order waits for their agreement', async () => {
    expect(await visibleIds('amhp')).toEqual([world.requestedPatient.id]);
    expect(await visibleIds('otherAmhp')).toEqual([]);
    const actor = actorOf(world.users.amhp);
    await expect(
      getPatient({ actor, client: db }, world.requestedPatient.id),
    ).resolves.toBeTruthy();
    await expect(getPatient({ actor, client: db }, world.northPatient.id)).rejects.toThrow(
      NotFound,
    );
  });

  it('lose access 28 days after answering', async () => {
    const agreement = await db.amhpAgreement.findFirstOrThrow({
      where: { amhpId: world.users.amhp.id },
    });
    const answered = new Date('2026-01-10T12:00:00Z');
    await db.amhpAgreement.update({
      where: { id: agreement.id },
      data: { decision: 'AGREED', respondedAt: answered },
    });
    const actor = actorOf(world.users.amhp);
    const within = new Date(answered.getTime() + 27 * 86_400_000);
    const after = new Date(answered.getTime() + 29 * 86_400_000);
    await expect(
      getPatient({ actor, client: db, now: within }, world.requestedPatient.id),
    ).resolves.toBeTruthy();
    await expect(
      getPatient({ actor, client: db, now: after }, world.requestedPatient.id),
    ).rejects.toThrow(NotFound);
    await db.amhpAgreement.update({
      where: { id: agreement.id },
      data: { decision: 'PENDING', respondedAt: null },
    });
  });
});

describe('break-glass', () => {
  it('grants access for a time; reads carry the grant; then it expires', async () => {
    const actor = actorOf(world.users.coordinatorSouth);
    const now = new Date();
    await expect(getPatient({ actor, client: db, now }, world.northPatient.id)).rejects.toThrow(
      NotFound,
    );
    const granted = await requestBreakGlass(
      actor,
      {
        nhsNumber: world.northPatient.nhsNumber,
        reason: 'Covering North duty desk: patient phoned in crisis.',
      },
      { db, now },
    );
    if (!granted.ok) throw new Error(granted.message);
    const soon = new Date(now.getTime() + 30 * 60_000);
    const patient = await getPatient({ actor, client: db, now: soon }, world.northPatient.id);
    expect(patient.breakGlassId).toBe(granted.data.breakGlassId);
    const read = await db.auditEvent.findFirstOrThrow({
      where: { userId: actor.userId, action: 'patient.read', outcome: 'SUCCESS' },
      orderBy: { id: 'desc' },
    });
    expect(read).toMatchObject({
      patientId: world.northPatient.id,
      breakGlassId: granted.data.breakGlassId,
    });
    // Not on their list: break-glass opens the record, it does not add the patient to the list.
    const list = await listPatients({ actor, client: db, now: soon }, page);
    expect(list.items.map((p) => p.id)).not.toContain(world.northPatient.id);

    const expired = new Date(now.getTime() + 60 * 60_000 + 1);
    await expect(
      getPatient({ actor, client: db, now: expired }, world.northPatient.id),
    ).rejects.toThrow(NotFound);
  });
});
