/**
 * An example catchment population in the documented format (pure): a made-up district of about
 * 300,000 people, shaped roughly like an English city's Census 2021 figures. For the demo data,
 * the tests and the example download. It is NOT real census data.
 */
import { AGE_BANDS } from './classify';
import { CENSUS_GROUPS, populationCsv, type PopulationCell, type Sex } from './population';

// Share of the population in each census group (per 1,000), and in each age band (per 1,000).
const GROUP_SHARE: Record<number, number> = {
  1: 12,
  2: 9,
  3: 25,
  4: 20,
  5: 14,
  6: 30,
  7: 16,
  8: 7,
  9: 10,
  10: 5,
  11: 12,
  12: 9,
  13: 700,
  14: 10,
  15: 2,
  16: 3,
  17: 80,
  18: 6,
  19: 10,
};
const AGE_SHARE: Record<string, number> = {
  '15 and under': 185,
  '16 to 17': 24,
  '18 to 34': 260,
  '35 to 49': 195,
  '50 to 64': 180,
  '65 and over': 156,
};
const TOTAL = 300_000;

export function examplePopulation(): PopulationCell[] {
  const cells: PopulationCell[] = [];
  for (const g of CENSUS_GROUPS) {
    for (const sex of [1, 2] as Sex[]) {
      for (const band of AGE_BANDS) {
        const share = ((GROUP_SHARE[g.census] ?? 0) / 1000) * ((AGE_SHARE[band] ?? 0) / 1000) * 0.5;
        cells.push({ census: g.census, sex, ageBand: band, population: Math.round(TOTAL * share) });
      }
    }
  }
  return cells;
}

export function examplePopulationCsv(): string {
  return populationCsv(examplePopulation());
}
