/**
 * Issue 8 (the "dash" helper): demo data that fills the bands the rest of the seed leaves empty,
 * checked by listing every demo account's work items on a freshly seeded database. Before this
 * file the South responsible clinician had nothing overdue.
 *
 * - Ifeoma Chukwu (South team, rc.south and coordinator.south): no contact for 30 days (the
 *   trust's default is every 14: contact overdue for both), and a renewal under way, the window
 *   open and the examination recorded two days ago, so the renewal page shows its task list with
 *   a step done and the next ones to do (issue 8 §2).
 *
 * Deadlines are computed afterwards by the seed's recomputeAllDeadlines, never written here.
 */
import { addCalendarDays, addCalendarMonths, londonTime, type IsoDate } from '@/lib/server/dates';
import {
  assignCareTeam,
  createContact,
  createLegalStatusPeriod,
  createOrder,
  createPatient,
  extendOrder,
  giveCertificate,
  nhsNumberForStem,
  recordRightsInformation,
  type CreatedUser,
  type FactoryDb,
} from '@/tests/factories';

export interface DashSeedContext {
  today: IsoDate;
  now: Date;
  trustId: string;
  teams: Record<string, string>;
  hospitals: { NORTH: string; SOUTH: string };
  users: Record<string, CreatedUser>;
}

function need(users: Record<string, CreatedUser>, key: string): CreatedUser {
  const u = users[key];
  if (!u) throw new Error(`seedDash: no demo user '${key}'.`);
  return u;
}

function nhsNumber(): string {
  for (let stem = 950_001; ; stem += 1) {
    const n = nhsNumberForStem(stem);
    if (n) return n;
  }
}

/** One demo patient on an order made so that its first period ends on `firstPeriodEnds`. */
export interface DemoOrderInput {
  teamId: string;
  hospitalId: string;
  rc: CreatedUser;
  cc: CreatedUser;
  amhp: CreatedUser;
  person: {
    givenName: string;
    familyName: string;
    sex: 'MALE' | 'FEMALE';
    dateOfBirth: string;
  };
  localId: string;
  nhsNumber: string;
  firstPeriodEnds: IsoDate;
  /** The one contact on record. */
  contact: { daysAgo: number; mode: 'HOME_VISIT' | 'CLINIC'; summary: string };
  /** A structured contact frequency (decision 701); none: the trust's default. */
  contactFrequencyDays?: number;
}

/**
 * A demo patient with their care team and a hospital order (s37: no s68(2) reference to clutter
 * the demo), on a CTO with the rest of its story in order (rights information the day after,
 * a CTO12) and one contact. Shared by prisma/seed/dashboards.ts and seedDash.
 */
export async function demoPatientOnOrder(
  db: FactoryDb,
  ctx: { trustId: string; today: IsoDate; now: Date },
  input: DemoOrderInput,
) {
  const { rc, cc, amhp } = input;
  const madeOn = addCalendarMonths(addCalendarDays(input.firstPeriodEnds, 1), -6);
  const patient = await createPatient(db, {
    trustId: ctx.trustId,
    teamId: input.teamId,
    localId: input.localId,
    nhsNumber: input.nhsNumber,
    ...input.person,
  });
  await assignCareTeam(db, {
    patientId: patient.id,
    careCoordinatorId: cc.id,
    responsibleClinicianId: rc.id,
    startedOn: addCalendarDays(madeOn, -60),
  });
  const admitted = addCalendarDays(madeOn, -70);
  const lsp = await createLegalStatusPeriod(db, {
    patientId: patient.id,
    legalStatusCode: '10',
    hospitalId: input.hospitalId,
    startAt: londonTime(admitted, 14),
    firstMedicationOn: admitted,
    expiryDate: addCalendarDays(addCalendarMonths(admitted, 6), -1),
  });
  const order = await createOrder(db, {
    patientId: patient.id,
    legalStatusPeriodId: lsp.id,
    responsibleHospitalId: input.hospitalId,
    responsibleClinicianId: rc.id,
    teamId: input.teamId,
    amhpId: amhp.id,
    proposedAt: londonTime(addCalendarDays(madeOn, -1), 10),
    amhpRespondedAt: londonTime(madeOn, 9),
    signedAt: londonTime(madeOn, 11),
    now: ctx.now,
  });
  await recordRightsInformation(
    db,
    {
      patientId: patient.id,
      orderId: order.id,
      trigger: 'MAKING',
      triggerEventId: order.eventIds.MAKE ?? null,
      givenAt: londonTime(addCalendarDays(madeOn, 1), 11),
      givenById: cc.id,
    },
    order,
  );
  await giveCertificate(db, order, {
    type: 'CTO12',
    givenOn: addCalendarDays(madeOn, 20),
    certifierName: rc.name,
    certifierId: rc.id,
  });
  await createContact(db, {
    patientId: patient.id,
    staffId: cc.id,
    occurredAt: londonTime(addCalendarDays(ctx.today, -input.contact.daysAgo), 11),
    mode: input.contact.mode,
    durationMinutes: 45,
    summary: input.contact.summary,
  });
  if (input.contactFrequencyDays !== undefined) {
    await db.communityTreatmentOrder.update({
      where: { id: order.id },
      data: { contactFrequencyDays: input.contactFrequencyDays },
    });
  }
  return order;
}

export async function seedDash(db: FactoryDb, ctx: DashSeedContext): Promise<void> {
  const amhp = need(ctx.users, 'amhp');
  const teamId = ctx.teams.SOUTH;
  if (!teamId) throw new Error('seedDash: no South team.');
  const order = await demoPatientOnOrder(db, ctx, {
    teamId,
    hospitalId: ctx.hospitals.SOUTH,
    rc: need(ctx.users, 'rcSouth'),
    cc: need(ctx.users, 'ccSouth'),
    amhp,
    person: { givenName: 'Ifeoma', familyName: 'Chukwu', sex: 'FEMALE', dateOfBirth: '1983-11-02' },
    localId: 'DASH0101',
    nhsNumber: nhsNumber(),
    // The first period ends in 25 days: the renewal window (two months ending then) is open.
    firstPeriodEnds: addCalendarDays(ctx.today, 25),
    // Last seen 30 days ago: with contact every 14 days (the default), 16 days overdue.
    contact: {
      daysAgo: 30,
      mode: 'CLINIC',
      summary: 'Clinic review: depot given; next visit booked but not kept.',
    },
  });
  // The renewal under way: examined two days ago (CTO7 Part 1), nothing after.
  await extendOrder(db, order, {
    examinedOn: addCalendarDays(ctx.today, -2),
    amhpId: amhp.id,
    stopAt: 'EXAMINED',
  });
}
