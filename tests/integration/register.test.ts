// The MHA office's register, its exports and its data-quality list, and the patients list's
// sort, state filter and "mine" (issue 8, part 1), against a real database. Every row here is in
// a team made for this file, so other files' patients never get in the way.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { listRegister, type RegisterRow } from '@/lib/server/queries/register';
import { listDataQuality } from '@/lib/server/queries/data-quality';
import { listPatients } from '@/lib/server/queries/list-patients';
import { AccessDenied } from '@/lib/server/queries/access';
import { writeRegisterCsv, writeRegisterXlsx } from '@/lib/server/register-export';
import { EXPORT_HEADERS, exportCells } from '@/lib/register/columns';
import { registerFilterSchema, registerPageSchema } from '@/lib/schemas/register';
import {
  assignCareTeam,
  createHospital,
  createLegalStatusPeriod,
  createNearestRelative,
  createOrder,
  createPatient,
  createTeam,
  createUser,
  theTrust,
  unique,
  type CreatedUser,
} from '@/tests/factories';
import { testDb } from './support/db';
import { actorOf } from './support/world';

let db: PrismaClient;
let teamId: string;
let office: CreatedUser;
let coordinator: CreatedUser;
let rc: CreatedUser;
const ids: Record<'a' | 'b' | 'c', { patientId: string; orderId: string }> = {} as never;
const tag = unique()
  .replace(/[^a-z0-9]/gi, '')
  .slice(-6);

async function makeOrder(
  patient: { id: string },
  hospitalId: string,
  proposedAt: Date,
): Promise<string> {
  const lsp = await createLegalStatusPeriod(db, {
    patientId: patient.id,
    hospitalId,
    startAt: new Date(proposedAt.getTime() - 30 * 86_400_000),
  });
  const order = await createOrder(db, {
    patientId: patient.id,
    legalStatusPeriodId: lsp.id,
    responsibleHospitalId: hospitalId,
    responsibleClinicianId: rc.id,
    teamId,
    amhpId: rc.id,
    proposedAt,
  });
  return order.id;
}

beforeAll(async () => {
  db = testDb();
  const trust = await theTrust(db);
  const hospital = await createHospital(db, { trustId: trust.id });
  const team = await createTeam(db, { trustId: trust.id, name: `Register team ${tag}` });
  teamId = team.id;
  office = await createUser(db, { roles: ['MHA_ADMINISTRATOR'] });
  coordinator = await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [team.id] });
  rc = await createUser(db, { roles: ['RESPONSIBLE_CLINICIAN'], teams: [team.id] });
  // A: everything recorded. B: a name a spreadsheet would run as a formula, ethnicity not
  // stated, no care coordinator or nearest relative. C: an ended order.
  const a = await createPatient(db, {
    trustId: trust.id,
    teamId,
    familyName: `Aardvark${tag}`,
    givenName: 'Ann',
    dateOfBirth: '1990-01-01',
    ethnicCategory: 'A',
  });
  const b = await createPatient(db, {
    trustId: trust.id,
    teamId,
    familyName: `Badger${tag}`,
    givenName: '=HYPERLINK("http://evil.example","Click")',
    dateOfBirth: '1970-06-15',
    ethnicCategory: 'Z',
  });
  const c = await createPatient(db, {
    trustId: trust.id,
    teamId,
    familyName: `Coot${tag}`,
    givenName: '@SUM(1+1)',
    dateOfBirth: '1980-03-03',
    ethnicCategory: 'B',
  });
  const day = 86_400_000;
  ids.a = {
    patientId: a.id,
    orderId: await makeOrder(a, hospital.id, new Date(Date.now() - 60 * day)),
  };
  ids.b = {
    patientId: b.id,
    orderId: await makeOrder(b, hospital.id, new Date(Date.now() - 20 * day)),
  };
  ids.c = {
    patientId: c.id,
    orderId: await makeOrder(c, hospital.id, new Date(Date.now() - 100 * day)),
  };
  await db.communityTreatmentOrder.update({
    where: { id: ids.c.orderId },
    data: {
      state: 'DISCHARGED',
      endedAt: new Date(),
      endedOn: new Date(new Date().toISOString().slice(0, 10)),
    },
  });
  await assignCareTeam(db, {
    patientId: a.id,
    careCoordinatorId: coordinator.id,
    responsibleClinicianId: rc.id,
    startedOn: '2025-01-01',
  });
  await assignCareTeam(db, {
    patientId: c.id,
    careCoordinatorId: coordinator.id,
    responsibleClinicianId: rc.id,
    startedOn: '2025-01-01',
  });
  await createNearestRelative(db, {
    patientId: a.id,
    name: 'Mary Aardvark',
    relationship: 'Mother',
    startedOn: '2025-01-01',
  });
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
});

