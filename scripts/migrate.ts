// npm run db:migrate: applies prisma/migrations to DATABASE_URL (or the embedded database).
import { openDatabase, redact } from './lib/database.ts';
import { applyMigrations } from './lib/migrations.ts';

const db = await openDatabase();
try {
  const applied = await applyMigrations(db.url);
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
