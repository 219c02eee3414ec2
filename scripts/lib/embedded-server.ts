// The embedded PostgreSQL (PGlite) served over TCP to several connections at once.
//
// PGlite is one PostgreSQL session. Several connections can share it only if each one has
// the session to itself from the first message of a request until the session is idle again:
// - an extended-protocol request (Parse, Bind, Describe, Execute ... Sync) keeps its unnamed
//   statement and portal, and its error state, until its Sync is answered;
// - a transaction (BEGIN ... COMMIT or ROLLBACK) keeps the session until it ends.
// The session is idle exactly when it has just answered ReadyForQuery with status 'I'. So this
// server gives the session to one connection (its owner) at a time, keeps it with that owner
// until the owner's last answer is ReadyForQuery 'I', and meanwhile queues every other
// connection's messages, whole, in order of arrival.
//
// pglite-socket 0.2.17 (the server this replaces) switched connections between single
// messages, so two connections' Parse and Bind could interleave ("unnamed prepared statement
// does not exist", or another connection's statement bound to your values), and one thrown
// error left its queue stopped for good (electric-sql/pglite#1046). See
// docs/decisions/631-embedded-database-one-owner-at-a-time.md.
//
// An owner that goes quiet while holding the session (a transaction left open, a request never
// ended) would stop everyone else; after `idleInTransactionMs` with others waiting it is
// disconnected with PostgreSQL's own error for this (25P03), its work rolled back, and the
// others go on. A connection that closes while it owns the session is rolled back at once.
import { createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const MAX_MESSAGE = 1 << 30;

interface Pending {
  bytes: Buffer;
  startup: boolean;
}

interface Connection {
  id: number;
  socket: Socket;
  buffer: Buffer;
  started: boolean;
  pending: Pending[];
  queued: boolean;
  closed: boolean;
  terminating: boolean;
  /** When the session last answered this connection (for the idle-owner limit). */
  answeredAt: number;
}

export interface EmbeddedServerOptions {
  /** A folder, or 'memory://' for a database that lives only as long as the process. */
  dataDir?: string;
  /** Serve this PGlite instead (left open on close). */
  db?: PGlite;
  port: number;
  host?: string;
  /** How long an owner may hold the session without sending anything while others wait. */
  idleInTransactionMs?: number;
  maxConnections?: number;
  log?: (message: string) => void;
}

export interface EmbeddedServer {
  port: number;
  close: () => Promise<void>;
  /** For tests: connections waiting for the session, and whether one owns it. */
  stats: () => { waiting: number; owned: boolean; connections: number };
}

/** A PostgreSQL ErrorResponse message. */
export function errorResponse(severity: 'ERROR' | 'FATAL', code: string, message: string): Buffer {
  const fields = Buffer.concat([
    field('S', severity),
    field('V', severity),
    field('C', code),
    field('M', message),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'latin1');
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

function field(code: string, value: string): Buffer {
  return Buffer.concat([Buffer.from(code, 'latin1'), Buffer.from(value, 'utf8'), Buffer.from([0])]);
}

function queryMessage(sql: string): Buffer {
  const body = Buffer.concat([Buffer.from(sql, 'utf8'), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('Q', 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

/**
 * The type of the last whole backend message in `output`, and for ReadyForQuery its
 * transaction status ('I' idle, 'T' in a transaction, 'E' in a failed transaction).
 */
export function lastBackendMessage(output: Buffer): { type: string; status?: string } | null {
  let offset = 0;
  let last: { type: string; status?: string } | null = null;
  while (offset + 5 <= output.length) {
    const type = String.fromCharCode(output[offset] ?? 0);
    const length = output.readInt32BE(offset + 1);
    if (length < 4 || offset + 1 + length > output.length) break;
    last = type === 'Z' ? { type, status: String.fromCharCode(output[offset + 5] ?? 0) } : { type };
    offset += 1 + length;
  }
  return last;
}

export async function serveEmbedded(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const log = options.log ?? ((message: string) => console.error(`[embedded database] ${message}`));
  const idleLimit = options.idleInTransactionMs ?? 30_000;
  const maxConnections = options.maxConnections ?? 100;
  const db = options.db ?? new PGlite(options.dataDir ?? 'memory://');
  await db.waitReady;

  const connections = new Set<Connection>();
  const queue: Connection[] = [];
  let owner: Connection | null = null;
  let busy = false;
  let running: Connection | null = null;
  let nextId = 1;
  let closing = false;

  function enqueue(conn: Connection): void {
    if (conn !== owner && !conn.queued) {
      conn.queued = true;
      queue.push(conn);
    }
  }

  /** Ends an unfinished request and any open transaction, discarding the answers. */
  async function resetSession(): Promise<void> {
    const ignore = { onRawData: () => undefined };
    await db.runExclusive(async () => {
      await db.execProtocolRawStream(SYNC, ignore);
      if (db.isInTransaction()) await db.execProtocolRawStream(queryMessage('ROLLBACK'), ignore);
    });
  }

  async function runBatch(conn: Connection): Promise<void> {
    const first = conn.pending[0];
    if (!first) return;
    // A startup packet goes alone (PGlite recognises it by its first byte); otherwise every
    // whole message that has arrived, in order.
    let count = 1;
    if (!first.startup) {
      while (count < conn.pending.length && !conn.pending[count]?.startup) count += 1;
    }
    const batch = conn.pending.splice(0, count);
    const bytes = Buffer.concat(batch.map((m) => m.bytes));
    const output: Buffer[] = [];
    try {
      await db.runExclusive(() =>
        db.execProtocolRawStream(new Uint8Array(bytes), {
          onRawData: (chunk: Uint8Array) => {
            // A copy: PGlite may reuse the memory behind the chunk.
            const copy = Buffer.from(chunk);
            output.push(copy);
            if (!conn.closed && conn.socket.writable) conn.socket.write(copy);
          },
        }),
      );
    } catch (error) {
      // Never leave the session stuck: tell this connection, drop it, and reset the session.
      log(`connection ${conn.id}: ${error instanceof Error ? error.message : String(error)}`);
      dropConnection(conn, errorResponse('FATAL', 'XX000', 'The embedded database failed.'));
      owner = conn;
      return;
    }
    conn.answeredAt = Date.now();
    const last = lastBackendMessage(Buffer.concat(output));
    const idle = last?.type === 'Z' && last.status === 'I';
    if (idle) {
      if (owner === conn) owner = null;
    } else {
      owner = conn;
    }
    if (conn.terminating && conn.pending.length === 0) dropConnection(conn);
  }

  function pump(): void {
    if (busy) return;
    if (owner?.closed) {
      busy = true;
      void resetSession()
        .catch((error: unknown) => log(`reset failed: ${String(error)}`))
        .finally(() => {
          owner = null;
          busy = false;
          pump();
        });
      return;
    }
    let conn: Connection | undefined;
    if (owner) {
      if (owner.pending.length === 0) return;
      conn = owner;
    } else {
      for (let candidate = queue.shift(); candidate; candidate = queue.shift()) {
        candidate.queued = false;
        if (!candidate.closed && candidate.pending.length > 0) {
          conn = candidate;
          break;
        }
      }
    }
    if (!conn) return;
    busy = true;
    running = conn;
    const ran = conn;
    void runBatch(ran).finally(() => {
      busy = false;
      running = null;
      // More of the same connection's messages may have arrived while this batch ran.
      if (ran !== owner && ran.pending.length > 0 && !ran.closed) enqueue(ran);
      pump();
    });
  }

  function dropConnection(conn: Connection, last?: Buffer): void {
    if (conn.closed) return;
    conn.closed = true;
    conn.pending = [];
    connections.delete(conn);
    if (last && conn.socket.writable) conn.socket.end(last);
    else conn.socket.end();
    conn.socket.destroySoon();
  }

  function onData(conn: Connection, chunk: Buffer): void {
    conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
    let added = false;
    for (;;) {
      const buf = conn.buffer;
      if (!conn.started) {
        if (buf.length < 8) break;
        const length = buf.readInt32BE(0);
        if (length < 8 || length > 10_000) {
          dropConnection(conn, errorResponse('FATAL', '08P01', 'Invalid startup packet.'));
          return;
        }
        if (buf.length < length) break;
        const code = buf.readInt32BE(4);
        const message = buf.subarray(0, length);
        conn.buffer = buf.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          conn.socket.write('N');
          continue;
        }
        if (code === CANCEL_REQUEST) {
          // Cancelling is not supported: PostgreSQL also answers nothing and closes.
          dropConnection(conn);
          return;
        }
        if (code !== PROTOCOL_3) {
          dropConnection(conn, errorResponse('FATAL', '08P01', 'Unsupported protocol version.'));
          return;
        }
        conn.started = true;
        conn.pending.push({ bytes: Buffer.from(message), startup: true });
        added = true;
        continue;
      }
      if (buf.length < 5) break;
      const length = buf.readInt32BE(1);
      if (length < 4 || length > MAX_MESSAGE) {
        dropConnection(conn, errorResponse('FATAL', '08P01', 'Invalid message length.'));
        return;
      }
      if (buf.length < 1 + length) break;
      const message = buf.subarray(0, 1 + length);
      conn.buffer = buf.subarray(1 + length);
      if (message[0] === 0x58) {
        // Terminate: answer what came before it, then close.
        conn.terminating = true;
        continue;
      }
      conn.pending.push({ bytes: Buffer.from(message), startup: false });
      added = true;
    }
    if (added) {
      enqueue(conn);
      pump();
    } else if (conn.terminating && conn.pending.length === 0 && running !== conn) {
      dropConnection(conn);
      pump();
    }
  }

  const server: Server = createServer((socket) => {
    socket.setNoDelay(true);
    if (closing || connections.size >= maxConnections) {
      socket.end(errorResponse('FATAL', '53300', 'Too many connections to the embedded database.'));
      return;
    }
    const conn: Connection = {
      id: nextId++,
      socket,
      buffer: Buffer.alloc(0),
      started: false,
      pending: [],
      queued: false,
      closed: false,
      terminating: false,
      answeredAt: Date.now(),
    };
    connections.add(conn);
    socket.on('data', (chunk: Buffer) => onData(conn, chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (!conn.closed) {
        conn.closed = true;
        conn.pending = [];
        connections.delete(conn);
      }
      pump();
    });
  });

  // An owner that holds the session in silence while others wait is disconnected.
  const watchdog = setInterval(() => {
    const current = owner;
    if (!current || busy || current.closed || current.pending.length > 0) return;
    const waiting = queue.some((c) => !c.closed && c.pending.length > 0);
    if (!waiting || Date.now() - current.answeredAt < idleLimit) return;
    log(
      `connection ${current.id} held the session for ${Math.round(idleLimit / 1000)} s without a word while others waited: disconnected and rolled back`,
    );
    dropConnection(
      current,
      errorResponse(
        'FATAL',
        '25P03',
        'terminating connection due to idle-in-transaction timeout (the embedded database serves one transaction at a time)',
      ),
    );
    pump();
  }, 250);
  watchdog.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    port,
    stats: () => ({
      waiting: queue.filter((c) => !c.closed && c.pending.length > 0).length,
      owned: owner !== null,
      connections: connections.size,
    }),
    close: async () => {
      closing = true;
      clearInterval(watchdog);
      for (const conn of connections) dropConnection(conn);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      while (busy) await new Promise((r) => setTimeout(r, 10));
      if (!options.db) await db.close();
    },
  };
}
