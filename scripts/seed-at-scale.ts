// npm run bench:seed -- [orders]: adds a whole country's worth of synthetic orders to
// DATABASE_URL (default 40,000 orders in 150 teams, ~400,000 events, ~160,000 deadlines) for
// scripts/benchmark.ts. Generated in SQL with generate_series: it takes seconds, not hours.
// Never run it against a database with real patients in it. A deployment serves one trust: the
// data go into the trust already there (or a new one in an empty database), never a second.
import pg from 'pg';
import { redact } from './lib/database.ts';
import { seedAtScale } from './lib/seed-at-scale.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'Set DATABASE_URL to a scratch PostgreSQL database (npm run bench:seed sets the embedded one).',
  );
  process.exit(2);
}
const orders = Number(process.argv[2] ?? 40_000);
const teams = 150;
const client = new pg.Client({ connectionString: url });
await client.connect();
const t0 = Date.now();
const { createdTrust } = await seedAtScale(client, { orders, teams });
await client.query('ANALYZE');
const counts = await client.query(
  `SELECT (SELECT count(*) FROM "CommunityTreatmentOrder") AS orders, (SELECT count(*) FROM "CtoEvent") AS events,
          (SELECT count(*) FROM "Deadline") AS deadlines, (SELECT count(*) FROM "Patient") AS patients`,
);
console.log(
  `Seeded at scale into ${redact(url)} (${createdTrust ? 'a new trust' : 'its existing trust'}) in ${((Date.now() - t0) / 1000).toFixed(1)} s:`,
  counts.rows[0],
);
await client.end();
