// npm run bench: times the app's own queries (the real lib/server code, with scoping and
// audit writes) against DATABASE_URL, typically after `npm run bench:seed`. Prints the median
// and 95th percentile of repeated runs. A measurement, not a test: nothing here fails CI.
import { performance } from 'node:perf_hooks';
import { db } from '../lib/server/db.ts';
import { listPatients } from '../lib/server/queries/list-patients.ts';
import type { Actor } from '../lib/server/actor.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

async function time(name: string, fn: () => Promise<unknown>) {
  await fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  const s = stats(samples);
  console.log(
    `${name.padEnd(58)} p50 ${s.p50.toFixed(1).padStart(7)} ms   p95 ${s.p95.toFixed(1).padStart(7)} ms`,
  );
}

const team = await db.team.findFirst({ where: { code: { startsWith: 'BENCH-' } } });
const anyTeam = team ?? (await db.team.findFirst());
if (!anyTeam) {
  console.error('No teams: run npm run bench:seed first.');
  process.exit(2);
}
const counts = {
  orders: await db.communityTreatmentOrder.count(),
  events: await db.ctoEvent.count(),
  deadlines: await db.deadline.count(),
};
console.log(
  `Database: ${counts.orders} orders, ${counts.events} events, ${counts.deadlines} deadlines; ${RUNS} runs each.\n`,
);

const coordinator: Actor = {
  userId: 'benchmark-coordinator',
  email: 'bench@example.org',
  name: 'Benchmark',
  roles: ['CARE_COORDINATOR'],
  teamIds: [anyTeam.id],
  sessionId: 'bench',
};
const office: Actor = {
  ...coordinator,
  userId: 'benchmark-office',
  roles: ['MHA_ADMINISTRATOR'],
  teamIds: [],
};
const today = new Date(new Date().toISOString().slice(0, 10));
const in30 = new Date(today.getTime() + 30 * 86_400_000);

await time('Patients list, care coordinator (team scope), page 1', () =>
  listPatients({ actor: coordinator }, { q: undefined, page: 1, pageSize: 25 }),
);
await time('Patients list, MHA office (whole trust), page 1', () =>
  listPatients({ actor: office }, { q: undefined, page: 1, pageSize: 25 }),
);
await time('Patients list, MHA office, page 400', () =>
  listPatients({ actor: office }, { q: undefined, page: 400, pageSize: 25 }),
);
await time('Patients search by name, MHA office', () =>
  listPatients({ actor: office }, { q: 'family123 ', page: 1, pageSize: 25 }),
);
await time('Open deadlines due in 30 days, one team', () =>
  db.deadline.findMany({
    where: { teamId: anyTeam.id, status: 'OPEN', dueOn: { lte: in30 } },
    orderBy: { dueOn: 'asc' },
    take: 100,
  }),
);
await time('Open deadlines due in 30 days, whole trust (first 100)', () =>
  db.deadline.findMany({
    where: { status: 'OPEN', dueOn: { lte: in30 } },
    orderBy: { dueOn: 'asc' },
    take: 100,
  }),
);
await time('Orders in force by team expiring within 60 days', () =>
  db.communityTreatmentOrder.findMany({
    where: {
      teamId: anyTeam.id,
      state: 'ACTIVE',
      currentExpiryDate: { lte: new Date(today.getTime() + 60 * 86_400_000) },
    },
    orderBy: { currentExpiryDate: 'asc' },
  }),
);
await time('Count of orders by state, whole trust', () =>
  db.communityTreatmentOrder.groupBy({ by: ['state'], _count: { _all: true } }),
);
await time("One order's events, newest first", async () => {
  const order = await db.communityTreatmentOrder.findFirst({ where: { teamId: anyTeam.id } });
  if (order)
    await db.ctoEvent.findMany({ where: { orderId: order.id }, orderBy: { occurredAt: 'desc' } });
});
await db.$disconnect();
process.exit(0);
