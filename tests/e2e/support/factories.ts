// Test data for the journeys of issue 5 part A, made with the shared factories (tests/factories)
// so that each journey has a patient of its own and never depends on another's changes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Creates test data with the shared factories in a tsx child process (Playwright's loader
 * cannot import lib/cto's JSON data): `body` runs with `db` (Prisma) and `f` (tests/factories)
 * in scope and returns a JSON value.
 */
export function withFactories<T>(body: string): T {
  const code = `(async () => {
    const { pgAdapter } = await import('@/lib/server/pg-adapter');
    const { PrismaClient } = await import('@/lib/generated/prisma/client');
    const f = await import('@/tests/factories');
    const d = await import('@/lib/server/dates');
    const db = new PrismaClient({ adapter: pgAdapter(process.env.DATABASE_URL) });
    try {
      const result = await (async () => { ${body} })();
      process.stdout.write('\\n@@' + JSON.stringify(result) + '\\n');
    } finally {
      await db.$disconnect();
    }
  })().catch((e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['--eval', code], {
    cwd: process.cwd(),
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 10_000_000,
  });
  const line = out.split('\n').find((l) => l.startsWith('@@'));
  if (!line) throw new Error(`The factories printed no result: ${out}`);
  return JSON.parse(line.slice(2)) as T;
}

export interface OwnPatient {
  id: string;
  nhsNumber: string;
  name: string;
}

/**
 * Patients of the journey's own on the seeded teams (by team code, e.g. 'NORTH', 'SOUTH'), one
 * per code, with an NHS number and a name no other journey uses: a journey that reads or opens
 * them never depends on which seeded patients other journeys, running at the same time, change.
 */
export function patientsOnTeams(codes: readonly string[], givenName: string): OwnPatient[] {
  return withFactories<OwnPatient[]>(`
    const out = [];
    for (const code of ${JSON.stringify(codes)}) {
      const team = await db.team.findUniqueOrThrow({ where: { code } });
      const familyName = ${JSON.stringify(givenName)} + 'son-' + f.unique();
      const patient = await f.createPatient(db, {
        trustId: team.trustId,
        teamId: team.id,
        givenName: ${JSON.stringify(givenName)},
        familyName,
      });
      out.push({ id: patient.id, nhsNumber: patient.nhsNumber, name: patient.givenName + ' ' + patient.familyName });
    }
    return out;
  `);
}
