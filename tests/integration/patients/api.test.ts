// Issue 10 §1 over the JSON API: POST /api/v1/patients and PATCH /api/v1/patients/{id}, their
// route handlers called with real Requests against the real database and services. Only the
// session lookup is supplied by the test (`getActor`, which reads next-auth's cookie through
// Next.js's request scope, unavailable outside a running server): the signed-in person is a real
// user of the test world. Sign-in itself is covered by tests/e2e/sign-in.spec.ts.
//
// Checked: validation 400s in plain English, a duplicate NHS number 409 with a link to the
// existing record, a stale version 409 "record changed", a double submit saved once (the
// Idempotency-Key header), and a coordinator of another team denied and audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/server/actor';
import { randomTestNhsNumber } from '@/tests/factories';
import { testDb } from '../support/db';
import { actorOf, createWorld, type World } from '../support/world';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/server/actor', () => ({
  getActor: async () => session.actor,
}));

const { POST } = await import('@/lib/server/patients/collection-route');
const { PATCH, GET } = await import('@/lib/server/patients/record-route');

let db: PrismaClient;
let world: World;
beforeAll(async () => {
  db = testDb();
  world = await createWorld(db);
});
afterAll(async () => {
  await db.$disconnect();
});
beforeEach(() => {
  session.actor = actorOf(world.users.mhaOffice);
});

