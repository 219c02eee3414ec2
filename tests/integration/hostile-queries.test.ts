// Issue 13's hostile-input sweep of the read surfaces: the register (page, CSV and XLSX exports,
// data quality), the statistics pages, downloads and API, the work-items API, and the patients
// list. A NUL byte or a 2 MB value in any query parameter is refused with a short message in
// plain English (the API answers 400 with it, a page shows it), never a thrown error (a 500).
// And `__proto__` / `constructor` keys in an import's mapping JSON or in a patient's PATCH body
// are refused or ignored: nothing is polluted, nothing but what was asked for changes.
// The same URLs are requested over HTTP against the production server in
// tests/e2e/hostile-input.spec.ts.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { dataQualityQuerySchema } from '@/lib/server/queries/data-quality';
import { listPatientsQuerySchema } from '@/lib/server/queries/list-patients';
import { listRegister } from '@/lib/server/queries/register';
import { queryObject, registerFilterSchema, registerPageSchema } from '@/lib/schemas/register';
import { statisticsPageQuery, statisticsQuerySchema } from '@/lib/schemas/statistics';
import { workItemsQuerySchema } from '@/lib/schemas/work-items';
import { previewRegisterImport } from '@/lib/server/services/import-register';
import { updatePatient } from '@/lib/server/services/update-patient';
import { testDb } from './support/db';
import { actorOf, createWorld, type World } from './support/world';

const NUL = 'a\u0000b';
const TWO_MB = 'x'.repeat(2 * 1024 * 1024);
const HOSTILE: [string, string][] = [
  ['a NUL byte', NUL],
  ['a 2 MB value', TWO_MB],
];

/** A message a person can read: short, printable, not an echo of what was sent. */
function expectPlain(message: string) {
  expect(message.length).toBeGreaterThan(5);
  expect(message.length).toBeLessThan(400);
  expect(message).not.toContain('\u0000');
  expect(message).not.toContain('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
  expect(message).not.toMatch(/expected|received|invalid_|ZodError/i);
}

function zodMessages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  expect(result.success).toBe(false);
  const messages = (result.error?.issues ?? []).map((i) => i.message);
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) expectPlain(m);
}

const params = (entries: Record<string, string>) => new URLSearchParams(entries);

