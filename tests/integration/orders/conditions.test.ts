// Conditions: vary (CTO2), suspend and reinstate (s17B(5)); mandatory conditions stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { CONFLICT_MESSAGE } from '@/lib/server/services/run-service';
import { varyConditions } from '@/lib/server/services/vary-conditions';
import { reinstateCondition, suspendCondition } from '@/lib/server/services/suspend-condition';
import { testDb } from '../support/db';
import { key, orderWorld, versionOf } from './support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

async function discretionary(orderId: string) {
  return db.condition.findFirstOrThrow({
    where: { orderId, kind: 'DISCRETIONARY', status: 'ACTIVE' },
    orderBy: { wording: 'asc' },
  });
}

describe('varying the conditions (CTO2)', () => {
  it('varies a condition: the old one ends, the new one points back at it, with history', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const old = await discretionary(orderId);
    const result = await varyConditions(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        change: 'VARY',
        conditionId: old.id,
        wording: 'To live at 12 Mill Lane, Northbridge.',
        purpose: 'PREVENT_RISK_TO_PATIENT',
        reasons: 'Moved to supported accommodation.',
      },
      { db },
    );
    expect(result).toMatchObject({ ok: true, data: { state: 'ACTIVE' } });
    const ended = await db.condition.findUniqueOrThrow({ where: { id: old.id } });
    expect(ended.status).toBe('ENDED');
    const replacement = await db.condition.findFirstOrThrow({ where: { supersedesId: old.id } });
    expect(replacement).toMatchObject({
      status: 'ACTIVE',
      wording: 'To live at 12 Mill Lane, Northbridge.',
    });
    const change = await db.conditionChange.findFirstOrThrow({
      where: { conditionId: replacement.id },
    });
    expect(change).toMatchObject({ kind: 'VARIED', reason: 'Moved to supported accommodation.' });
    expect(await db.statutoryForm.count({ where: { orderId, type: 'CTO2' } })).toBe(1);
    // Rights information is now due after the variation (the lib/cto clock).
    expect(await db.ctoEvent.count({ where: { orderId, type: 'VARY_CONDITIONS' } })).toBe(1);
  });

  it('varies the wording with the form’s “kind” select left blank; asks the kind only when adding', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const old = await discretionary(orderId);
    // As the form sends it: the "Kind of condition (when adding)" select submits ''.
    const varied = await varyConditions(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        change: 'VARY',
        conditionId: old.id,
        category: '',
        wording: 'To live at 3 Station Road, Northbridge.',
        purpose: 'PREVENT_RISK_TO_PATIENT',
        reasons: 'Moved house.',
      },
      { db },
    );
    expect(varied).toMatchObject({ ok: true });
    const added = await varyConditions(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        change: 'ADD',
        conditionId: '',
        category: '',
        wording: 'To attend the depot clinic.',
        purpose: '',
        reasons: 'Needed.',
      },
      { db },
    );
    expect(added).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: {
        category: 'Choose the kind of condition',
        purpose: 'Choose what the condition is for (section 17B(2))',
      },
    });
    for (const message of Object.values((added.ok ? {} : added.fieldErrors) ?? {}))
      expect(message).not.toMatch(/expected one of|Invalid/);
  });

  it('refuses to vary or remove a mandatory condition, and bad input', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const mandatory = await db.condition.findFirstOrThrow({
      where: { orderId, kind: 'MANDATORY' },
    });
    const refused = await varyConditions(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        change: 'REMOVE',
        conditionId: mandatory.id,
        reasons: 'Not needed.',
      },
      { db },
    );
    expect(refused).toMatchObject({ ok: false, reason: 'MANDATORY_CONDITION' });
    const bad = await varyConditions(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        change: 'ADD',
        reasons: '',
      },
      { db },
    );
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await db.statutoryForm.count({ where: { orderId, type: 'CTO2' } })).toBe(0);
    expect(await db.condition.count({ where: { orderId, status: 'ENDED' } })).toBe(0);
  });

  it('refuses a variation before the order is made (the law’s reason)', async () => {
    const w = await orderWorld(db, { stage: 'AGREED' });
    const orderId = w.order!.id;
    const result = await varyConditions(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        change: 'ADD',
        category: 'MEDICATION',
        wording: 'To take medication.',
        purpose: 'ENSURE_TREATMENT',
        reasons: 'Needed.',
      },
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'REFUSED', reason: 'NO_ORDER_IN_FORCE' });
  });

  it('concurrent variations: one wins; a stale one is rolled back', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const v = String(await versionOf(db, orderId));
    const add = (wording: string) => ({
      orderId,
      expectedVersion: v,
      idempotencyKey: key(),
      change: 'ADD',
      category: 'OTHER',
      wording,
      purpose: 'ENSURE_TREATMENT',
      reasons: 'Agreed at CPA review.',
    });
    const results = await Promise.all([
      varyConditions(w.rcActor, add('First.'), { db }),
      varyConditions(w.rcActor, add('Second.'), { db }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      code: 'CONFLICT',
      message: CONFLICT_MESSAGE,
    });
    expect(await db.statutoryForm.count({ where: { orderId, type: 'CTO2' } })).toBe(1);
    expect(
      await db.condition.count({ where: { orderId, wording: { in: ['First.', 'Second.'] } } }),
    ).toBe(1);
  });

  it('the same submission twice adds one condition', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const same = {
      orderId,
      expectedVersion: String(await versionOf(db, orderId)),
      idempotencyKey: key(),
      change: 'ADD',
      category: 'ABSTAIN_FROM_SUBSTANCES',
      wording: 'Not to use cannabis.',
      purpose: 'PREVENT_RISK_TO_PATIENT',
      reasons: 'Relapses follow cannabis use.',
    };
    const a = await varyConditions(w.rcActor, same, { db });
    const b = await varyConditions(w.rcActor, same, { db });
    expect(b).toEqual(a);
    expect(await db.condition.count({ where: { orderId, wording: 'Not to use cannabis.' } })).toBe(
      1,
    );
  });
});

