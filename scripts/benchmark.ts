// npm run bench: measures CTO Tracker over HTTP with signed-in sessions, after
// `npm run bench:seed` (docs/performance.md). It starts the production server itself on
// DATABASE_URL (building first if the build is stale), or measures BENCH_URL (set
// BENCH_SERVER_PID too, to see that server's memory). Each role's bench account signs in for
// real through the sign-in route (CSRF token, then the credentials callback), then every case
// is timed: each role's dashboard, the register, /api/v1/work-items, the patients list, the
// cases in scripts/bench/cases/*.ts, and /api/health in the same run; then the CSV export of
// the whole register (time and the server's peak memory), 100 concurrent signed-in
// sessions loading their dashboards, and the import of a 2,000- and a 10,000-row register
// (preview and commit through the services, in a process of its own, with the live heap peak of
// each size: scripts/bench/import.ts). A measurement, not a test: nothing in CI runs it.
// BENCH_ONLY=<text> times only the cases whose name contains the text (and health), e.g.
// BENCH_ONLY=Statistics; the dashboards, the register exports, the concurrent run and the
// import are skipped.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Role } from '../lib/auth/roles.ts';
import type { BenchCase } from './bench/types.ts';
import { benchEmail, staffLayout } from './lib/seed-at-scale.ts';
import { projectRoot } from './lib/database.ts';
import { authSecret, buildIfNeeded } from './lib/build.ts';
import { auditCheckpointFile, auditCheckpointKey } from './lib/audit-key.ts';
import { startNext, waitForHealth, type Server } from './lib/processes.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 100);
const STAFF = Number(process.env.BENCH_STAFF ?? 2000);
const PASSWORD = process.env.BENCH_PASSWORD ?? 'bench-password';
const PORT = Number(process.env.BENCH_PORT ?? 3103);
const ONLY = process.env.BENCH_ONLY?.toLowerCase();
// BENCH_SETTLE_MS: wait this long after signing in, before timing (to let start-up work, such
// as the statistics warming, finish; a trust's first reader rarely comes seconds after a start).
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 0);

// --- The server -------------------------------------------------------------------------------
let server: Server | undefined;
let base = process.env.BENCH_URL?.replace(/\/$/, '');
let serverPid = process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : undefined;
if (!base) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('Set DATABASE_URL (after npm run bench:seed) or BENCH_URL.');
    process.exit(2);
  }
  await buildIfNeeded();
  server = startNext(
    PORT,
    {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret(),
      AUDIT_CHECKPOINT_KEY: auditCheckpointKey({ generate: true }),
      AUDIT_CHECKPOINT_FILE: auditCheckpointFile(),
      DEMO_MODE: 'false',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      AUTH_URL: `http://127.0.0.1:${PORT}`,
    },
    true,
  );
  serverPid = server.child.pid;
  base = `http://127.0.0.1:${PORT}`;
  await waitForHealth(base, 180_000);
}
const stop = async (code: number) => {
  await server?.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(130));

// --- Sessions ---------------------------------------------------------------------------------
class Session {
  cookies = new Map<string, string>();
  constructor(readonly email: string) {}
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  keep(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.header());
    const response = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' });
    this.keep(response);
    return response;
  }
}

/** Signs in through next-auth's own routes, as the sign-in form does. */
async function signIn(email: string): Promise<Session> {
  const session = new Session(email);
  const csrf = await session.fetch('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await session.fetch('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: '/' }),
  });
  await response.arrayBuffer();
  const location = response.headers.get('location') ?? '';
  if (response.status >= 400 || /error|login/i.test(location)) {
    throw new Error(`Sign-in as ${email} failed (${response.status} ${location}).`);
  }
  return session;
}

const layout = staffLayout(STAFF);
const accountFor = (role: Role, nth = 0): string => {
  const range = (layout as Record<string, readonly [number, number]>)[role];
  if (!range) throw new Error(`No bench accounts for ${role}.`);
  return benchEmail(range[0] + nth);
};

// --- Timing -----------------------------------------------------------------------------------
interface Result {
  name: string;
  p50: number;
  p95: number;
  errors: number;
  goalP50Ms?: number;
  goalP95Ms?: number;
  note?: string;
}
const results: Result[] = [];
const pct = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** One request, followed through redirects (the page a person lands on), body read whole. */
async function load(
  session: Session | null,
  c: Pick<BenchCase, 'path' | 'method' | 'body' | 'headers'>,
) {
  let path = c.path;
  let init: RequestInit = { method: c.method ?? 'GET', body: c.body, headers: c.headers };
  for (let hop = 0; hop < 5; hop += 1) {
    const response = session
      ? await session.fetch(path, init)
      : await fetch(`${base}${path}`, { ...init, redirect: 'manual' });
    await response.arrayBuffer();
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      path = new URL(location, base).pathname + new URL(location, base).search;
      if (path.startsWith('/login')) return { ok: false, status: response.status, path };
      init = { method: 'GET' };
      continue;
    }
    return { ok: response.status === 200, status: response.status, path };
  }
  return { ok: false, status: 310, path };
}

