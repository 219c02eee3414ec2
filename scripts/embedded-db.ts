// npm run db:embedded: serves the embedded database on port 55432 until Ctrl-C, for tools
// such as psql (psql postgresql://postgres@127.0.0.1:55432/postgres).
import { EMBEDDED_DATA_DIR, EMBEDDED_PORT, startEmbedded } from './lib/database.ts';

const db = await startEmbedded({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
console.log(`Embedded PostgreSQL at ${db.url} (data in .data/pglite). Ctrl-C to stop.`);
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
