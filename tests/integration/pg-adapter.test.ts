// Issue 12 §8: the seed and the server printed pg's DeprecationWarning "Calling client.query()
// when the client is already executing a query". Prisma 7 sends an include's relation queries
// at once on a transaction's one connection; pgAdapter's clients run them one at a time.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgAdapter } from '@/lib/server/pg-adapter';
import { orderInclude } from '@/lib/server/orders/snapshot';
import { testDb } from './support/db';
import { orderWorld } from './orders/part-b-support';

let orderId: string;
beforeAll(async () => {
  const db = testDb();
  orderId = (await orderWorld(db)).orderId;
  await db.$disconnect();
});

// Warnings are collected here instead of printed (the control below makes one on purpose).
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
let printers: ((warning: Error) => void)[] = [];
beforeAll(() => {
  printers = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', onWarning);
});
afterAll(() => {
  process.off('warning', onWarning);
  for (const printer of printers) process.on('warning', printer);
});

async function readOrderInTransaction(db: PrismaClient) {
  try {
    return await db.$transaction(async (tx) =>
      tx.communityTreatmentOrder.findUniqueOrThrow({
        where: { id: orderId },
        include: orderInclude,
      }),
    );
  } finally {
    await db.$disconnect();
  }
}

const overlapping = (w: string) => w.includes('already executing a query');

describe('queries on one connection', () => {
  it('a transaction reading an order with all its relations: the rows, and no overlapping-query warning', async () => {
    const url = process.env.DATABASE_URL ?? '';
    const order = await readOrderInTransaction(new PrismaClient({ adapter: pgAdapter(url) }));
    expect(order.id).toBe(orderId);
    expect(order.periods.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(warnings.filter(overlapping)).toEqual([]);

    // The same read through Prisma's plain adapter still overlaps its queries (pg warns once
    // per process, so this runs second). When this stops warning, Prisma has fixed it
    // (prisma/orm#29979) and OneQueryAtATimeClient can go.
    await readOrderInTransaction(
      new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(warnings.filter(overlapping)).toHaveLength(1);
  });
});

describe('session settings (decisions 821 and 862)', () => {
  it('every PostgreSQL connection has JIT off and a five-minute statement timeout', async () => {
    const db = testDb();
    try {
      const [settings] = await db.$queryRaw<{ jit: string; timeout: string; version: string }[]>`
        SELECT current_setting('jit') AS jit, current_setting('statement_timeout') AS timeout,
          version() AS version`;
      if (settings?.version.includes('PGlite')) {
        // The embedded database (one connection, for trying the app out) takes no start-up
        // options: neither setting reaches it (decision 862).
        expect(settings).toMatchObject({ timeout: '0' });
      } else {
        expect(settings).toMatchObject({ jit: 'off', timeout: '5min' });
      }
    } finally {
      await db.$disconnect();
    }
  });
});