describe('suspending a condition (s17B(5))', () => {
  it('suspends and reinstates, with reasons in the history; refuses reinstating one in force', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const c = await discretionary(orderId);
    const suspended = await suspendCondition(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        conditionId: c.id,
        reasons: 'Two weeks’ respite with family.',
      },
      { db },
    );
    expect(suspended).toMatchObject({ ok: true });
    expect((await db.condition.findUniqueOrThrow({ where: { id: c.id } })).status).toBe(
      'SUSPENDED',
    );
    const again = await suspendCondition(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        conditionId: c.id,
        reasons: 'x',
      },
      { db },
    );
    expect(again).toMatchObject({ ok: false, reason: 'CONDITION_NOT_IN_FORCE' });
    const back = await reinstateCondition(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        conditionId: c.id,
        reasons: 'Back home.',
      },
      { db },
    );
    expect(back).toMatchObject({ ok: true });
    const changes = await db.conditionChange.findMany({
      where: { conditionId: c.id },
      orderBy: { occurredAt: 'asc' },
    });
    expect(changes.map((x) => x.kind)).toEqual(['ADDED', 'SUSPENDED', 'REINSTATED']);
    expect(
      await reinstateCondition(
        w.rcActor,
        {
          orderId,
          expectedVersion: String(await versionOf(db, orderId)),
          conditionId: c.id,
          reasons: 'x',
        },
        { db },
      ),
    ).toMatchObject({ ok: false, code: 'REFUSED' });
  });

  it('refuses a care coordinator', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const c = await discretionary(orderId);
    expect(
      await suspendCondition(
        w.ccActor,
        { orderId, expectedVersion: '1', conditionId: c.id, reasons: 'x' },
        { db },
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
