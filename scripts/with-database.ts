// Runs a command with DATABASE_URL pointing at a database: the configured one, or the
// embedded one (started here and stopped afterwards if it was not already running).
import { spawn } from 'node:child_process';
import { openDatabase } from './lib/database.ts';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx scripts/with-database.ts <command> [args...]');
  process.exit(2);
}
const db = await openDatabase({ quiet: true });
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: db.url },
  shell: false,
});
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const code: number = await new Promise((resolve) =>
  child.once('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))),
);
await db.stop();
process.exit(code);
