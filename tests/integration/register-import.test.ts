// Importing the MHA office's register (issue 10 §2, §3) against a real database: the sample
// register's rows and what it says about the file, every date form and rejection reason through
// the service, the reconciliation decisions (a missed renewal, a month-end), the commit's
// events and clocks, an idempotent re-import, bad files, all-or-nothing, and permissions.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { fromDbDate } from '@/lib/server/dates';
import { recomputeDeadlinesForOrders } from '@/lib/server/deadlines/recompute';
import { getChronology } from '@/lib/server/queries/get-chronology';
import { AccessDenied } from '@/lib/server/queries/access';
import {
  getRegisterImport,
  listRegisterImports,
  rowOutcomesCsv,
} from '@/lib/server/queries/register-imports';
import {
  commitRegisterImport,
  previewRegisterImport,
  type CommitAnswer,
  type ImportAnswer,
} from '@/lib/server/services/import-register';
import type { ServiceActor } from '@/lib/server/services/run-service';
import {
  createHospital,
  createPatient,
  createTeam,
  createUser,
  randomTestNhsNumber,
  theTrust,
  type CreatedUser,
} from '@/tests/factories';
import { SAMPLE_NHS } from '@/tests/fixtures/register/make-sample';
import { testDb } from './support/db';

const NOW = new Date('2026-12-07T12:00:00Z');
let db: PrismaClient;
let mha: ServiceActor;
let coordinator: ServiceActor;
const staff: Record<string, CreatedUser> = {};

const fixture = (ext: 'csv' | 'xlsx') =>
  new Uint8Array(readFileSync(`tests/fixtures/register/sample-register.${ext}`));

function actorOf(user: CreatedUser): ServiceActor {
  return { userId: user.id, email: user.email, roles: user.roles, teamIds: user.teamIds };
}

beforeAll(async () => {
  db = testDb();
  const trust = await theTrust(db);
  await createHospital(db, { trustId: trust.id, name: 'Northshire Hospital' });
  await createHospital(db, { trustId: trust.id, name: 'Southvale Hospital' });
  const north = await createTeam(db, {
    trustId: trust.id,
    name: 'North Community Mental Health Team',
  });
  const south = await createTeam(db, {
    trustId: trust.id,
    name: 'South Community Mental Health Team',
  });
  staff.priya = await createUser(db, {
    name: 'Priya Raman',
    roles: ['CARE_COORDINATOR'],
    teams: [north.id],
  });
  staff.joanna = await createUser(db, {
    name: 'Joanna Whitaker',
    roles: ['CARE_COORDINATOR'],
    teams: [south.id],
  });
  staff.samuel = await createUser(db, {
    name: 'Dr Samuel Adeyinka',
    roles: ['RESPONSIBLE_CLINICIAN'],
    teams: [north.id],
  });
  staff.eleanor = await createUser(db, {
    name: 'Dr Eleanor Firth',
    roles: ['RESPONSIBLE_CLINICIAN'],
    teams: [south.id],
  });
  mha = actorOf(await createUser(db, { roles: ['MHA_ADMINISTRATOR'] }));
  coordinator = actorOf(staff.priya);
});

afterAll(async () => {
  await db.$disconnect();
});

const opts = () => ({ db, now: NOW });

async function preview(
  bytes: Uint8Array,
  fileName: string,
  extra: Record<string, unknown> = {},
  actor: ServiceActor = mha,
) {
  return previewRegisterImport(actor, { fileName, bytes, ...extra }, opts());
}

function ok<T>(result: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`Expected success: ${result.message}`);
  return result.data;
}

function outcomes(answer: ImportAnswer): Record<number, [string, string[]]> {
  return Object.fromEntries(
    answer.rowResults.map((r) => [r.row, [r.outcome, r.messages.map((m) => m.code)]]),
  );
}

/** The columns every row needs, in the headings an office uses. */
const MINIMAL_HEAD = [
  'NHS Number',
  'Surname',
  'Forename',
  'DOB',
  'Hospital',
  'Section',
  'CTO Start Date',
];

const csvOf = (rows: string[][]) =>
  new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));

