// Signed checkpoints of the audit trail's chain head (issue 12, section 3).
//
// The hash chain alone proves only that the rows agree with each other: someone who can write
// to the database could delete the newest rows, or alter a row and recompute every later hash,
// and the chain would still verify. A checkpoint records the head (position and hash) at a
// moment, signed with HMAC-SHA256 under a key the database never holds, in an append-only
// JSON-lines file outside the database. Verifying the trail against every checkpoint then
// shows a truncated tail (the newest checkpoint is past the end of the trail) or a rewritten
// history (a row's hash differs from the one signed).
//
// Plain functions with their inputs as parameters, so that the app's job and the project's
// scripts (audit:checkpoint, audit:verify) share them. See docs/decisions/621-*.md.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '@/lib/server/db';

export const CHECKPOINT_VERSION = 1;

export interface ChainHead {
  seq: bigint;
  hash: string;
}

export interface Checkpoint {
  v: number;
  seq: string; // decimal: chain positions are bigints
  hash: string;
  recordedAt: string; // ISO 8601, UTC
  keyId: string; // which key signed it (the first 8 hex characters of SHA-256 of the key's MAC of a label)
  sig: string; // hex HMAC-SHA256 of signedText()
}

export interface CheckpointProblem {
  kind: 'unreadable' | 'forged' | 'truncated' | 'rewritten';
  message: string;
}

function signedText(c: Pick<Checkpoint, 'v' | 'seq' | 'hash' | 'recordedAt'>): string {
  return `cto-tracker audit checkpoint\nv=${c.v}\nseq=${c.seq}\nhash=${c.hash}\nat=${c.recordedAt}`;
}

function mac(key: string, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** A short, non-secret identifier of a key, so that a rotated key's checkpoints are told apart. */
export function keyIdOf(key: string): string {
  return mac(key, 'cto-tracker audit checkpoint key id').slice(0, 8);
}

export function signCheckpoint(head: ChainHead, key: string, at: Date = new Date()): Checkpoint {
  const unsigned = {
    v: CHECKPOINT_VERSION,
    seq: head.seq.toString(),
    hash: head.hash,
    recordedAt: at.toISOString(),
  };
  return { ...unsigned, keyId: keyIdOf(key), sig: mac(key, signedText(unsigned)) };
}

export function signatureIsValid(c: Checkpoint, key: string): boolean {
  const expected = Buffer.from(mac(key, signedText(c)), 'hex');
  const given = Buffer.from(c.sig, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The newest chained row, or null when the trail is empty. */
export async function chainHead(db: Db): Promise<ChainHead | null> {
  const rows = await db.$queryRaw<{ chainSeq: bigint; hash: string }[]>`
    SELECT "chainSeq", "hash" FROM "AuditEvent"
     WHERE "chainSeq" IS NOT NULL
     ORDER BY "chainSeq" DESC LIMIT 1`;
  const row = rows[0];
  return row ? { seq: row.chainSeq, hash: row.hash } : null;
}

/** Appends one checkpoint as a JSON line (the file is opened for appending only). */
export function appendCheckpoint(file: string, checkpoint: Checkpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { encoding: 'utf8', mode: 0o600 });
}

export interface ReadCheckpoints {
  checkpoints: { line: number; checkpoint: Checkpoint }[];
  problems: CheckpointProblem[];
}

const HEX64 = /^[0-9a-f]{64}$/;

function parseLine(text: string): Checkpoint | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Record<string, unknown>;
  if (
    c.v !== CHECKPOINT_VERSION ||
    typeof c.seq !== 'string' ||
    !/^[1-9][0-9]{0,18}$/.test(c.seq) ||
    typeof c.hash !== 'string' ||
    !HEX64.test(c.hash) ||
    typeof c.recordedAt !== 'string' ||
    Number.isNaN(Date.parse(c.recordedAt)) ||
    typeof c.keyId !== 'string' ||
    typeof c.sig !== 'string' ||
    !HEX64.test(c.sig)
  ) {
    return null;
  }
  return {
    v: c.v,
    seq: c.seq,
    hash: c.hash,
    recordedAt: c.recordedAt,
    keyId: c.keyId,
    sig: c.sig,
  };
}

/** Every checkpoint in the file; a line that is not a checkpoint is a problem, not skipped. */
export function readCheckpoints(file: string): ReadCheckpoints {
  if (!existsSync(file)) return { checkpoints: [], problems: [] };
  const checkpoints: ReadCheckpoints['checkpoints'] = [];
  const problems: CheckpointProblem[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const checkpoint = parseLine(text);
    if (checkpoint) checkpoints.push({ line: index + 1, checkpoint });
    else
      problems.push({
        kind: 'unreadable',
        message: `unreadable: line ${index + 1} of the checkpoint file is not a checkpoint`,
      });
  });
  return { checkpoints, problems };
}

