// NHS England's MHA statistics method (lib/statistics), checked against numbers worked by hand.
import { describe, expect, it } from 'vitest';
import {
  currentAndPreviousYear,
  ageBandOf,
  ageOn,
  derivedGender,
  inEthnicityBreakdown,
  inStandardisedNumerator,
  parseStatisticsYear,
  previousSectionOf,
  yearOf,
} from '@/lib/statistics/classify';
import { disclose, publishCount } from '@/lib/statistics/disclosure';
import { crudeRate, standardisedRate } from '@/lib/statistics/rates';
import { denominators, parsePopulationCsv, type PopulationCell } from '@/lib/statistics/population';
import { computeMeasures, contractRow, type FactCell } from '@/lib/statistics/measures';
import { csvLine, toCsv } from '@/lib/statistics/csv';
import { formatTimeOnDay } from '@/lib/format';
import { statisticsQuerySchema } from '@/lib/schemas/statistics';

describe('the reporting year', () => {
  it('runs from 1 April to 31 March', () => {
    expect(parseStatisticsYear('2025-26')).toEqual({
      label: '2025/26',
      slug: '2025-26',
      start: '2025-04-01',
      end: '2026-03-31',
    });
    expect(parseStatisticsYear('1999/00')?.end).toBe('2000-03-31');
  });
  it.each(['2025-27', '2025', '25-26', '2025-2026', '', 'x', '2025-26 ', null])(
    'refuses %j',
    (v) => {
      expect(parseStatisticsYear(v)).toBeNull();
    },
  );
  it('puts 31 March in the year before and 1 April in the new one', () => {
    expect(yearOf('2026-03-31').label).toBe('2025/26');
    expect(yearOf('2026-04-01').label).toBe('2026/27');
  });
});

describe('age, gender, previous section, ethnicity', () => {
  it('counts completed years and bands them as T3 does', () => {
    expect(ageOn('2010-03-31', '2026-03-31')).toBe(16);
    expect(ageOn('2010-04-01', '2026-03-31')).toBe(15);
    expect([15, 16, 17, 18, 34, 35, 49, 50, 64, 65, 99].map(ageBandOf)).toEqual([
      '15 and under',
      '16 to 17',
      '16 to 17',
      '18 to 34',
      '18 to 34',
      '35 to 49',
      '35 to 49',
      '50 to 64',
      '50 to 64',
      '65 and over',
      '65 and over',
    ]);
    expect(ageBandOf(null)).toBeNull();
  });
  it('derives gender from the identity first, then the sex', () => {
    expect(derivedGender('MALE', 'Non-binary')).toBe('3');
    expect(derivedGender('FEMALE', 'other')).toBe('4');
    expect(derivedGender('FEMALE', 'prefers a word of their own')).toBe('2');
    expect(derivedGender('MALE', null)).toBe('1');
    expect(derivedGender('INDETERMINATE', null)).toBe('9');
    expect(derivedGender('NOT_KNOWN', null)).toBe('Unknown');
  });
  it('names the previous section as the publication does', () => {
    expect(
      ['03', '09', '10', '15', '16', '17', '18', null, '01', '98', '02', '37'].map(
        previousSectionOf,
      ),
    ).toEqual([
      'Section 3 to CTO',
      'Section 37 to CTO',
      'Section 37 to CTO',
      'Section 47 to CTO',
      'Section 47 to CTO',
      'Section 48 to CTO',
      'Section 48 to CTO',
      'Informal to CTO',
      'Informal to CTO',
      'Informal to CTO',
      'Other sections to CTO',
      'Other sections to CTO',
    ]);
  });
  it('keeps only male and female people of known age and ethnicity in the ethnicity breakdowns', () => {
    expect(inEthnicityBreakdown('M', 30, '1')).toBe(true);
    expect(inEthnicityBreakdown('Z', 30, '2')).toBe(true);
    expect(inEthnicityBreakdown('M', 30, '3')).toBe(false);
    expect(inEthnicityBreakdown('M', null, '1')).toBe(false);
    expect(inEthnicityBreakdown('-1', 30, '1')).toBe(false);
    expect(inStandardisedNumerator('Z', 30, '1')).toBe(false);
    expect(inStandardisedNumerator('99', 30, '1')).toBe(false);
  });
});

describe('disclosure control', () => {
  it('shows values below 5 as * and rounds the rest to the nearest 5', () => {
    expect([0, 1, 4, 5, 7, 8, 12, 13, 122, 123].map(publishCount)).toEqual([
      '*',
      '*',
      '*',
      5,
      5,
      10,
      10,
      15,
      120,
      125,
    ]);
    expect(disclose(3, 'unrounded')).toBe(3);
  });
});

