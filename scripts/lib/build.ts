// "Build if needed": a production build exists and no source is newer than it.
import { existsSync, readdirSync, statSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { projectRoot } from './database.ts';
import { run } from './processes.ts';

const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'next.config.ts',
  'package-lock.json',
  'tsconfig.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function buildIsCurrent(): boolean {
  const stamp = join(projectRoot, '.next', 'BUILD_ID');
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.every((source) => newestMtime(join(projectRoot, source)) <= built);
}

export async function buildIfNeeded(env: Record<string, string | undefined> = {}): Promise<void> {
  if (buildIsCurrent()) return;
  console.log('Building CTO Tracker for production (next build)...');
  const code = await run(join(projectRoot, 'node_modules', '.bin', 'next'), ['build'], {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    ...env,
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
}

/** AUTH_SECRET from the environment, or one generated once and kept in .data/ (git-ignored). */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const dir = join(projectRoot, '.data');
  const file = join(dir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
