// Issue 8 §2 and the contact frequency (decisions 772 and 824): the renewal steps are offered
// (getOrder, which the patient page and the renewal page read) only from 28 days before the
// window opens; the care coordinator or RC sets how often the patient is seen, audited, in
// scope, and never on an ended order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { extensionWindow, renewalOfferedFrom } from '@/lib/cto';
import { addCalendarDays, addCalendarMonths, londonDateOf } from '@/lib/server/dates';
import { getOrder } from '@/lib/server/queries/get-order';
import { toSnapshot } from '@/lib/server/orders/snapshot';
import { setContactFrequency } from '@/lib/server/services/set-contact-frequency';
import { createCtoFixture } from '@/tests/factories';
import { testDb } from './support/db';
import { actorOf } from './support/world';
import { key, orderWorld, versionOf } from './orders/part-b-support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

const today = () => londonDateOf(new Date());

async function examineOffer(madeOn: string) {
  const w = await orderWorld(db, { madeOn });
  const view = await getOrder({ actor: w.rc }, w.patientId, w.orderId);
  const window = extensionWindow(toSnapshot(view.order));
  return { view, window, examine: view.events.find((e) => e.type === 'EXAMINE_FOR_EXTENSION') };
}

describe('the renewal steps are offered from 28 days before the window opens', () => {
  it('months ahead: not offered, and the page is told from when', async () => {
    // Made two months ago: the window opens about two months from now.
    const { examine, window } = await examineOffer(addCalendarMonths(today(), -2));
    expect(examine?.allowed).toBe(false);
    expect(examine?.code).toBe('NOT_DUE_YET');
    expect(window).not.toBeNull();
    expect(examine?.message).toContain('offered from');
    const from = renewalOfferedFrom(window!.opens);
    expect(from > today()).toBe(true);
  });

  it('within 28 days of the window opening: offered', async () => {
    // Made six months ago less about eight weeks: the window opens in about 20 days.
    const madeOn = addCalendarDays(addCalendarMonths(today(), -6), 80);
    const { examine, window } = await examineOffer(madeOn);
    expect(window!.opens > today()).toBe(true);
    expect(renewalOfferedFrom(window!.opens) <= today()).toBe(true);
    // Offered; the law itself still refuses an examination dated before the window opens.
    expect(examine?.code).not.toBe('NOT_DUE_YET');
  });

  it('inside the window: offered and allowed', async () => {
    const { examine } = await examineOffer(addCalendarDays(addCalendarMonths(today(), -6), 21));
    expect(examine?.allowed).toBe(true);
  });
});

describe('how often the patient is seen', () => {
  async function input(orderId: string, days: string) {
    return {
      orderId,
      expectedVersion: String(await versionOf(db, orderId)),
      idempotencyKey: key(),
      contactFrequencyDays: days,
    };
  }

  it('the care coordinator sets it and clears it back to the default, audited', async () => {
    const w = await orderWorld(db);
    const set = await setContactFrequency(w.cc, await input(w.orderId, '21'), { db });
    expect(set).toMatchObject({ ok: true, data: { contactFrequencyDays: 21 } });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(order.contactFrequencyDays).toBe(21);
    const audit = await db.auditEvent.findFirst({
      where: { action: 'order.contact-frequency', entityId: w.orderId, outcome: 'SUCCESS' },
    });
    expect(audit?.metadata).toEqual({ from: null, to: 21 });

    const cleared = await setContactFrequency(w.rc, await input(w.orderId, ''), { db });
    expect(cleared).toMatchObject({ ok: true, data: { contactFrequencyDays: null } });
    const after = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(after.contactFrequencyDays).toBeNull();
  });

  it('refuses a number of days out of range, in plain English, and writes nothing', async () => {
    const w = await orderWorld(db);
    const result = await setContactFrequency(w.cc, await input(w.orderId, '0'), { db });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors?.contactFrequencyDays).toBe(
        'How often must be at least every 1 day',
      );
    }
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(order.contactFrequencyDays).toBeNull();
  });

  it('a coordinator of another team finds no such order; the MHA office may not set it', async () => {
    const w = await orderWorld(db);
    const other = await createCtoFixture(db);
    const outsider = await setContactFrequency(actorOf(other.cc), await input(w.orderId, '7'), {
      db,
    });
    expect(outsider).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const office = await setContactFrequency(w.mha, await input(w.orderId, '7'), { db });
    expect(office).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(order.contactFrequencyDays).toBeNull();
  });

  it('refuses an ended order', async () => {
    const w = await orderWorld(db);
    await db.communityTreatmentOrder.update({
      where: { id: w.orderId },
      data: { state: 'DISCHARGED', endedOn: new Date(), endedAt: new Date() },
    });
    const result = await setContactFrequency(w.cc, await input(w.orderId, '7'), { db });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('ended');
  });
});
