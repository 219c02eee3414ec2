/**
 * Importing a register at scale (issue 10 §2: 10,000 rows previewed in ≤ 30 s and committed in
 * ≤ 60 s, memory flat). A standalone measurement: for each size given it makes a CSV register
 * in memory (valid NHS numbers in the 999 test range, dates in several forms, some renewals,
 * discharges and rows to reject), previews it and commits it through the real services against
 * the database in DATABASE_URL, and prints the times and the heap and RSS before, at the peak
 * and after. It adds a team, a hospital and an MHA office user of its own per size, and the
 * patients: point it at a scratch database.
 *
 * Memory flat means the live heap does not grow with the file: with `--expose-gc` the heap is
 * also sampled just after a full collection (every 250 ms, which costs the run a little time),
 * and that "live" peak is printed for each size, then one line comparing the sizes.
 *
 *   DATABASE_URL=postgresql://…/scratch NODE_OPTIONS=--expose-gc \
 *     npx tsx --conditions=react-server scripts/bench/import.ts [rows …]   (default 2000 10000)
 *
 * `npm run bench` runs it (2,000 then 10,000 rows) after its HTTP cases; BENCH_IMPORT=false
 * leaves it out.
 *
 * (`--conditions=react-server` lets the server modules load outside Next.js.)
 */
import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgAdapter } from '@/lib/server/pg-adapter';
import { nhsNumberCheckDigit } from '@/lib/cto';
import { commitRegisterImport, previewRegisterImport } from '@/lib/server/services/import-register';

const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (SIZES.length === 0) SIZES.push(2_000, 10_000);
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
function register(
  count: number,
  team: string,
  hospital: string,
  seed: number,
  taken: ReadonlySet<string>,
): string {
  const lines = [
    'NHS Number,Surname,Forename,DOB,Gender,Ethnicity,Team,Hospital,Section,CTO Start Date,CTO Expiry,Renewed on,Discharged',
  ];
  const used = new Set<string>();
  let stem = seed;
  for (let i = 0; i < count; i += 1) {
    let nhs = nhsFrom(stem);
    while (used.has(nhs) || taken.has(nhs)) nhs = nhsFrom(++stem);
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

interface Measured<T> {
  result: T;
  ms: number;
  peakHeap: number;
  livePeak: number | null;
}

async function measure<T>(what: string, run: () => Promise<T>): Promise<Measured<T>> {
  global.gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  let livePeak = global.gc ? before.heapUsed : null;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 50);
  // What is still held (reachable) at that moment, not garbage waiting to be collected.
  const live = global.gc
    ? setInterval(() => {
        global.gc?.();
        livePeak = Math.max(livePeak ?? 0, process.memoryUsage().heapUsed);
      }, 250)
    : null;
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  clearInterval(timer);
  if (live) clearInterval(live);
  global.gc?.();
  const after = process.memoryUsage();
  console.log(
    `${what}: ${(ms / 1000).toFixed(1)} s; heap ${mb(before.heapUsed)} -> peak ${mb(peakHeap)} -> ${mb(after.heapUsed)}${livePeak === null ? '' : ` (live peak ${mb(livePeak)})`}; rss ${mb(before.rss)} -> peak ${mb(peakRss)} -> ${mb(after.rss)}`,
  );
  return { result, ms, peakHeap, livePeak };
}

interface SizeResult {
  rows: number;
  previewMs: number;
  commitMs: number;
  preview: { peakHeap: number; livePeak: number | null };
  commit: { peakHeap: number; livePeak: number | null };
}

async function importOnce(db: PrismaClient, rows: number): Promise<SizeResult> {
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
  // NHS numbers earlier runs left in the database are not used again, so that every run imports
  // new patients and the sizes compare.
  const taken = new Set(
    (
      await db.patient.findMany({
        where: { nhsNumber: { startsWith: '999' } },
        select: { nhsNumber: true },
      })
    ).flatMap((p) => (p.nhsNumber ? [p.nhsNumber] : [])),
  );
  const csv = new TextEncoder().encode(register(rows, team.name, hospital.name, seed, taken));
  taken.clear();
  console.log(`Register: ${rows} rows, ${(csv.byteLength / 1024).toFixed(0)} KiB`);

  const preview = await measure(`Preview (dry run) of ${rows} rows`, () =>
    previewRegisterImport(actor, { fileName: 'bench.csv', bytes: csv }, { db }),
  );
  if (!preview.result.ok) throw new Error(`Preview refused: ${preview.result.message}`);
  const { id, accepted, rejected } = preview.result.data;
  // The contract's answer has one entry per row: the one part of the heap that must grow.
  const answerKiB = JSON.stringify(preview.result.data).length / 1024;
  console.log(
    `  ${accepted} accepted, ${rejected} rejected; the answer is ${answerKiB.toFixed(0)} KiB as JSON`,
  );
  // Only the id is needed from here: the answer (every row's outcome) is let go.
  preview.result = null as never;

  const commit = await measure(`Commit of ${rows} rows (${accepted} accepted)`, async () => {
    const done = await commitRegisterImport(actor, { importId: id }, { db });
    if (!done.ok) throw new Error(`Commit refused: ${done.message}`);
    return done.data.imported;
  });
  console.log(`  ${commit.result} orders imported`);

  const again = await measure('Commit again (idempotent)', async () => {
    const done = await commitRegisterImport(actor, { importId: id }, { db });
    return done.ok ? done.data.imported : null;
  });
  if (again.result !== null) console.log(`  ${again.result} imported the second time`);
  return {
    rows,
    previewMs: preview.ms,
    commitMs: commit.ms,
    preview: { peakHeap: preview.peakHeap, livePeak: preview.livePeak },
    commit: { peakHeap: commit.peakHeap, livePeak: commit.livePeak },
  };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a scratch database.');
  const db = new PrismaClient({ adapter: pgAdapter(url, { max: 4 }) });
  try {
    const results: SizeResult[] = [];
    for (const rows of SIZES) results.push(await importOnce(db, rows));

    const peaks = (pick: (r: SizeResult) => { peakHeap: number; livePeak: number | null }) =>
      results
        .map((r) => {
          const m = pick(r);
          return `${r.rows} rows ${m.livePeak === null ? '' : `live ${mb(m.livePeak)}, `}peak ${mb(m.peakHeap)}`;
        })
        .join('; ');
    console.log(`Heap preview: ${peaks((r) => r.preview)}`);
    console.log(`Heap commit: ${peaks((r) => r.commit)}`);
    const largest = results.reduce((a, b) => (b.rows > a.rows ? b : a));
    const pass = largest.previewMs <= PREVIEW_GOAL_MS && largest.commitMs <= COMMIT_GOAL_MS;
    console.log(
      `Goals (${largest.rows} rows): preview ≤ ${PREVIEW_GOAL_MS / 1000} s, commit ≤ ${COMMIT_GOAL_MS / 1000} s: ${pass ? 'met' : 'NOT met'}`,
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
