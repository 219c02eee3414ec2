// npm run audit:verify: checks the audit trail's hash chain; exits 1 if it was tampered with.
import { PrismaClient } from '../lib/generated/prisma/client.ts';
import { verifyAuditChain } from '../lib/server/audit/verify-chain.ts';
import { pgAdapter } from '../lib/server/pg-adapter.ts';
import { redact } from './lib/database.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set (npm run audit:verify sets it).');
  process.exit(2);
}
const db = new PrismaClient({ adapter: pgAdapter(url) });
try {
  const report = await verifyAuditChain(db);
  if (report.ok) {
    console.log(`Audit trail intact: ${report.checked} events verified in ${redact(url)}.`);
  } else {
    console.error(`AUDIT TRAIL TAMPERED WITH (${report.checked} events checked):`);
    for (const p of report.problems)
      console.error(`  position ${p.chainSeq} (id ${p.id}): ${p.problem}`);
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
