// A Prisma client as the database's OWNER (DATABASE_OWNER_URL, set by scripts/test.ts when the
// app's tests run as a separate, least-privileged role; otherwise DATABASE_URL). Only tests
// that play the part of someone tampering with the database below the app use it.
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgAdapter } from '@/lib/server/pg-adapter';

export function ownerUrl(): string {
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  return url;
}

export function ownerDb(): PrismaClient {
  return new PrismaClient({ adapter: pgAdapter(ownerUrl(), { max: 2 }) });
}
