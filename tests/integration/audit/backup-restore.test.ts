// A backup and restore round trip keeps the audit trail provable (issue 12, section 3):
// pg_dump of the test database, restored with psql into a new database, then
// `npm run audit:verify`'s script passes there against the same signed checkpoints, and the
// check names the truncation when the restored trail loses its tail.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { recordCheckpoint, verifyCheckpoints } from '@/lib/server/audit/checkpoints';
import { testDb } from '../support/db';
import { ownerUrl } from '../support/owner-db';

const KEY = 'backup-restore-checkpoint-key-0123456789abc';
const PG_DUMP = ['/usr/bin/pg_dump', '/usr/local/bin/pg_dump'].find((p) => existsSync(p));
const PSQL = ['/usr/bin/psql', '/usr/local/bin/psql'].find((p) => existsSync(p));

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function serverIsEmbedded(url: string): Promise<boolean> {
  const { rows } = await query(url, 'SELECT version() AS v');
  return /emscripten|wasm|pglite/i.test(String(rows[0]?.v));
}

const reason = !PG_DUMP || !PSQL ? 'pg_dump and psql are not installed on this machine' : null;

describe.skipIf(reason !== null)('a backup restored into a new database', () => {
  const owner = ownerUrl();
  const restoredName = `audit_restore_${process.pid}`;
  const restoredUrl = (() => {
    const u = new URL(owner);
    u.pathname = `/${restoredName}`;
    return u.toString();
  })();
  let dir: string;
  let file: string;
  let embedded = false;

  beforeAll(async () => {
    embedded = await serverIsEmbedded(owner);
    dir = mkdtempSync(join(tmpdir(), 'cto-restore-'));
    file = join(dir, 'checkpoints.jsonl');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!embedded) await query(owner, `DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
  });

  function verify(url: string) {
    return spawnSync(
      process.execPath,
      [join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/audit-verify.ts'],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          DATABASE_URL: url,
          AUDIT_CHECKPOINT_KEY: KEY,
          AUDIT_CHECKPOINT_FILE: file,
        },
      },
    );
  }

  it('verifies against the checkpoints, and names a truncated tail after tampering', async (ctx) => {
    // The embedded server (PGlite) cannot create databases: pg_dump/restore is for real PostgreSQL.
    if (embedded) ctx.skip();
    const db = testDb();
    for (let i = 0; i < 3; i += 1) {
      await recordAudit(db, {
        actor: { userId: null, roles: [] },
        action: 'test.backup',
        outcome: 'SUCCESS',
        metadata: { i },
      });
    }
    const checkpoint = await recordCheckpoint(db, file, KEY, { force: true });
    await db.$disconnect();
    expect(checkpoint).not.toBeNull();

    const dump = spawnSync(PG_DUMP!, ['--no-owner', '--no-privileges', '--dbname', owner], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    expect(dump.status, dump.stderr).toBe(0);
    await query(owner, `DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
    await query(owner, `CREATE DATABASE "${restoredName}"`);
    const restore = spawnSync(
      PSQL!,
      ['--quiet', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '--dbname', restoredUrl],
      { input: dump.stdout, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(restore.status, restore.stderr).toBe(0);

    const intact = verify(restoredUrl);
    expect(intact.stderr).toBe('');
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/Audit trail intact: \d+ events verified/);
    expect(intact.stdout).toMatch(/against 1 signed checkpoint/);

    // The restored copy is ours: lose its newest row as a careless restore might.
    await query(
      restoredUrl,
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only;
       DELETE FROM "AuditEvent" WHERE "chainSeq" = ${checkpoint!.seq};
       ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_append_only;`,
    );
    const restored = new PrismaClient({
      adapter: new PrismaPg({ connectionString: restoredUrl, max: 1 }),
    });
    const truncated = await verifyCheckpoints(restored, file, KEY);
    await restored.$disconnect();
    expect(truncated.problems.map((p) => p.message)).toContain(
      `truncated: the newest checkpoint is at sequence ${checkpoint!.seq} (signed at ${checkpoint!.recordedAt}) but the trail ends at ${BigInt(checkpoint!.seq) - 1n}`,
    );
  }, 240_000);
});
