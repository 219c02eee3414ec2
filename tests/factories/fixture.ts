/**
 * One call for the usual starting point of a test: a trust with a hospital and a community team,
 * its responsible clinician, care coordinator and AMHP, a patient on the team with a nearest
 * relative and a section 3 detention, and (unless asked otherwise) a community treatment order.
 */
import type { CtoState } from '@/lib/generated/prisma/client';
import { addCalendarDays, londonDateOf, londonTime, type IsoDate } from '@/lib/server/dates';
import { type FactoryDb } from './db';
import { createHospital, createTeam, theTrust, createUser, type CreatedUser } from './organisation';
import {
  assignCareTeam,
  createLegalStatusPeriod,
  createNearestRelative,
  createPatient,
} from './patient';
import { createOrder, type OrderHandle, type OrderStage } from './order';

export interface CtoFixtureOptions {
  /** The day the order is made (default: 30 days before `now`). */
  madeOn?: IsoDate;
  /** How far the order has got; 'NONE' makes no order. */
  stage?: OrderStage | 'NONE';
  /** MHSDS code of the underlying detention ('03' s3 by default). */
  legalStatusCode?: string;
  now?: Date;
}

export interface CtoFixture {
  trustId: string;
  hospitalId: string;
  teamId: string;
  rc: CreatedUser;
  cc: CreatedUser;
  amhp: CreatedUser;
  patientId: string;
  nearestRelativeId: string;
  legalStatusPeriodId: string;
  order: OrderHandle | null;
  state: CtoState | null;
}

export async function createCtoFixture(
  db: FactoryDb,
  options: CtoFixtureOptions = {},
): Promise<CtoFixture> {
  const now = options.now ?? new Date();
  const madeOn = options.madeOn ?? addCalendarDays(londonDateOf(now), -30);
  const trust = await theTrust(db);
  const hospital = await createHospital(db, { trustId: trust.id });
  const team = await createTeam(db, { trustId: trust.id });
  const rc = await createUser(db, { roles: ['RESPONSIBLE_CLINICIAN'], teams: [team.id] });
  const cc = await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [team.id] });
  const amhp = await createUser(db, { roles: ['AMHP'] });
  const admittedOn = addCalendarDays(madeOn, -60);
  const patient = await createPatient(db, {
    trustId: trust.id,
    teamId: team.id,
    allocatedOn: admittedOn,
  });
  await assignCareTeam(db, {
    patientId: patient.id,
    careCoordinatorId: cc.id,
    responsibleClinicianId: rc.id,
    startedOn: admittedOn,
  });
  const nearestRelative = await createNearestRelative(db, {
    patientId: patient.id,
    startedOn: admittedOn,
  });
  const legalStatusCode = options.legalStatusCode ?? '03';
  const lsp = await createLegalStatusPeriod(db, {
    patientId: patient.id,
    legalStatusCode,
    hospitalId: hospital.id,
    startAt: londonTime(admittedOn, 15, 0),
    firstMedicationOn: addCalendarDays(admittedOn, 1),
  });
  const stage = options.stage ?? 'MADE';
  const order =
    stage === 'NONE'
      ? null
      : await createOrder(db, {
          patientId: patient.id,
          legalStatusPeriodId: lsp.id,
          legalStatusCode,
          responsibleHospitalId: hospital.id,
          responsibleClinicianId: rc.id,
          teamId: team.id,
          amhpId: amhp.id,
          proposedAt: londonTime(addCalendarDays(madeOn, -2), 10, 0),
          amhpRespondedAt: londonTime(addCalendarDays(madeOn, -1), 15, 0),
          signedAt: londonTime(madeOn, 14, 0),
          stage,
          now,
        });
  return {
    trustId: trust.id,
    hospitalId: hospital.id,
    teamId: team.id,
    rc,
    cc,
    amhp,
    patientId: patient.id,
    nearestRelativeId: nearestRelative.id,
    legalStatusPeriodId: lsp.id,
    order,
    state: order?.state ?? null,
  };
}
