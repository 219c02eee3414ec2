// Reminders that reach people (issue 8 §3), against a real database and a real HTTP stand-in
// for GOV.UK Notify: who is told of a recall, what the email says (and never says), the daily
// digest, retries with back-off and failures the administrator sees, and withdrawal when the
// event is entered in error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { londonTime, londonDateOf } from '@/lib/server/dates';
import type { Tx } from '@/lib/server/db';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import { createDeadlineReminders } from '@/lib/server/notifications/deadline-reminders';
import { queueDigests } from '@/lib/server/notifications/digests';
import { notifyMailer, type Mailer } from '@/lib/server/notifications/mailer';
import { sendEmails } from '@/lib/server/notifications/send-emails';
import { listDeliveryProblems } from '@/lib/server/queries/notifications';
import { markEventEnteredInError } from '@/lib/server/services/mark-event-entered-in-error';
import { retryEmailDelivery } from '@/lib/server/services/retry-email-delivery';
import { saveNotificationPreferences } from '@/lib/server/services/save-notification-preferences';
import { createUser } from '@/tests/factories';
import { startNotifyStandIn, type NotifyStandIn } from '@/tests/support/notify-stand-in';
import { testDb } from '../support/db';
import { actorOf } from '../support/world';
import { key, orderWorld, versionOf } from '../orders/part-b-support';
import {
  APP_URL,
  drainOutbox,
  patientSecrets,
  recalledWorld,
  serveRecall,
  setAsideEarlierWork,
} from './support';

const TEMPLATES = {
  IMMEDIATE: '4c7a1a52-1f7e-4b7e-9f0f-3b7a8e0c1d11',
  DIGEST: '9d2b6e3a-5c4f-4a8d-8e1b-2f6c7a9b0e22',
};

let db: PrismaClient;
let notify: NotifyStandIn;
let mailer: Mailer;
beforeAll(async () => {
  db = testDb();
  notify = await startNotifyStandIn();
  mailer = notifyMailer({ apiKey: notify.apiKey, baseUrl: notify.baseUrl, templates: TEMPLATES });
  // Earlier test files leave their own queued items and emails in this database: set those
  // aside first, so that each test below sees only its own.
  await setAsideEarlierWork(db, new Date());
});
afterEach(() => {
  notify.failAlways(null);
});
afterAll(async () => {
  await notify.close();
  await db.$disconnect();
});

// Every email due at `now`, in as many batches as it takes: earlier test files leave their own
// emails queued in the same database, and one batch may not reach this test's.
async function send(now: Date, workerId = 'test-worker') {
  const total = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const r = await sendEmails({
      db,
      mailer,
      workerId,
      now,
      maxAttempts: 3,
      limit: 500,
      log: () => undefined,
    });
    total.sent += r.sent;
    total.retrying += r.retrying;
    total.failed += r.failed;
    if (r.sent + r.retrying + r.failed === 0) return total;
  }
}

async function userEmail(userId: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { id: userId } })).email;
}

