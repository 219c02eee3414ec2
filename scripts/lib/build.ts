// "Build if needed": a production build exists and was built from the sources as they are now.
import { existsSync, readdirSync, statSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { projectRoot } from './database.ts';
import { run } from './processes.ts';

const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'package-lock.json',
  'tsconfig.json',
];

// The build is current when the sources' contents are what they were when it was built.
// Contents, not modification times: `npm install` regenerates the Prisma client and copies the
// NHS design system's files again (scripts/postinstall.mjs) with new times but the same bytes,
// and should not cost a second `next build` (CI runs `npm test` twice, on two databases).
function addTree(hash: Hash, path: string, rel: string): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    hash.update(`${rel}\0${stat.size}\0`);
    hash.update(readFileSync(path));
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    addTree(hash, join(path, entry), `${rel}/${entry}`);
  }
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) addTree(hash, join(projectRoot, source), source);
  return hash.digest('hex');
}

const STAMP = join(projectRoot, '.next', 'SOURCE_HASH');

/** The source hash the production build was made from, or null when there is no build. */
function builtFrom(): string | null {
  if (!existsSync(join(projectRoot, '.next', 'BUILD_ID')) || !existsSync(STAMP)) return null;
  return readFileSync(STAMP, 'utf8').trim();
}

export function buildIsCurrent(): boolean {
  return builtFrom() === sourceHash();
}

export async function buildIfNeeded(env: Record<string, string | undefined> = {}): Promise<void> {
  // Hashed before the build starts: a source edited during the build makes the next run build again.
  const hash = sourceHash();
  if (builtFrom() === hash) return;
  console.log('Building CTO Tracker for production (next build)...');
  const code = await run(join(projectRoot, 'node_modules', '.bin', 'next'), ['build'], {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    ...env,
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  writeFileSync(STAMP, `${hash}\n`);
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