async function time(
  name: string,
  session: Session | null,
  c: BenchCase | { path: string },
  goals?: Partial<BenchCase>,
) {
  const firstStart = performance.now();
  const first = await load(session, c); // warm up, and see where it lands
  const firstMs = performance.now() - firstStart;
  const samples: number[] = [];
  let errors = first.ok ? 0 : 1;
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    const r = await load(session, c);
    samples.push(performance.now() - t0);
    if (!r.ok) errors += 1;
  }
  samples.sort((a, b) => a - b);
  const result: Result = {
    name,
    p50: pct(samples, 0.5),
    p95: pct(samples, 0.95),
    errors,
    goalP50Ms: goals?.goalP50Ms,
    goalP95Ms: goals?.goalP95Ms,
    note: first.ok
      ? first.path !== c.path
        ? `lands on ${first.path}`
        : undefined
      : `HTTP ${first.status} at ${first.path}`,
  };
  results.push(result);
  console.log(
    `${name.padEnd(56)} p50 ${result.p50.toFixed(1).padStart(7)} ms  p95 ${result.p95.toFixed(1).padStart(7)} ms  first ${firstMs.toFixed(0).padStart(6)} ms${errors ? `  errors ${errors}` : ''}${result.note ? `  (${result.note})` : ''}`,
  );
  return result;
}

// --- Memory of the server (its whole process tree, from /proc) --------------------------------
function treeRssKb(root: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // gone
    }
  }
  const walk = (pid: number) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // gone
    }
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return total;
}

async function exportRun(session: Session, format: 'csv' | 'xlsx') {
  const rssBefore = serverPid ? treeRssKb(serverPid) : 0;
  let peak = rssBefore;
  const pid = serverPid ?? 0;
  const sampler = serverPid
    ? setInterval(() => {
        peak = Math.max(peak, treeRssKb(pid));
      }, 100)
    : undefined;
  const t0 = performance.now();
  const response = await session.fetch(`/register/export.${format}`);
  let bytes = 0;
  let firstByte = 0;
  let lines = 0;
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!firstByte) firstByte = performance.now() - t0;
      bytes += chunk.length;
      if (format === 'csv') for (const b of chunk) if (b === 10) lines += 1;
    }
  }
  const total = performance.now() - t0;
  if (sampler) clearInterval(sampler);
  const line = `Export ${format.toUpperCase()} of the whole register: HTTP ${response.status}, ${(bytes / 1e6).toFixed(1)} MB${format === 'csv' ? `, ${lines - 1} rows` : ''}, first byte ${firstByte.toFixed(0)} ms, total ${(total / 1000).toFixed(2)} s; server RSS ${serverPid ? `${(rssBefore / 1024).toFixed(0)} MB before, peak ${(peak / 1024).toFixed(0)} MB` : 'not measured (no BENCH_SERVER_PID)'}`;
  console.log(line);
  return { status: response.status, bytes, total, rssBefore, peak, line };
}

// --- The run ----------------------------------------------------------------------------------
const ROLES: Role[] = [
  'CARE_COORDINATOR',
  'RESPONSIBLE_CLINICIAN',
  'AMHP',
  'MHA_ADMINISTRATOR',
  'HOSPITAL_MANAGER',
];
const sessions = new Map<Role, Session>();
const sessionFor = (role: Role): Session => {
  const session = sessions.get(role);
  if (!session) throw new Error(`No session for ${role}`);
  return session;
};
for (const role of ROLES) sessions.set(role, await signIn(accountFor(role)));
console.log(
  `Signed in: ${[...sessions.values()].map((s) => s.email).join(', ')}. ${RUNS} runs each.\n`,
);