describe('a recall reaches the people it concerns', () => {
  it('the care coordinator and the MHA office are told at once, in the app and by email; the RC who served it is not; no email names the patient', async () => {
    const now = new Date();
    const w = await recalledWorld(db, now);
    await drainOutbox(db, now);

    const forCc = await db.notification.findMany({ where: { userId: w.cc.userId } });
    expect(forCc).toHaveLength(1);
    expect(forCc[0]).toMatchObject({
      kind: 'RECALL',
      priority: 'IMMEDIATE',
      link: `/patients/${w.patientId}`,
      eventId: w.recallEventId,
      readAt: null,
    });
    expect(await db.notification.count({ where: { userId: w.mha.userId } })).toBe(1);
    // The RC served the notice: nobody tells them what they did.
    expect(await db.notification.count({ where: { userId: w.rc.userId } })).toBe(0);
    // Not a hospital manager's business.
    expect(await db.notification.count({ where: { userId: w.manager.userId } })).toBe(0);

    await send(now);
    const ccEmail = await userEmail(w.cc.userId);
    const toCc = notify.sent.filter((e) => e.email_address === ccEmail);
    expect(toCc).toHaveLength(1);
    expect(toCc[0]).toMatchObject({
      template_id: TEMPLATES.IMMEDIATE,
      personalisation: {
        heading: 'A patient has been recalled to hospital',
        link: `${APP_URL}/inbox`,
      },
    });
    const delivery = await db.emailDelivery.findFirstOrThrow({ where: { userId: w.cc.userId } });
    expect(toCc[0]?.reference).toBe(delivery.id);
    expect(delivery).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(delivery.notifyId).toMatch(/^[0-9a-f-]{36}$/);
    for (const secret of await patientSecrets(db, w.patientId)) {
      expect(toCc[0]?.raw).not.toContain(secret);
    }
    // Sent once: a second run finds nothing to send for them.
    await send(new Date(now.getTime() + 60_000));
    expect(notify.sent.filter((e) => e.email_address === ccEmail)).toHaveLength(1);
  });

  it('someone who chose the daily digest gets no immediate email, then one digest a day with counts only', async () => {
    const now = londonTime(londonDateOf(new Date()), 6, 0);
    const w = await orderWorld(db, { now });
    const chose = await saveNotificationPreferences(w.cc, { email: 'DAILY_DIGEST' }, { db, now });
    expect(chose.ok).toBe(true);
    await serveRecall(db, w, now);
    await drainOutbox(db, now);
    expect(await db.notification.count({ where: { userId: w.cc.userId } })).toBe(1);
    expect(await db.emailDelivery.count({ where: { userId: w.cc.userId } })).toBe(0);

    // Before the digest hour: nothing.
    expect(await queueDigests({ db, now, digestHour: 7, appUrl: APP_URL })).toBe(0);
    const eight = londonTime(londonDateOf(now), 8, 0);
    await queueDigests({ db, now: eight, digestHour: 7, appUrl: APP_URL });
    await queueDigests({ db, now: eight, digestHour: 7, appUrl: APP_URL });
    const digests = await db.emailDelivery.findMany({ where: { userId: w.cc.userId } });
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({
      kind: 'DIGEST',
      personalisation: { count: '1', summary: '* 1 recall to hospital', link: `${APP_URL}/inbox` },
    });
    await send(eight);
    const ccEmail = await userEmail(w.cc.userId);
    const sent = notify.sent.filter((e) => e.email_address === ccEmail);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.template_id).toBe(TEMPLATES.DIGEST);
    for (const secret of await patientSecrets(db, w.patientId)) {
      expect(sent[0]?.raw).not.toContain(secret);
    }
  });

  it('someone who chose no emails is told in the app only', async () => {
    const now = new Date();
    const w = await orderWorld(db, { now });
    await saveNotificationPreferences(w.cc, { email: 'NONE' }, { db, now });
    await serveRecall(db, w, now);
    await drainOutbox(db, now);
    expect(await db.notification.count({ where: { userId: w.cc.userId } })).toBe(1);
    await queueDigests({
      db,
      now: londonTime(londonDateOf(now), 23, 0),
      digestHour: 7,
      appUrl: APP_URL,
    });
    expect(await db.emailDelivery.count({ where: { userId: w.cc.userId } })).toBe(0);
  });
});

describe('Notify failures', () => {
  it('500 and 429 are tried again after a growing wait, then sent once', async () => {
    const now = new Date();
    const w = await recalledWorld(db, now);
    await drainOutbox(db, now);
    const delivery = await db.emailDelivery.findFirstOrThrow({ where: { userId: w.cc.userId } });
    const row = () => db.emailDelivery.findUniqueOrThrow({ where: { id: delivery.id } });

    notify.failNextFor(delivery.id, 500, 429);
    await send(now);
    expect(await row()).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: 500 });
    expect((await row()).nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);

    // Not before its time.
    await send(new Date(now.getTime() + 29_000));
    expect(await row()).toMatchObject({ status: 'PENDING', attempts: 1 });

    await send(new Date(now.getTime() + 30_000));
    expect(await row()).toMatchObject({ status: 'PENDING', attempts: 2, lastStatusCode: 429 });
    expect((await row()).nextAttemptAt.getTime()).toBe(now.getTime() + 30_000 + 60_000);

    await send(new Date(now.getTime() + 90_000));
    expect(await row()).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(notify.attempts.filter((a) => a.reference === delivery.id).map((a) => a.status)).toEqual(
      [500, 429, 201],
    );
    expect(notify.sent.filter((e) => e.reference === delivery.id)).toHaveLength(1);
  });

  it('after the last try the email is FAILED and the system administrator sees it, and can try again', async () => {
    const now = new Date();
    await send(now); // clear what other tests left
    const w = await recalledWorld(db, now);
    await drainOutbox(db, now);
    const delivery = await db.emailDelivery.findFirstOrThrow({ where: { userId: w.cc.userId } });
    notify.failAlways(503);
    let at = now;
    for (let i = 0; i < 3; i += 1) {
      await send(at);
      at = new Date(at.getTime() + 3_600_000);
    }
    const row = await db.emailDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3, lastStatusCode: 503 });
    expect(row.lastError).toContain('Notify answered 503');

    const admin = actorOf(await createUser(db, { roles: ['SYSTEM_ADMINISTRATOR'] }));
    const problems = await listDeliveryProblems(
      { actor: { ...admin, sessionId: '' }, client: db },
      3,
    );
    const shown = problems.failed.find((p) => p.id === delivery.id);
    expect(shown).toMatchObject({
      what: 'email',
      status: 'FAILED',
      attempts: 3,
      lastStatusCode: 503,
    });
    expect(shown?.to).toBe(await userEmail(w.cc.userId));
    // Nobody else sees the list.
    await expect(
      listDeliveryProblems({ actor: { ...w.mha, sessionId: '' }, client: db }, 3),
    ).rejects.toThrow();

    notify.failAlways(null);
    const retried = await retryEmailDelivery(admin, { deliveryId: delivery.id }, { db, now: at });
    expect(retried.ok).toBe(true);
    await send(at);
    expect(await db.emailDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: 'SENT',
    });
  });

  it('a refusal (400) is not tried again', async () => {
    const now = new Date();
    await send(now);
    const w = await recalledWorld(db, now);
    await drainOutbox(db, now);
    const delivery = await db.emailDelivery.findFirstOrThrow({ where: { userId: w.cc.userId } });
    notify.failNextFor(delivery.id, 400);
    await send(now);
    const row = await db.emailDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, lastStatusCode: 400 });
  });
});

