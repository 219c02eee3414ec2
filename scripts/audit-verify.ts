// npm run audit:verify: checks the audit trail's hash chain from the first row to the newest,
// and the trail against every signed checkpoint in the checkpoint file (a truncated tail, a
// rewritten history). Exits 1 if anything is wrong.
import { PrismaClient } from '../lib/generated/prisma/client.ts';
import { verifyCheckpoints } from '../lib/server/audit/checkpoints.ts';
import { verifyAuditChain } from '../lib/server/audit/verify-chain.ts';
import { pgAdapter } from '../lib/server/pg-adapter.ts';
import { auditCheckpointFile, auditCheckpointKey } from './lib/audit-key.ts';
import { redact } from './lib/database.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set (npm run audit:verify sets it).');
  process.exit(2);
}
const key = auditCheckpointKey();
const file = auditCheckpointFile();
const db = new PrismaClient({ adapter: pgAdapter(url) });
try {
  const report = await verifyAuditChain(db);
  const problems = report.problems.map((p) => `position ${p.chainSeq} (id ${p.id}): ${p.problem}`);
  let checkpointsChecked = 0;
  if (key) {
    const against = await verifyCheckpoints(db, file, key);
    checkpointsChecked = against.checked;
    problems.push(...against.problems.map((p) => p.message));
  } else {
    problems.push(
      'no key: AUDIT_CHECKPOINT_KEY is not set, so the trail cannot be checked against its checkpoints',
    );
  }
  if (problems.length === 0) {
    console.log(
      `Audit trail intact: ${report.checked} events verified in ${redact(url)}, ` +
        `against ${checkpointsChecked} signed checkpoint(s) in ${file}.`,
    );
    if (checkpointsChecked === 0) {
      console.log(
        'No checkpoints yet: a truncated tail cannot be detected until one is recorded (npm run audit:checkpoint).',
      );
    }
  } else {
    console.error(`AUDIT TRAIL TAMPERED WITH (${report.checked} events checked):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
