// One trust per deployment (issue 12, part 5; docs/decisions/611-one-trust-per-deployment.md):
// the database refuses a second trust, and the national-scale benchmark seed puts its data into
// the one trust there is instead of making another.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgAdapter } from '@/lib/server/pg-adapter';
import { createTrust, theTrust } from '@/tests/factories';
import { seedAtScale } from '../../scripts/lib/seed-at-scale';
import { testDb } from './support/db';
import { ownerUrl } from './support/owner-db';

/** The owner's connection: the scratch schemas are made and filled below the app's role. */
function url(): string {
  return ownerUrl();
}

/** A scratch schema in the test database with the project's migrations applied. */
async function scratchSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `one_trust_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    const dir = join(process.cwd(), 'prisma', 'migrations');
    for (const name of readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()) {
      await client.query(readFileSync(join(dir, name, 'migration.sql'), 'utf8'));
    }
  } finally {
    // The embedded server runs every connection in one session: never leave the path set.
    await client.query('RESET search_path');
    await client.end();
  }
  return {
    schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: url() });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA "${schema}" CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Runs the benchmark seed, small, into one scratch schema. */
async function benchSeed(schema: string) {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schema}"`);
    return await seedAtScale(client, {
      patients: 9,
      orders: 12,
      staff: 24,
      teams: 3,
      // Any argon2id hash: nobody signs in to these scratch schemas.
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
    });
  } finally {
    await client.query('RESET search_path');
    await client.end();
  }
}

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

describe('one trust per deployment', () => {
  it('the database refuses a second trust, however it is inserted', async () => {
    await theTrust(db);
    await expect(createTrust(db)).rejects.toThrow(/Unique constraint/i);
    await expect(
      db.$executeRaw`INSERT INTO "Trust" (id, "odsCode", name) VALUES (gen_random_uuid()::text, 'RX2', 'Another trust')`,
    ).rejects.toThrow(/Trust_one_per_deployment/);
    expect(await db.trust.count()).toBe(1);
  });

  describe('the benchmark seed', () => {
    const scratch: { schema: string; drop: () => Promise<void> }[] = [];
    afterAll(async () => {
      for (const s of scratch) await s.drop();
    }, 60_000);

    it('puts its patients into the trust already there', async () => {
      const s = await scratchSchema();
      scratch.push(s);
      const local = new PrismaClient({
        adapter: pgAdapter(url(), { schema: s.schema }),
      });
      try {
        const trust = await createTrust(local, { odsCode: 'RXX', name: 'The only trust' });
        const result = await benchSeed(s.schema);
        expect(result).toEqual({ trustId: trust.id, createdTrust: false });
        expect(await local.trust.findMany({ select: { id: true } })).toEqual([{ id: trust.id }]);
        expect(await local.patient.count()).toBe(9);
        expect(await local.communityTreatmentOrder.count()).toBe(12);
        expect(await local.patient.count({ where: { trustId: trust.id } })).toBe(9);
        expect(await local.team.count({ where: { NOT: { trustId: trust.id } } })).toBe(0);
        expect(await local.hospital.count({ where: { NOT: { trustId: trust.id } } })).toBe(0);
      } finally {
        await local.$disconnect();
      }
    }, 60_000);

    it('makes the one trust when the database is empty', async () => {
      const s = await scratchSchema();
      scratch.push(s);
      const result = await benchSeed(s.schema);
      expect(result.createdTrust).toBe(true);
      const local = new PrismaClient({
        adapter: pgAdapter(url(), { schema: s.schema }),
      });
      try {
        expect(await local.trust.count()).toBe(1);
        expect(await local.patient.count({ where: { trustId: result.trustId } })).toBe(9);
        await expect(createTrust(local)).rejects.toThrow(/Unique constraint/i);
      } finally {
        await local.$disconnect();
      }
    }, 60_000);
  });
});
