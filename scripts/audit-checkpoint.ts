// npm run audit:checkpoint: signs the audit trail's current head (position and hash) and
// appends it to the checkpoint file, at once. Exits 1 if the chain does not verify first:
// a checkpoint must never bless a tampered trail.
import { PrismaClient } from '../lib/generated/prisma/client.ts';
import { pgAdapter } from '../lib/server/pg-adapter.ts';
import { recordCheckpoint, verifyCheckpoints } from '../lib/server/audit/checkpoints.ts';
import { verifyAuditChain } from '../lib/server/audit/verify-chain.ts';
import { auditCheckpointFile, auditCheckpointKey } from './lib/audit-key.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set (npm run audit:checkpoint sets it).');
  process.exit(2);
}
const key = auditCheckpointKey({ generate: true });
if (!key || key.length < 32) {
  console.error('AUDIT_CHECKPOINT_KEY must be at least 32 characters.');
  process.exit(2);
}
const file = auditCheckpointFile();
const db = new PrismaClient({ adapter: pgAdapter(url, { max: 1 }) });
try {
  const chain = await verifyAuditChain(db);
  const against = await verifyCheckpoints(db, file, key);
  if (!chain.ok || against.problems.length > 0) {
    console.error('Not checkpointed: the audit trail does not verify (run npm run audit:verify).');
    process.exitCode = 1;
  } else {
    const checkpoint = await recordCheckpoint(db, file, key, { force: true });
    if (checkpoint) console.log(`Checkpoint: sequence ${checkpoint.seq} signed, in ${file}.`);
    else console.log('The audit trail is empty: nothing to checkpoint.');
  }
} finally {
  await db.$disconnect();
}
