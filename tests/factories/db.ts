/**
 * What every factory takes as its first argument: the Prisma client or an interactive
 * transaction client. Type-only import: lib/server/db.ts itself imports 'server-only' and the
 * validated environment, which the seed and the tests must not load.
 */
import type { Db, Tx } from '@/lib/server/db';
import { randomBytes, randomInt } from 'node:crypto';

export type FactoryDb = Db | Tx;

/**
 * A UUID version 7 (time-ordered, like the schema's `uuid(7)` default). Factories make ids
 * up front so that related rows can be written together with createMany.
 */
export function newId(at: number = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = at;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let counter = 0;
const runToken = randomInt(0, 36 ** 4)
  .toString(36)
  .padStart(4, '0');

/** A short token unique within this process and very likely across processes: 'k3f9-12'. */
export function unique(): string {
  counter += 1;
  return `${runToken}-${counter}`;
}

export const HOUR_MS = 3_600_000;

export function addHoursTo(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * HOUR_MS);
}