const SAMPLE_OUTCOMES: Record<number, string> = {
  3: 'ACCEPTED',
  4: 'WARNING',
  5: 'ACCEPTED',
  6: 'ACCEPTED',
  7: 'WARNING',
  8: 'WARNING',
  10: 'REJECTED',
  11: 'REJECTED',
  12: 'REJECTED',
  13: 'ACCEPTED',
  14: 'ACCEPTED',
  15: 'REJECTED',
  16: 'REJECTED',
  17: 'REJECTED',
  18: 'ACCEPTED',
  19: 'ACCEPTED',
};

describe('the sample register, previewed (a dry run writes no patient)', () => {
  it.each(['csv', 'xlsx'] as const)(
    'reads every row of the %s as the register means it',
    async (ext) => {
      const before = await db.patient.count();
      const answer = ok(await preview(fixture(ext), `sample-register.${ext}`));
      expect(answer).toMatchObject({ rows: 16, accepted: 7, rejected: 6 });
      expect(Object.keys(answer).sort()).toEqual([
        'accepted',
        'id',
        'rejected',
        'rowResults',
        'rows',
      ]);
      const got = outcomes(answer);
      expect(Object.fromEntries(Object.entries(got).map(([row, [o]]) => [row, o]))).toEqual(
        Object.fromEntries(Object.entries(SAMPLE_OUTCOMES)),
      );
      expect(got[4]?.[1]).toContain('AMBIGUOUS_DATE');
      expect(got[7]?.[1]).toContain('EXPIRY_MISMATCH');
      expect(got[8]?.[1]).toContain('EXPIRY_MISMATCH');
      expect(got[10]?.[1]).toContain('INVALID_NHS_NUMBER');
      expect(got[11]?.[1]).toContain('IMPOSSIBLE_DATE');
      expect(got[12]?.[1]).toContain('UNKNOWN_TEAM');
      expect(got[15]?.[1]).toContain('DUPLICATE_IN_FILE');
      expect(got[16]?.[1]).toContain('EXPIRY_BEFORE_START');
      expect(got[17]?.[1]).toContain('SECTION_NOT_ELIGIBLE');
      for (const r of answer.rowResults) {
        for (const m of r.messages)
          expect(Object.keys(m).sort()).toEqual(['code', 'column', 'message']);
      }
      expect(await db.patient.count()).toBe(before);

      const detail = await getRegisterImport(
        { actor: { ...mha, sessionId: '' } as never },
        answer.id,
      );
      expect(detail.status).toBe('PREVIEWED');
      expect(detail.notes.join(' ')).toContain('above the column headings');
      expect(detail.notes.join(' ')).toContain('blank row');
      expect(detail.notes.join(' ')).toContain('"Consultant"');
      if (ext === 'xlsx') {
        expect(detail.notes.join(' ')).toContain('Hidden sheet not read: "Old register"');
        expect(detail.notes.join(' ')).toContain('formula');
        expect(detail.notes.join(' ')).toContain('merged');
      }
    },
  );

  it('shows both dates and what would explain them, for a missed renewal and a month-end', async () => {
    const answer = ok(await preview(fixture('csv'), 'sample-register.csv'));
    const message = (row: number) =>
      answer.rowResults
        .find((r) => r.row === row)
        ?.messages.find((m) => m.code === 'EXPIRY_MISMATCH')?.message ?? '';
    expect(message(7)).toContain('19 March 2027');
    expect(message(7)).toContain('19 September 2026');
    expect(message(7)).toContain('renewal may be missing');
    expect(message(8)).toContain('27 February 2027');
    expect(message(8)).toContain('28 February 2027');
    expect(message(8)).toContain('month-end');
  });
});