const ctx = (user: CreatedUser) => ({ actor: actorOf(user), client: db });
const page = (extra: Record<string, string> = {}) => registerPageSchema.parse({ teamId, ...extra });
const orderIds = (rows: RegisterRow[]) => rows.map((r) => r.orderId);

describe('the register', () => {
  it('lists one row per order of the team, with the people, relative and dates', async () => {
    const result = await listRegister(ctx(office), page({ sort: 'patient' }));
    expect(result.total).toBe(3);
    expect(orderIds(result.rows)).toEqual([ids.a.orderId, ids.b.orderId, ids.c.orderId]);
    const [a, b] = result.rows;
    expect(a).toMatchObject({
      state: 'ACTIVE',
      rcName: rc.name,
      ccName: coordinator.name,
      nearestRelativeName: 'Mary Aardvark',
      nearestRelativeRelationship: 'Mother',
    });
    expect(a?.periodEnd).toBeInstanceOf(Date);
    expect(b).toMatchObject({ ccName: null, nearestRelativeName: null });
  });

  it('filters by state in the query', async () => {
    const inForce = await listRegister(ctx(office), page({ state: 'in-force', sort: 'patient' }));
    expect(orderIds(inForce.rows)).toEqual([ids.a.orderId, ids.b.orderId]);
    const ended = await listRegister(ctx(office), page({ state: 'ended' }));
    expect(orderIds(ended.rows)).toEqual([ids.c.orderId]);
    expect(ended.total).toBe(1);
  });

  it('filters by care coordinator and by name', async () => {
    const mine = await listRegister(ctx(office), page({ ccId: coordinator.id, sort: 'patient' }));
    expect(orderIds(mine.rows)).toEqual([ids.a.orderId, ids.c.orderId]);
    const named = await listRegister(ctx(office), page({ q: `badger${tag}` }));
    expect(orderIds(named.rows)).toEqual([ids.b.orderId]);
  });

  it('sorts both ways, and pages', async () => {
    const desc = await listRegister(ctx(office), page({ sort: 'patient', dir: 'desc' }));
    expect(orderIds(desc.rows)).toEqual([ids.c.orderId, ids.b.orderId, ids.a.orderId]);
    const byMade = await listRegister(ctx(office), page({ sort: 'madeOn' }));
    expect(orderIds(byMade.rows)).toEqual([ids.c.orderId, ids.a.orderId, ids.b.orderId]);
    const second = await listRegister(
      ctx(office),
      page({ sort: 'madeOn', pageSize: '2', page: '2' }),
    );
    expect(orderIds(second.rows)).toEqual([ids.b.orderId]);
    expect(second.total).toBe(3);
  });

  it('is audited with the filter', async () => {
    await listRegister(ctx(office), page({ state: 'ended' }));
    const event = await db.auditEvent.findFirstOrThrow({
      where: { userId: office.id, action: 'register.list' },
      orderBy: { id: 'desc' },
    });
    expect(event.outcome).toBe('SUCCESS');
    expect(event.metadata).toMatchObject({
      filter: { teamId, state: 'ended' },
      orderIds: [ids.c.orderId],
    });
  });

  it('refuses everyone but the MHA office, audited as denied', async () => {
    for (const user of [coordinator, rc]) {
      await expect(listRegister(ctx(user), page())).rejects.toThrow(AccessDenied);
      const denied = await db.auditEvent.findFirstOrThrow({
        where: { userId: user.id, action: 'read:register' },
        orderBy: { id: 'desc' },
      });
      expect(denied.outcome).toBe('DENIED');
    }
  });
});

