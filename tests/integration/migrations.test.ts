import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { embeddedUrl, freePort } from '../../scripts/lib/database';
import { serveEmbedded } from '../../scripts/lib/embedded-server';
import {
  applyMigrations,
  migrationNames,
  migrationsDir,
  pendingSchemaSql,
} from '../../scripts/lib/migrations';

// The schema engine and PostgreSQL here are WebAssembly, CPU-bound: on 2 shared cores under load
// each of these two tests takes well over a minute (seen: over 60 s at load 34): 4 minutes each.
describe('migrations', () => {
  it('cover every change to prisma/schema.prisma (run `npm run db:migration -- <name>` if this fails)', async () => {
    const sql = await pendingSchemaSql();
    expect(sql, `prisma/schema.prisma has changes with no migration:\n${sql}`).toBe('');
  }, 240_000);

  it('each migration folder keeps its schema snapshot', () => {
    for (const name of migrationNames()) {
      expect(readdirSync(`${migrationsDir}/${name}`).sort()).toEqual([
        'migration.sql',
        'schema.prisma',
      ]);
    }
  });

  it('apply to an empty database, in order, and only once', async () => {
    const db = new PGlite();
    const port = await freePort();
    const server = await serveEmbedded({ db, port });
    try {
      const first = await applyMigrations(embeddedUrl(port));
      expect(first).toEqual(migrationNames());
      const second = await applyMigrations(embeddedUrl(port));
      expect(second).toEqual([]);
      const tables = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Patient', 'CommunityTreatmentOrder', 'AuditEvent', 'Deadline')`,
      );
      expect(tables.rows[0]?.n).toBe(4);
      const triggers = await db.query<{ tgname: string }>(
        `SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`,
      );
      expect(triggers.rows.map((r) => r.tgname)).toEqual([
        'audit_event_append_only',
        'audit_event_chain',
        'audit_event_no_truncate',
      ]);
    } finally {
      await server.close();
      await db.close();
    }
  }, 240_000);
});
