import 'server-only';
// Aggregates kept between requests for the statistics (issue 11 §4: every statistics page and
// export in at most 1 s at national scale). Working out a year's figures reads every order,
// recall, assessment and rating of the year (about 0.5 to 4 s at 80,000 orders on a loaded
// machine); the answer only changes when the records do. So the sums (before disclosure control,
// which is applied per reader afterwards) are kept in memory under a key made of what was asked
// (which figures, which year, which teams) and a fingerprint of the data: the newest row of each
// table the statistics read, and the number of orders. A new event, order, recall, assessment,
// rating, assignment, legal status or period changes the fingerprint, and the next request works
// the figures out again. Edits that add no row (a record marked entered in error) are picked up
// within MAX_AGE_MS. docs/decisions/831-statistics-at-national-scale.md
import type { Db, Tx } from '@/lib/server/db';

/** The longest a kept answer is used, whatever the fingerprint says. */
export const MAX_AGE_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 200;

interface Entry {
  fingerprint: string;
  at: number;
  value: unknown;
}

const kept = new Map<string, Entry>();

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

function isRootClient(client: Db | Tx): client is Db {
  return typeof (client as Partial<Db>).$transaction === 'function';
}

/**
 * `compute()`, or the answer kept for the same key while the data have not changed. Inside a
 * transaction nothing is kept or reused (it may see rows no one else can yet).
 */
export async function keptStatistics<T>(
  client: Db | Tx,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  if (!isRootClient(client)) return compute();
  const fingerprint = await statisticsFingerprint(client);
  const now = Date.now();
  const entry = kept.get(key);
  if (entry && entry.fingerprint === fingerprint && now - entry.at < MAX_AGE_MS) {
    return entry.value as T;
  }
  const value = await compute();
  kept.delete(key);
  kept.set(key, { fingerprint, at: now, value });
  // The oldest first out: a Map iterates in insertion order.
  while (kept.size > MAX_ENTRIES) {
    const oldest = kept.keys().next().value;
    if (oldest === undefined) break;
    kept.delete(oldest);
  }
  return value;
}

/** For tests: forget everything kept. */
export function forgetKeptStatistics(): void {
  kept.clear();
}
