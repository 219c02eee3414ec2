// The Prisma driver adapter every client in the project uses (the app, the seed, the scripts
// and the tests). No 'server-only' here: the seed and the scripts import it too.
//
// Inside an interactive transaction Prisma 7 sends the queries of one `include` (its relation
// queries) at the same time on the transaction's single pg connection. pg 8.20+ still queues
// them, but warns ("Calling client.query() when the client is already executing a query is
// deprecated", an error from pg 9): prisma/orm#29468 and #29979, unreleased. So each connection
// here runs one query at a time itself, in the order asked, which is what pg did silently before.
// See docs/decisions/632-one-query-at-a-time-per-connection.md.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

type Query = pg.Client['query'];

/** A pg client whose promise queries wait for its earlier ones instead of overlapping them. */
export class OneQueryAtATimeClient extends pg.Client {
  tail: Promise<unknown> = Promise.resolve();
}

const plainQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;

OneQueryAtATimeClient.prototype.query = function query(
  this: OneQueryAtATimeClient,
  ...args: unknown[]
): unknown {
  const [first] = args;
  const callback = typeof args[args.length - 1] === 'function';
  const submittable =
    typeof first === 'object' &&
    first !== null &&
    typeof (first as { submit?: unknown }).submit === 'function';
  // Callbacks and submittables (cursors, streams) keep pg's own behaviour.
  if (callback || submittable) return plainQuery.apply(this, args);
  const run = () => plainQuery.apply(this, args) as Promise<unknown>;
  const result = this.tail.then(run, run);
  this.tail = result.catch(() => undefined);
  return result;
} as Query;

/**
 * Session settings of every connection. JIT compilation off: PostgreSQL compiles any plan whose
 * cost passes `jit_above_cost`, and for this app's large but short queries (the register's
 * export, the data-quality list) the compiling took longer than the query, seconds under load
 * (EXPLAIN ANALYZE: JIT 15 s for a 2.5 s export). Decision 821.
 *
 * No statement runs longer than five minutes (decision 862). PostgreSQL does not stop a
 * statement when its client goes away: a statistics query started by a server that had since
 * stopped ran for 47 minutes on a loaded machine, holding a core. The app's longest statements
 * (a statistics year at national scale, a batch of an import) take seconds.
 */
export const STATEMENT_TIMEOUT_MS = 300_000;
export const CONNECTION_OPTIONS = `-c jit=off -c statement_timeout=${STATEMENT_TIMEOUT_MS}`;

export function pgAdapter(
  connectionString: string,
  options: { max?: number; schema?: string } = {},
): PrismaPg {
  return new PrismaPg(
    {
      connectionString,
      options: CONNECTION_OPTIONS,
      ...(options.max ? { max: options.max } : {}),
      Client: OneQueryAtATimeClient,
    },
    options.schema ? { schema: options.schema } : undefined,
  );
}
