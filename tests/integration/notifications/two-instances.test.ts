// Exactly once with two app instances on one PostgreSQL (issue 8 §3): two workers, each with its
// own connection pool (as two `npm start` processes have), run at the same moment over the same
// queued items, emails and due time events. Each item makes its notifications once, each email
// reaches the Notify stand-in once, and each order's time event is recorded once, with neither
// worker failing on the other (docs/decisions/712-exactly-once-with-skip-locked.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { addCalendarMonths, londonDateOf } from '@/lib/server/dates';
import { applyTimeEvents } from '@/lib/server/jobs/apply-time-events';
import { createDeadlineReminders } from '@/lib/server/notifications/deadline-reminders';
import { notifyMailer } from '@/lib/server/notifications/mailer';
import { processOutbox } from '@/lib/server/notifications/process-outbox';
import { sendEmails } from '@/lib/server/notifications/send-emails';
import { startNotifyStandIn, type NotifyStandIn } from '@/tests/support/notify-stand-in';
import { testDb } from '../support/db';
import { orderWorld } from '../orders/part-b-support';
import { APP_URL, serveRecall, setAsideEarlierWork } from './support';

let one: PrismaClient;
let two: PrismaClient;
let notify: NotifyStandIn;
beforeAll(async () => {
  // Two independent clients, each with its own pool of connections.
  one = testDb();
  two = testDb();
  notify = await startNotifyStandIn();
  // Earlier test files leave their own queued items, emails and due deadlines in this database:
  // set them aside, so that the test below times and counts only its own work.
  await setAsideEarlierWork(one, new Date());
});
afterAll(async () => {
  await notify.close();
  await one.$disconnect();
  await two.$disconnect();
});

const templates = {
  IMMEDIATE: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  DIGEST: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
};

/** One worker: the outbox until empty, then emails until none is left. */
async function worker(db: PrismaClient, name: string, now: Date) {
  const mailer = notifyMailer({ apiKey: notify.apiKey, baseUrl: notify.baseUrl, templates });
  let outboxFailures = 0;
  for (;;) {
    const r = await processOutbox({ db, now, workerId: name, appUrl: APP_URL, limit: 20 });
    outboxFailures += r.failed;
    if (r.processed === 0) break;
  }
  await createDeadlineReminders({ db, now, appUrl: APP_URL, limit: 5000 });
  let sent = 0;
  for (;;) {
    const r = await sendEmails({ db, mailer, workerId: name, now, maxAttempts: 3, limit: 5 });
    sent += r.sent;
    if (r.sent + r.retrying + r.failed === 0) break;
  }
  return { outboxFailures, sent };
}

describe('two app instances on one database', () => {
  it('deliver each queued item and each email exactly once', async () => {
    const now = new Date();
    const worlds = [];
    for (let i = 0; i < 6; i += 1) {
      const w = await orderWorld(one, { now });
      await serveRecall(one, w, now);
      worlds.push(w);
    }
    const items = await one.outboxMessage.findMany({
      where: { processedAt: null, topic: 'order-event.recorded' },
      select: { id: true },
    });
    expect(items.length).toBeGreaterThanOrEqual(6);

    const [a, b] = await Promise.all([
      worker(one, 'instance-a', now),
      worker(two, 'instance-b', now),
    ]);
    expect(a.outboxFailures + b.outboxFailures).toBe(0);

    for (const w of worlds) {
      // One notification per person per recall: the care coordinator, and each MHA office member.
      const forCc = await one.notification.findMany({
        where: { userId: w.cc.userId, kind: 'RECALL' },
      });
      expect(forCc).toHaveLength(1);
      const emails = await one.emailDelivery.findMany({ where: { userId: w.cc.userId } });
      expect(emails).toHaveLength(1);
      expect(emails[0]?.status).toBe('SENT');
      const requests = notify.attempts.filter((r) => r.reference === emails[0]?.id);
      expect(requests).toEqual([{ reference: emails[0]?.id, status: 201 }]);
    }
    // Every email the stand-in received, it received once.
    const references = notify.sent.map((e) => e.reference);
    expect(new Set(references).size).toBe(references.length);
    // Both instances did some of the work (they shared it, rather than one waiting for the other).
    const byWorker = await one.emailDelivery.groupBy({
      by: ['lockedBy'],
      where: { id: { in: references.filter((r): r is string => typeof r === 'string') } },
      _count: { _all: true },
    });
    expect(byWorker.map((g) => g.lockedBy).sort()).toEqual(['instance-a', 'instance-b']);
    // Every notification's source made it once (the unique key would refuse a second anyway).
    const processed = await one.outboxMessage.findMany({
      where: { id: { in: items.map((i) => i.id) } },
      select: { processedAt: true, attempts: true },
    });
    for (const p of processed) expect(p).toMatchObject({ attempts: 1 });
    for (const p of processed) expect(p.processedAt).not.toBeNull();
  });

  it('apply each due time event once, neither instance failing on the other', async () => {
    const now = new Date();
    const madeOn = addCalendarMonths(londonDateOf(now), -6);
    const orderIds: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const w = await orderWorld(one, { madeOn, now });
      orderIds.push(w.orderId);
    }
    const [a, b] = await Promise.all([
      applyTimeEvents({ db: one, now, orderIds, log: () => undefined }),
      applyTimeEvents({ db: two, now, orderIds, log: () => undefined }),
    ]);
    expect(a.failed + b.failed).toBe(0);
    expect(a.ordersChanged + b.ordersChanged).toBe(8);
    for (const orderId of orderIds) {
      expect(await one.ctoEvent.count({ where: { orderId, type: 'EXPIRE' } })).toBe(1);
      expect(
        await one.auditEvent.count({ where: { entityId: orderId, action: 'time-event.expire' } }),
      ).toBe(1);
      expect(
        await one.outboxMessage.count({
          where: { topic: 'order-event.recorded', payload: { path: ['orderId'], equals: orderId } },
        }),
      ).toBe(1);
    }
  });
});
