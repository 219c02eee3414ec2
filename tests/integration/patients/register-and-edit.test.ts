// Issue 10 §1: registering a patient and correcting or changing their record, against a real
// database: the rows written, the duplicate refused, every edit kept in history, a correction
// needing a reason, two editors at once, a double submission, and the scope of a care
// coordinator (another team's patient is "not found", and the refusal is audited).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { registerPatient } from '@/lib/server/services/register-patient';
import { updatePatient } from '@/lib/server/services/update-patient';
import { queryCareCoordinatorChangesPerPatientYear } from '@/lib/server/queries/care-coordinator-continuity';
import { getChronology } from '@/lib/server/queries/get-chronology';
import { fromDbDate } from '@/lib/server/dates';
import { createOrder, createLegalStatusPeriod, randomTestNhsNumber } from '@/tests/factories';
import { testDb } from '../support/db';
import { actorOf, createWorld, type World } from '../support/world';

let db: PrismaClient;
let world: World;
beforeAll(async () => {
  db = testDb();
  world = await createWorld(db);
});
afterAll(async () => {
  await db.$disconnect();
});

let localCounter = 0;
function registration(overrides: Record<string, unknown> = {}) {
  localCounter += 1;
  return {
    nhsNumber: randomTestNhsNumber().replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3'),
    localId: `REG-${Date.now()}-${localCounter}`,
    givenName: 'Aisha',
    familyName: 'Okafor',
    otherNames: '',
    dateOfBirth: { day: '14', month: '2', year: '1988' },
    sex: 'FEMALE',
    genderIdentity: '',
    ethnicCategory: 'N',
    addressLine1: '12 Mill Lane',
    addressLine2: '',
    town: 'Leeds',
    postcode: 'ls1 4ap',
    phone: '',
    firstLanguage: 'English',
    interpreterNeeded: 'no',
    interpreterLanguage: '',
    teamId: world.north.id,
    careCoordinatorId: world.users.coordinatorNorth.id,
    responsibleClinicianId: world.users.rcNorth.id,
    nearestRelative: {
      name: 'Grace Okafor',
      relationship: 'Mother',
      address: '3 Park Road, Leeds',
      phone: '',
      patientObjectsToConsultation: 'no',
    },
    carer: { name: 'Tom Reid', relationship: 'Friend', contact: '07700 900123' },
    attorney: { kind: '', name: '', madeOn: { day: '', month: '', year: '' } },
    advanceDecision: { kind: '', summary: '', madeOn: { day: '', month: '', year: '' } },
    mappaCategory: 'NONE',
    mappaLevel: '',
    s117LocalAuthority: 'Leeds City Council',
    s117Icb: 'NHS West Yorkshire ICB',
    legalStatus: { code: '03', startDate: '2025-09-01', hospitalId: world.hospital.id },
    allocatedOn: '2025-10-01',
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

async function registered(overrides: Record<string, unknown> = {}) {
  const mha = actorOf(world.users.mhaOffice);
  const result = await registerPatient(mha, registration(overrides), { db });
  if (!result.ok) throw new Error(`registration refused: ${JSON.stringify(result)}`);
  return result.data;
}

describe('registering a patient', () => {
  it('writes the record and every dated row, in one audited transaction', async () => {
    const mha = actorOf(world.users.mhaOffice);
    const input = registration();
    const result = await registerPatient(mha, input, { db });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const p = await db.patient.findUniqueOrThrow({
      where: { id: result.data.patientId },
      include: {
        teamAllocations: true,
        staffAssignments: true,
        relatives: true,
        relativeEvents: true,
        carers: true,
        legalStatusPeriods: true,
        changes: true,
      },
    });
    expect(p.nhsNumber).toBe(input.nhsNumber.replace(/ /g, ''));
    expect(p).toMatchObject({
      givenName: 'Aisha',
      searchName: 'okafor aisha',
      postcode: 'LS1 4AP',
      ethnicCategory: 'N',
      currentTeamId: world.north.id,
      s117LocalAuthority: 'Leeds City Council',
      mappaCategory: 'NONE',
      version: 1,
    });
    expect(fromDbDate(p.dateOfBirth)).toBe('1988-02-14');
    expect(p.teamAllocations.map((a) => fromDbDate(a.startedOn))).toEqual(['2025-10-01']);
    expect(p.staffAssignments.map((a) => [a.kind, a.userId, a.recordedById]).sort()).toEqual(
      [
        ['CARE_COORDINATOR', world.users.coordinatorNorth.id, mha.userId],
        ['RESPONSIBLE_CLINICIAN', world.users.rcNorth.id, mha.userId],
      ].sort(),
    );
    expect(p.relatives[0]).toMatchObject({
      name: 'Grace Okafor',
      patientObjectsToBeingConsulted: false,
    });
    expect(p.relativeEvents.map((e) => e.kind)).toEqual(['IDENTIFIED']);
    expect(p.carers[0]).toMatchObject({ name: 'Tom Reid' });
    expect(p.legalStatusPeriods[0]).toMatchObject({
      legalStatusCode: '03',
      hospitalId: world.hospital.id,
    });
    expect(p.changes.map((c) => c.kind)).toEqual(['REGISTERED']);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'patient.register', patientId: p.id },
    });
    expect(audit.outcome).toBe('SUCCESS');
  });

  it('refuses a duplicate NHS number and names the record that has it; nothing is written', async () => {
    const first = await registered();
    const existing = await db.patient.findUniqueOrThrow({ where: { id: first.patientId } });
    const before = await db.patient.count();
    const again = await registerPatient(
      actorOf(world.users.mhaOffice),
      registration({ nhsNumber: existing.nhsNumber }),
      { db },
    );
    expect(again).toMatchObject({
      ok: false,
      reason: 'DUPLICATE_NHS_NUMBER',
      existingPatientId: first.patientId,
      fieldErrors: { nhsNumber: expect.stringContaining('already registered') },
    });
    expect(await db.patient.count()).toBe(before);
  });

  it('refuses an NHS number whose check digit is wrong, before anything is written', async () => {
    const result = await registerPatient(
      actorOf(world.users.mhaOffice),
      registration({ nhsNumber: '943 476 5918' }),
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: { nhsNumber: 'Enter a valid NHS number: check you have typed it correctly' },
    });
  });

  it('refuses a team, care coordinator or RC that is not on the list', async () => {
    const result = await registerPatient(
      actorOf(world.users.mhaOffice),
      // The RC is given as a care coordinator: they do not hold that role.
      registration({ careCoordinatorId: world.users.rcNorth.id }),
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { careCoordinatorId: 'Choose a care coordinator from the list' },
    });
  });

  it('is refused to a care coordinator (only the MHA office registers), and audited', async () => {
    const cc = actorOf(world.users.coordinatorNorth);
    const result = await registerPatient(cc, registration(), { db });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const denied = await db.auditEvent.findFirst({
      where: { userId: cc.userId, action: 'patient.register', outcome: 'DENIED' },
    });
    expect(denied?.reason).toBe('no-permission:create:patient');
  });

  it('saves once when the same form is submitted twice at once', async () => {
    const input = registration();
    const mha = actorOf(world.users.mhaOffice);
    const [a, b] = await Promise.all([
      registerPatient(mha, input, { db }),
      registerPatient(mha, input, { db }),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(
      await db.patient.count({ where: { nhsNumber: input.nhsNumber.replace(/ /g, '') } }),
    ).toBe(1);
  });
});

