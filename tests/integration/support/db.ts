// A Prisma client on the integration test database (DATABASE_URL, set by scripts/test.ts).
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgAdapter } from '@/lib/server/pg-adapter';

export function testDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  return new PrismaClient({ adapter: pgAdapter(url, { max: 4 }) });
}
