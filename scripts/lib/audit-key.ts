// The audit checkpoint key and file for the project's scripts (npm start, audit:checkpoint,
// audit:verify, the tests). The key comes from AUDIT_CHECKPOINT_KEY, or on a developer's
// machine is generated once into .data/audit-checkpoint-key (git-ignored, like the auth
// secret); it is never written to the database. See docs/security.md.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from './database.ts';

export function auditCheckpointKey(options: { generate?: boolean } = {}): string | undefined {
  if (process.env.AUDIT_CHECKPOINT_KEY) return process.env.AUDIT_CHECKPOINT_KEY;
  const dir = join(projectRoot, '.data');
  const file = join(dir, 'audit-checkpoint-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (!options.generate) return undefined;
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export function auditCheckpointFile(): string {
  return resolve(
    projectRoot,
    process.env.AUDIT_CHECKPOINT_FILE ?? join('.data', 'audit-checkpoints.jsonl'),
  );
}
