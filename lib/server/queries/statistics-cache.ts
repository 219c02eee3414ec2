import 'server-only';
// Aggregates kept between requests for the statistics (issue 11 §4: every statistics page and
// export in at most 1 s at national scale). Working out a year's figures reads every order,
// recall, assessment and rating of the year (about 0.5 to 4 s at 80,000 orders on a loaded
// machine); the answer only changes when the records do. So the sums (before disclosure control,
// which is applied per reader afterwards) are kept in memory under a key made of what was asked
// (which figures, which year, which teams) with a fingerprint of the data: the newest row of each
// table the statistics read, and the number of orders. A new event, order, recall, assessment,
// rating, assignment, legal status or period changes the fingerprint, and the figures are worked
// out again (in the background, while the kept answer is still given). Edits that add no row (a
// record marked entered in error) are picked up within MAX_AGE_MS.
// docs/decisions/831-statistics-at-national-scale.md
import type { Db, Tx } from '@/lib/server/db';

/** The longest a kept answer is used, whatever the fingerprint says. */
export const MAX_AGE_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 200;

interface Entry {
  fingerprint: string;
  at: number;
  value: unknown;
}

// On globalThis: Next.js bundles the pages, the route handlers and instrumentation.ts apart, each
// with its own copy of this module, and they must share one store (or the warming at start,
// lib/server/statistics-warm.ts, and a page's figures would never reach a download).
const store = ((globalThis as unknown as { ctoKeptStatistics?: Store }).ctoKeptStatistics ??= {
  kept: new Map(),
  running: new Map(),
});
interface Store {
  kept: Map<string, Entry>;
  running: Map<string, Promise<unknown>>;
}
const kept = store.kept;

/** The fingerprint of the data the statistics read: one round trip of index-only lookups. */
export async function statisticsFingerprint(client: Db | Tx): Promise<string> {
  const [row] = await client.$queryRaw<{ f: string }[]>`
    SELECT concat_ws('|',
      (SELECT max(id) FROM "CtoEvent"),
      (SELECT max(id) FROM "CommunityTreatmentOrder"),
      (SELECT count(*) FROM "CommunityTreatmentOrder"),
      (SELECT max(id) FROM "Recall"),
      (SELECT max(id) FROM "CtoPeriod"),
      (SELECT max(id) FROM "LegalStatusPeriod"),
      (SELECT max(id) FROM "SocialFactorAssessment"),
      (SELECT max(id) FROM "QualityOfLifeRating"),
      (SELECT max(id) FROM "StaffAssignment"),
      (SELECT max(id) FROM "PatientChange"),
      (SELECT max(id) FROM "Patient")) AS f`;
  return row?.f ?? '';
}

// A Prisma 7 transaction client has $transaction too, but not $disconnect.
function isRootClient(client: Db | Tx): client is Db {
  return typeof (client as Partial<Db>).$disconnect === 'function';
}

const running = store.running;

/** Kept figures and when they were worked out (when the reading of the data began). */
export interface Kept<T> {
  value: T;
  workedOutAt: Date;
}

/** Works the figures out once at a time per key, and keeps the answer. */
function refresh<T>(key: string, fingerprint: string, compute: () => Promise<T>): Promise<Kept<T>> {
  const already = running.get(key);
  if (already) return already as Promise<Kept<T>>;
  const at = Date.now();
  const promise = compute()
    .then((value) => {
      kept.delete(key);
      kept.set(key, { fingerprint, at, value });
      // The oldest first out: a Map iterates in insertion order.
      while (kept.size > MAX_ENTRIES) {
        const oldest = kept.keys().next().value;
        if (oldest === undefined) break;
        kept.delete(oldest);
      }
      return { value, workedOutAt: new Date(at) };
    })
    .finally(() => running.delete(key));
  running.set(key, promise);
  return promise;
}

/**
 * The answer kept for `key`, or `compute()`. While the data are unchanged (same fingerprint)
 * the kept answer is used for up to MAX_AGE_MS. When they have changed, the kept answer (if
 * younger than that) is still given, and the figures are worked out again in the background
 * for the next request (stale while revalidating): a busy trust's data change every few
 * seconds, and no reader should wait seconds for it. Inside a transaction nothing is kept or
 * reused (it may see rows no one else can yet).
 */
export async function keptStatistics<T>(
  client: Db | Tx,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  return (await keptStatisticsAt(client, key, compute)).value;
}

/** keptStatistics, with when the figures given were worked out (shown on each page). */
export async function keptStatisticsAt<T>(
  client: Db | Tx,
  key: string,
  compute: () => Promise<T>,
): Promise<Kept<T>> {
  if (!isRootClient(client)) {
    const workedOutAt = new Date();
    return { value: await compute(), workedOutAt };
  }
  const fingerprint = await statisticsFingerprint(client);
  const entry = kept.get(key);
  if (entry && Date.now() - entry.at < MAX_AGE_MS) {
    if (entry.fingerprint !== fingerprint) {
      // A failure here is the next request's to report: it works the figures out itself.
      refresh(key, fingerprint, compute).catch(() => undefined);
    }
    return { value: entry.value as T, workedOutAt: new Date(entry.at) };
  }
  return refresh(key, fingerprint, compute);
}

/** For tests: wait for the figures being worked out in the background. */
export async function settleKeptStatistics(): Promise<void> {
  await Promise.allSettled([...running.values()]);
}

/** For tests: forget everything kept. */
export function forgetKeptStatistics(): void {
  kept.clear();
}