describe('every date form and every rejection reason, through the service', () => {
  const HEAD = [
    'NHS Number',
    'Surname',
    'Forename',
    'DOB',
    'Gender',
    'Ethnicity',
    'Hospital',
    'Section',
    'CTO Start Date',
    'CTO Expiry',
    'Team',
    'Renewed on',
    'Revoked',
    'Discharged',
    'Local ID',
  ];
  const row = (over: Partial<Record<string, string>>) => {
    const base: Record<string, string> = {
      'NHS Number': randomTestNhsNumber(),
      Surname: 'Form',
      Forename: 'Test',
      DOB: '14/03/1979',
      Gender: 'M',
      Ethnicity: 'A',
      Hospital: 'Northshire Hospital',
      Section: 'S3',
      'CTO Start Date': '15/10/2026',
      'CTO Expiry': '',
      Team: '',
      ...over,
    };
    return HEAD.map((h) => base[h] ?? '');
  };

  it('reads every date form', async () => {
    const forms = [
      '15/10/2026',
      '15/10/26',
      '15-Oct-26',
      '15th October 2026',
      '2026-10-15',
      '46310',
      ' 15 / 10 / 2026 ',
      '"October 15, 2026"',
    ];
    const answer = ok(
      await preview(csvOf([HEAD, ...forms.map((f) => row({ 'CTO Start Date': f }))]), 'forms.csv'),
    );
    expect(answer.rowResults.map((r) => r.outcome)).toEqual(forms.map(() => 'ACCEPTED'));
    // d/m/yy with single digits, and a day that can only be day-first, in the same column.
    const short = ok(
      await preview(
        csvOf([HEAD, row({ 'CTO Start Date': '5/10/26' }), row({ 'CTO Start Date': '25/9/26' })]),
        'short.csv',
      ),
    );
    const shortRows = await db.registerImportRow.findMany({
      where: { importId: short.id },
      orderBy: { row: 'asc' },
    });
    expect(shortRows.map((r) => (r.record as { ctoStart: unknown }).ctoStart)).toEqual([
      { date: '2026-10-05' },
      { date: '2026-09-25' },
    ]);
    const stored = await db.registerImportRow.findMany({
      where: { importId: answer.id },
      orderBy: { row: 'asc' },
    });
    for (const r of stored) {
      expect((r.record as { ctoStart: unknown }).ctoStart).toEqual({ date: '2026-10-15' });
    }
  });

  it('rejects each reason with its column and a plain reason', async () => {
    // A patient already in the app holds a local identifier (an order in force: under commit).
    const holder = await createPatient(db, { trustId: (await theTrust(db)).id });
    const cases: [Partial<Record<string, string>>, string, string][] = [
      [{ 'Renewed on': '01/09/2026' }, 'DATE_BEFORE_START', 'Renewed on'],
      [
        { 'CTO Start Date': '01/01/2026', 'Renewed on': '01/08/2026' },
        'RENEWAL_AFTER_EXPIRY',
        'Renewed on',
      ],
      [
        { 'CTO Start Date': '01/01/2026', Discharged: '01/08/2026' },
        'ENDED_AFTER_EXPIRY',
        'Discharged',
      ],
      [{ Revoked: '01/11/2026', Discharged: '02/11/2026' }, 'REVOKED_AND_DISCHARGED', 'Discharged'],
      [{ 'Local ID': holder.localId }, 'LOCAL_ID_IN_USE', 'Local ID'],

      [{ 'NHS Number': '943 476 5918' }, 'INVALID_NHS_NUMBER', 'NHS Number'],
      [{ DOB: '30/02/1980' }, 'IMPOSSIBLE_DATE', 'DOB'],
      [{ DOB: 'last spring' }, 'UNREADABLE_DATE', 'DOB'],
      [{ 'CTO Expiry': '01/10/2026' }, 'EXPIRY_BEFORE_START', 'CTO Expiry'],
      [{ Team: 'Nowhere Team' }, 'UNKNOWN_TEAM', 'Team'],
      [{ Hospital: 'St Elsewhere' }, 'UNKNOWN_HOSPITAL', 'Hospital'],
      [{ Surname: '' }, 'MISSING_VALUE', 'Surname'],
      [{ Section: 's2' }, 'SECTION_NOT_ELIGIBLE', 'Section'],
      [{ Section: 'sec x' }, 'UNKNOWN_SECTION', 'Section'],
      [{ Gender: 'Q' }, 'UNKNOWN_SEX', 'Gender'],
      [{ Ethnicity: 'Klingon' }, 'UNKNOWN_ETHNIC_CATEGORY', 'Ethnicity'],
      [{ 'CTO Start Date': '01/01/2027' }, 'DATE_IN_FUTURE', 'CTO Start Date'],
      [{ DOB: '01/11/2026' }, 'BORN_AFTER_START', 'DOB'],
    ];
    const answer = ok(
      await preview(csvOf([HEAD, ...cases.map(([over]) => row(over))]), 'reasons.csv'),
    );
    cases.forEach(([, code, column], i) => {
      const result = answer.rowResults[i];
      expect(result?.outcome, code).toBe('REJECTED');
      const message = result?.messages.find((m) => m.code === code);
      expect(message, code).toBeDefined();
      expect(message?.column).toBe(column);
      expect(message?.message).not.toMatch(/undefined|null|\[object/);
    });
  });
});

describe('commit', () => {
  let committed: CommitAnswer;

  it('applies the preview with the decisions given: events marked as imported, clocks started', async () => {
    const previewed = ok(
      await preview(fixture('xlsx'), 'sample-register.xlsx', {
        mapping: { Consultant: 'responsibleClinician', Notes: 'ignore' },
      }),
    );
    const eventsBefore = await db.ctoEvent.count();
    committed = ok(
      await commitRegisterImport(
        mha,
        {
          importId: previewed.id,
          decisions: [
            { row: 4, code: 'AMBIGUOUS_DATE', column: 'Date of Birth', choice: 'DMY' },
            { row: 7, code: 'EXPIRY_MISMATCH', column: 'Expiry date', choice: 'ADD_RENEWAL' },
            { row: 8, code: 'EXPIRY_MISMATCH', column: 'Expiry date', choice: 'COMPUTED' },
          ],
        },
        opts(),
      ),
    );
    expect(committed).toMatchObject({
      id: previewed.id,
      imported: 10,
      rows: 16,
      accepted: 10,
      rejected: 6,
    });
    expect(await db.ctoEvent.count()).toBeGreaterThan(eventsBefore);

    const patient = await db.patient.findUniqueOrThrow({
      where: { nhsNumber: SAMPLE_NHS.achebe },
      include: {
        staffAssignments: true,
        orders: { include: { events: true, periods: true, deadlines: true } },
      },
    });
    expect(patient).toMatchObject({
      familyName: 'Achebe',
      givenName: 'Ngozi',
      sex: 'FEMALE',
      ethnicCategory: 'N',
    });
    expect(patient.staffAssignments.map((a) => [a.kind, a.userId]).sort()).toEqual(
      [
        ['CARE_COORDINATOR', staff.priya?.id],
        ['RESPONSIBLE_CLINICIAN', staff.samuel?.id],
      ].sort(),
    );
    const order = patient.orders[0];
    expect(order?.state).toBe('ACTIVE');
    expect(fromDbDate(order?.currentExpiryDate as Date)).toBe('2027-04-01');
    expect(order?.events[0]?.facts).toMatchObject({
      imported: {
        importId: previewed.id,
        fileName: 'sample-register.xlsx',
        row: 3,
        column: 'Date CTO made',
      },
    });
    // Clocks as for any order: the expiry, the renewal window, the tribunal window...
    const kinds = order?.deadlines.map((d) => d.kind) ?? [];
    expect(kinds).toContain('CTO_EXPIRY');
    expect(kinds).toContain('EXTENSION_WINDOW');

    const brennan = await db.patient.findUniqueOrThrow({
      where: { nhsNumber: SAMPLE_NHS.brennan },
    });
    expect(fromDbDate(brennan.dateOfBirth)).toBe('1982-06-05');

    // The missed renewal, added by decision: two periods, ending as the register said.
    const evans = await db.communityTreatmentOrder.findFirstOrThrow({
      where: { patient: { nhsNumber: SAMPLE_NHS.evans } },
      include: {
        periods: { orderBy: { index: 'asc' } },
        events: { orderBy: { occurredAt: 'asc' } },
      },
    });
    expect(evans.periods.map((p) => fromDbDate(p.endDate))).toEqual(['2026-09-19', '2027-03-19']);
    expect(evans.events.map((e) => e.type)).toEqual(['MAKE', 'FURNISH_CTO7']);
    expect(evans.state).toBe('ACTIVE');

    // The month-end, decided for lib/cto's date; the register's date is kept beside it.
    const farah = await db.communityTreatmentOrder.findFirstOrThrow({
      where: { patient: { nhsNumber: SAMPLE_NHS.farah } },
      include: { events: true, legalStatusPeriod: true },
    });
    expect(fromDbDate(farah.currentExpiryDate as Date)).toBe('2027-02-28');
    expect(farah.events[0]?.facts).toMatchObject({
      statedExpiry: '2027-02-27',
      computedExpiry: '2027-02-28',
    });
    expect(farah.legalStatusPeriod.legalStatusCode).toBe('10');

    // Recalled on 1 May 2025 and revoked on 3 May, within the 72 hours: a recall record and a
    // revocation record (decision 813), not an "other" event.
    const hughes = await db.communityTreatmentOrder.findFirstOrThrow({
      where: { patient: { nhsNumber: SAMPLE_NHS.hughes } },
      include: {
        events: { orderBy: { occurredAt: 'asc' } },
        recalls: true,
        revocation: true,
        revocationDetention: true,
        deadlines: true,
      },
    });
    expect(hughes).toMatchObject({ state: 'REVOKED', endReason: 'REVOKED' });
    expect(hughes.events.map((e) => e.type)).toEqual(['MAKE', 'DETENTION_BEGINS', 'REVOKE']);
    expect(hughes.recalls).toHaveLength(1);
    expect(hughes.recalls[0]).toMatchObject({ outcome: 'REVOKED', ground: null });
    expect(hughes.revocation).toMatchObject({
      recallId: hughes.recalls[0]?.id,
      amhpAgreementId: null,
    });
    expect(fromDbDate(hughes.revocation?.revokedOn as Date)).toBe('2025-05-03');
    expect(hughes.events[1]?.facts).toMatchObject({ recallId: hughes.recalls[0]?.id });
    const chronology = await getChronology(
      {
        actor: {
          ...mha,
          roles: [...mha.roles],
          teamIds: [...mha.teamIds],
          name: 'MHA office',
          sessionId: '',
        },
        client: db,
      },
      hughes.patientId,
      { kinds: ['recall'] },
    );
    const recallEntry = chronology.entries.find(
      (e) => e.title === 'Recalled to hospital (from the imported register)',
    );
    expect(recallEntry?.detail).toContain('Imported from the register');
    expect(recallEntry?.form).toBeUndefined();
    // Its six months of detention ended long before the import: not guessed at, and no task
    // for the past (decision 812).
    expect(hughes.revocationDetention).toBeNull();
    expect(hughes.deadlines).toEqual([]);
    expect(committed.rowResults.find((r) => r.row === 14)?.messages.map((m) => m.code)).toContain(
      'DETENTION_AFTER_REVOCATION_NOT_RECORDED',
    );
    // Imported history raises no rights-information task for the past (decision 812).
    expect(kinds).not.toContain('RIGHTS_INFORMATION');
    const ghosh = await db.communityTreatmentOrder.findFirstOrThrow({
      where: { patient: { nhsNumber: SAMPLE_NHS.ghosh } },
    });
    expect(ghosh).toMatchObject({ state: 'DISCHARGED' });

    // Audited: the commit, and each patient and order it made.
    const audits = await db.auditEvent.findMany({
      where: { userId: mha.userId, occurredAt: { gte: new Date(Date.now() - 600_000) } },
    });
    expect(audits.filter((a) => a.action === 'register-import.commit')).toHaveLength(1);
    expect(audits.filter((a) => a.action === 'patient.import')).toHaveLength(10);
    expect(audits.filter((a) => a.action === 'order.import')).toHaveLength(10);
  });

  it('re-importing the same file changes nothing', async () => {
    const counts = async () => ({
      patients: await db.patient.count(),
      orders: await db.communityTreatmentOrder.count(),
      events: await db.ctoEvent.count(),
      deadlines: await db.deadline.count(),
    });
    const before = await counts();
    const again = ok(
      await preview(fixture('csv'), 'sample-register.csv', {
        dryRun: false,
        decisions: [{ row: 7, code: 'EXPIRY_MISMATCH', column: 'Expiry date', choice: 'COMPUTED' }],
      }),
    ) as CommitAnswer;
    expect(again.imported).toBe(0);
    for (const row of [3, 4, 5, 6, 7, 13, 14, 18, 19]) {
      const result = again.rowResults.find((r) => r.row === row);
      expect(
        result?.messages.map((m) => m.code),
        `row ${row}`,
      ).toContain('ALREADY_IMPORTED');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a new order for a patient whose imported order is in force', async () => {
    const achebe = await db.patient.findUniqueOrThrow({ where: { nhsNumber: SAMPLE_NHS.achebe } });
    const answer = ok(
      await preview(
        csvOf([
          [
            'NHS Number',
            'Local ID',
            'Surname',
            'Forename',
            'DOB',
            'Hospital',
            'Section',
            'CTO Start Date',
          ],
          [
            SAMPLE_NHS.achebe,
            achebe.localId,
            'Achebe',
            'Ngozi',
            '14/03/1979',
            'Northshire Hospital',
            'S3',
            '01/11/2026',
          ],
        ]),
        'in-force.csv',
      ),
    );
    const result = answer.rowResults[0];
    expect(result?.outcome).toBe('REJECTED');
    expect(result?.messages.find((m) => m.code === 'ORDER_IN_FORCE')?.column).toBe('NHS Number');
  });

  it('remembers a mapping for the next file', async () => {
    const next = ok(await preview(fixture('csv'), 'next.csv'));
    const detail = await getRegisterImport({ actor: { ...mha, sessionId: '' } as never }, next.id);
    expect(detail.columns.find((c) => c.header === 'Consultant')).toMatchObject({
      field: 'responsibleClinician',
      source: 'remembered',
    });
  });

  it('can be reviewed afterwards, with row outcomes as CSV', async () => {
    const list = await listRegisterImports({ actor: { ...mha, sessionId: '' } as never });
    const item = list.find((i) => i.id === committed.id);
    expect(item).toMatchObject({
      status: 'COMMITTED',
      importedCount: 10,
      fileName: 'sample-register.xlsx',
    });
    const detail = await getRegisterImport(
      { actor: { ...mha, sessionId: '' } as never },
      committed.id,
    );
    const csv = rowOutcomesCsv(detail);
    expect(csv.split('\r\n')[0]).toBe('Row,Outcome,Imported,Column,Code,Message');
    expect(csv).toContain('10,REJECTED,no,NHS No,INVALID_NHS_NUMBER,');
  });

  it('writes nothing when any row fails: one transaction', async () => {
    const trust = await theTrust(db);
    const first = randomTestNhsNumber();
    const second = randomTestNhsNumber();
    const HEAD = MINIMAL_HEAD;
    const previewed = ok(
      await preview(
        csvOf([
          HEAD,
          [first, 'One', 'Row', '01/01/1980', 'Northshire Hospital', 'S3', '01/11/2026'],
          [second, 'Two', 'Row', '01/01/1980', 'Northshire Hospital', 'S3', '01/11/2026'],
        ]),
        'conflict.csv',
      ),
    );
    expect(previewed.accepted).toBe(2);
    // Someone registers another patient with the second row's local identifier meanwhile.
    await createPatient(db, { trustId: trust.id, localId: second });
    const result = await commitRegisterImport(mha, { importId: previewed.id }, opts());
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.patient.count({ where: { nhsNumber: first } })).toBe(0);
    expect(
      await db.registerImportRow.count({
        where: { importId: previewed.id, importedAt: { not: null } },
      }),
    ).toBe(0);
  });

  it('two commits of one preview at once import it once', async () => {
    const HEAD = [
      'NHS Number',
      'Surname',
      'Forename',
      'DOB',
      'Hospital',
      'Section',
      'CTO Start Date',
    ];
    const nhs = randomTestNhsNumber();
    const previewed = ok(
      await preview(
        csvOf([
          HEAD,
          [nhs, 'Twice', 'Clicked', '01/01/1980', 'Northshire Hospital', 'S3', '01/11/2026'],
        ]),
        'twice.csv',
      ),
    );
    const [a, b] = await Promise.all([
      commitRegisterImport(mha, { importId: previewed.id }, opts()),
      commitRegisterImport(mha, { importId: previewed.id }, opts()),
    ]);
    const imported = [a, b].map((r) => (r.ok ? r.data.imported : -1)).sort();
    expect(imported).toEqual([0, 1]);
    expect(await db.communityTreatmentOrder.count({ where: { patient: { nhsNumber: nhs } } })).toBe(
      1,
    );
  });
});

describe('recalls, revocations and the clocks of imported history', () => {
  const HEAD = [...MINIMAL_HEAD, 'Recalled', 'Revoked', 'Discharged'];
  const nhs = {
    released: randomTestNhsNumber(),
    revokedNow: randomTestNhsNumber(),
    madeNow: randomTestNhsNumber(),
    running: randomTestNhsNumber(),
    afterEnd: randomTestNhsNumber(),
    noRecall: randomTestNhsNumber(),
  };
  const line = (n: string, start: string, recalled = '', revoked = '', discharged = '') => [
    n,
    'Recall',
    'Test',
    '01/01/1980',
    'Northshire Hospital',
    'S3',
    start,
    recalled,
    revoked,
    discharged,
  ];
  let answer: CommitAnswer;

  it('imports recalls and revocations as records the clocks read, and rejects a recall that may be running', async () => {
    answer = ok(
      await preview(
        csvOf([
          HEAD,
          line(nhs.released, '01/07/2026', '01/09/2026'),
          line(nhs.revokedNow, '01/07/2026', '01/12/2026', '03/12/2026'),
          line(nhs.madeNow, '03/12/2026'),
          line(nhs.running, '01/07/2026', '06/12/2026'),
          line(nhs.afterEnd, '01/06/2026', '01/09/2026', '', '01/08/2026'),
          line(nhs.noRecall, '01/07/2026', '', '01/09/2026'),
        ]),
        'recalls.csv',
        { dryRun: false },
      ),
    ) as CommitAnswer;
    const codes = (row: number) =>
      answer.rowResults.find((r) => r.row === row)?.messages.map((m) => m.code) ?? [];
    expect(answer.rowResults.map((r) => r.outcome)).toEqual([
      'ACCEPTED',
      'ACCEPTED',
      'ACCEPTED',
      'REJECTED',
      'REJECTED',
      'ACCEPTED',
    ]);
    expect(codes(5)).toContain('RECALL_IN_PROGRESS');
    expect(codes(6)).toContain('RECALL_AFTER_END');
    expect(codes(7)).toContain('RECALL_FOR_REVOCATION_ASSUMED');
    expect(answer.imported).toBe(4);

    const order = (n: string) =>
      db.communityTreatmentOrder.findFirstOrThrow({
        where: { patient: { nhsNumber: n } },
        include: {
          events: { orderBy: { occurredAt: 'asc' } },
          recalls: true,
          revocation: true,
          revocationDetention: { include: { detentionPeriods: true } },
          deadlines: { where: { status: 'OPEN' } },
        },
      });

    // A recall and its release: the order continues (s17F(5), (7)).
    const released = await order(nhs.released);
    expect(released.state).toBe('ACTIVE');
    expect(released.events.map((e) => e.type)).toEqual([
      'MAKE',
      'DETENTION_BEGINS',
      'RELEASE_FROM_RECALL',
    ]);
    expect(released.recalls.map((r) => r.outcome)).toEqual(['RELEASED']);
    expect(released.recalls[0]?.deadlineAt?.getTime()).toBe(
      (released.recalls[0]?.detentionBeganAt?.getTime() ?? 0) + 72 * 3600_000,
    );
    expect(released.deadlines.map((d) => d.kind)).not.toContain('RIGHTS_INFORMATION');

    // Revoked four days before the import: the detention restarts (s17G) and its clocks run;
    // the s68(7) reference and the rights information are current work, so they are raised.
    const revoked = await order(nhs.revokedNow);
    expect(revoked.state).toBe('REVOKED');
    expect(revoked.revocation?.recallId).toBe(revoked.recalls[0]?.id);
    // The order, the recall and the revocation end at one moment.
    expect(revoked.endedAt?.getTime()).toBe(revoked.revocation?.revokedAt.getTime());
    expect(revoked.recalls[0]?.endedAt?.getTime()).toBe(revoked.revocation?.revokedAt.getTime());
    expect(revoked.revocationDetention?.detentionPeriods).toHaveLength(3);
    expect(fromDbDate(revoked.revocationDetention?.expiryDate as Date)).toBe('2027-06-02');
    expect(revoked.deadlines.map((d) => d.kind).sort()).toEqual(
      ['DETENTION_EXPIRY', 'MANAGERS_REFERENCE_AFTER_REVOCATION', 'RIGHTS_INFORMATION'].sort(),
    );

    // Made four days before the import: its rights information is still to give.
    const made = await order(nhs.madeNow);
    const rights = made.deadlines.find((d) => d.kind === 'RIGHTS_INFORMATION');
    expect(rights && fromDbDate(rights.dueOn)).toBe('2026-12-10');

    // Revoked with no recall in the register: the recall is recorded on the day of revocation.
    const noRecall = await order(nhs.noRecall);
    expect(noRecall.events.map((e) => e.type)).toEqual(['MAKE', 'DETENTION_BEGINS', 'REVOKE']);
    expect(noRecall.recalls[0]?.outcome).toBe('REVOKED');
    expect(noRecall.revocationDetention).not.toBeNull();
  });

  it('writes the same deadlines the recompute from the database gives', async () => {
    const orders = await db.communityTreatmentOrder.findMany({
      where: { patient: { nhsNumber: { in: Object.values(nhs) } } },
      select: { id: true },
    });
    const ids = orders.map((o) => o.id);
    const snapshot = async () =>
      (
        await db.deadline.findMany({
          where: { orderId: { in: ids }, status: 'OPEN' },
          select: { orderId: true, kind: true, dueOn: true, title: true, ownerId: true },
        })
      )
        .map((d) => JSON.stringify(d))
        .sort();
    const inMemory = await snapshot();
    expect(inMemory.length).toBeGreaterThan(0);
    await recomputeDeadlinesForOrders(db, ids, '2026-12-07', NOW);
    expect(await snapshot()).toEqual(inMemory);
  });
});

describe('bad files: a clear message and nothing written', () => {
  it.each([
    [
      'a picture',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'photo.png',
      'NOT_A_SPREADSHEET',
    ],
    [
      'a PDF',
      new TextEncoder().encode('%PDF-1.7\n\u0000\u0001binary'),
      'register.pdf',
      'NOT_A_SPREADSHEET',
    ],
    [
      'text named .xlsx',
      new TextEncoder().encode('NHS Number,Surname\n'),
      'register.xlsx',
      'NOT_A_SPREADSHEET',
    ],
    [
      'a broken workbook',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
      'broken.xlsx',
      'NOT_A_SPREADSHEET',
    ],
    ['an empty file', new Uint8Array(), 'empty.csv', 'EMPTY_FILE'],
    ['only blank lines', new TextEncoder().encode('\n\n ,, \n'), 'blank.csv', 'EMPTY_FILE'],
    [
      'headings only',
      new TextEncoder().encode('NHS Number,Surname,DOB\n'),
      'headings.csv',
      'EMPTY_FILE',
    ],
    ['over 20 MB', new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41), 'huge.csv', 'FILE_TOO_LARGE'],
  ] as const)('%s', async (_what, bytes, name, reason) => {
    const before = await db.registerImport.count();
    const result = await preview(bytes, name);
    expect(result).toMatchObject({ ok: false, code: 'REFUSED', reason });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(20);
    expect(await db.registerImport.count()).toBe(before);
  });
});

describe('permissions: the MHA office only', () => {
  it('refuses anyone else, and audits the refusal', async () => {
    const result = await preview(fixture('csv'), 'sample-register.csv', {}, coordinator);
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const commit = await commitRegisterImport(coordinator, { importId: committedId() }, opts());
    expect(commit).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(
      listRegisterImports({ actor: { ...coordinator, sessionId: '' } as never }),
    ).rejects.toBeInstanceOf(AccessDenied);
    const denied = await db.auditEvent.findMany({
      where: { userId: coordinator.userId, outcome: 'DENIED' },
    });
    expect(denied.map((a) => a.action).sort()).toEqual(
      ['import:register', 'register-import.commit', 'register-import.preview'].sort(),
    );
  });
});

function committedId(): string {
  return '0190d6a2-0000-7000-8000-000000000001';
}
