import 'server-only';
// The periodic audit checkpoint: every AUDIT_CHECKPOINT_MINUTES, when the trail has grown,
// the chain head is signed and appended to AUDIT_CHECKPOINT_FILE (lib/server/audit/checkpoints).
import { resolve } from 'node:path';
import { env } from '@/lib/env';
import { recordCheckpoint, type Checkpoint } from '@/lib/server/audit/checkpoints';
import { db as defaultDb, type Db } from '@/lib/server/db';

const globalForCheckpoint = globalThis as unknown as { ctoLastCheckpointAt?: number };

export function checkpointFile(): string {
  return resolve(env.AUDIT_CHECKPOINT_FILE);
}

/** Records a checkpoint when one is due (or `force`); null when none was written. */
export async function checkpointIfDue(
  options: { db?: Db; now?: Date; force?: boolean } = {},
): Promise<Checkpoint | null> {
  const key = env.AUDIT_CHECKPOINT_KEY;
  if (!key) return null;
  const now = options.now ?? new Date();
  const last = globalForCheckpoint.ctoLastCheckpointAt;
  if (
    !options.force &&
    last !== undefined &&
    now.getTime() - last < env.AUDIT_CHECKPOINT_MINUTES * 60_000
  ) {
    return null;
  }
  globalForCheckpoint.ctoLastCheckpointAt = now.getTime();
  return recordCheckpoint(options.db ?? defaultDb, checkpointFile(), key, { at: now });
}
