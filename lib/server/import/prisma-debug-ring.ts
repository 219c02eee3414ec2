import 'server-only';
// Prisma 7 keeps its last 100 debug calls in memory even when debugging is off (for its error
// reports), and one of the calls each query makes holds the query plan, which for a raw query
// holds every parameter. After a bulk insert of 1,000 rows that is megabytes a statement, kept
// until later queries push them out, so a large import's memory kept growing with the file up
// to the ring's size (decision 814). Prisma exports the same `Debug` that fills the ring, so
// after each batch the import pushes the ring through with short entries of its own, which lets
// the batch's parameters go. It costs microseconds. Nothing is printed unless DEBUG names this
// namespace.
import { Debug } from '@prisma/client/runtime/client';

const RING_SIZE = 100;
const note = Debug('cto-tracker:import');

/** Lets go of the parameters Prisma's debug ring still holds from earlier statements. */
export function releasePrismaDebugRing(): void {
  for (let i = 0; i < RING_SIZE; i += 1) note('batch written');
}
