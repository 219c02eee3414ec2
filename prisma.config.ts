import { defineConfig } from 'prisma/config';

// The datasource URL for the Prisma CLI (generate only: migrations run through
// scripts/migrate.ts). The app itself connects through @prisma/adapter-pg in lib/server/db.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:55432/postgres',
  },
});
