// Signed checkpoints make the audit trail provable (issue 12, section 3): deleting the newest
// rows, or altering a row and recomputing every later hash, passes the hash chain's own check
// but not the check against the checkpoints. Tampering happens as the database owner inside a
// transaction that is rolled back, so the shared chain stays intact for the other tests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/server/audit/record-audit';
import {
  recordCheckpoint,
  signCheckpoint,
  verifyCheckpoints,
  type CheckpointReport,
} from '@/lib/server/audit/checkpoints';
import { verifyAuditChain, type ChainReport } from '@/lib/server/audit/verify-chain';
import { testDb } from '../support/db';
import { ownerDb } from '../support/owner-db';

const KEY = 'test-checkpoint-key-0123456789-abcdefghij';
let db: PrismaClient;
let owner: PrismaClient;
let dir: string;
let file: string;

beforeAll(() => {
  db = testDb();
  owner = ownerDb();
  dir = mkdtempSync(join(tmpdir(), 'cto-checkpoints-'));
  file = join(dir, 'checkpoints.jsonl');
});
afterAll(async () => {
  await db.$disconnect();
  await owner.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

async function writeSome(n: number, label: string) {
  for (let i = 0; i < n; i += 1) {
    await recordAudit(db, {
      actor: { userId: null, email: `checkpoint.${label}.${i}@example.org`, roles: [] },
      action: 'test.checkpoint',
      outcome: 'SUCCESS',
      metadata: { label, i },
    });
  }
}

/** Runs `tamper` as the owner, reports on the tampered trail, then rolls everything back. */
async function whileTampered(
  tamper: (tx: PrismaClient) => Promise<void>,
): Promise<{ chain: ChainReport; checkpoints: CheckpointReport }> {
  const rollBack = new Error('roll back the tampering');
  let result: { chain: ChainReport; checkpoints: CheckpointReport } | undefined;
  await expect(
    owner.$transaction(
      async (tx) => {
        const client = tx as unknown as PrismaClient;
        await tamper(client);
        result = {
          chain: await verifyAuditChain(client),
          checkpoints: await verifyCheckpoints(client, file, KEY),
        };
        throw rollBack;
      },
      { timeout: 20_000 },
    ),
  ).rejects.toBe(rollBack);
  return result!;
}

describe('signed checkpoints of the audit trail', () => {
  it('records the head, once per new head, and verifies against it', async () => {
    await writeSome(3, 'first');
    const first = await recordCheckpoint(db, file, KEY);
    expect(first).not.toBeNull();
    const head = await db.auditEvent.findFirst({ orderBy: { chainSeq: 'desc' } });
    expect(first).toMatchObject({ seq: head!.chainSeq!.toString(), hash: head!.hash });
    // Nothing new: nothing written (unless forced).
    expect(await recordCheckpoint(db, file, KEY)).toBeNull();
    await writeSome(2, 'second');
    expect(await recordCheckpoint(db, file, KEY)).not.toBeNull();
    const report = await verifyCheckpoints(db, file, KEY);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBe(2);
    // The key is not in the file, and nothing of the key is in the database.
    expect(readFileSync(file, 'utf8')).not.toContain(KEY);
  });

  it('reports a truncated tail that the hash chain alone does not see', async () => {
    await writeSome(3, 'truncate');
    const checkpoint = await recordCheckpoint(db, file, KEY);
    const seq = BigInt(checkpoint!.seq);
    const { chain, checkpoints } = await whileTampered(async (tx) => {
      await tx.$executeRawUnsafe(
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only`,
      );
      await tx.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "chainSeq" > ${seq - 2n}`);
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_append_only`);
    });
    // The gap the security probe found: the shortened chain is still a valid chain.
    expect(chain.ok).toBe(true);
    expect(checkpoints.problems.map((p) => p.message)).toEqual([
      `truncated: the newest checkpoint is at sequence ${seq} (signed at ${checkpoint!.recordedAt}) but the trail ends at ${seq - 2n}`,
    ]);
    expect(checkpoints.problems[0]?.kind).toBe('truncated');
    // Rolled back: intact again.
    expect((await verifyCheckpoints(db, file, KEY)).problems).toEqual([]);
  });

  it('reports a row altered with every later hash recomputed', async () => {
    await writeSome(4, 'rewrite');
    const checkpoint = await recordCheckpoint(db, file, KEY);
    const seq = BigInt(checkpoint!.seq);
    const victim = seq - 2n;
    const { chain, checkpoints } = await whileTampered(async (tx) => {
      await tx.$executeRawUnsafe(
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only`,
      );
      await tx.$executeRawUnsafe(
        `UPDATE "AuditEvent" SET "userEmail" = 'someone.else@example.org' WHERE "chainSeq" = ${victim}`,
      );
      // Re-hash the altered row and every row after it, as a careful forger would.
      await tx.$executeRawUnsafe(`
        DO $$
        DECLARE r record; prev text;
        BEGIN
          SELECT "hash" INTO prev FROM "AuditEvent" WHERE "chainSeq" = ${victim - 1n};
          FOR r IN SELECT "id" FROM "AuditEvent" WHERE "chainSeq" >= ${victim} ORDER BY "chainSeq" LOOP
            UPDATE "AuditEvent" SET "prevHash" = prev WHERE "id" = r."id";
            UPDATE "AuditEvent" a
               SET "hash" = encode(sha256(convert_to(a."prevHash" || E'\\x1e' || audit_event_canonical(a), 'UTF8')), 'hex')
             WHERE a."id" = r."id"
            RETURNING a."hash" INTO prev;
          END LOOP;
        END $$`);
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_append_only`);
    });
    expect(chain.ok).toBe(true);
    expect(checkpoints.problems.map((p) => p.message)).toContain(
      `rewritten: row ${seq}'s hash differs from the checkpoint signed at ${checkpoint!.recordedAt}`,
    );
    expect(checkpoints.problems.every((p) => p.kind === 'rewritten')).toBe(true);
  });

  it('refuses a checkpoint that was not signed with the key, and a line that is not one', async () => {
    const head = await db.auditEvent.findFirst({ orderBy: { chainSeq: 'desc' } });
    const forgedFile = join(dir, 'forged.jsonl');
    const forged = signCheckpoint(
      { seq: head!.chainSeq!, hash: head!.hash! },
      'another-key-that-is-also-long-enough-000',
    );
    const tampered = { ...signCheckpoint({ seq: 1n, hash: 'a'.repeat(64) }, KEY) };
    tampered.seq = '2'; // moved to another row after signing
    writeFileSync(
      forgedFile,
      `${JSON.stringify(forged)}\n${JSON.stringify(tampered)}\nnot a checkpoint\n`,
    );
    const report = await verifyCheckpoints(db, forgedFile, KEY);
    const messages = report.problems.map((p) => p.message);
    expect(messages).toHaveLength(3);
    expect(messages).toContain('unreadable: line 3 of the checkpoint file is not a checkpoint');
    expect(messages.filter((m) => m.startsWith('forged: '))).toHaveLength(2);
  });
});
