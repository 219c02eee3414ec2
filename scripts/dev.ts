// npm run dev: the development server (hot reload) on DATABASE_URL or the embedded database.
import { openDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/migrations.ts';
import { appConnectionForScripts } from './lib/app-role.ts';
import { auditCheckpointFile, auditCheckpointKey } from './lib/audit-key.ts';
import { authSecret } from './lib/build.ts';
import { npxBin, run } from './lib/processes.ts';
import { hostSchema } from '../lib/listen.ts';

// This machine only unless HOST says otherwise (as npm start).
const host = hostSchema.safeParse(process.env.HOST);
if (!host.success) {
  console.error(host.error.issues[0]?.message ?? 'HOST is not valid.');
  process.exit(2);
}

const db = await openDatabase({ quiet: true });
const roles = await appConnectionForScripts(db);
await applyMigrations(roles.ownerUrl);
const app = await roles.afterMigrations();
await run(npxBin('tsx'), ['prisma/seed.ts', '--if-empty'], { DATABASE_URL: app.appUrl });
const code = await run(npxBin('next'), ['dev', '-p', process.env.PORT ?? '3000', '-H', host.data], {
  DATABASE_URL: app.appUrl,
  AUDIT_CHECKPOINT_KEY: auditCheckpointKey({ generate: true }),
  AUDIT_CHECKPOINT_FILE: auditCheckpointFile(),
  AUTH_SECRET: authSecret(),
  NODE_ENV: 'development',
});
await db.stop();
process.exit(code);
