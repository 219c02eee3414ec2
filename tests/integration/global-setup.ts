// Integration tests run against real PostgreSQL (or the embedded one): scripts/test.ts and
// `npm run test:integration` give them a fresh, migrated database in DATABASE_URL.
export default function setup(): void {
  if (!process.env.DATABASE_URL) {
    throw new Error(
      'Integration tests need DATABASE_URL: run them with `npm test` or `npm run test:integration`.',
    );
  }
}
