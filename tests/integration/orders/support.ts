// Helpers for the order-flow tests: a fixture per test (its own trust, team and patient: the
// shared test database is not empty), actors, and form-shaped inputs.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { ServiceActor } from '@/lib/server/services/run-service';
import { londonDateOf } from '@/lib/server/dates';
import {
  createCtoFixture,
  createUser,
  type CreatedUser,
  type CtoFixtureOptions,
} from '@/tests/factories';

export function serviceActor(user: CreatedUser): ServiceActor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    teamIds: user.teamIds,
  };
}

export function key(): string {
  return randomUUID();
}

/** An instant as the NHS date and time fields send it. */
export function dateTimeFields(instant: Date): {
  date: { day: string; month: string; year: string };
  time: string;
} {
  const day = londonDateOf(instant);
  const [y, m, d] = day.split('-');
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(instant);
  return { date: { day: String(Number(d)), month: String(Number(m)), year: y ?? '' }, time };
}

export function dateFields(day: string): { day: string; month: string; year: string } {
  const [y, m, d] = day.split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y ?? '' };
}

/** A made order (or one at an earlier stage) with its own trust, RC, AMHP and MHA office. */
export async function orderWorld(db: PrismaClient, options: CtoFixtureOptions = {}) {
  const fixture = await createCtoFixture(db, options);
  const mha = await createUser(db, { roles: ['MHA_ADMINISTRATOR'] });
  const manager = await createUser(db, { roles: ['HOSPITAL_MANAGER'] });
  return {
    ...fixture,
    mha,
    manager,
    rcActor: serviceActor(fixture.rc),
    amhpActor: serviceActor(fixture.amhp),
    ccActor: serviceActor(fixture.cc),
    mhaActor: serviceActor(mha),
    managerActor: serviceActor(manager),
  };
}

export async function versionOf(db: PrismaClient, orderId: string): Promise<number> {
  return (await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: orderId } })).version;
}

/** A complete social factors assessment as the form sends it (every domain answered). */
export function socialFields(): Record<string, unknown> {
  const domains = [
    'ACCOMMODATION',
    'RELATIONSHIPS_AND_FAMILY',
    'ACTIVITIES_AND_OCCUPATION',
    'EMPLOYMENT_AND_EDUCATION',
    'FINANCES_AND_BENEFITS',
    'SUBSTANCE_USE',
    'PHYSICAL_HEALTH',
    'ISOLATION',
    'RELATIONSHIP_WITH_CARE_TEAM',
    'CARER_INVOLVEMENT',
    'CULTURE_AND_FAITH',
  ];
  return {
    ...Object.fromEntries(
      domains.map((d) => [d, { rating: 'NO_CONCERN', significance: 'MINOR', notes: '' }]),
    ),
    summary: 'Settled tenancy; sees sister weekly.',
  };
}
