import 'server-only';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { pgAdapter } from '@/lib/server/pg-adapter';

export type Db = PrismaClient;
/** A Prisma interactive-transaction client. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createPrismaClient(connectionString: string, max = env.DATABASE_POOL_SIZE): Db {
  return new PrismaClient({ adapter: pgAdapter(connectionString, { max }) });
}

// One client per process (Next.js dev reloads modules, so keep it on globalThis).
const globalForDb = globalThis as unknown as { ctoTrackerDb?: Db };
export const db: Db = globalForDb.ctoTrackerDb ?? createPrismaClient(env.DATABASE_URL);
globalForDb.ctoTrackerDb = db;
