/**
 * The catchment population a trust supplies (pure): Census 2021 counts by ethnic group × sex ×
 * age band, as a CSV, and how NHS England's pipeline maps the census's 19 ethnic groups to the
 * ETHNIC CATEGORY codes and the five groups (shared/domain/mha-statistics.md section 6,
 * Population_2021census_2324.py and Ethnicity - CTOs Standardisation.sql).
 *
 * The CSV (docs/statistics-population.md; example tests/fixtures/statistics/population.csv):
 *
 *   census_ethnic_group,sex,age_band,population
 *   13,1,18 to 34,10450
 *
 * census_ethnic_group is the Census 2021 ethnic group code 1-19, sex 1 (male) or 2 (female),
 * age_band one of the six bands of the statistics (AGE_BANDS), population a whole number.
 */
import { AGE_BANDS, type AgeBand } from './classify';

export interface CensusGroup {
  readonly census: number;
  readonly name: string;
  /** The ETHNIC CATEGORY code it stands for at code level, or null (Gypsy, Roma, Arab). */
  readonly code: string | null;
  /** Its group in the "b" (five group) output, or null: Roma is listed in none (a quirk). */
  readonly group: string | null;
}

export const CENSUS_GROUPS: readonly CensusGroup[] = [
  { census: 1, name: 'Bangladeshi', code: 'K', group: 'Asian or Asian British' },
  { census: 2, name: 'Chinese', code: 'R', group: 'Other Ethnic Groups' },
  { census: 3, name: 'Indian', code: 'H', group: 'Asian or Asian British' },
  { census: 4, name: 'Pakistani', code: 'J', group: 'Asian or Asian British' },
  { census: 5, name: 'Other Asian', code: 'L', group: 'Asian or Asian British' },
  { census: 6, name: 'African', code: 'N', group: 'Black or Black British' },
  { census: 7, name: 'Caribbean', code: 'M', group: 'Black or Black British' },
  { census: 8, name: 'Other Black', code: 'P', group: 'Black or Black British' },
  { census: 9, name: 'White and Asian', code: 'F', group: 'Mixed' },
  { census: 10, name: 'White and Black African', code: 'E', group: 'Mixed' },
  { census: 11, name: 'White and Black Caribbean', code: 'D', group: 'Mixed' },
  { census: 12, name: 'Other Mixed', code: 'G', group: 'Mixed' },
  {
    census: 13,
    name: 'English, Welsh, Scottish, Northern Irish or British',
    code: 'A',
    group: 'White',
  },
  { census: 14, name: 'Irish', code: 'B', group: 'White' },
  { census: 15, name: 'Gypsy or Irish Traveller', code: null, group: 'White' },
  // Quirk: the pipeline's group mapping leaves Roma out, so it is in no group's denominator,
  // but it is still in the standard population total.
  { census: 16, name: 'Roma', code: null, group: null },
  { census: 17, name: 'Other White', code: 'C', group: 'White' },
  { census: 18, name: 'Arab', code: null, group: 'Other Ethnic Groups' },
  { census: 19, name: 'Any other ethnic group', code: 'S', group: 'Other Ethnic Groups' },
];

const BY_CENSUS = new Map(CENSUS_GROUPS.map((g) => [g.census, g]));

export type Sex = 1 | 2;

export interface PopulationCell {
  census: number;
  sex: Sex;
  ageBand: AgeBand;
  population: number;
}

export type PopulationParse =
  | { ok: true; cells: PopulationCell[] }
  | { ok: false; errors: { line: number; message: string }[] };

const HEADER = ['census_ethnic_group', 'sex', 'age_band', 'population'];
const MAX_LINES = 1000;

