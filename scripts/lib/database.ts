// Finding or starting the database for the project's own scripts.
//
// With DATABASE_URL set, that server is used. Without it, an embedded PostgreSQL
// (PGlite, PostgreSQL compiled to WebAssembly) is served over TCP by scripts/embedded-server.ts
// so that the app, the migrations and the tests all use the same pg driver adapter.
// See docs/decisions/002-embedded-postgresql.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export const projectRoot = join(import.meta.dirname, '..', '..');
export const EMBEDDED_PORT = 55432;
export const EMBEDDED_DATA_DIR = join(projectRoot, '.data', 'pglite');

export function embeddedUrl(port: number): string {
  // pglite-server accepts any user name and password.
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export function portIsOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForDatabase(url: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  let lastError: unknown;
  while (Date.now() - started < timeoutMs) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(
    `The database at ${redact(url)} did not answer within ${timeoutMs / 1000} s: ${String(lastError)}`,
  );
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

/**
 * Starts pglite-server in a child process. `dataDir` 'memory://' keeps nothing on disk
 * (used by the tests); otherwise the folder is created.
 */
export async function startEmbedded(options: {
  dataDir: string;
  port: number;
  quiet?: boolean;
}): Promise<RunningDatabase> {
  if (await portIsOpen(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use, so the embedded database cannot start there. ` +
        'Is CTO Tracker already running? Stop it, or set DATABASE_URL to use another PostgreSQL.',
    );
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  // Our own server around PGlite (scripts/lib/embedded-server.ts), not pglite-server: it gives
  // the one PostgreSQL session to one connection at a time (decision 631).
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(projectRoot, 'scripts', 'embedded-server.ts'),
      `--db=${options.dataDir}`,
      `--port=${options.port}`,
    ],
    { cwd: projectRoot, stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'] },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const url = embeddedUrl(options.port);
  try {
    await waitForDatabase(url, 60_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    url,
    embedded: true,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** DATABASE_URL when set; otherwise the embedded database in .data/ on port 55432. */
export async function openDatabase(options: { quiet?: boolean } = {}): Promise<RunningDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await waitForDatabase(configured, 15_000);
    return { url: configured, embedded: false, stop: async () => undefined };
  }
  const url = embeddedUrl(EMBEDDED_PORT);
  if (await portIsOpen(EMBEDDED_PORT)) {
    // Another of our processes (e.g. `npm start`) already serves the embedded database.
    await waitForDatabase(url, 15_000);
    return { url, embedded: true, stop: async () => undefined };
  }
  return startEmbedded({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT, quiet: options.quiet });
}
