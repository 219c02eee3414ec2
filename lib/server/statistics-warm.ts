import 'server-only';
// Warms the kept statistics at server start (issue 11 §4, docs/decisions/833-statistics-warmed-at-start.md):
// the current and previous financial year's figures for the whole trust (the MHA measures,
// which the MHA annual and equality pages share, and the outcomes) are worked out in the
// background a few seconds after start, one after the other, so the first reader does not wait
// the several seconds a year takes at national scale (the last ended year first: the pages
// open on it). Nothing is shown to anyone and nothing
// leaves the process, so nothing is audited; each reader's request is still checked, scoped,
// controlled and audited as before. A failure is logged and never fails the start.
import { env } from '@/lib/env';
import { db } from '@/lib/server/db';
import { londonDateOf } from '@/lib/server/dates';
import { keptCells, type StatisticsAccess } from '@/lib/server/queries/statistics';
import { keptOutcomeSums } from '@/lib/server/queries/statistics-outcomes';
import { currentAndPreviousYear } from '@/lib/statistics/classify';

const DELAY_MS = 5_000;
const TRUST: StatisticsAccess = { scope: 'trust', teamIds: null, mayUnround: false };

/** Works out and keeps the trust's figures for the current and previous year. */
export async function warmStatistics(now = new Date()): Promise<number> {
  const started = Date.now();
  const [current, previous] = currentAndPreviousYear(londonDateOf(now));
  // The last ended year first: the statistics pages open on it.
  for (const year of [previous, current]) {
    await keptCells(db, year, TRUST);
    await keptOutcomeSums(db, year, TRUST, now);
  }
  return Date.now() - started;
}

const globalForWarm = globalThis as unknown as { ctoStatisticsWarm?: NodeJS.Timeout };

export function startStatisticsWarm(): void {
  if (env.NEXT_PHASE?.includes('build') || env.NODE_ENV === 'test') return;
  if (globalForWarm.ctoStatisticsWarm) return;
  const timer = setTimeout(() => {
    warmStatistics().then(
      (ms) => console.info(`[statistics] figures for the trust worked out in ${ms} ms`),
      (error: unknown) =>
        console.error(
          `[statistics] not warmed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
        ),
    );
  }, DELAY_MS);
  timer.unref();
  globalForWarm.ctoStatisticsWarm = timer;
}
