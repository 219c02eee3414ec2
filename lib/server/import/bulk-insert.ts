import 'server-only';
// Inserting thousands of rows in one statement per table (decision 811): each column goes to
// PostgreSQL as one text array and `unnest` turns the arrays back into rows, cast to the column's
// own type (read from the catalogue once per table). Prisma's createMany sends one parameter per
// value, and for a 10,000-row register that was most of the commit's time. Rows are checked
// exactly as any insert is (types, NOT NULL, unique and foreign keys), inside the caller's
// transaction. Table and column names come from this code, never from a file: each is also
// checked against the catalogue before it is used.
import { randomBytes } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/server/db';

type Value = unknown;

const typesByTable = new Map<string, Promise<Map<string, string>>>();

async function columnTypes(tx: Tx, table: string): Promise<Map<string, string>> {
  let types = typesByTable.get(table);
  if (!types) {
    types = tx.$queryRaw<{ column_name: string; udt_name: string; data_type: string }[]>`
        SELECT column_name, udt_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table}`.then(
      (rows) => new Map(rows.map((r) => [r.column_name, r.udt_name])),
    );
    typesByTable.set(table, types);
    // A failed look-up is not remembered.
    types.catch(() => typesByTable.delete(table));
  }
  return types;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** The catalogue's udt_name as a type in SQL: "_Role" is an array of "Role". */
function typeName(udt: string): string {
  return udt.startsWith('_') ? `${quote(udt.slice(1))}[]` : quote(udt);
}

/** A value as the text PostgreSQL reads for a column of type `udt`. */
function asText(value: Value, udt: string): string | null {
  if (value === null || value === undefined || value === Prisma.DbNull) return null;
  if (value instanceof Date) {
    // Dates (@db.Date) are held as UTC midnight (lib/server/dates toDbDate).
    return udt === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (udt === 'jsonb' || udt === 'json') return JSON.stringify(value);
  if (Array.isArray(value) && udt.startsWith('_')) {
    // An array column: its text form, each element quoted.
    return `{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw new Error(`A value of the wrong kind for a ${udt} column.`);
}

/**
 * Inserts `rows` (objects keyed by column name, as Prisma's CreateManyInput) into `table`,
 * `chunk` rows per statement. Columns no row gives take their database default.
 */
export async function bulkInsert(
  tx: Tx,
  table: string,
  rows: readonly Record<string, unknown>[],
  chunk = 5000,
): Promise<void> {
  if (rows.length === 0) return;
  const types = await columnTypes(tx, table);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) =>
    rows.some((r) => r[c] !== undefined),
  );
  for (const c of columns) {
    if (!types.has(c)) throw new Error(`${table} has no column ${c}.`);
  }
  const selects = columns.map((c, i) => `u.c${i}::${typeName(types.get(c) as string)}`);
  const sql =
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) ` +
    `SELECT ${selects.join(', ')} FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')}) ` +
    `AS u(${columns.map((_, i) => `c${i}`).join(', ')})`;
  for (let at = 0; at < rows.length; at += chunk) {
    const slice = rows.slice(at, at + chunk);
    const arrays = columns.map((c) => {
      const udt = types.get(c) as string;
      return slice.map((r) => asText(r[c], udt));
    });
    try {
      await tx.$executeRawUnsafe(sql, ...arrays);
    } catch (error) {
      throw asUniqueViolation(error);
    }
  }
}

/**
 * A version 7 UUID (RFC 9562: the time in milliseconds, then random bits), as Prisma's
 * @default(uuid(7)) makes them, for rows inserted without Prisma.
 */
export function uuidV7(now = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = now;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A raw insert's unique violation (SQLSTATE 23505) as the P2002 Prisma's own inserts throw. */
function asUniqueViolation(error: unknown): unknown {
  if (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === 'P2010' &&
    (error.meta?.code === '23505' || /\b23505\b/.test(error.message))
  ) {
    return new Prisma.PrismaClientKnownRequestError(error.message, {
      code: 'P2002',
      clientVersion: error.clientVersion,
      meta: error.meta,
    });
  }
  return error;
}