describe('a NUL byte or 2 MB in a query parameter', () => {
  const REGISTER = [
    'q',
    'state',
    'teamId',
    'hospitalId',
    'rcId',
    'ccId',
    'periodEndFrom',
    'periodEndTo',
    'sort',
    'dir',
  ];
  for (const [what, value] of HOSTILE) {
    it(`is refused by the register page and its exports: ${what}`, () => {
      for (const name of [...REGISTER, 'page', 'pageSize', 'nope']) {
        zodMessages(registerPageSchema.safeParse(queryObject(params({ [name]: value }))));
      }
      for (const name of [...REGISTER, 'nope']) {
        zodMessages(registerFilterSchema.safeParse(queryObject(params({ [name]: value }))));
      }
    });

    it(`is refused by the register's data quality page: ${what}`, () => {
      for (const name of ['problem', 'teamId', 'page']) {
        zodMessages(dataQualityQuerySchema.safeParse(queryObject(params({ [name]: value }))));
      }
    });

    it(`is refused by the statistics API and downloads, and the pages say so: ${what}`, () => {
      for (const name of ['year', 'disclosure', 'team', value.slice(0, 5000)]) {
        const parsed = statisticsQuerySchema.safeParse(params({ year: '2025-26', [name]: value }));
        expect(parsed.success, name.slice(0, 20)).toBe(false);
        if (!parsed.success) expectPlain(parsed.error);
        if (['year', 'disclosure', 'team'].includes(name)) {
          const page = statisticsPageQuery({ [name]: value }, '2026-12-07');
          expect(page.query.year.slug).toBe('2025-26');
          expectPlain(page.problem ?? '');
        }
      }
    });

    it(`is refused by the work-items API: ${what}`, () => {
      for (const name of ['scope', 'detail', 'kind', 'team', 'hospital', 'rc', 'cc', 'nope']) {
        zodMessages(workItemsQuerySchema.safeParse(Object.fromEntries(params({ [name]: value }))));
      }
    });

    it(`is refused by the patients list: ${what}`, () => {
      for (const name of ['q', 'page', 'sort', 'dir', 'state', 'mine']) {
        zodMessages(listPatientsQuerySchema.safeParse({ [name]: value }));
      }
    });
  }

  it('keeps prototype keys in a query string from reaching the parsed filter', () => {
    const raw = new URLSearchParams('__proto__=x&constructor=y&q=Smith');
    const values = queryObject(raw);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    const parsed = registerFilterSchema.safeParse(values);
    // `constructor` is not a filter: refused, as any unknown parameter is.
    expect(parsed.success).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

// --- Against the database ------------------------------------------------------------------

let db: PrismaClient;
let world: World;
beforeAll(async () => {
  db = testDb();
  world = await createWorld(db);
});
afterAll(async () => {
  await db.$disconnect();
});

function expectUnpolluted() {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.x).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(typeof probe.toString).toBe('function');
}

describe('the register, asked with a query that was refused', () => {
  it('is never read with the hostile value (the page reads only what the schema passed)', async () => {
    const ctx = { actor: actorOf(world.users.mhaOffice), meta: {} };
    const parsed = registerPageSchema.safeParse(queryObject(params({ q: 'Okafor' })));
    expect(parsed.success).toBe(true);
    if (parsed.success) {
      const page = await listRegister(ctx as never, parsed.data);
      expect(page.total).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('prototype keys in a body', () => {
  const sample = new Uint8Array(readFileSync('tests/fixtures/register/sample-register.csv'));
  const preview = (mapping: unknown) =>
    previewRegisterImport(
      actorOf(world.users.mhaOffice),
      { fileName: 'sample-register.csv', bytes: sample, mapping },
      { db, now: new Date('2026-12-07T12:00:00Z') },
    );

  it('in an import’s mapping: refused, or ignored with no effect on the preview', async () => {
    const plain = await preview({});
    if (!plain.ok) throw new Error(`the sample register was refused: ${plain.message}`);
    const { id: _plainId, ...plainAnswer } = plain.data;
    const columns = async (id: string) =>
      (await db.registerImport.findUniqueOrThrow({ where: { id } })).columns;
    const plainColumns = await columns(plain.data.id);
    const hostileMappings = [
      '{"__proto__": {"polluted": "yes"}}',
      '{"constructor": {"prototype": {"polluted": "yes"}}}',
      '{"__proto__": "nhsNumber", "constructor": "nhsNumber", "prototype": "givenName", "toString": "ignore"}',
    ];
    for (const json of hostileMappings) {
      const result = await preview(JSON.parse(json));
      if (result.ok) {
        const { id, ...answer } = result.data;
        expect(answer, json).toEqual(plainAnswer);
        expect(await columns(id), json).toEqual(plainColumns);
      } else {
        expect(result.code, json).toBe('INVALID_INPUT');
        expectPlain(result.message);
      }
      expectUnpolluted();
    }
    const remembered = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "ImportColumnMapping" WHERE header IN ('__proto__', 'constructor', 'prototype', 'toString')`,
    );
    expect(remembered[0]?.n).toBe(0);
  });

  it('in PATCH /api/v1/patients/{id}: ignored, only the fields asked for change', async () => {
    const patientId = world.northPatient.id;
    const before = await db.patient.findUniqueOrThrow({ where: { id: patientId } });
    const body = JSON.parse(
      JSON.stringify({
        kind: 'CHANGE',
        reason: '',
        expectedVersion: String(before.version),
        idempotencyKey: randomUUID(),
        firstLanguage: 'Polish',
      }).replace(
        /}$/,
        ',"__proto__":{"polluted":"yes","version":99},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"x":1}}',
      ),
    ) as Record<string, unknown>;
    expect(Object.keys(body)).toContain('__proto__');
    const result = await updatePatient(actorOf(world.users.mhaOffice), patientId, body, { db });
    expect(result).toMatchObject({ ok: true, data: { version: before.version + 1 } });
    const after = await db.patient.findUniqueOrThrow({ where: { id: patientId } });
    expect(after.firstLanguage).toBe('Polish');
    const { firstLanguage: _a, version: _v, updatedAt: _u, ...rest } = after;
    const { firstLanguage: _b, version: _w, updatedAt: _t, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expectUnpolluted();
  });

  it('in PATCH /api/v1/patients/{id} with nothing else: changes nothing', async () => {
    const patientId = world.southPatient.id;
    const before = await db.patient.findUniqueOrThrow({ where: { id: patientId } });
    const body = JSON.parse(
      `{"kind":"CHANGE","reason":"","expectedVersion":"${before.version}","idempotencyKey":"${randomUUID()}","__proto__":{"givenName":"Mallory"},"constructor":{"givenName":"Mallory"}}`,
    ) as Record<string, unknown>;
    await updatePatient(actorOf(world.users.mhaOffice), patientId, body, { db });
    const after = await db.patient.findUniqueOrThrow({ where: { id: patientId } });
    expect(after.givenName).toBe(before.givenName);
    expect(after.version - before.version).toBeLessThanOrEqual(1);
    expectUnpolluted();
  });
});
