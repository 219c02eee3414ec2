// Issue 10: the NHS number check as people and spreadsheets write numbers, the continuity count
// (care coordinator changes per patient-year), and the register/edit schema's rules.
import { describe, expect, it } from 'vitest';
import {
  careCoordinatorChangesPerPatientYear,
  checkNhsNumber,
  compactNhsNumber,
} from '@/lib/patients';
import { registerPatientSchema, updatePatientSchema } from '@/lib/schemas/patients';

describe('checkNhsNumber', () => {
  it.each([
    ['9434765919', '9434765919'],
    ['943 476 5919', '9434765919'],
    ['943-476-5919', '9434765919'],
    [' 943 476 5919 ', '9434765919'],
    ['4010232137', '4010232137'],
  ])('accepts %j', (value, digits) => {
    expect(checkNhsNumber(value)).toEqual({ ok: true, nhsNumber: digits });
  });

  it.each([
    ['', 'MISSING'],
    [null, 'MISSING'],
    ['943 476 591O', 'NOT_DIGITS'],
    ['943476591', 'WRONG_LENGTH'],
    ['94347659190', 'WRONG_LENGTH'],
    ['9434765918', 'CHECK_DIGIT'], // one off the right check digit
    ['9434765910', 'CHECK_DIGIT'],
  ])('refuses %j as %s', (value, problem) => {
    const result = checkNhsNumber(value);
    expect(result).toMatchObject({ ok: false, problem });
  });

  it('refuses a number whose check digit would be 10 (never issued)', () => {
    // 000000006: sum = 6*2 = 12; 11 - (12 % 11) = 10, so no tenth digit can be right.
    for (let d = 0; d <= 9; d += 1) {
      expect(checkNhsNumber(`000000006${d}`)).toMatchObject({ ok: false, problem: 'CHECK_DIGIT' });
    }
  });

  it('compacts spaces and hyphens only', () => {
    expect(compactNhsNumber(' 943-476 5919 ')).toBe('9434765919');
  });
});

describe('careCoordinatorChangesPerPatientYear', () => {
  const year = { from: '2025-04-01', to: '2026-03-31' }; // 365 days

  it('does not count the first care coordinator as a change', () => {
    const r = careCoordinatorChangesPerPatientYear(
      [{ patientId: 'a', startedOn: '2025-04-01', endedOn: null }],
      year,
    );
    expect(r).toMatchObject({ changes: 0, patientDays: 365, patients: 1 });
    expect(r.changesPerPatientYear).toBe(0);
  });

  it('counts each later assignment that starts in the window', () => {
    const r = careCoordinatorChangesPerPatientYear(
      [
        { patientId: 'a', startedOn: '2024-01-01', endedOn: '2025-06-01' },
        { patientId: 'a', startedOn: '2025-06-01', endedOn: '2025-12-01' },
        { patientId: 'a', startedOn: '2025-12-01', endedOn: null },
        // Patient b: one change, after the window: not counted, and only half a year of exposure.
        { patientId: 'b', startedOn: '2025-10-01', endedOn: '2026-04-10' },
        { patientId: 'b', startedOn: '2026-04-10', endedOn: null },
      ],
      year,
    );
    expect(r.changes).toBe(2);
    expect(r.patientDays).toBe(365 + 182);
    expect(r.patients).toBe(2);
    expect(r.changesPerPatientYear).toBeCloseTo(2 / ((365 + 182) / 365.25), 10);
  });

  it('counts overlapping assignments once in the exposure and ignores corrected-away rows', () => {
    const r = careCoordinatorChangesPerPatientYear(
      [
        { patientId: 'a', startedOn: '2025-04-01', endedOn: '2025-05-01' },
        { patientId: 'a', startedOn: '2025-04-15', endedOn: '2025-05-01' },
        { patientId: 'a', startedOn: '2025-05-01', endedOn: '2025-05-01' }, // zero length
      ],
      year,
    );
    expect(r.patientDays).toBe(30);
    expect(r.changes).toBe(1);
  });

  it('has no rate without exposure, and refuses a window that ends before it starts', () => {
    expect(careCoordinatorChangesPerPatientYear([], year).changesPerPatientYear).toBeNull();
    expect(() =>
      careCoordinatorChangesPerPatientYear([], { from: '2026-01-02', to: '2026-01-01' }),
    ).toThrow(RangeError);
  });
});

describe('the patient schemas', () => {
  const minimal = {
    nhsNumber: '943 476 5919',
    localId: 'L1',
    givenName: 'A',
    familyName: 'B',
    dateOfBirth: '1990-01-31',
    sex: 'MALE',
    ethnicCategory: 'A',
    firstLanguage: 'English',
    interpreterNeeded: false,
    teamId: '0199a1b2-0000-7000-8000-000000000001',
  };

  it('reads JSON dates and booleans as the form’s fields and clears empty optional text', () => {
    const parsed = registerPatientSchema.parse({
      ...minimal,
      otherNames: '  ',
      nearestRelative: {},
    });
    expect(parsed).toMatchObject({
      nhsNumber: '9434765919',
      dateOfBirth: '1990-01-31',
      interpreterNeeded: false,
      otherNames: null,
      nearestRelative: null,
      careCoordinatorId: null,
    });
  });

  it('asks for the interpreter’s language when an interpreter is needed', () => {
    const result = registerPatientSchema.safeParse({ ...minimal, interpreterNeeded: 'yes' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['interpreterLanguage'] });
  });

  it('refuses an ethnic category that is not an NHS code, and an impossible date', () => {
    const result = registerPatientSchema.safeParse({
      ...minimal,
      ethnicCategory: 'Black African',
      dateOfBirth: { day: '31', month: '2', year: '1990' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['ethnicCategory', 'dateOfBirth']));
  });

  it('needs a reason for a correction but not for a change', () => {
    const correction = updatePatientSchema.safeParse({ kind: 'CORRECTION', expectedVersion: 1 });
    expect(correction.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
    expect(updatePatientSchema.safeParse({ kind: 'CHANGE', expectedVersion: 1 }).success).toBe(
      true,
    );
  });

  it('leaves out of an update the fields not sent, and clears those sent as null', () => {
    const parsed = updatePatientSchema.parse({ kind: 'CHANGE', expectedVersion: 3, phone: null });
    expect(parsed.phone).toBeNull();
    expect('town' in parsed ? parsed.town : undefined).toBeUndefined();
  });
});