// A worked example, by hand:
//   population: British (13) M/F 18-34 1000/1000, 35-49 2000/2000; Caribbean (7) M/F 18-34
//   500/500, 35-49 250/250; Roma (16) M 18-34 500.
//   standard W: M 18-34 2000, F 18-34 1500, M 35-49 2250, F 35-49 2250; T = 8000.
//   Caribbean (M) uses: M 18-34 5, F 18-34 1, M 35-49 2 → r = .01, .002, .008.
//   Σ r·W = 20 + 3 + 18 = 41; 41 ÷ 8000 × 100,000 = 512.5.
//   Σ W²·r(1−r)/n = 79.2 + 8.982 + 160.704 = 248.886; √(248.886 ÷ 64,000,000) = 0.00197202;
//   × 1.96 × 100,000 = 386.5 → CI 126.0 to 899.0. Crude: 8 ÷ 1500 × 100,000 = 533.3.
const POPULATION: PopulationCell[] = [
  { census: 13, sex: 1, ageBand: '18 to 34', population: 1000 },
  { census: 13, sex: 2, ageBand: '18 to 34', population: 1000 },
  { census: 13, sex: 1, ageBand: '35 to 49', population: 2000 },
  { census: 13, sex: 2, ageBand: '35 to 49', population: 2000 },
  { census: 7, sex: 1, ageBand: '18 to 34', population: 500 },
  { census: 7, sex: 2, ageBand: '18 to 34', population: 500 },
  { census: 7, sex: 1, ageBand: '35 to 49', population: 250 },
  { census: 7, sex: 2, ageBand: '35 to 49', population: 250 },
  { census: 16, sex: 1, ageBand: '18 to 34', population: 500 },
];

describe('rates', () => {
  it('crude rate per 100,000 to 1 decimal place', () => {
    expect(crudeRate(8, 1500)).toBe(533.3);
    expect(crudeRate(3, 0)).toBeNull();
  });
  it('directly age–sex standardised rate and its 95% CI (the worked example)', () => {
    const d = denominators(POPULATION);
    expect(d.total).toBe(8000);
    const counts = new Map([
      ['1|18 to 34', 5],
      ['2|18 to 34', 1],
      ['1|35 to 49', 2],
    ]);
    expect(standardisedRate('M', counts, d, 'code')).toEqual({
      rate: 512.5,
      lower: 126,
      upper: 899,
    });
    expect(standardisedRate('Black or Black British', counts, d, 'group')).toEqual({
      rate: 512.5,
      lower: 126,
      upper: 899,
    });
  });
  it('follows the quirk: Roma is in no group but is in the standard population', () => {
    const d = denominators(POPULATION);
    expect(d.groupTotal.get('White')).toBe(6000);
    expect(d.standard.get('1|18 to 34')).toBe(2000);
  });
  it('follows the quirk: the 16 to 17 band is left out of the CI', () => {
    const d = denominators([
      { census: 7, sex: 1, ageBand: '16 to 17', population: 100 },
      { census: 13, sex: 1, ageBand: '16 to 17', population: 900 },
    ]);
    // r = 10/100, W = 1000, T = 1000: rate = 0.1 × 1000 ÷ 1000 × 100,000 = 10,000; CI width 0.
    expect(standardisedRate('M', new Map([['1|16 to 17', 10]]), d, 'code')).toEqual({
      rate: 10000,
      lower: 10000,
      upper: 10000,
    });
  });
  it('has no standardised rate for a group without population', () => {
    expect(standardisedRate('Z', new Map(), denominators(POPULATION), 'code')).toBeNull();
  });
});

describe('the population CSV', () => {
  it('reads the documented format', () => {
    const parsed = parsePopulationCsv(
      'census_ethnic_group,sex,age_band,population\r\n13,1,18 to 34,1000\n7,2,65 and over,20\n',
    );
    expect(parsed).toEqual({
      ok: true,
      cells: [
        { census: 13, sex: 1, ageBand: '18 to 34', population: 1000 },
        { census: 7, sex: 2, ageBand: '65 and over', population: 20 },
      ],
    });
  });
  it('names every bad line', () => {
    const parsed = parsePopulationCsv(
      'census_ethnic_group,sex,age_band,population\n20,1,18 to 34,1\n13,3,18 to 34,1\n13,1,18-34,1\n13,1,18 to 34,-4\n13,1,18 to 34,5\n13,1,18 to 34,6\n',
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 7]);
    expect(parsePopulationCsv('a,b\n1,2').ok).toBe(false);
    expect(parsePopulationCsv('').ok).toBe(false);
  });
});

