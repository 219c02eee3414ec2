/**
 * Rates per 100,000 (pure), as NHS England's MHA statistics compute them
 * (shared/domain/mha-statistics.md section 6).
 *
 * Crude rate = count ÷ population × 100,000, to 1 decimal place.
 *
 * Directly age–sex standardised rate of an ethnic group g (Ethnicity - CTOs Standardisation.sql):
 *   r(s,a) = count(g,s,a) ÷ population(g,s,a)              for each sex s and age band a
 *   rate   = Σ r(s,a) × W(s,a) ÷ T × 100,000                W = standard population of (s,a),
 *                                                           T = Σ W (every census group)
 *   95% CI = rate ± 1.96 × √( Σ W² × r(1 − r) ÷ n ÷ T² ) × 100,000,  n = population(g,s,a)
 * Quirk, followed: the CI sum leaves out the 16 to 17 band (the pipeline drops it by name after
 * merging the bands), so the interval is a little narrower than the formula says.
 * A cell with no population contributes nothing (its rate is undefined).
 */
import { AGE_BANDS, type AgeBand } from './classify';
import { cellKey, standardKey, type Denominators, type Sex } from './population';

export const PER = 100_000;

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Count ÷ population × 100,000 to 1 decimal place; null without a population. */
export function crudeRate(count: number, population: number | null | undefined): number | null {
  if (!population || population <= 0) return null;
  return round1((count / population) * PER);
}

export interface StandardisedRate {
  rate: number;
  lower: number;
  upper: number;
}

/** The age bands the pipeline's CI sum keeps (16 to 17 is dropped: see above). */
export const CI_AGE_BANDS: readonly AgeBand[] = AGE_BANDS.filter((b) => b !== '16 to 17');

/**
 * The directly standardised rate of one group (a five-group name or an ETHNIC CATEGORY code),
 * given its counts by sex × age band (key `${sex}|${band}`), or null when the group has no
 * population at all.
 */
export function standardisedRate(
  who: string,
  counts: ReadonlyMap<string, number>,
  d: Denominators,
  level: 'group' | 'code',
): StandardisedRate | null {
  const cellPop = level === 'group' ? d.groupCell : d.codeCell;
  const T = d.total;
  if (T <= 0) return null;
  let any = false;
  let sum = 0;
  let variance = 0;
  for (const sex of [1, 2] as Sex[]) {
    for (const band of AGE_BANDS) {
      const n = cellPop.get(cellKey(who, sex, band)) ?? 0;
      if (n <= 0) continue;
      any = true;
      const W = d.standard.get(standardKey(sex, band)) ?? 0;
      const r = (counts.get(standardKey(sex, band)) ?? 0) / n;
      sum += r * W;
      if (CI_AGE_BANDS.includes(band)) variance += (W * W * r * (1 - r)) / n;
    }
  }
  if (!any) return null;
  const rate = (sum / T) * PER;
  const half = 1.96 * Math.sqrt(variance / (T * T)) * PER;
  return { rate: round1(rate), lower: round1(rate - half), upper: round1(rate + half) };
}