function registration(overrides: Record<string, unknown> = {}) {
  return {
    nhsNumber: randomTestNhsNumber(),
    localId: `API-${randomUUID().slice(0, 8)}`,
    givenName: 'Bea',
    familyName: 'Lindqvist',
    dateOfBirth: '1985-07-21',
    sex: 'FEMALE',
    ethnicCategory: 'C',
    firstLanguage: 'English',
    interpreterNeeded: false,
    teamId: world.north.id,
    careCoordinatorId: world.users.coordinatorNorth.id,
    responsibleClinicianId: world.users.rcNorth.id,
    mappaCategory: 'NONE',
    legalStatus: { code: '03', startDate: '2025-09-01', hospitalId: world.hospital.id },
    allocatedOn: '2025-10-01',
    ...overrides,
  };
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new Request('http://localhost/api/v1/patients', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

function patch(patientId: string, body: unknown, headers: Record<string, string> = {}) {
  return PATCH(
    new Request(`http://localhost/api/v1/patients/${patientId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ patientId }) },
  );
}

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

async function registered(overrides: Record<string, unknown> = {}) {
  const response = await post(registration(overrides));
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; version: number };
}

describe('POST /api/v1/patients', () => {
  it('registers a patient: 201, where to find them, and the record written', async () => {
    const body = registration();
    const response = await post(body);
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; version: number };
    expect(created.version).toBe(1);
    expect(response.headers.get('location')).toBe(`/api/v1/patients/${created.id}`);
    const patient = await db.patient.findUniqueOrThrow({ where: { id: created.id } });
    expect(patient).toMatchObject({ nhsNumber: body.nhsNumber, familyName: 'Lindqvist' });

    const read = await GET(new Request(`http://localhost/api/v1/patients/${created.id}`), {
      params: Promise.resolve({ patientId: created.id }),
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: created.id, dateOfBirth: '1985-07-21' });
  });

  it('answers 400 with each field’s problem in plain English, and writes nothing', async () => {
    const before = await db.patient.count();
    const response = await post(
      registration({ nhsNumber: '943 476 5918', sex: 'ROBOT', dateOfBirth: '1985-02-30' }),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('INVALID_INPUT');
    const fieldErrors = error.details?.fieldErrors as Record<string, string>;
    expect(fieldErrors.nhsNumber).toBe(
      'Enter a valid NHS number: check you have typed it correctly',
    );
    expect(fieldErrors.sex).toBe('Choose the patient’s sex');
    expect(fieldErrors.dateOfBirth).toMatch(/real date|must be/i);
    for (const message of Object.values(fieldErrors)) {
      expect(message).not.toMatch(/Invalid|Expected|received|undefined/);
    }
    expect(await db.patient.count()).toBe(before);
  });

  it('answers a body that is not JSON, or not an object, with a plain 4xx', async () => {
    const notJson = await post('{"nhsNumber": ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as ErrorBody).error.message).toBe('The body is not valid JSON.');
    const list = await post('[1, 2]');
    expect(list.status).toBe(400);
    const form = await POST(
      new Request('http://localhost/api/v1/patients', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'nhsNumber=1',
      }),
    );
    expect(form.status).toBe(415);
  });

  it('refuses a duplicate NHS number with 409 and a link to the existing record', async () => {
    const first = registration();
    const created = await registered(first);
    const response = await post(registration({ nhsNumber: first.nhsNumber }));
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.message).toBe('A patient with this NHS number is already registered.');
    expect(error.details).toMatchObject({
      reason: 'DUPLICATE_NHS_NUMBER',
      existingPatientId: created.id,
      existingPatient: `/api/v1/patients/${created.id}`,
    });
    expect(await db.patient.count({ where: { nhsNumber: first.nhsNumber } })).toBe(1);
  });

  it('saves a double submit once: the same Idempotency-Key answers with the first result', async () => {
    const body = registration();
    const key = randomUUID();
    const [a, b] = await Promise.all([
      post(body, { 'Idempotency-Key': key }),
      post(body, { 'Idempotency-Key': key }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const [first, second] = [await a.json(), await b.json()];
    expect(second).toEqual(first);
    expect(await db.patient.count({ where: { nhsNumber: body.nhsNumber } })).toBe(1);
  });

  it('refuses a care coordinator (only the MHA office registers), and audits it', async () => {
    session.actor = actorOf(world.users.coordinatorNorth);
    const response = await post(registration());
    expect(response.status).toBe(403);
    const denied = await db.auditEvent.findFirst({
      where: {
        userId: world.users.coordinatorNorth.id,
        action: 'patient.register',
        outcome: 'DENIED',
      },
    });
    expect(denied).not.toBeNull();
  });

  it('answers 401 to nobody signed in', async () => {
    session.actor = null;
    const response = await post(registration());
    expect(response.status).toBe(401);
  });
});

describe('PATCH /api/v1/patients/{id}', () => {
  const change = (expectedVersion: number, fields: Record<string, unknown>) => ({
    kind: 'CHANGE',
    expectedVersion,
    ...fields,
  });

  it('corrects a field with a reason and keeps the history', async () => {
    const { id } = await registered();
    const response = await patch(id, {
      kind: 'CORRECTION',
      reason: 'Typed from the wrong referral letter',
      expectedVersion: 1,
      dateOfBirth: '1985-07-12',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ version: 2 });
    const history = await db.patientChange.findMany({
      where: { patientId: id, field: 'dateOfBirth' },
    });
    expect(history).toEqual([
      expect.objectContaining({
        field: 'dateOfBirth',
        kind: 'CORRECTION',
        reason: 'Typed from the wrong referral letter',
      }),
    ]);
  });

  it('answers 400 in plain English to a correction without a reason', async () => {
    const { id } = await registered();
    const response = await patch(id, {
      kind: 'CORRECTION',
      expectedVersion: 1,
      dateOfBirth: '1985-07-12',
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    const fieldErrors = error.details?.fieldErrors as Record<string, string>;
    expect(fieldErrors.reason).toMatch(/reason/i);
    expect((await db.patient.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it('tells the second of two editors with the same version that the record changed (409)', async () => {
    const { id } = await registered();
    const first = await patch(id, change(1, { town: 'Bradford' }));
    expect(first.status).toBe(200);
    const stale = await patch(id, change(1, { town: 'Wakefield' }));
    expect(stale.status).toBe(409);
    const { error } = (await stale.json()) as ErrorBody;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('changed since you opened it');
    expect((await db.patient.findUniqueOrThrow({ where: { id } })).town).toBe('Bradford');
  });

  it('saves a double submit once', async () => {
    const { id } = await registered();
    const key = randomUUID();
    const body = change(1, { phone: '0113 496 0100' });
    const [a, b] = await Promise.all([
      patch(id, body, { 'Idempotency-Key': key }),
      patch(id, body, { 'Idempotency-Key': key }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await b.json()).toEqual(await a.json());
    expect(await db.patientChange.count({ where: { patientId: id, field: 'phone' } })).toBe(1);
    expect((await db.patient.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });

  it('denies a coordinator of another team (404, nothing written) and audits the denial', async () => {
    const { id } = await registered();
    session.actor = actorOf(world.users.coordinatorSouth);
    const response = await patch(id, change(1, { phone: '0113 496 0101' }));
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.message).toBe('No patient with that id.');
    const patient = await db.patient.findUniqueOrThrow({ where: { id } });
    expect(patient).toMatchObject({ phone: null, version: 1 });
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { userId: world.users.coordinatorSouth.id, action: 'patient.update', patientId: id },
    });
    expect(denied).toMatchObject({ outcome: 'DENIED', entityId: id });
  });

  it('lets the coordinator of the patient’s own team change them', async () => {
    const { id } = await registered();
    session.actor = actorOf(world.users.coordinatorNorth);
    const response = await patch(id, change(1, { phone: '0113 496 0102' }));
    expect(response.status).toBe(200);
  });
});
