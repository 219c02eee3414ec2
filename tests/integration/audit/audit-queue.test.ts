// The audit queue (decision 823): reads made outside a transaction queue their row without the
// chain's lock and wait until a flush has chained it. Many at once: every row is in the trail,
// in one unbroken chain, when the reads return, and the queue is empty. The app's role may add
// to the queue but not change or remove what is queued.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { flushAuditQueue, recordAudit } from '@/lib/server/audit/record-audit';
import { verifyAuditChain } from '@/lib/server/audit/verify-chain';
import { testDb } from '../support/db';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

describe('the audit queue for reads', () => {
  it('chains 60 concurrent reads before each returns, in one unbroken chain', async () => {
    const marker = `queue-${Date.now()}`;
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        await recordAudit(db, {
          actor: { userId: null, roles: ['MHA_OFFICE'] },
          action: 'test.queued-read',
          outcome: 'SUCCESS',
          metadata: { marker, i },
        });
        // Its own row is in the trail, chained, as soon as the read returns.
        const own = await db.auditEvent.findFirst({
          where: { action: 'test.queued-read', metadata: { equals: { marker, i } } },
        });
        expect(own?.chainSeq).not.toBeNull();
        expect(own?.hash).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
    const rows = await db.auditEvent.findMany({
      where: { action: 'test.queued-read', metadata: { path: ['marker'], equals: marker } },
    });
    expect(rows).toHaveLength(60);
    expect(await db.auditQueue.count()).toBe(0);
    expect(await flushAuditQueue(db)).toBe(0);
    const report = await verifyAuditChain(db);
    expect(report.problems).toEqual([]);
  });

  it('reads and changes at the same time keep one chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? recordAudit(db, {
              actor: { userId: null, roles: [] },
              action: 'test.mixed-read',
              outcome: 'SUCCESS',
            })
          : db.$transaction((tx) =>
              recordAudit(tx, {
                actor: { userId: null, roles: [] },
                action: 'test.mixed-change',
                outcome: 'SUCCESS',
              }),
            ),
      ),
    );
    expect((await verifyAuditChain(db)).problems).toEqual([]);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_APP_ROLE_UNAVAILABLE))(
  "the app's role on the queue",
  () => {
    it('may queue a row but not change or delete queued rows', async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL ?? '' });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO "AuditQueue" ("roles", "action", "outcome") VALUES ('{}', 'test.app-queue', 'SUCCESS')`,
        );
        await expect(client.query(`DELETE FROM "AuditQueue"`)).rejects.toThrow(/permission denied/);
        await expect(client.query(`UPDATE "AuditQueue" SET "action" = 'x'`)).rejects.toThrow(
          /permission denied/,
        );
        const moved = await client.query<{ n: number }>(
          'SELECT audit_queue_flush(NULL::bigint) AS n',
        );
        expect(moved.rows[0]?.n).toBeGreaterThanOrEqual(1);
      } finally {
        await client.end();
      }
    });
  },
);
