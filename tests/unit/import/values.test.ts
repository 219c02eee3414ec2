import { describe, expect, it } from 'vitest';
import { mapColumns, recogniseHeader } from '@/lib/import/fields';
import {
  cellText,
  nameKey,
  readEthnicCategory,
  readNhsNumber,
  readSection,
  readSex,
} from '@/lib/import/values';

describe('headers recognised without help', () => {
  it.each([
    ['NHS Number', 'nhsNumber'],
    ['NHS No', 'nhsNumber'],
    ['nhs no.', 'nhsNumber'],
    ['Surname', 'familyName'],
    ['Forename', 'givenName'],
    ['First name', 'givenName'],
    ['DOB', 'dateOfBirth'],
    ['D.O.B.', 'dateOfBirth'],
    ['Date of Birth', 'dateOfBirth'],
    ['Gender', 'sex'],
    ['Ethnicity', 'ethnicCategory'],
    ['Team', 'team'],
    ['Care Co-ordinator', 'careCoordinator'],
    ['Care coordinator', 'careCoordinator'],
    ['RC', 'responsibleClinician'],
    ['Responsible Clinician', 'responsibleClinician'],
    ['Hospital', 'hospital'],
    ['Section', 'section'],
    ['CTO Start Date', 'ctoStart'],
    ['Date CTO made', 'ctoStart'],
    ['CTO Expiry', 'statedExpiry'],
    ['Expiry date', 'statedExpiry'],
    ['Renewed on', 'renewedOn'],
    ['Recalled', 'recalledOn'],
    ['Revoked', 'revokedOn'],
    ['Discharged', 'dischargedOn'],
    ['Date discharged', 'dischargedOn'],
    ['  CTO   start date ', 'ctoStart'],
  ])('%j is %s', (header, field) => {
    expect(recogniseHeader(header)).toBe(field);
  });

  it('leaves other headers to the person', () => {
    expect(recogniseHeader('Keyworker')).toBeUndefined();
    expect(recogniseHeader('Notes')).toBeUndefined();
  });

  it('maps given first, then remembered, then recognised; a field is claimed once', () => {
    const { columns, duplicates } = mapColumns(
      ['NHS No', 'Keyworker', 'Consultant', 'Notes', 'NHS Number'],
      { Consultant: 'responsibleClinician', notes: 'ignore' },
      { keyworker: 'careCoordinator', Consultant: 'team' },
    );
    expect(columns.map((c) => [c.field, c.source])).toEqual([
      ['nhsNumber', 'recognised'],
      ['careCoordinator', 'remembered'],
      ['responsibleClinician', 'given'],
      ['ignore', 'given'],
      [null, 'unmapped'],
    ]);
    expect(duplicates).toEqual(['NHS Number']);
  });

  it('ignores a mapping to a field that does not exist', () => {
    const { columns } = mapColumns(['Keyworker'], { Keyworker: 'password' });
    expect(columns[0]?.field).toBeNull();
  });
});

describe('values as people write them', () => {
  it('reads NHS numbers with or without spaces, and checks the Modulus 11 digit', () => {
    expect(readNhsNumber('943 476 5919')).toEqual({ ok: true, value: '9434765919' });
    expect(readNhsNumber('9434765919')).toEqual({ ok: true, value: '9434765919' });
    expect(readNhsNumber('943-476-5919')).toEqual({ ok: true, value: '9434765919' });
    expect(readNhsNumber(9434765919)).toEqual({ ok: true, value: '9434765919' });
    expect(readNhsNumber(' 943 476 5919 ')).toEqual({ ok: true, value: '9434765919' });
    expect(readNhsNumber('9434765918')).toEqual({ ok: false, reason: 'check-digit' });
    expect(readNhsNumber('943476591')).toEqual({ ok: false, reason: 'not-ten-digits' });
    expect(readNhsNumber('94347659199')).toEqual({ ok: false, reason: 'not-ten-digits' });
    expect(readNhsNumber('943476591X')).toEqual({ ok: false, reason: 'not-ten-digits' });
    expect(readNhsNumber(null)).toEqual({ ok: false, reason: 'not-ten-digits' });
  });

  it('reads sex as M, Male, code or words', () => {
    expect(readSex('M')).toBe('MALE');
    expect(readSex('male')).toBe('MALE');
    expect(readSex('F')).toBe('FEMALE');
    expect(readSex(' Female ')).toBe('FEMALE');
    expect(readSex(2)).toBe('FEMALE');
    expect(readSex('Indeterminate')).toBe('INDETERMINATE');
    expect(readSex('Not known')).toBe('NOT_KNOWN');
    expect(readSex('U')).toBe('NOT_KNOWN');
    expect(readSex('Q')).toBeUndefined();
  });

  it('reads an ethnic category as its code or its label', () => {
    expect(readEthnicCategory('N')).toBe('N');
    expect(readEthnicCategory('n')).toBe('N');
    expect(readEthnicCategory('Black African')).toBe('N');
    expect(readEthnicCategory('Black or Black British - African')).toBe('N');
    expect(readEthnicCategory('African')).toBe('N');
    expect(readEthnicCategory('White British')).toBe('A');
    expect(readEthnicCategory('White - Irish')).toBe('B');
    expect(readEthnicCategory('Black Caribbean')).toBe('M');
    expect(readEthnicCategory('Asian Pakistani')).toBe('J');
    expect(readEthnicCategory('Mixed White and Asian')).toBe('F');
    expect(readEthnicCategory('White & Black Caribbean')).toBe('D');
    expect(readEthnicCategory('Chinese')).toBe('R');
    expect(readEthnicCategory('Not stated')).toBe('Z');
    expect(readEthnicCategory('99')).toBe('99');
    expect(readEthnicCategory('Martian')).toBeUndefined();
    expect(readEthnicCategory('I')).toBeUndefined();
  });

  it('reads the section as S3, s.3, Section 3, s37 ...', () => {
    for (const text of ['S3', 's.3', 'Section 3', 'section3', 'sec 3', '3', 's 3', '03']) {
      expect(readSection(text)).toMatchObject({ ok: true, code: '03' });
    }
    expect(readSection('s37')).toMatchObject({ ok: true, code: '10' });
    expect(readSection('Section 37')).toMatchObject({ ok: true, code: '10' });
    expect(readSection('s47')).toMatchObject({ ok: true, code: '16' });
    expect(readSection('s48')).toMatchObject({ ok: true, code: '18' });
    expect(readSection('s45A')).toMatchObject({ ok: true, code: '38' });
    expect(readSection('s37/41')).toMatchObject({ ok: false, reason: 'not-eligible' });
    expect(readSection('S2')).toMatchObject({ ok: false, reason: 'not-eligible' });
    expect(readSection('s136')).toMatchObject({ ok: false, reason: 'unknown' });
    expect(readSection('')).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('turns cells into text without exponents', () => {
    expect(cellText(9434765919)).toBe('9434765919');
    expect(cellText(null)).toBe('');
    expect(nameKey('Dr. Amara Okafor')).toBe(nameKey('amara okafor'));
  });
});
