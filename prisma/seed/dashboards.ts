/**
 * Issue 8: demo data so that every role's dashboard has items in every band (overdue, within
 * 7 days, the next 30 days). The main cast (prisma/seed.ts) already gives the care coordinators,
 * responsible clinicians and the MHA office all three; this adds the facts, through the same
 * factories, that give the hospital managers and the AMHP theirs, and a structured contact
 * frequency on some orders (decision 701). Deadlines are computed afterwards by the seed's
 * recomputeAllDeadlines, never written here.
 *
 * - Two extensions furnished and received but not yet reviewed by the hospital managers: one
 *   whose extended period ended 9 days ago (review overdue, C14), one ending in 4 days.
 * - The AMHP: an extension examined with the AMHP's agreement asked (period ends in 20 days),
 *   and a proposal for an order asked 5 days ago whose underlying detention ended 2 days ago
 *   (the agreement came too late to be any use: overdue).
 */
import { addCalendarDays, addCalendarMonths, londonTime, type IsoDate } from '@/lib/server/dates';
import { demoPatientOnOrder } from './dash';
import {
  assignCareTeam,
  createLegalStatusPeriod,
  createOrder,
  createPatient,
  extendOrder,
  newId,
  recordRightsInformation,
  nhsNumberForStem,
  type CreatedUser,
  type FactoryDb,
} from '@/tests/factories';

export interface DashboardSeedContext {
  today: IsoDate;
  now: Date;
  trustId: string;
  teams: Record<string, string>;
  hospitals: { NORTH: string; SOUTH: string };
  users: Record<string, CreatedUser>;
}

const PEOPLE = [
  { givenName: 'Marcus', familyName: 'Oyelaran', sex: 'MALE' as const, dateOfBirth: '1979-04-12' },
  {
    givenName: 'Bethan',
    familyName: 'Llewellyn',
    sex: 'FEMALE' as const,
    dateOfBirth: '1988-09-30',
  },
  {
    givenName: 'Tomasz',
    familyName: 'Wiśniewski',
    sex: 'MALE' as const,
    dateOfBirth: '1972-01-05',
  },
  { givenName: 'Aisha', familyName: 'Rahman', sex: 'FEMALE' as const, dateOfBirth: '1995-06-21' },
];

function need(users: Record<string, CreatedUser>, key: string): CreatedUser {
  const u = users[key];
  if (!u) throw new Error(`seedDashboards: no demo user '${key}'.`);
  return u;
}

/** A fixed, valid NHS number per person (999 + a stem beyond the main cast's). */
function nhsNumber(index: number): string {
  for (let stem = 900_000 + index * 101; ; stem += 1) {
    const n = nhsNumberForStem(stem);
    if (n) return n;
  }
}

export async function seedDashboards(db: FactoryDb, ctx: DashboardSeedContext): Promise<void> {
  const { today } = ctx;
  const d = (n: number) => addCalendarDays(today, n);
  const rc = need(ctx.users, 'rcNorth');
  const cc = need(ctx.users, 'ccNorth');
  const amhp = need(ctx.users, 'amhp');
  const team: string = ctx.teams.NORTH ?? '';
  if (!team) throw new Error('seedDashboards: no North team.');

  async function patientWithOrder(index: number, firstPeriodEnds: IsoDate, localId: string) {
    const person = PEOPLE[index];
    if (!person) throw new Error('seedDashboards: no person.');
    // Seen at home 10 days ago: with contact every 21 days (decision 701), the next in 11 days.
    return demoPatientOnOrder(db, ctx, {
      teamId: team,
      hospitalId: ctx.hospitals.NORTH,
      rc,
      cc,
      amhp,
      person,
      localId,
      nhsNumber: nhsNumber(index),
      firstPeriodEnds,
      contact: {
        daysAgo: 10,
        mode: 'HOME_VISIT',
        summary: 'Home visit: settled; reviewed the care plan together.',
      },
      contactFrequencyDays: 21,
    });
  }

  // Hospital managers: review overdue (the extended period ended 9 days ago).
  {
    const end = d(-9);
    const order = await patientWithOrder(0, end, 'DASH0001');
    const extension = await extendOrder(db, order, {
      examinedOn: addCalendarDays(end, -6),
      amhpId: amhp.id,
      amhpAgreedAt: londonTime(addCalendarDays(end, -5), 12),
      furnishedAt: londonTime(addCalendarDays(end, -4), 15),
      managersReceivedAt: londonTime(addCalendarDays(end, -3), 10),
      managersReviewedOn: null,
    });
    await recordRightsInformation(
      db,
      {
        patientId: order.patientId,
        orderId: order.id,
        trigger: 'EXTENSION',
        triggerEventId: extension.furnishEventId,
        givenAt: londonTime(addCalendarDays(end, -2), 11),
        givenById: cc.id,
      },
      order,
    );
  }
  // Hospital managers: review due within the week (the period being extended ends in 4 days).
  {
    const end = d(4);
    const order = await patientWithOrder(1, end, 'DASH0002');
    await extendOrder(db, order, {
      examinedOn: d(-3),
      amhpId: amhp.id,
      amhpAgreedAt: londonTime(d(-2), 12),
      furnishedAt: londonTime(d(-2), 16),
      managersReceivedAt: londonTime(d(-1), 10),
      managersReviewedOn: null,
    });
  }
  // The AMHP: an extension examined, agreement asked, the period ends in 20 days.
  {
    const end = d(20);
    const order = await patientWithOrder(2, end, 'DASH0003');
    const extension = await extendOrder(db, order, {
      examinedOn: d(-1),
      amhpId: amhp.id,
      stopAt: 'EXAMINED',
    });
    await db.amhpAgreement.create({
      data: {
        id: newId(),
        orderId: order.id,
        purpose: 'EXTENSION',
        requestedAt: londonTime(d(-1), 15),
        requestedById: rc.id,
        amhpId: amhp.id,
        extensionId: extension.id,
      },
    });
  }
  // The AMHP: a proposal asked 5 days ago; the underlying detention ended 2 days ago.
  {
    const person = PEOPLE[3];
    if (!person) throw new Error('seedDashboards: no person.');
    const patient = await createPatient(db, {
      trustId: ctx.trustId,
      teamId: team,
      localId: 'DASH0004',
      nhsNumber: nhsNumber(3),
      ...person,
    });
    await assignCareTeam(db, {
      patientId: patient.id,
      careCoordinatorId: cc.id,
      responsibleClinicianId: rc.id,
      startedOn: d(-40),
    });
    const admitted = addCalendarMonths(d(-1), -6);
    const lsp = await createLegalStatusPeriod(db, {
      patientId: patient.id,
      hospitalId: ctx.hospitals.NORTH,
      startAt: londonTime(admitted, 13),
      firstMedicationOn: admitted,
      expiryDate: d(-2),
    });
    await createOrder(db, {
      patientId: patient.id,
      legalStatusPeriodId: lsp.id,
      responsibleHospitalId: ctx.hospitals.NORTH,
      responsibleClinicianId: rc.id,
      teamId: team,
      amhpId: amhp.id,
      proposedAt: londonTime(d(-5), 11),
      stage: 'PROPOSED',
      now: ctx.now,
    });
  }
}