function cell(over: Partial<FactCell>): FactCell {
  return {
    measure: 'USES_OF_CTOS',
    ethnicCategory: 'A',
    gender: '1',
    age: 30,
    legalStatusCode: '03',
    count: 1,
    ...over,
  };
}

describe('computeMeasures', () => {
  const cells: FactCell[] = [
    cell({ ethnicCategory: 'M', gender: '1', age: 30, count: 5 }),
    cell({ ethnicCategory: 'M', gender: '2', age: 20, count: 1, legalStatusCode: '10' }),
    cell({ ethnicCategory: 'M', gender: '1', age: 40, count: 2, legalStatusCode: '17' }),
    cell({ ethnicCategory: 'A', gender: '2', age: 40, count: 7 }),
    cell({ ethnicCategory: 'Z', gender: '1', age: 40, count: 3, legalStatusCode: null }),
    cell({ ethnicCategory: 'A', gender: '3', age: 70, count: 2 }),
    cell({ ethnicCategory: 'N', gender: 'Unknown', age: null, count: 1 }),
    cell({ measure: 'REVOCATIONS', ethnicCategory: 'M', count: 2 }),
  ];
  const rows = computeMeasures(cells, { disclosure: 'unrounded', population: POPULATION });
  const get = (measure: string, breakdown: string, group: string) =>
    rows.find((r) => r.measure === measure && r.breakdown === breakdown && r.group === group);

  it('counts ALL and by previous section', () => {
    expect(get('USES_OF_CTOS', 'ALL', 'All')?.count).toBe(21);
    expect(get('USES_OF_CTOS', 'ALL', 'All')?.crudeRate).toBe(262.5); // 21 ÷ 8000
    expect(get('USES_OF_CTOS', 'PREVIOUS_SECTION', 'Section 3 to CTO')?.count).toBe(15);
    expect(get('USES_OF_CTOS', 'PREVIOUS_SECTION', 'Section 37 to CTO')?.count).toBe(1);
    expect(get('USES_OF_CTOS', 'PREVIOUS_SECTION', 'Section 48 to CTO')?.count).toBe(2);
    expect(get('USES_OF_CTOS', 'PREVIOUS_SECTION', 'Informal to CTO')?.count).toBe(3);
    expect(get('USES_OF_CTOS', 'PREVIOUS_SECTION', 'Section 3 to CTO')?.crudeRate).toBeNull();
  });
  it('leaves other genders and unknown ages out of the ethnicity breakdowns', () => {
    expect(get('USES_OF_CTOS', 'ETHNIC_GROUP', 'Black or Black British')?.count).toBe(8);
    expect(get('USES_OF_CTOS', 'ETHNIC_GROUP', 'White')?.count).toBe(7);
    expect(get('USES_OF_CTOS', 'ETHNIC_GROUP', 'Unknown')?.count).toBe(3);
    expect(get('USES_OF_CTOS', 'ETHNIC_CODE', 'N')?.count).toBe(0);
    expect(get('USES_OF_CTOS', 'ETHNIC_CODE', 'Z')?.count).toBe(3);
  });
  it('gives the worked example rates for the ethnic group', () => {
    const black = get('USES_OF_CTOS', 'ETHNIC_GROUP', 'Black or Black British');
    expect(black).toMatchObject({
      crudeRate: 533.3,
      standardisedRate: 512.5,
      standardisedLower: 126,
      standardisedUpper: 899,
    });
    const white = get('USES_OF_CTOS', 'ETHNIC_GROUP', 'White');
    // 7 ÷ 6000 = 116.7; standardised: 7/2000 × 2250 ÷ 8000 × 100,000 = 98.4
    expect(white?.crudeRate).toBe(116.7);
    expect(white?.standardisedRate).toBe(98.4);
    expect(get('USES_OF_CTOS', 'ETHNIC_GROUP', 'Unknown')?.crudeRate).toBeNull();
  });
  it('counts age bands and genders with no filter', () => {
    expect(get('USES_OF_CTOS', 'AGE_BAND', '18 to 34')?.count).toBe(6);
    expect(get('USES_OF_CTOS', 'AGE_BAND', '35 to 49')?.count).toBe(12);
    expect(get('USES_OF_CTOS', 'AGE_BAND', '65 and over')?.count).toBe(2);
    expect(get('USES_OF_CTOS', 'AGE_BAND', 'Unknown')?.count).toBe(1);
    expect(get('USES_OF_CTOS', 'AGE_BAND', '18 to 34')?.crudeRate).toBe(171.4); // 6 ÷ 3500
    expect(get('USES_OF_CTOS', 'GENDER', 'Male')?.count).toBe(10);
    expect(get('USES_OF_CTOS', 'GENDER', 'Female')?.count).toBe(8);
    expect(get('USES_OF_CTOS', 'GENDER', 'Non-binary')?.count).toBe(2);
    expect(get('USES_OF_CTOS', 'GENDER', 'Unknown')?.count).toBe(1);
    expect(get('USES_OF_CTOS', 'GENDER', 'Male')?.crudeRate).toBe(235.3); // 10 ÷ 4250 (Roma included)
    expect(get('USES_OF_CTOS', 'GENDER', 'Non-binary')?.crudeRate).toBeNull();
  });
  it('keeps the measures apart', () => {
    expect(get('REVOCATIONS', 'ALL', 'All')?.count).toBe(2);
    expect(get('DISCHARGES', 'ALL', 'All')?.count).toBe(0);
  });
  it('publishes rounded counts, and rates from the rounded count', () => {
    const published = computeMeasures(cells, { disclosure: 'published', population: POPULATION });
    const p = (b: string, g: string) =>
      published.find((r) => r.measure === 'USES_OF_CTOS' && r.breakdown === b && r.group === g);
    expect(p('ALL', 'All')?.count).toBe(20);
    expect(p('ALL', 'All')?.crudeRate).toBe(250);
    expect(p('ETHNIC_GROUP', 'Unknown')).toMatchObject({
      count: '*',
      crudeRate: null,
      standardisedRate: null,
    });
    expect(p('ETHNIC_GROUP', 'Black or Black British')?.count).toBe(10);
  });
  it('has no rates without a population', () => {
    const none = computeMeasures(cells, { disclosure: 'unrounded', population: null });
    expect(none.every((r) => r.crudeRate === null && r.standardisedRate === null)).toBe(true);
  });
  it('answers the contract fields only', () => {
    expect(Object.keys(contractRow(rows[0]!))).toEqual([
      'measure',
      'breakdown',
      'group',
      'count',
      'crudeRate',
      'standardisedRate',
    ]);
  });
});

