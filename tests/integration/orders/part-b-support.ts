// Shared set-up for the part-B order-flow tests (recall, revocation, extension, AWOL, tribunal,
// corrections): a fresh trust, team, RC, AMHP and MHA officer with one patient whose order is
// made, so the shared test database's other rows never matter. Inputs are built the way the
// pages submit them.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { londonDateOf } from '@/lib/server/dates';
import { SOCIAL_DOMAINS } from '@/lib/schemas/social-factors';
import { createCtoFixture, createUser, type CtoFixture } from '@/tests/factories';
import { actorOf } from '../support/world';

export async function orderWorld(
  db: PrismaClient,
  options: Parameters<typeof createCtoFixture>[1] = {},
) {
  const fixture: CtoFixture = await createCtoFixture(db, options);
  if (!fixture.order) throw new Error('The fixture made no order.');
  const mha = await createUser(db, { roles: ['MHA_ADMINISTRATOR'] });
  const manager = await createUser(db, { roles: ['HOSPITAL_MANAGER'] });
  const otherHospital = await db.hospital.create({
    data: {
      trustId: fixture.trustId,
      siteCode: `T${randomUUID().slice(0, 8)}`,
      name: 'Southvale General Hospital',
      managersName: 'Southvale managers',
    },
  });
  return {
    ...fixture,
    orderId: fixture.order.id,
    otherHospitalId: otherHospital.id,
    rc: actorOf(fixture.rc),
    amhp: actorOf(fixture.amhp),
    mha: actorOf(mha),
    manager: actorOf(manager),
    cc: actorOf(fixture.cc),
  };
}

export type OrderWorld = Awaited<ReturnType<typeof orderWorld>>;

export async function versionOf(db: PrismaClient, orderId: string): Promise<number> {
  const order = await db.communityTreatmentOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: { version: true },
  });
  return order.version;
}

/** A date and time as the NHS date and time fields submit them. */
export function dateTime(at: Date): {
  date: { day: string; month: string; year: string };
  time: string;
} {
  const [year, month, day] = londonDateOf(at).split('-');
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return { date: { day: day ?? '', month: month ?? '', year: year ?? '' }, time };
}

export function dateParts(iso: string): { day: string; month: string; year: string } {
  const [year, month, day] = iso.split('-');
  return { day: day ?? '', month: month ?? '', year: year ?? '' };
}

/** Whole minutes before `now` (the forms take HH:MM). */
export function minutesBefore(now: Date, minutes: number): Date {
  const t = new Date(now.getTime() - minutes * 60_000);
  t.setUTCSeconds(0, 0);
  return t;
}

export function key(): string {
  return randomUUID();
}

/** A complete social factors assessment, as the fieldset submits it (issue 5 part 2). */
export function socialInput(): Record<string, unknown> {
  return {
    ...Object.fromEntries(
      SOCIAL_DOMAINS.map((domain) => [
        domain,
        { rating: 'SOME_CONCERN', significance: 'MODERATE' },
      ]),
    ),
    summary: 'Lost tenancy support; isolated since the day centre closed.',
  };
}