async function collect(
  write: (out: PassThrough) => Promise<number>,
): Promise<{ buffer: Buffer; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const rows = await write(out);
  return { buffer: Buffer.concat(chunks), rows };
}

describe('the exports', () => {
  const filter = () => registerFilterSchema.parse({ teamId, state: 'in-force', sort: 'patient' });

  it('CSV: exactly the filtered rows, in order, every formula escaped', async () => {
    const expected = await listRegister(ctx(office), { ...filter(), page: 1, pageSize: 50 });
    const { buffer, rows } = await collect((out) => writeRegisterCsv(ctx(office), filter(), out));
    expect(rows).toBe(2);
    // A byte order mark, so that Excel reads UTF-8; Windows line ends.
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buffer.toString('utf8').split('\r\n')).toHaveLength(4);
    const parsed = parse(buffer.toString('utf8'), { bom: true }) as string[][];
    expect(parsed[0]).toEqual(EXPORT_HEADERS);
    expect(parsed.slice(1)).toEqual(expected.rows.map(exportCells));
    const badger = parsed.find((r) => r.includes(`Badger${tag}`));
    expect(badger).toContain(`'=HYPERLINK("http://evil.example","Click")`);
    for (const cell of parsed.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@]/);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { userId: office.id, action: 'register.export' },
      orderBy: { id: 'desc' },
    });
    expect(event.metadata).toMatchObject({
      format: 'csv',
      filter: { teamId, state: 'in-force', sort: 'patient' },
    });
  });

  it('CSV: a download the reader abandons ends the export rather than waiting for ever', async () => {
    // A reader that takes nothing: the first chunk fills the buffer, then the reader goes.
    const out = new PassThrough({ highWaterMark: 1 });
    const writing = writeRegisterCsv(ctx(office), filter(), out);
    queueMicrotask(() => out.destroy());
    await expect(writing).rejects.toThrow(/abandoned/);
  });

  it('XLSX: read back, the same rows as the filter, formulas escaped', async () => {
    const everything = registerFilterSchema.parse({ teamId, sort: 'patient' });
    const expected = await listRegister(ctx(office), { ...everything, page: 1, pageSize: 50 });
    const { buffer, rows } = await collect((out) =>
      writeRegisterXlsx(ctx(office), everything, out),
    );
    expect(rows).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Register');
    const values: string[][] = [];
    sheet?.eachRow((row) => {
      values.push(
        EXPORT_HEADERS.map((_, i) => {
          const v = row.getCell(i + 1).value;
          return v === null || v === undefined ? '' : String(v);
        }),
      );
    });
    expect(values[0]).toEqual(EXPORT_HEADERS);
    expect(values.slice(1)).toEqual(expected.rows.map(exportCells));
    const coot = values.find((r) => r.includes(`Coot${tag}`));
    expect(coot).toContain(`'@SUM(1+1)`);
    // No cell is a formula.
    sheet?.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
  });

  it('refuses to export for anyone but the MHA office', async () => {
    const out = new PassThrough();
    await expect(writeRegisterCsv(ctx(coordinator), filter(), out)).rejects.toThrow(AccessDenied);
  });
});

