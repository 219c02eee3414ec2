import { describe, expect, it } from 'vitest';
import { ctoPeriods, nhsNumberCheckDigit } from '@/lib/cto';
import { previewTable, evaluateRow } from '@/lib/import/preview';
import { computedExpiry, reconcileExpiry } from '@/lib/import/reconcile';
import type { ImportContext } from '@/lib/import/rows';
import type { RowPreview } from '@/lib/import/preview';

/** A valid NHS number in the 999 test range from a six-digit stem. */
function nhs(stem: number): string {
  for (let s = stem; ; s += 1) {
    const nine = `999${String(s).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(nine);
    if (check !== undefined) return `${nine}${check}`;
  }
}

const TODAY = '2026-03-01';
const context = (over: Partial<ImportContext> = {}): ImportContext => ({
  today: TODAY,
  teams: [{ id: 'team-1', code: 'CMHT-N', name: 'North CMHT' }],
  hospitals: [
    { id: 'hosp-1', siteCode: 'RXX01', name: 'Northshire Hospital' },
    { id: 'hosp-2', siteCode: 'RXX02', name: 'Southvale Hospital' },
  ],
  staff: [
    { id: 'cc-1', name: 'Sam Carter', roles: ['CARE_COORDINATOR'] },
    { id: 'rc-1', name: 'Dr Amara Okafor', roles: ['RESPONSIBLE_CLINICIAN'] },
  ],
  patientsByNhsNumber: new Map(),
  patientsByLocalId: new Map(),
  importedOrders: new Map(),
  ...over,
});

const HEADERS = [
  'NHS Number',
  'Surname',
  'Forename',
  'DOB',
  'Gender',
  'Ethnicity',
  'Team',
  'Care Co-ordinator',
  'RC',
  'Hospital',
  'Section',
  'CTO Start Date',
  'CTO Expiry',
  'Renewed on',
  'Recalled',
  'Revoked',
  'Discharged',
];

type Row = Partial<Record<(typeof HEADERS)[number], string | number | null>>;

function base(over: Row = {}, stem = 1): Row {
  return {
    'NHS Number': nhs(stem),
    Surname: 'Smith',
    Forename: 'Alex',
    DOB: '01/02/1980',
    Gender: 'M',
    Ethnicity: 'A',
    Team: 'North CMHT',
    'Care Co-ordinator': 'Sam Carter',
    RC: 'Dr Amara Okafor',
    Hospital: 'Northshire Hospital',
    Section: 's3',
    'CTO Start Date': '15/01/2026',
    'CTO Expiry': '14/07/2026',
    ...over,
  };
}

function run(rows: Row[], ctx = context(), mapping: Record<string, string> = {}): RowPreview[] {
  return previewTable(
    {
      headers: HEADERS,
      rows: rows.map((r, i) => ({ row: i + 2, cells: HEADERS.map((h) => r[h] ?? null) })),
    },
    mapping,
    {},
    ctx,
  ).rows;
}

const codes = (r: RowPreview | undefined) => r?.messages.map((m) => m.code) ?? [];

describe('reconcileExpiry: the register against lib/cto', () => {
  it('uses lib/cto for the computed expiry', () => {
    expect(computedExpiry('2025-01-15', 2).end).toBe(ctoPeriods('2025-01-15', 3)[2]?.end);
  });
  it('agrees', () => {
    expect(reconcileExpiry('2025-01-15', 0, '2025-07-14')).toEqual({
      kind: 'agrees',
      computed: '2025-07-14',
    });
  });
  it('explains a missed renewal', () => {
    const r = reconcileExpiry('2024-01-15', 0, '2025-01-14');
    expect(r).toMatchObject({ kind: 'mismatch', computed: '2024-07-14' });
    expect(r.kind === 'mismatch' && r.explanation).toMatchObject({
      kind: 'missed-renewal',
      missing: 1,
    });
    const two = reconcileExpiry('2024-01-15', 0, '2026-01-14');
    expect(two.kind === 'mismatch' && two.explanation).toMatchObject({ missing: 2 });
  });
  it('explains a month-end (31 August: no 31 February)', () => {
    const r = reconcileExpiry('2025-08-31', 0, '2026-02-27');
    expect(r).toMatchObject({ kind: 'mismatch', computed: '2026-02-28' });
    expect(r.kind === 'mismatch' && r.explanation.kind).toBe('month-end');
  });
  it('explains counting to the same day of the month', () => {
    const r = reconcileExpiry('2025-01-15', 0, '2025-07-15');
    expect(r.kind === 'mismatch' && r.explanation.kind).toBe('same-day-number');
  });
  it('explains the other reading of an extension after a month end', () => {
    const r = reconcileExpiry('2025-08-31', 1, '2026-08-31');
    expect(r).toMatchObject({
      kind: 'mismatch',
      computed: '2026-08-30',
      alternative: '2026-08-31',
    });
    expect(r.kind === 'mismatch' && r.explanation.kind).toBe('other-reading');
  });
  it('explains an expiry not updated after a renewal', () => {
    const r = reconcileExpiry('2025-01-15', 1, '2025-07-14');
    expect(r.kind === 'mismatch' && r.explanation.kind).toBe('not-updated-after-renewal');
  });
  it('says when nothing explains it', () => {
    const r = reconcileExpiry('2025-01-15', 0, '2025-05-02');
    expect(r.kind === 'mismatch' && r.explanation.kind).toBe('unexplained');
  });
  it('has nothing to compare without a stated expiry', () => {
    expect(reconcileExpiry('2025-01-15', 0, null)).toEqual({
      kind: 'no-stated-expiry',
      computed: '2025-07-14',
    });
  });
});

describe('a clean row', () => {
  it('is accepted, with its people, team, hospital and history planned', () => {
    const [row] = run([base()]);
    expect(row?.outcome).toBe('ACCEPTED');
    expect(row?.record).toMatchObject({
      teamId: 'team-1',
      careCoordinatorId: 'cc-1',
      responsibleClinicianId: 'rc-1',
      hospitalId: 'hosp-1',
      legalStatusCode: '03',
      sex: 'MALE',
      ethnicCategory: 'A',
    });
    expect(row?.plan).toMatchObject({
      state: 'ACTIVE',
      madeOn: '2026-01-15',
      currentExpiry: '2026-07-14',
      events: [{ type: 'MAKE', on: '2026-01-15' }],
    });
  });

  it('plans renewals, recalls and the end', () => {
    const [renewed, revoked, discharged, expired] = run([
      base(
        {
          'CTO Start Date': '15/01/2025',
          'Renewed on': '01/07/2025',
          'CTO Expiry': '14/01/2026',
          Recalled: '01/12/2025',
        },
        1,
      ),
      base({ 'CTO Start Date': '15/01/2025', 'CTO Expiry': '', Revoked: '3 March 2025' }, 2),
      base({ 'CTO Start Date': '15/01/2025', 'CTO Expiry': '', Discharged: '2025-04-01' }, 3),
      base({ 'CTO Start Date': '15/01/2025', 'CTO Expiry': '14/07/2025' }, 4),
    ]);
    expect(renewed?.outcome).toBe('ACCEPTED');
    expect(renewed?.plan?.periods.map((p) => p.end)).toEqual(['2025-07-14', '2026-01-14']);
    expect(renewed?.plan?.state).toBe('EXPIRED');
    expect(renewed?.plan?.events.map((e) => e.type)).toEqual([
      'MAKE',
      'FURNISH_CTO7',
      'DETENTION_BEGINS',
      'RELEASE_FROM_RECALL',
      'EXPIRE',
    ]);
    expect(renewed?.plan?.recalls).toEqual([
      { on: '2025-12-01', outcome: 'RELEASED', column: 'Recalled', assumed: false },
    ]);
    expect(revoked?.plan).toMatchObject({
      state: 'REVOKED',
      endedOn: '2025-03-03',
      endReason: 'REVOKED',
      // No recall in the register before it: one on the day of revocation (s17F(4)).
      recalls: [{ on: '2025-03-03', outcome: 'REVOKED', assumed: true }],
      // Its six months of detention (s17G) ended before today: not imported.
      revocation: { on: '2025-03-03', detentionPeriods: null },
    });
    expect(revoked?.plan?.events.map((e) => e.type)).toEqual([
      'MAKE',
      'DETENTION_BEGINS',
      'REVOKE',
    ]);
    expect(codes(revoked)).toContain('RECALL_FOR_REVOCATION_ASSUMED');
    expect(codes(revoked)).toContain('DETENTION_AFTER_REVOCATION_NOT_RECORDED');
    expect(discharged?.plan).toMatchObject({ state: 'DISCHARGED', endedOn: '2025-04-01' });
    expect(codes(discharged)).toContain('DISCHARGE_ROUTE_NOT_RECORDED');
    expect(expired?.plan).toMatchObject({ state: 'EXPIRED', endedOn: '2025-07-15' });
  });
});

describe('every rejection reason', () => {
  it.each([
    [{ 'NHS Number': '123 456 7890' }, 'INVALID_NHS_NUMBER'],
    [{ 'NHS Number': '12345' }, 'INVALID_NHS_NUMBER'],
    [{ Surname: '' }, 'MISSING_VALUE'],
    [{ 'CTO Start Date': null }, 'MISSING_VALUE'],
    [{ DOB: '31/02/1980' }, 'IMPOSSIBLE_DATE'],
    [{ DOB: 'unknown' }, 'UNREADABLE_DATE'],
    [{ 'CTO Start Date': '01/06/2026', 'CTO Expiry': '' }, 'DATE_IN_FUTURE'],
    [{ DOB: '01/02/2026' }, 'BORN_AFTER_START'],
    [{ 'CTO Expiry': '01/01/2026' }, 'EXPIRY_BEFORE_START'],
    [{ Discharged: '01/01/2026' }, 'DATE_BEFORE_START'],
    [
      { 'CTO Start Date': '15/01/2025', 'CTO Expiry': '', 'Renewed on': '01/09/2025' },
      'RENEWAL_AFTER_EXPIRY',
    ],
    [
      { 'CTO Start Date': '15/01/2025', 'CTO Expiry': '', Discharged: '01/09/2025' },
      'ENDED_AFTER_EXPIRY',
    ],
    [{ Revoked: '01/02/2026', Discharged: '02/02/2026' }, 'REVOKED_AND_DISCHARGED'],
    [{ Gender: 'Q' }, 'UNKNOWN_SEX'],
    [{ Ethnicity: 'Martian' }, 'UNKNOWN_ETHNIC_CATEGORY'],
    [{ Section: 's136' }, 'UNKNOWN_SECTION'],
    [{ Section: 's37/41' }, 'SECTION_NOT_ELIGIBLE'],
    [{ Team: 'Nowhere CMHT' }, 'UNKNOWN_TEAM'],
    [{ Hospital: 'St Elsewhere' }, 'UNKNOWN_HOSPITAL'],
    [{ Hospital: '' }, 'MISSING_VALUE'],
  ] as [Row, string][])('%j is rejected with %s', (over, code) => {
    const [row] = run([base(over)]);
    expect(row?.outcome).toBe('REJECTED');
    const message = row?.messages.find((m) => m.code === code);
    expect(message).toBeDefined();
    expect(message?.severity).toBe('error');
    expect(message?.message.length).toBeGreaterThan(10);
  });

  it('names the column of each problem', () => {
    const [row] = run([base({ DOB: '31/02/1980' })]);
    expect(row?.messages.find((m) => m.code === 'IMPOSSIBLE_DATE')?.column).toBe('DOB');
  });

  it('rejects a second row with the same NHS number, naming the first', () => {
    const rows = run([base({}, 7), base({ Surname: 'Smyth' }, 7)]);
    expect(rows[0]?.outcome).toBe('ACCEPTED');
    expect(rows[1]?.outcome).toBe('REJECTED');
    expect(rows[1]?.messages.find((m) => m.code === 'DUPLICATE_IN_FILE')?.message).toContain(
      'row 2',
    );
  });

  it('rejects a local identifier another patient holds', () => {
    const ctx = context({ patientsByLocalId: new Map([[nhs(1), 'someone-else']]) });
    expect(codes(run([base()], ctx)[0])).toContain('LOCAL_ID_IN_USE');
  });

  it('rejects a patient already in the app with an order in force', () => {
    const ctx = context({
      patientsByNhsNumber: new Map([
        [nhs(1), { patientId: 'p1', localId: 'L1', hasOrderInForce: true }],
      ]),
      patientsByLocalId: new Map([['L1', 'p1']]),
    });
    expect(codes(run([base()], ctx)[0])).toContain('ORDER_IN_FORCE');
  });

  it('uses the only hospital when the column is blank and the trust has one', () => {
    const ctx = context({ hospitals: [{ id: 'h', siteCode: 'X', name: 'Only' }] });
    const [row] = run([base({ Hospital: '' })], ctx);
    expect(row?.outcome).toBe('ACCEPTED');
    expect(codes(row)).toContain('HOSPITAL_ASSUMED');
  });

  it('imports without staff it cannot match, and says so', () => {
    const [row] = run([base({ RC: 'Dr Nobody' })]);
    expect(row?.outcome).toBe('ACCEPTED');
    expect(row?.record?.responsibleClinicianId).toBeNull();
    expect(codes(row)).toContain('STAFF_NOT_MATCHED');
  });
});

describe('questions for a person, and their decisions', () => {
  it('questions an expiry that does not match, with both dates and the explanation', () => {
    const [row] = run([base({ 'CTO Start Date': '15/01/2025', 'CTO Expiry': '14/01/2026' })]);
    expect(row?.outcome).toBe('WARNING');
    const m = row?.messages.find((x) => x.code === 'EXPIRY_MISMATCH');
    expect(m?.severity).toBe('question');
    expect(m?.message).toContain('14 January 2026');
    expect(m?.message).toContain('14 July 2025');
    expect(m?.message).toContain('renewal may be missing');
    expect(m?.choices?.map((c) => c.value)).toEqual(['COMPUTED', 'ADD_RENEWAL', 'SKIP']);
    expect(row?.plan).toBeNull();
  });

  it('imports with the computed expiry, or with the missing renewal added, as decided', () => {
    const [row] = run([base({ 'CTO Start Date': '15/01/2025', 'CTO Expiry': '14/01/2026' })]);
    if (!row?.record) throw new Error('no record');
    const computed = evaluateRow(
      row.row,
      row.record,
      row.readMessages,
      [{ code: 'EXPIRY_MISMATCH', column: 'CTO Expiry', choice: 'COMPUTED' }],
      TODAY,
    );
    expect(computed.outcome).toBe('ACCEPTED');
    expect(computed.plan).toMatchObject({
      currentExpiry: '2025-07-14',
      state: 'EXPIRED',
      statedExpiry: '2026-01-14',
    });
    const added = evaluateRow(
      row.row,
      row.record,
      row.readMessages,
      [{ code: 'EXPIRY_MISMATCH', column: 'CTO Expiry', choice: 'ADD_RENEWAL' }],
      TODAY,
    );
    expect(added.plan).toMatchObject({ currentExpiry: '2026-01-14', state: 'EXPIRED' });
    expect(added.plan?.events.filter((e) => e.type === 'FURNISH_CTO7')).toEqual([
      expect.objectContaining({ on: '2025-07-14' }),
    ]);
    const skipped = evaluateRow(
      row.row,
      row.record,
      row.readMessages,
      [{ code: 'EXPIRY_MISMATCH', column: 'CTO Expiry', choice: 'SKIP' }],
      TODAY,
    );
    expect(skipped).toMatchObject({ skipped: true, plan: null });
  });

  it('does not offer a renewal that would not explain the difference', () => {
    const [row] = run([base({ 'CTO Start Date': '31/08/2025', 'CTO Expiry': '27/02/2026' })]);
    const m = row?.messages.find((x) => x.code === 'EXPIRY_MISMATCH');
    expect(m?.message).toContain('month-end');
    expect(m?.choices?.map((c) => c.value)).toEqual(['COMPUTED', 'SKIP']);
  });

  it('questions an ambiguous date in a US-ordered column and reads it as decided', () => {
    const rows = run([
      base({ 'CTO Start Date': '12/25/2025', 'CTO Expiry': '' }, 1),
      base({ 'CTO Start Date': '01/02/2026', 'CTO Expiry': '' }, 2),
    ]);
    expect(rows[0]?.outcome).toBe('ACCEPTED');
    expect(rows[0]?.plan?.madeOn).toBe('2025-12-25');
    expect(rows[1]?.outcome).toBe('WARNING');
    const m = rows[1]?.messages.find((x) => x.code === 'AMBIGUOUS_DATE');
    expect(m?.column).toBe('CTO Start Date');
    expect(m?.message).toContain('1 February 2026');
    expect(m?.message).toContain('2 January 2026');
    const r = rows[1];
    if (!r?.record) throw new Error('no record');
    const mdy = evaluateRow(
      r.row,
      r.record,
      r.readMessages,
      [{ code: 'AMBIGUOUS_DATE', column: 'CTO Start Date', choice: 'MDY' }],
      TODAY,
    );
    expect(mdy.plan?.madeOn).toBe('2026-01-02');
  });

  it('asks before adding an order to a patient already in the app', () => {
    const ctx = context({
      patientsByNhsNumber: new Map([
        [nhs(1), { patientId: 'p1', localId: nhs(1), hasOrderInForce: false }],
      ]),
      patientsByLocalId: new Map([[nhs(1), 'p1']]),
    });
    const [row] = run([base()], ctx);
    expect(row?.outcome).toBe('WARNING');
    expect(codes(row)).toContain('EXISTING_PATIENT');
    if (!row?.record) throw new Error('no record');
    const decided = evaluateRow(
      row.row,
      row.record,
      row.readMessages,
      [{ code: 'EXISTING_PATIENT', column: 'NHS Number', choice: 'IMPORT' }],
      TODAY,
    );
    expect(decided.outcome).toBe('ACCEPTED');
  });

  it('finds an order imported before and plans nothing', () => {
    const ctx = context({ importedOrders: new Map([[`${nhs(1)}:2026-01-15`, 'order-1']]) });
    const [row] = run([base()], ctx);
    expect(row).toMatchObject({ outcome: 'ACCEPTED', plan: null, skipped: true });
    expect(codes(row)).toContain('ALREADY_IMPORTED');
  });
});