function edit(version: number, fields: Record<string, unknown>) {
  return {
    kind: 'CHANGE',
    reason: '',
    expectedVersion: String(version),
    idempotencyKey: randomUUID(),
    ...fields,
  };
}

describe('correcting and changing a record', () => {
  it('keeps every edit in history: a correction with its reason, a change with its day', async () => {
    const { patientId } = await registered();
    const mha = actorOf(world.users.mhaOffice);
    const corrected = await updatePatient(
      mha,
      patientId,
      edit(1, {
        kind: 'CORRECTION',
        reason: 'Typed from the wrong referral letter',
        dateOfBirth: '1988-02-15',
        givenName: 'Ayesha',
      }),
      { db },
    );
    expect(corrected).toMatchObject({ ok: true, data: { version: 2 } });
    const changed = await updatePatient(
      mha,
      patientId,
      edit(2, {
        careCoordinatorId: world.users.coordinatorSouth.id,
        teamId: world.south.id,
        effectiveOn: '2026-01-05',
      }),
      { db },
    );
    expect(changed).toMatchObject({ ok: true, data: { version: 3 } });

    const p = await db.patient.findUniqueOrThrow({
      where: { id: patientId },
      include: {
        changes: { orderBy: [{ patientVersion: 'asc' }, { field: 'asc' }] },
        staffAssignments: { where: { kind: 'CARE_COORDINATOR' }, orderBy: { startedOn: 'asc' } },
        teamAllocations: { orderBy: { startedOn: 'asc' } },
      },
    });
    expect(p.searchName).toBe('okafor ayesha');
    expect(fromDbDate(p.dateOfBirth)).toBe('1988-02-15');
    expect(p.currentTeamId).toBe(world.south.id);
    const history = p.changes.map((c) => ({
      v: c.patientVersion,
      kind: c.kind,
      field: c.field,
      old: c.oldText,
      new: c.newText,
      reason: c.reason,
      on: c.effectiveOn ? fromDbDate(c.effectiveOn) : null,
      by: c.changedById,
    }));
    expect(history).toEqual([
      {
        v: 1,
        kind: 'REGISTERED',
        field: '_record',
        old: null,
        new: expect.any(String),
        reason: null,
        on: null,
        by: mha.userId,
      },
      {
        v: 2,
        kind: 'CORRECTION',
        field: 'dateOfBirth',
        old: '14 February 1988',
        new: '15 February 1988',
        reason: 'Typed from the wrong referral letter',
        on: null,
        by: mha.userId,
      },
      {
        v: 2,
        kind: 'CORRECTION',
        field: 'givenName',
        old: 'Aisha',
        new: 'Ayesha',
        reason: 'Typed from the wrong referral letter',
        on: null,
        by: mha.userId,
      },
      {
        v: 3,
        kind: 'CHANGE',
        field: 'careCoordinatorId',
        old: world.users.coordinatorNorth.name,
        new: world.users.coordinatorSouth.name,
        reason: null,
        on: '2026-01-05',
        by: mha.userId,
      },
      {
        v: 3,
        kind: 'CHANGE',
        field: 'teamId',
        old: 'North Community Team',
        new: 'South Community Team',
        reason: null,
        on: '2026-01-05',
        by: mha.userId,
      },
    ]);
    // The dated rows: the old assignment ends the day the new one starts.
    expect(
      p.staffAssignments.map((a) => [
        a.userId,
        fromDbDate(a.startedOn),
        a.endedOn ? fromDbDate(a.endedOn) : null,
      ]),
    ).toEqual([
      [world.users.coordinatorNorth.id, '2025-10-01', '2026-01-05'],
      [world.users.coordinatorSouth.id, '2026-01-05', null],
    ]);
    expect(
      p.teamAllocations.map((a) => [
        a.teamId,
        fromDbDate(a.startedOn),
        a.endedOn ? fromDbDate(a.endedOn) : null,
      ]),
    ).toEqual([
      [world.north.id, '2025-10-01', '2026-01-05'],
      [world.south.id, '2026-01-05', null],
    ]);
    const audits = await db.auditEvent.count({
      where: { action: 'patient.update', patientId, outcome: 'SUCCESS' },
    });
    expect(audits).toBe(2);

    // The chronology shows both edits.
    const chronology = await getChronology({ actor: mha, client: db }, patientId, {
      kinds: ['record'],
    });
    const titles = chronology.entries.map((e) => e.title);
    expect(titles).toContain('Date of birth corrected');
    expect(titles).toContain('Care coordinator changed');
    const dob = chronology.entries.find((e) => e.title === 'Date of birth corrected');
    expect(dob?.detail).toContain('Typed from the wrong referral letter');
  });

  it('refuses a correction without a reason, and writes nothing', async () => {
    const { patientId } = await registered();
    const result = await updatePatient(
      actorOf(world.users.mhaOffice),
      patientId,
      edit(1, { kind: 'CORRECTION', dateOfBirth: '1980-01-01' }),
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: { reason: 'Enter why the record was wrong: a correction needs a reason' },
    });
    const p = await db.patient.findUniqueOrThrow({ where: { id: patientId } });
    expect(p.version).toBe(1);
    expect(fromDbDate(p.dateOfBirth)).toBe('1988-02-14');
  });

  it('refuses a change dated before the current care coordinator began', async () => {
    const { patientId } = await registered();
    const result = await updatePatient(
      actorOf(world.users.mhaOffice),
      patientId,
      edit(1, { careCoordinatorId: world.users.coordinatorSouth.id, effectiveOn: '2025-09-01' }),
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        effectiveOn: expect.stringContaining('after the current care coordinator began'),
      },
    });
  });

  it('keeps the nearest relative’s dated history and records an objection to consultation', async () => {
    const { patientId } = await registered();
    const mha = actorOf(world.users.mhaOffice);
    const result = await updatePatient(
      mha,
      patientId,
      edit(1, {
        effectiveOn: '2026-02-01',
        nearestRelative: {
          name: 'Sam Okafor',
          relationship: 'Brother',
          address: '',
          phone: '',
          patientObjectsToConsultation: 'yes',
        },
      }),
      { db },
    );
    expect(result).toMatchObject({ ok: true });
    const relatives = await db.nearestRelative.findMany({
      where: { patientId },
      orderBy: { startedOn: 'asc' },
    });
    expect(
      relatives.map((r) => [
        r.name,
        fromDbDate(r.startedOn),
        r.endedOn ? fromDbDate(r.endedOn) : null,
        r.patientObjectsToBeingConsulted,
      ]),
    ).toEqual([
      ['Grace Okafor', '2025-10-01', '2026-02-01', false],
      ['Sam Okafor', '2026-02-01', null, true],
    ]);
    const events = await db.nearestRelativeEvent.findMany({
      where: { patientId },
      orderBy: { occurredAt: 'asc' },
    });
    expect(events.map((e) => e.kind)).toEqual([
      'IDENTIFIED',
      'CHANGED',
      'PATIENT_OBJECTED_TO_CONSULTATION',
    ]);
  });

  it('keeps the order’s responsible clinician in step with the patient’s', async () => {
    const { patientId } = await registered({ legalStatus: null });
    const lsp = await createLegalStatusPeriod(db, {
      patientId,
      hospitalId: world.hospital.id,
      startAt: new Date('2025-09-01T10:00:00Z'),
    });
    const rc2 = await db.user.create({
      data: {
        email: `rc2.${randomUUID()}@example.org`,
        name: 'Dr Second Clinician',
        roles: { create: { role: 'RESPONSIBLE_CLINICIAN' } },
      },
    });
    const order = await createOrder(db, {
      patientId,
      legalStatusPeriodId: lsp.id,
      responsibleHospitalId: world.hospital.id,
      responsibleClinicianId: world.users.rcNorth.id,
      teamId: world.north.id,
      amhpId: world.users.amhp.id,
      proposedAt: new Date(Date.now() - 2 * 86_400_000),
      stage: 'PROPOSED',
    });
    const result = await updatePatient(
      actorOf(world.users.mhaOffice),
      patientId,
      edit(1, { responsibleClinicianId: rc2.id }),
      { db },
    );
    expect(result).toMatchObject({ ok: true });
    const after = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.responsibleClinicianId).toBe(rc2.id);
  });

  it('tells the second of two people editing at once that the record changed', async () => {
    const { patientId } = await registered();
    const mha = actorOf(world.users.mhaOffice);
    const [a, b] = await Promise.all([
      updatePatient(mha, patientId, edit(1, { town: 'Bradford' }), { db }),
      updatePatient(mha, patientId, edit(1, { town: 'Wakefield' }), { db }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('changed since you opened it'),
    });
    const p = await db.patient.findUniqueOrThrow({
      where: { id: patientId },
      include: { changes: true },
    });
    expect(p.version).toBe(2);
    expect(p.changes.filter((c) => c.field === 'town')).toHaveLength(1);
  });

  it('saves a double submission once and answers both with the first result', async () => {
    const { patientId } = await registered();
    const mha = actorOf(world.users.mhaOffice);
    const input = edit(1, { phone: '0113 496 0000' });
    const [a, b] = await Promise.all([
      updatePatient(mha, patientId, input, { db }),
      updatePatient(mha, patientId, input, { db }),
    ]);
    expect(a).toMatchObject({ ok: true, data: { version: 2 } });
    expect(b).toEqual(a);
    const again = await updatePatient(mha, patientId, input, { db });
    expect(again).toEqual(a);
    expect(await db.patientChange.count({ where: { patientId, field: 'phone' } })).toBe(1);
  });

  it('lets a care coordinator edit their own team’s patient', async () => {
    const { patientId } = await registered();
    const result = await updatePatient(
      actorOf(world.users.coordinatorNorth),
      patientId,
      edit(1, { phone: '0113 496 0001' }),
      { db },
    );
    expect(result).toMatchObject({ ok: true });
  });

  it('answers a coordinator of another team "not found", writes nothing, and audits the denial', async () => {
    const { patientId } = await registered();
    const south = actorOf(world.users.coordinatorSouth);
    const result = await updatePatient(south, patientId, edit(1, { phone: '0113 496 0002' }), {
      db,
    });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const p = await db.patient.findUniqueOrThrow({ where: { id: patientId } });
    expect(p.phone).toBeNull();
    expect(p.version).toBe(1);
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { userId: south.userId, action: 'patient.update', patientId },
    });
    expect(denied).toMatchObject({ outcome: 'DENIED', entityType: 'Patient', entityId: patientId });
  });
});

describe('care coordinator changes per patient-year', () => {
  it('counts the changes of the patients asked for', async () => {
    const { patientId } = await registered();
    const mha = actorOf(world.users.mhaOffice);
    const changed = await updatePatient(
      mha,
      patientId,
      edit(1, { careCoordinatorId: world.users.coordinatorSouth.id, effectiveOn: '2026-04-01' }),
      { db },
    );
    expect(changed.ok).toBe(true);
    const result = await queryCareCoordinatorChangesPerPatientYear(
      db,
      { from: '2025-10-01', to: '2026-09-30' },
      { id: patientId },
    );
    expect(result).toMatchObject({ changes: 1, patients: 1, patientDays: 365 });
    expect(result.changesPerPatientYear).toBeCloseTo(365.25 / 365, 5);
  });
});