describe('the data-quality list', () => {
  it('lists the live orders with something missing, with counts per problem', async () => {
    const list = await listDataQuality(ctx(office), { teamId, page: 1 });
    expect(list.rows.map((r) => r.orderId)).toEqual([ids.b.orderId]);
    expect(list.rows[0]?.problems).toEqual([
      'noCareCoordinator',
      'noNearestRelative',
      'ethnicityNotStated',
    ]);
    expect(list.counts).toMatchObject({
      any: 1,
      noCareCoordinator: 1,
      noNearestRelative: 1,
      ethnicityNotStated: 1,
      noResponsibleClinician: 0,
      deadlineNotComputed: 0,
    });
  });

  it('flags a live order whose period end could not be worked out, and filters by problem', async () => {
    await db.communityTreatmentOrder.update({
      where: { id: ids.a.orderId },
      data: { currentExpiryDate: null },
    });
    try {
      const list = await listDataQuality(ctx(office), {
        teamId,
        problem: 'deadlineNotComputed',
        page: 1,
      });
      expect(list.rows.map((r) => r.orderId)).toEqual([ids.a.orderId]);
      expect(list.counts.any).toBe(2);
    } finally {
      const order = await db.ctoPeriod.findFirstOrThrow({
        where: { orderId: ids.a.orderId },
        orderBy: { index: 'desc' },
      });
      await db.communityTreatmentOrder.update({
        where: { id: ids.a.orderId },
        data: { currentExpiryDate: order.endDate },
      });
    }
  });

  it('refuses a care coordinator, audited', async () => {
    await expect(listDataQuality(ctx(coordinator), { page: 1 })).rejects.toThrow(AccessDenied);
  });
});

describe('the patients list', () => {
  const base = { q: undefined, page: 1, pageSize: 100 };
  const ours = (items: { id: string }[]) =>
    items.map((i) => i.id).filter((id) => Object.values(ids).some((x) => x.patientId === id));

  it('sorts by name and by date of birth, both ways', async () => {
    const byName = await listPatients(ctx(coordinator), base);
    expect(ours(byName.items)).toEqual([ids.a.patientId, ids.b.patientId, ids.c.patientId]);
    const byBirth = await listPatients(ctx(coordinator), { ...base, sort: 'dateOfBirth' });
    expect(ours(byBirth.items)).toEqual([ids.b.patientId, ids.c.patientId, ids.a.patientId]);
    const desc = await listPatients(ctx(coordinator), { ...base, sort: 'name', dir: 'desc' });
    expect(ours(desc.items)).toEqual([ids.c.patientId, ids.b.patientId, ids.a.patientId]);
  });

  it('filters by the state of the latest order', async () => {
    const inForce = await listPatients(ctx(coordinator), { ...base, state: 'in-force' });
    expect(ours(inForce.items)).toEqual([ids.a.patientId, ids.b.patientId]);
    const ended = await listPatients(ctx(coordinator), { ...base, state: 'ended' });
    expect(ours(ended.items)).toEqual([ids.c.patientId]);
    expect(
      ended.items.every(
        (p) =>
          p.order?.state === 'DISCHARGED' ||
          p.order?.state === 'EXPIRED' ||
          p.order?.state === 'REVOKED' ||
          p.order?.state === 'DIED',
      ),
    ).toBe(true);
    const office = await listPatients(ctx(coordinator), { ...base, state: 'recalled' });
    expect(ours(office.items)).toEqual([]);
  });

  it('"mine": the patients I am care coordinator or RC for', async () => {
    const mine = await listPatients(ctx(coordinator), { ...base, mine: '1' });
    expect(mine.items.map((i) => i.id).sort()).toEqual([ids.a.patientId, ids.c.patientId].sort());
    expect(mine.total).toBe(2);
    // The RC is the order's RC on all three (and assigned on A and C).
    const rcMine = await listPatients(ctx(rc), { ...base, mine: '1' });
    expect(rcMine.items.map((i) => i.id).sort()).toEqual(
      [ids.a.patientId, ids.b.patientId, ids.c.patientId].sort(),
    );
  });

  it('the MHA office sees the trust, filtered the same way', async () => {
    const ended = await listPatients(ctx(office), {
      ...base,
      q: `coot${tag}`,
      state: 'ended',
    });
    expect(ended.items.map((i) => i.id)).toEqual([ids.c.patientId]);
  });
});