const casesDir = join(projectRoot, 'scripts', 'bench', 'cases');
const extra: BenchCase[] = [];
for (const file of readdirSync(casesDir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const mod = (await import(pathToFileURL(join(casesDir, file)).href)) as { default: BenchCase[] };
  extra.push(...mod.default.filter((c) => !ONLY || c.name.toLowerCase().includes(ONLY)));
}

if (SETTLE_MS > 0) {
  console.log(`Waiting ${SETTLE_MS} ms before timing (BENCH_SETTLE_MS).`);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}
const health = await time('Health (/api/health)', null, { path: '/api/health' });
const dashboardGoals = { goalP50Ms: 100, goalP95Ms: 250 };
if (!ONLY) {
  for (const role of ROLES) {
    await time(`Dashboard (/), ${role}`, sessionFor(role), { path: '/' }, dashboardGoals);
  }
  await time(
    'Work items, care coordinator',
    sessionFor('CARE_COORDINATOR'),
    { path: '/api/v1/work-items' },
    dashboardGoals,
  );
  await time(
    'Work items, MHA office, ?scope=trust',
    sessionFor('MHA_ADMINISTRATOR'),
    { path: '/api/v1/work-items?scope=trust' },
    dashboardGoals,
  );
}
for (const c of extra) {
  let session = sessions.get(c.role);
  if (!session) {
    session = await signIn(accountFor(c.role));
    sessions.set(c.role, session);
  }
  await time(c.name, session, c, c);
}
const healthAfter = await time('Health again, after the cases', null, { path: '/api/health' });

// The register's exports and the concurrent run (skipped with BENCH_ONLY).
async function exportsAndCrowd(): Promise<string[]> {
  console.log('');
  const csv = await exportRun(sessionFor('MHA_ADMINISTRATOR'), 'csv');
  const xlsx = await exportRun(sessionFor('MHA_ADMINISTRATOR'), 'xlsx');

  // 100 concurrent signed-in sessions (different people) loading their dashboards at once.
  console.log(`\nSigning in ${CONCURRENT} people for the concurrent run...`);
  const crowd: Session[] = [];
  const ccRange = layout.CARE_COORDINATOR;
  for (let i = 0; i < CONCURRENT; i += 8) {
    const batch = [];
    for (let j = i; j < Math.min(CONCURRENT, i + 8); j += 1) {
      // Mostly care coordinators and RCs, as a trust's morning would be.
      const role: Role = j % 4 === 3 ? 'RESPONSIBLE_CLINICIAN' : 'CARE_COORDINATOR';
      batch.push(
        signIn(accountFor(role, role === 'CARE_COORDINATOR' ? j % (ccRange[1] - ccRange[0]) : j)),
      );
    }
    crowd.push(...(await Promise.all(batch)));
  }
  const t0 = performance.now();
  const outcomes = await Promise.all(
    crowd.map(async (s) => {
      const start = performance.now();
      try {
        const r = await load(s, { path: '/' });
        return { ms: performance.now() - start, ok: r.ok, status: r.status };
      } catch (error) {
        return { ms: performance.now() - start, ok: false, status: String(error) };
      }
    }),
  );
  const wall = performance.now() - t0;
  const crowdTimes = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const crowdErrors = outcomes.filter((o) => !o.ok);
  const crowdLine = `${CONCURRENT} concurrent sessions loading dashboards: ${crowdErrors.length} errors${crowdErrors.length ? ` (${[...new Set(crowdErrors.map((e) => e.status))].join(', ')})` : ''}; p50 ${pct(crowdTimes, 0.5).toFixed(0)} ms, p95 ${pct(crowdTimes, 0.95).toFixed(0)} ms, all done in ${(wall / 1000).toFixed(2)} s`;
  console.log(crowdLine);
  return [csv.line, xlsx.line, crowdLine];
}
const lastLines = ONLY ? [] : await exportsAndCrowd();

// The register import at scale (issue 10): a 2,000- then a 10,000-row register made now,
// previewed and committed against the database in a process of its own, so that its memory is
// its own; the live heap peaks of the two sizes show whether memory is flat.
let importLines: string[] = [];
if (!ONLY && process.env.DATABASE_URL && process.env.BENCH_IMPORT !== 'false') {
  console.log('\nImporting 2,000- and 10,000-row registers (scripts/bench/import.ts)...');
  const child = spawn(
    'npx',
    ['tsx', '--conditions=react-server', join('scripts', 'bench', 'import.ts'), '2000', '10000'],
    {
      cwd: projectRoot,
      env: { ...process.env, NODE_OPTIONS: '--expose-gc' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    process.stdout.write(chunk);
  });
  const code: number = await new Promise((resolve) =>
    child.once('exit', (status) => resolve(status ?? 1)),
  );
  importLines = out
    .split('\n')
    .filter((l) => /^(Preview|Commit|Heap|Goals)/.test(l))
    .concat(code === 0 ? [] : [`Import bench exited with ${code}.`]);
}

// --- The table --------------------------------------------------------------------------------
console.log('\n| Route | p50 | p95 | × health p50 | Goal (p50 / p95) | Met |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const goal = r.goalP50Ms ? `${r.goalP50Ms} / ${r.goalP95Ms} ms` : '';
  const met = r.goalP50Ms
    ? r.errors
      ? `no (${r.errors} errors${r.note ? `; ${r.note}` : ''})`
      : r.p50 <= r.goalP50Ms && r.p95 <= (r.goalP95Ms ?? Infinity)
        ? 'yes'
        : 'no'
    : '';
  console.log(
    `| ${r.name} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${(r.p50 / health.p50).toFixed(1)} | ${goal} | ${met} |`,
  );
}
console.log(
  `\nHealth p50 ${health.p50.toFixed(1)} ms at the start, ${healthAfter.p50.toFixed(1)} ms at the end.`,
);
for (const line of lastLines) console.log(line);
for (const line of importLines) console.log(line);
await stop(0);