describe('CSV', () => {
  it('quotes and defuses formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['=1+1', 'x,"y"'],
          [3, null],
        ],
      ),
    ).toBe('a,b\r\n\'=1+1,"x,""y"""\r\n3,\r\n');
  });

  it('writes one line at a time the same way, for the streamed extracts', () => {
    expect(csvLine(['=1+1', 'x,"y"']) + csvLine([3, null])).toBe('\'=1+1,"x,""y"""\r\n3,\r\n');
  });
});

describe('the figures warmed at start, and when they were worked out', () => {
  it('warms the current statistics year and the one before', () => {
    expect(currentAndPreviousYear('2026-12-08').map((y) => y.slug)).toEqual(['2026-27', '2025-26']);
    expect(currentAndPreviousYear('2026-03-31').map((y) => y.slug)).toEqual(['2025-26', '2024-25']);
    expect(currentAndPreviousYear('2026-04-01').map((y) => y.slug)).toEqual(['2026-27', '2025-26']);
  });

  it('says the time and day in UK time', () => {
    expect(formatTimeOnDay(new Date('2026-12-08T01:15:40Z'))).toBe('01:15 on 8 December 2026');
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(formatTimeOnDay(new Date('2026-06-30T23:30:00Z'))).toBe('00:30 on 1 July 2026');
  });
});

describe('the statistics query', () => {
  const parse = (q: string) => statisticsQuerySchema.safeParse(new URLSearchParams(q));
  it('reads the year, the disclosure and the team', () => {
    const ok = parse('year=2025-26&disclosure=published');
    expect(ok.success && ok.data.year.label).toBe('2025/26');
    expect(ok.success && ok.data.disclosure).toBe('published');
  });
  it.each([
    ['', 'Say which year'],
    ['year=2025-27', 'is not a year'],
    ['year=2025-26&disclosure=exact', 'disclosure must be'],
    ['year=2025-26&team=x', 'team must be'],
    ['year=2025-26&foo=1', 'Unknown query parameter'],
    ['year=2025-26&year=2024-25', 'once only'],
  ])('refuses %j with a clear message', (q, message) => {
    const result = parse(q);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error).toContain(message);
  });
});

describe('the example population', () => {
  it('is shipped as tests/fixtures/statistics/population.csv and reads back', async () => {
    const { readFile } = await import('node:fs/promises');
    const { examplePopulation } = await import('@/lib/statistics/population-example');
    const text = await readFile('tests/fixtures/statistics/population.csv', 'utf8');
    const parsed = parsePopulationCsv(text);
    expect(parsed).toEqual({ ok: true, cells: examplePopulation() });
    if (parsed.ok) expect(parsed.cells).toHaveLength(228);
  });
});