/** The newest checkpoint in the file (the last line), or null. */
export function lastCheckpoint(file: string): Checkpoint | null {
  const { checkpoints } = readCheckpoints(file);
  return checkpoints.at(-1)?.checkpoint ?? null;
}

export interface CheckpointReport {
  checked: number;
  problems: CheckpointProblem[];
  newest: Checkpoint | null;
}

/**
 * Checks the trail against every checkpoint: each signature, then that the row at each
 * checkpoint's position still exists with the hash that was signed. (The chain's own
 * integrity, genesis to head, is verifyAuditChain's job: run both.)
 */
export async function verifyCheckpoints(
  db: Db,
  file: string,
  key: string,
  maxProblems = 20,
): Promise<CheckpointReport> {
  const { checkpoints, problems } = readCheckpoints(file);
  const head = await chainHead(db);
  const trailEnd = head?.seq ?? 0n;
  const add = (p: CheckpointProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  const keyId = keyIdOf(key);
  let newest: Checkpoint | null = null;
  let truncatedReported = false;
  // Newest first, so that a truncation is reported once, at the newest checkpoint.
  const sorted = [...checkpoints].sort((a, b) => {
    const d = BigInt(b.checkpoint.seq) - BigInt(a.checkpoint.seq);
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  });
  for (const { line, checkpoint } of sorted) {
    if (!signatureIsValid(checkpoint, key)) {
      add({
        kind: 'forged',
        message:
          checkpoint.keyId === keyId
            ? `forged: the checkpoint on line ${line} (sequence ${checkpoint.seq}) does not carry a valid signature`
            : `forged: the checkpoint on line ${line} was signed with another key (${checkpoint.keyId}, this key is ${keyId})`,
      });
      continue;
    }
    newest ??= checkpoint;
    const seq = BigInt(checkpoint.seq);
    if (seq > trailEnd) {
      if (!truncatedReported) {
        truncatedReported = true;
        add({
          kind: 'truncated',
          message: `truncated: the newest checkpoint is at sequence ${checkpoint.seq} (signed at ${checkpoint.recordedAt}) but the trail ends at ${trailEnd}`,
        });
      }
      continue;
    }
    const rows = await db.$queryRaw<{ hash: string | null }[]>`
      SELECT "hash" FROM "AuditEvent" WHERE "chainSeq" = ${seq}`;
    const row = rows[0];
    if (!row) {
      add({
        kind: 'rewritten',
        message: `rewritten: row ${checkpoint.seq} is missing, but a checkpoint signed at ${checkpoint.recordedAt} recorded it`,
      });
    } else if (row.hash !== checkpoint.hash) {
      add({
        kind: 'rewritten',
        message: `rewritten: row ${checkpoint.seq}'s hash differs from the checkpoint signed at ${checkpoint.recordedAt}`,
      });
    }
  }
  return { checked: checkpoints.length, problems, newest };
}

/**
 * Records a checkpoint of the current head, unless the newest one in the file already
 * records it. Returns the checkpoint written, or null (empty trail, or nothing new).
 */
export async function recordCheckpoint(
  db: Db,
  file: string,
  key: string,
  options: { force?: boolean; at?: Date } = {},
): Promise<Checkpoint | null> {
  const head = await chainHead(db);
  if (!head) return null;
  if (!options.force) {
    const last = lastCheckpoint(file);
    if (last && last.seq === head.seq.toString() && last.hash === head.hash) return null;
  }
  const checkpoint = signCheckpoint(head, key, options.at);
  appendCheckpoint(file, checkpoint);
  return checkpoint;
}