/** Parses and checks the trust's population CSV; every problem is reported with its line. */
export function parsePopulationCsv(text: string): PopulationParse {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, text: l.trim() }))
    .filter((l) => l.text !== '');
  const errors: { line: number; message: string }[] = [];
  if (lines.length === 0)
    return { ok: false, errors: [{ line: 1, message: 'The file is empty.' }] };
  if (lines.length > MAX_LINES)
    return {
      ok: false,
      errors: [{ line: MAX_LINES, message: `The file has more than ${MAX_LINES} lines.` }],
    };
  const header = (lines[0]?.text ?? '').split(',').map((h) => h.trim().toLowerCase());
  if (header.join(',') !== HEADER.join(',')) {
    return {
      ok: false,
      errors: [{ line: 1, message: `The first line must be the header '${HEADER.join(',')}'.` }],
    };
  }
  const cells: PopulationCell[] = [];
  const seen = new Set<string>();
  for (const { line, text: row } of lines.slice(1)) {
    const fields = row.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
    if (fields.length !== 4) {
      errors.push({ line, message: 'Each line needs exactly four values.' });
      continue;
    }
    const [censusText, sexText, band, popText] = fields as [string, string, string, string];
    const census = /^\d{1,2}$/.test(censusText) ? Number(censusText) : NaN;
    if (!BY_CENSUS.has(census)) {
      errors.push({
        line,
        message: `'${censusText}' is not a Census 2021 ethnic group code (1 to 19).`,
      });
      continue;
    }
    if (sexText !== '1' && sexText !== '2') {
      errors.push({ line, message: `Sex must be 1 (male) or 2 (female), not '${sexText}'.` });
      continue;
    }
    if (!(AGE_BANDS as readonly string[]).includes(band)) {
      errors.push({ line, message: `'${band}' is not an age band (${AGE_BANDS.join(', ')}).` });
      continue;
    }
    if (!/^\d{1,9}$/.test(popText)) {
      errors.push({ line, message: `The population must be a whole number, not '${popText}'.` });
      continue;
    }
    const key = `${census}|${sexText}|${band}`;
    if (seen.has(key)) {
      errors.push({ line, message: 'This ethnic group, sex and age band appear twice.' });
      continue;
    }
    seen.add(key);
    cells.push({
      census,
      sex: Number(sexText) as Sex,
      ageBand: band as AgeBand,
      population: Number(popText),
    });
  }
  if (errors.length) return { ok: false, errors };
  if (cells.length === 0)
    return { ok: false, errors: [{ line: 2, message: 'The file has no rows.' }] };
  return { ok: true, cells };
}

/** Serialises cells back to the CSV format (for the example and the download). */
export function populationCsv(cells: readonly PopulationCell[]): string {
  return (
    [
      HEADER.join(','),
      ...cells.map((c) => `${c.census},${c.sex},${c.ageBand},${c.population}`),
    ].join('\n') + '\n'
  );
}

/** The denominators the rates need, added up once. */
export interface Denominators {
  total: number;
  bySex: Record<Sex, number>;
  byAgeBand: Record<AgeBand, number>;
  /** Standard population of each sex × age band (every census group, Roma included). */
  standard: Map<string, number>;
  /** Population of a five-group × sex × age band cell. */
  groupCell: Map<string, number>;
  groupTotal: Map<string, number>;
  /** Population of an ETHNIC CATEGORY code × sex × age band cell. */
  codeCell: Map<string, number>;
  codeTotal: Map<string, number>;
}

export const cellKey = (who: string, sex: Sex, band: AgeBand): string => `${who}|${sex}|${band}`;
export const standardKey = (sex: Sex, band: AgeBand): string => `${sex}|${band}`;

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

export function denominators(cells: readonly PopulationCell[]): Denominators {
  const d: Denominators = {
    total: 0,
    bySex: { 1: 0, 2: 0 },
    byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b, 0])) as Record<AgeBand, number>,
    standard: new Map(),
    groupCell: new Map(),
    groupTotal: new Map(),
    codeCell: new Map(),
    codeTotal: new Map(),
  };
  for (const c of cells) {
    const g = BY_CENSUS.get(c.census);
    if (!g) continue;
    d.total += c.population;
    d.bySex[c.sex] += c.population;
    d.byAgeBand[c.ageBand] += c.population;
    add(d.standard, standardKey(c.sex, c.ageBand), c.population);
    if (g.group) {
      add(d.groupCell, cellKey(g.group, c.sex, c.ageBand), c.population);
      add(d.groupTotal, g.group, c.population);
    }
    if (g.code) {
      add(d.codeCell, cellKey(g.code, c.sex, c.ageBand), c.population);
      add(d.codeTotal, g.code, c.population);
    }
  }
  return d;
}
