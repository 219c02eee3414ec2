// Several people at once, with the time-passing job running, on whichever database the tests
// use (the embedded PGlite server when no DATABASE_URL is set: issue 12 section 7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgAdapter } from '@/lib/server/pg-adapter';
import { addCalendarDays, addCalendarMonths, londonDateOf } from '@/lib/server/dates';
import { applyTimeEvents } from '@/lib/server/jobs/apply-time-events';
import { recordExtensionExamination } from '@/lib/server/services/record-extension-examination';
import { recordExtensionConsultation } from '@/lib/server/services/record-extension-consultation';
import { requestAmhpAgreement } from '@/lib/server/services/request-amhp-agreement';
import { recordExtensionAgreement } from '@/lib/server/services/record-extension-agreement';
import { furnishCto7 } from '@/lib/server/services/furnish-cto7';
import {
  dateParts,
  key,
  orderWorld,
  socialInput,
  versionOf,
  type OrderWorld,
} from '../orders/part-b-support';

let db: PrismaClient;
beforeAll(() => {
  db = new PrismaClient({
    adapter: pgAdapter(process.env.DATABASE_URL ?? '', { max: 10 }),
  });
});
afterAll(async () => {
  await db.$disconnect();
});

const today = () => londonDateOf(new Date());

function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function renew(w: OrderWorld): Promise<string[]> {
  const submission = async () => ({
    orderId: w.orderId,
    expectedVersion: String(await versionOf(db, w.orderId)),
    idempotencyKey: key(),
  });
  const steps: string[] = [];
  const examined = await recordExtensionExamination(
    w.rc,
    {
      ...(await submission()),
      examinedOn: dateParts(today()),
      necessaryFor: ['HEALTH'],
      grounds: 'Remains unwell without depot; recall power needed.',
      deteriorationConsidered: ['yes'],
      social: socialInput(),
    },
    { db },
  );
  steps.push(examined.ok ? 'examined' : `examination refused: ${examined.message}`);
  const consulted = await recordExtensionConsultation(
    w.rc,
    {
      ...(await submission()),
      consulteeName: 'Sam Care',
      consulteeRole: 'Community psychiatric nurse',
      consultedOn: dateParts(today()),
    },
    { db },
  );
  steps.push(consulted.ok ? 'consulted' : `consultation refused: ${consulted.message}`);
  const asked = await requestAmhpAgreement(
    w.rc,
    { ...(await submission()), purpose: 'EXTENSION', amhpId: w.amhp.userId },
    { db },
  );
  steps.push(asked.ok ? 'asked' : `asking refused: ${asked.message}`);
  const agreed = await recordExtensionAgreement(
    w.amhp,
    { ...(await submission()), decision: 'AGREED', localAuthority: 'Northshire County Council' },
    { db },
  );
  steps.push(agreed.ok ? 'agreed' : `agreement refused: ${agreed.message}`);
  const furnished = await furnishCto7(
    w.rc,
    { ...(await submission()), furnishedBy: 'INTERNAL_MAIL' },
    { db },
  );
  steps.push(furnished.ok ? 'furnished' : `CTO7 refused: ${furnished.message}`);
  return steps;
}

describe('several people at once, with the time-passing job', () => {
  it('renewals by several people and the job all finish, each one done', async () => {
    const inWindow = addCalendarDays(addCalendarMonths(today(), -6), 21);
    const renewals = await Promise.all(
      [1, 2, 3, 4].map(() => orderWorld(db, { madeOn: inWindow })),
    );
    const expired = await Promise.all(
      [1, 2, 3].map(() => orderWorld(db, { madeOn: addCalendarMonths(today(), -6) })),
    );
    const job = async () => {
      let recorded = 0;
      for (let run = 0; run < 3; run += 1) {
        const report = await applyTimeEvents({
          db,
          orderIds: expired.map((w) => w.orderId),
          log: () => undefined,
        });
        expect(report.failed).toBe(0);
        recorded += report.eventsRecorded;
      }
      return recorded;
    };
    const [steps, recorded] = await within(
      120_000,
      'The renewals and the time-passing job',
      Promise.all([Promise.all(renewals.map((w) => renew(w))), job()]),
    );
    for (const s of steps)
      expect(s).toEqual(['examined', 'consulted', 'asked', 'agreed', 'furnished']);
    expect(recorded).toBe(3);
    const states = await db.communityTreatmentOrder.findMany({
      where: { id: { in: expired.map((w) => w.orderId) } },
      select: { state: true },
    });
    expect(states.map((s) => s.state)).toEqual(['EXPIRED', 'EXPIRED', 'EXPIRED']);
  }, 180_000);
});