describe('undoing an event withdraws what it queued and has not been sent', () => {
  const correct = async (w: Awaited<ReturnType<typeof recalledWorld>>, now: Date) => {
    const result = await markEventEnteredInError(
      w.mha,
      {
        orderId: w.orderId,
        expectedVersion: String(await versionOf(db, w.orderId)),
        idempotencyKey: key(),
        eventId: w.recallEventId,
        reason: 'Recorded on the wrong patient.',
        confirm: 'yes',
      },
      { db, now },
    );
    if (!result.ok) throw new Error(result.message);
  };

  it('after the worker made them: the notifications leave the inbox and the unsent emails are withdrawn', async () => {
    const now = new Date();
    const w = await recalledWorld(db, now);
    await drainOutbox(db, now);
    expect(
      await db.emailDelivery.count({ where: { userId: w.cc.userId, status: 'PENDING' } }),
    ).toBe(1);
    await correct(w, now);
    expect(await db.notification.count({ where: { userId: w.cc.userId, withdrawnAt: null } })).toBe(
      0,
    );
    const email = await db.emailDelivery.findFirstOrThrow({ where: { userId: w.cc.userId } });
    expect(email.status).toBe('WITHDRAWN');
    await send(now);
    expect(notify.sent.filter((e) => e.reference === email.id)).toHaveLength(0);
  });

  it('before the worker took it: nobody is told at all', async () => {
    const now = new Date();
    const w = await recalledWorld(db, now);
    await correct(w, now);
    await drainOutbox(db, now);
    expect(await db.notification.count({ where: { userId: w.cc.userId } })).toBe(0);
    expect(await db.emailDelivery.count({ where: { userId: w.cc.userId } })).toBe(0);
    const item = await db.outboxMessage.findFirstOrThrow({
      where: {
        topic: 'order-event.recorded',
        payload: { path: ['eventId'], equals: w.recallEventId },
      },
    });
    expect(item.processedAt).not.toBeNull();
    expect(item.lastError).toContain('withdrawn');
  });
});

describe('deadlines coming due', () => {
  it('each owner is reminded once of each deadline due within 7 days or overdue, however often the scan runs', async () => {
    const now = new Date();
    const today = londonDateOf(now);
    const w = await orderWorld(db, { now });
    await recomputeOrderDeadlines(db as unknown as Tx, w.orderId, today, now);
    const soon = await db.deadline.findMany({
      where: {
        orderId: w.orderId,
        status: 'OPEN',
        dueOn: { lte: new Date(Date.parse(today) + 7 * 86_400_000) },
      },
    });
    expect(soon.length).toBeGreaterThan(0);
    await Promise.all(
      [1, 2, 3].map(() => createDeadlineReminders({ db, now, appUrl: APP_URL, limit: 5000 })),
    );
    await createDeadlineReminders({ db, now, appUrl: APP_URL, limit: 5000 });
    const ownerOf = (d: (typeof soon)[number]) =>
      d.ownerId ??
      (d.ownerRole === 'CARE_COORDINATOR'
        ? w.cc.userId
        : d.ownerRole === 'RESPONSIBLE_CLINICIAN'
          ? w.rc.userId
          : null);
    for (const person of [w.rc.userId, w.cc.userId]) {
      const expected = soon.filter((d) => ownerOf(d) === person);
      const got = await db.notification.findMany({
        where: { userId: person, kind: { startsWith: 'DEADLINE_' } },
      });
      expect(got.map((n) => n.title).sort()).toEqual(
        expected
          .map(
            (d) =>
              `${d.dueOn.toISOString().slice(0, 10) < today ? 'Overdue' : 'Due soon'}: ${d.title}`,
          )
          .sort(),
      );
      for (const n of got) expect(n.link).toBe(`/patients/${w.patientId}`);
    }
  });
});
