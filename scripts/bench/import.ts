/**
 * Importing a register at scale (issue 10 §2: 10,000 rows previewed in ≤ 30 s and committed in
 * ≤ 60 s, memory flat). A standalone measurement: it makes a 10,000-row CSV register in memory
 * (valid NHS numbers in the 999 test range, dates in several forms, some renewals, discharges
 * and rows to reject), previews it and commits it through the real services against the
 * database in DATABASE_URL, and prints the times and the heap and RSS before, at the peak and
 * after. It adds a team, a hospital and an MHA office user of its own, and 10,000 patients:
 * point it at a scratch database.
 *
 *   DATABASE_URL=postgresql://…/scratch npx tsx --conditions=react-server scripts/bench/import.ts [rows]
 *
 * `npm run bench` runs it (10,000 rows) after its HTTP cases; BENCH_IMPORT=false leaves it out.
 *
 * (`--conditions=react-server` lets the server modules load outside Next.js.)
 */
import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgAdapter } from '@/lib/server/pg-adapter';
import { nhsNumberCheckDigit } from '@/lib/cto';
import { commitRegisterImport, previewRegisterImport } from '@/lib/server/services/import-register';

const ROWS = Number(process.argv[2] ?? 10_000);
const PREVIEW_GOAL_MS = 30_000;
const COMMIT_GOAL_MS = 60_000;

function nhsFrom(stem: number): string {
  for (let s = stem; ; s += 1) {
    const nine = `999${String(s % 1_000_000).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(nine);
    if (check !== undefined) return `${nine}${check}`;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A register of `count` rows, all made in the last two years, in the forms offices write. */
function register(count: number, team: string, hospital: string, seed: number): string {
  const lines = [
    'NHS Number,Surname,Forename,DOB,Gender,Ethnicity,Team,Hospital,Section,CTO Start Date,CTO Expiry,Renewed on,Discharged',
  ];
  const used = new Set<string>();
  let stem = seed;
  for (let i = 0; i < count; i += 1) {
    let nhs = nhsFrom(stem);
    while (used.has(nhs)) nhs = nhsFrom(++stem);
    used.add(nhs);
    stem += 7;
    // Made between 1 and 700 days before 2026-11-30, on days 1 to 28 of a month.
    const made = new Date(Date.UTC(2026, 10, 30) - (1 + (i % 700)) * 86_400_000);
    const d = Math.min(made.getUTCDate(), 28);
    const m = made.getUTCMonth() + 1;
    const y = made.getUTCFullYear();
    const start =
      i % 3 === 0
        ? `${pad(d)}/${pad(m)}/${y}`
        : i % 3 === 1
          ? `${y}-${pad(m)}-${pad(d)}`
          : `${d}/${m}/${String(y).slice(2)}`;
    const bad = i % 50 === 0 ? '1234567890' : nhs;
    const discharged = i % 10 === 0 ? `${pad(Math.min(d + 1, 28))}/${pad(m)}/${y}` : '';
    lines.push(
      [
        bad,
        `Bench${i}`,
        'Row',
        `${pad(1 + (i % 28))}/${pad(1 + (i % 12))}/19${60 + (i % 40)}`,
        i % 2 ? 'M' : 'Female',
        i % 4 ? 'A' : 'Black African',
        team,
        hospital,
        i % 5 ? 'S3' : 's37',
        start,
        '',
        '',
        discharged,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function measure<T>(what: string, run: () => Promise<T>) {
  global.gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 50);
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  clearInterval(timer);
  global.gc?.();
  const after = process.memoryUsage();
  console.log(
    `${what}: ${(ms / 1000).toFixed(1)} s; heap ${mb(before.heapUsed)} -> peak ${mb(peakHeap)} -> ${mb(after.heapUsed)}; rss ${mb(before.rss)} -> peak ${mb(peakRss)} -> ${mb(after.rss)}`,
  );
  return { result, ms };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a scratch database.');
  const db = new PrismaClient({ adapter: pgAdapter(url, { max: 4 }) });
  try {
    const trust =
      (await db.trust.findFirst()) ??
      (await db.trust.create({ data: { odsCode: 'BENCH', name: 'Bench trust' } }));
    const tag = randomUUID().slice(0, 8);
    const team = await db.team.create({
      data: {
        trustId: trust.id,
        code: `BENCH-${tag}`,
        name: `Bench team ${tag}`,
        kind: 'COMMUNITY',
      },
    });
    const hospital = await db.hospital.create({
      data: {
        trustId: trust.id,
        siteCode: `B${tag}`,
        name: `Bench hospital ${tag}`,
        managersName: 'Bench managers',
      },
    });
    const user = await db.user.create({
      data: { email: `bench-${tag}@example.org`, name: `Bench MHA ${tag}` },
    });
    await db.userRole.create({ data: { userId: user.id, role: 'MHA_ADMINISTRATOR' } });
    const actor = {
      userId: user.id,
      email: user.email,
      roles: ['MHA_ADMINISTRATOR' as const],
      teamIds: [],
    };

    const seed = Number.parseInt(tag.slice(0, 5), 16) % 900_000;
    const csv = new TextEncoder().encode(register(ROWS, team.name, hospital.name, seed));
    console.log(`Register: ${ROWS} rows, ${(csv.byteLength / 1024).toFixed(0)} KiB`);

    const preview = await measure(`Preview (dry run) of ${ROWS} rows`, () =>
      previewRegisterImport(actor, { fileName: 'bench.csv', bytes: csv }, { db }),
    );
    if (!preview.result.ok) throw new Error(`Preview refused: ${preview.result.message}`);
    const { id, accepted, rejected } = preview.result.data;
    console.log(`  ${accepted} accepted, ${rejected} rejected`);

    const commit = await measure(`Commit of ${accepted} rows`, () =>
      commitRegisterImport(actor, { importId: id }, { db }),
    );
    if (!commit.result.ok) throw new Error(`Commit refused: ${commit.result.message}`);
    console.log(`  ${commit.result.data.imported} orders imported`);

    const again = await measure('Commit again (idempotent)', () =>
      commitRegisterImport(actor, { importId: id }, { db }),
    );
    if (again.result.ok) console.log(`  ${again.result.data.imported} imported the second time`);

    const pass = preview.ms <= PREVIEW_GOAL_MS && commit.ms <= COMMIT_GOAL_MS;
    console.log(
      `Goals: preview ≤ ${PREVIEW_GOAL_MS / 1000} s, commit ≤ ${COMMIT_GOAL_MS / 1000} s: ${pass ? 'met' : 'NOT met'}`,
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
