// Reading prisma/migrations and driving the WebAssembly schema engine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { projectRoot, freePort, embeddedUrl } from './database.ts';
import { loadSchemaEngine, pgAdapterFactory } from './schema-engine.ts';
import { serveEmbedded } from './embedded-server.ts';

export const schemaPath = join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsDir = join(projectRoot, 'prisma', 'migrations');
// Each migration folder keeps the schema as it was after that migration: new migrations
// are diffed from it (the engine cannot diff from a live or shadow database here).
export const SNAPSHOT_FILE = 'schema.prisma';

export function migrationNames(): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function migrationList(): MigrationList {
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: migrationNames().map((name) => {
      const file = join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const engine = await loadSchemaEngine(schemaPath, pgAdapterFactory(databaseUrl));
  const result = await engine.applyMigrations({
    migrationsList: migrationList(),
    filters: noFilters,
  });
  return result.appliedMigrationNames;
}

/** The schema as of the newest migration, or null when there is none. */
export function lastSnapshot(): string | null {
  const names = migrationNames();
  const last = names[names.length - 1];
  if (!last) return null;
  const path = join(migrationsDir, last, SNAPSHOT_FILE);
  if (!existsSync(path)) {
    throw new Error(`Migration ${last} has no ${SNAPSHOT_FILE} snapshot beside it.`);
  }
  return readFileSync(path, 'utf8');
}

/**
 * SQL that takes a database from the newest migration's schema to the current schema,
 * or '' when nothing changed. Runs against a throwaway in-memory PGlite: no server needed.
 */
export async function pendingSchemaSql(): Promise<string> {
  const db = new PGlite();
  const port = await freePort();
  const server = await serveEmbedded({ db, port });
  try {
    const engine = await loadSchemaEngine(schemaPath, pgAdapterFactory(embeddedUrl(port)));
    const current = readFileSync(schemaPath, 'utf8');
    const previous = lastSnapshot();
    const result = await engine.diff({
      from:
        previous === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: 'previous.prisma', content: previous }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: current }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? '';
    return /^\s*(--.*)?\s*$/.test(sql) || sql.includes('-- This is an empty migration.') ? '' : sql;
  } finally {
    await server.close();
    await db.close();
  }
}
