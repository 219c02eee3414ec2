// A small trust for the access tests: North and South community teams, a user per role, a
// patient in each team and one whose order waits for the AMHP's agreement.
import type { PrismaClient, Role } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/server/actor';
import {
  createHospital,
  createLegalStatusPeriod,
  createOrder,
  createPatient,
  createTeam,
  theTrust,
  createUser,
  type CreatedUser,
} from '@/tests/factories';

export function actorOf(user: CreatedUser): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    teamIds: user.teamIds,
    sessionId: '',
  };
}

export async function createWorld(db: PrismaClient) {
  const trust = await theTrust(db);
  const hospital = await createHospital(db, { trustId: trust.id });
  const north = await createTeam(db, { trustId: trust.id, name: 'North Community Team' });
  const south = await createTeam(db, { trustId: trust.id, name: 'South Community Team' });
  const user = (roles: Role[], teams: string[] = []) => createUser(db, { roles, teams });
  const users = {
    coordinatorNorth: await user(['CARE_COORDINATOR'], [north.id]),
    coordinatorSouth: await user(['CARE_COORDINATOR'], [south.id]),
    rcNorth: await user(['RESPONSIBLE_CLINICIAN'], [north.id]),
    amhp: await user(['AMHP']),
    otherAmhp: await user(['AMHP']),
    mhaOffice: await user(['MHA_ADMINISTRATOR']),
    manager: await user(['HOSPITAL_MANAGER']),
    auditor: await user(['AUDITOR']),
    secondAuditor: await user(['AUDITOR']),
    admin: await user(['SYSTEM_ADMINISTRATOR']),
  };
  const northPatient = await createPatient(db, { trustId: trust.id, teamId: north.id });
  const southPatient = await createPatient(db, { trustId: trust.id, teamId: south.id });
  // A South patient whose proposed order waits for `amhp`'s agreement (s17A(4)(b)).
  const requestedPatient = await createPatient(db, { trustId: trust.id, teamId: south.id });
  const lsp = await createLegalStatusPeriod(db, {
    patientId: requestedPatient.id,
    hospitalId: hospital.id,
    startAt: new Date('2025-01-06T10:00:00Z'),
  });
  await createOrder(db, {
    patientId: requestedPatient.id,
    legalStatusPeriodId: lsp.id,
    responsibleHospitalId: hospital.id,
    responsibleClinicianId: users.rcNorth.id,
    teamId: south.id,
    amhpId: users.amhp.id,
    proposedAt: new Date(Date.now() - 2 * 86_400_000),
    stage: 'PROPOSED',
  });
  return { trust, hospital, north, south, users, northPatient, southPatient, requestedPatient };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
