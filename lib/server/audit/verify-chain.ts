// Verifies the audit trail's hash chain: every row's hash covers the previous row's hash
// and its own canonical text (computed by the database function audit_event_canonical),
// and chain positions run 1, 2, 3... with no gap. Any edit, insertion out of chain or
// deletion (e.g. by a database owner who disabled the trigger) breaks it.
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/server/db';

export interface ChainProblem {
  chainSeq: string;
  id: string;
  problem: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  problems: ChainProblem[];
}

const GENESIS = '0'.repeat(64);
const BATCH = 5_000;

export async function verifyAuditChain(db: Db, maxProblems = 20): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  // Chain what reads have queued first (decision 823), so the whole trail is checked.
  await db.$queryRaw`SELECT audit_queue_flush(NULL::bigint)`;
  let previousHash = GENESIS;
  let expectedSeq = 1n;
  let checked = 0;
  let after = 0n;
  for (;;) {
    const rows = await db.$queryRaw<
      {
        id: bigint;
        chainSeq: bigint | null;
        prevHash: string | null;
        hash: string | null;
        canonical: string;
      }[]
    >`SELECT a."id", a."chainSeq", a."prevHash", a."hash", audit_event_canonical(a) AS canonical
        FROM "AuditEvent" a
       WHERE a."chainSeq" > ${after}
       ORDER BY a."chainSeq" ASC
       LIMIT ${BATCH}`;
    for (const row of rows) {
      checked += 1;
      const seq = row.chainSeq ?? 0n;
      const report = (problem: string) => {
        if (problems.length < maxProblems) {
          problems.push({ chainSeq: seq.toString(), id: row.id.toString(), problem });
        }
      };
      if (seq !== expectedSeq) report(`expected chain position ${expectedSeq}: rows are missing`);
      if (row.prevHash !== previousHash) report('does not link to the previous row');
      const hash = createHash('sha256')
        .update(`${row.prevHash ?? ''}\u001e${row.canonical}`, 'utf8')
        .digest('hex');
      if (hash !== row.hash) report('its contents do not match its hash: the row was altered');
      previousHash = row.hash ?? '';
      expectedSeq = seq + 1n;
      after = seq;
    }
    if (rows.length < BATCH) break;
  }
  const unchained = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*)::bigint AS n FROM "AuditEvent" WHERE "chainSeq" IS NULL OR "hash" IS NULL`;
  const loose = unchained[0]?.n ?? 0n;
  if (loose > 0n) {
    problems.push({ chainSeq: '-', id: '-', problem: `${loose} row(s) are outside the chain` });
  }
  return { ok: problems.length === 0, checked, problems };
}
