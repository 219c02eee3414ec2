// The embedded database's server process (started by scripts/lib/database.ts):
//   node --import tsx scripts/embedded-server.ts --db=<folder | memory://> --port=<port>
// Serves PGlite over TCP on 127.0.0.1 until SIGINT or SIGTERM, then closes the database cleanly.
import { parseArgs } from 'node:util';
import { serveEmbedded } from './lib/embedded-server.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'memory://' },
    port: { type: 'string', default: '55432' },
    'idle-in-transaction-ms': { type: 'string', default: '30000' },
  },
});
const port = Number(values.port);
const idle = Number(values['idle-in-transaction-ms']);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(idle) || idle < 1) {
  console.error('Usage: embedded-server.ts --db=<folder | memory://> --port=<port>');
  process.exit(2);
}

const server = await serveEmbedded({
  dataDir: values.db ?? 'memory://',
  port,
  idleInTransactionMs: idle,
});
console.log(`Embedded PostgreSQL listening on 127.0.0.1:${server.port}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
