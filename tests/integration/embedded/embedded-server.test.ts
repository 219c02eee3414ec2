// The embedded database's server (scripts/lib/embedded-server.ts) shares PGlite's one session
// between connections without letting them disturb each other (issue 12 section 7).
import { connect, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedUrl, freePort } from '../../../scripts/lib/database';
import { serveEmbedded, type EmbeddedServer } from '../../../scripts/lib/embedded-server';

let server: EmbeddedServer;
let url: string;
beforeAll(async () => {
  server = await serveEmbedded({
    dataDir: 'memory://',
    port: await freePort(),
    idleInTransactionMs: 1_000,
  });
  url = embeddedUrl(server.port);
  const setup = new pg.Client(url);
  await setup.connect();
  await setup.query('CREATE TABLE note (id int PRIMARY KEY, body text)');
  await setup.end();
}, 60_000);
afterAll(async () => {
  await server.close();
});

function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
const cstr = (s: string) => Buffer.from(`${s}\0`, 'utf8');
const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

/** A connection speaking the wire protocol by hand, so a request can be sent in pieces. */
class RawConnection {
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  constructor(private socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }
  static async open(port: number): Promise<RawConnection> {
    const socket = connect({ port, host: '127.0.0.1' });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const raw = new RawConnection(socket);
    const params = Buffer.concat([
      cstr('user'),
      cstr('postgres'),
      cstr('database'),
      cstr('postgres'),
      Buffer.from([0]),
    ]);
    socket.write(Buffer.concat([int32(params.length + 8), int32(196608), params]));
    await raw.untilReady();
    return raw;
  }
  send(data: Buffer): void {
    this.socket.write(data);
  }
  /** The messages up to and including the next ReadyForQuery: data values and errors. */
  async untilReady(): Promise<{ values: string[]; errors: string[] }> {
    const values: string[] = [];
    const errors: string[] = [];
    for (;;) {
      while (this.buffer.length >= 5) {
        const type = String.fromCharCode(this.buffer[0] ?? 0);
        const length = this.buffer.readInt32BE(1);
        if (this.buffer.length < 1 + length) break;
        const body = this.buffer.subarray(5, 1 + length);
        this.buffer = this.buffer.subarray(1 + length);
        if (type === 'D') {
          const size = body.readInt32BE(2);
          values.push(body.subarray(6, 6 + size).toString('utf8'));
        } else if (type === 'E') {
          errors.push(body.toString('utf8').replace(/\0/g, ' ').trim());
        } else if (type === 'Z') {
          return { values, errors };
        }
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
  close(): void {
    this.socket.destroy();
  }
}

describe('the embedded database server', () => {
  it('keeps one connection’s request whole while another connection asks in the middle of it', async () => {
    const a = await RawConnection.open(server.port);
    const b = new pg.Client(url);
    await b.connect();
    try {
      // A: Parse of the unnamed statement, then nothing for a while (a request split in two).
      a.send(message('P', cstr(''), cstr('SELECT $1::int * 10 AS a'), int16(0)));
      // B asks meanwhile, with a statement of a different shape.
      const fromB = b.query('SELECT $1::text || $2::text AS b', ['b', '!']);
      await new Promise((r) => setTimeout(r, 300));
      // A finishes its request: Bind its value to its statement, Execute, Sync.
      a.send(
        Buffer.concat([
          message(
            'B',
            cstr(''),
            cstr(''),
            int16(0),
            int16(1),
            int32(1),
            Buffer.from('7'),
            int16(0),
          ),
          message('E', cstr(''), int32(0)),
          message('S'),
        ]),
      );
      expect(await a.untilReady()).toEqual({ values: ['70'], errors: [] });
      expect((await fromB).rows).toEqual([{ b: 'b!' }]);
    } finally {
      a.close();
      await b.end();
    }
  });

  it('lets everyone else go on when a connection holds a transaction and says nothing', async () => {
    const holder = new pg.Client(url);
    holder.on('error', () => undefined);
    const other = new pg.Client(url);
    await holder.connect();
    await other.connect();
    try {
      await holder.query('BEGIN');
      await holder.query("INSERT INTO note VALUES (1, 'never committed')");
      // The holder now waits for something that never comes. The other connection is
      // answered once the holder has been silent for the limit (1 s here), not never.
      const started = Date.now();
      const { rows } = await other.query('SELECT count(*)::int AS n FROM note WHERE id = 1');
      expect(rows).toEqual([{ n: 0 }]);
      expect(Date.now() - started).toBeLessThan(15_000);
      await expect(holder.query('COMMIT')).rejects.toThrow();
    } finally {
      await other.end();
      await holder.end().catch(() => undefined);
    }
  });

  it('rolls back the transaction of a connection that closes in the middle of it', async () => {
    const gone = new pg.Client(url);
    gone.on('error', () => undefined);
    const other = new pg.Client(url);
    await gone.connect();
    await other.connect();
    try {
      await gone.query('BEGIN');
      await gone.query("INSERT INTO note VALUES (2, 'lost with its connection')");
      const waiting = other.query('SELECT count(*)::int AS n FROM note WHERE id = 2');
      await gone.end();
      expect((await waiting).rows).toEqual([{ n: 0 }]);
      expect(server.stats().owned).toBe(false);
    } finally {
      await other.end();
    }
  });

  it('serves twenty connections writing at once, each transaction whole', async () => {
    const clients = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const c = new pg.Client(url);
        await c.connect();
        return c;
      }),
    );
    try {
      await Promise.all(
        clients.map(async (c, i) => {
          await c.query('BEGIN');
          await c.query('INSERT INTO note VALUES ($1, $2)', [100 + i, `from ${i}`]);
          const { rows } = await c.query('SELECT body FROM note WHERE id = $1', [100 + i]);
          expect(rows).toEqual([{ body: `from ${i}` }]);
          await c.query('COMMIT');
        }),
      );
      const check = clients[0];
      const { rows } = await check!.query('SELECT count(*)::int AS n FROM note WHERE id >= 100');
      expect(rows).toEqual([{ n: 20 }]);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});
