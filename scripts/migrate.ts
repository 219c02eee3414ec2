// npm run db:migrate: applies prisma/migrations to DATABASE_OWNER_URL or DATABASE_URL (or the
// embedded database), then grants the app's role its rights (scripts/lib/app-role.ts).
import { openDatabase, redact } from './lib/database.ts';
import { applyMigrations } from './lib/migrations.ts';
import { appConnectionForScripts } from './lib/app-role.ts';

const db = await openDatabase();
try {
  // As the owner (DATABASE_OWNER_URL when set), then the app's role gets its rights.
  const roles = await appConnectionForScripts(db);
  const applied = await applyMigrations(roles.ownerUrl);
  await roles.afterMigrations({ provision: false });
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${redact(db.url)}: ${applied.join(', ')}`
      : `The database at ${redact(db.url)} is up to date.`,
  );
} catch (error) {
  console.error('Migration failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.stop();
}
// The WebAssembly engine keeps the event loop alive for a while after it is done.
process.exit(process.exitCode ?? 0);
