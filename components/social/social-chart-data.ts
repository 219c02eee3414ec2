// Pure shaping of the data the social factors and quality-of-life charts draw (unit-tested in
// tests/unit/social-chart-data.test.ts). No React here.
import type {
  DecisionPoint,
  DecisionSignificance,
  SocialDomain,
  SocialRating,
} from '@/lib/generated/prisma/enums';
import { SOCIAL_DOMAINS } from '@/lib/schemas/social-factors';
import { SOCIAL_RATING_STYLE } from '@/lib/ui/social-labels';

export interface ChartAssessmentInput {
  id: string;
  assessedOn: string; // 'YYYY-MM-DD'
  decisionPoint: DecisionPoint;
  enteredInError: unknown;
  ratings: readonly {
    domain: SocialDomain;
    rating: SocialRating;
    significance: DecisionSignificance;
  }[];
}

export type Movement = 'better' | 'worse' | 'same' | null;

export interface SocialChartCell {
  rating: SocialRating;
  significance: DecisionSignificance;
  /** Compared with the column before (null for the first column or "not assessed"). */
  movement: Movement;
}

export interface SocialChartData {
  /** Oldest to newest: at most `maxColumns`, the most recent ones. */
  columns: { id: string; assessedOn: string; decisionPoint: DecisionPoint }[];
  rows: { domain: SocialDomain; cells: (SocialChartCell | null)[]; overall: Movement }[];
  /** How many older assessments were left out to keep the chart readable. */
  omitted: number;
}

/** Higher is better; null for "not assessed", which neither improves nor worsens. */
export function ratingScore(rating: SocialRating): number | null {
  return SOCIAL_RATING_STYLE[rating].score;
}

export function movementBetween(
  before: SocialRating | undefined,
  after: SocialRating | undefined,
): Movement {
  if (!before || !after) return null;
  const a = ratingScore(before);
  const b = ratingScore(after);
  if (a === null || b === null) return null;
  return b > a ? 'better' : b < a ? 'worse' : 'same';
}

/**
 * Domains × assessment dates. Assessments entered in error are left out; the input may come in
 * any order (the history query gives newest first).
 */
export function socialChartData(
  assessments: readonly ChartAssessmentInput[],
  maxColumns = 8,
): SocialChartData {
  const valid = assessments
    .filter((a) => !a.enteredInError)
    .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  const shown = valid.slice(-maxColumns);
  const omitted = valid.length - shown.length;
  const rows = SOCIAL_DOMAINS.map((domain) => {
    const cells = shown.map((a) => {
      const r = a.ratings.find((x) => x.domain === domain);
      return r ? { rating: r.rating, significance: r.significance } : null;
    });
    const withMovement: (SocialChartCell | null)[] = cells.map((cell, i) =>
      cell
        ? { ...cell, movement: i === 0 ? null : movementBetween(cells[i - 1]?.rating, cell.rating) }
        : null,
    );
    const scored = cells.filter((c) => c && ratingScore(c.rating) !== null);
    const overall =
      scored.length >= 2
        ? movementBetween(scored[0]?.rating, scored[scored.length - 1]?.rating)
        : null;
    return { domain, cells: withMovement, overall };
  });
  return {
    columns: shown.map((a) => ({
      id: a.id,
      assessedOn: a.assessedOn,
      decisionPoint: a.decisionPoint,
    })),
    rows,
    omitted,
  };
}

// --- Quality of life ---------------------------------------------------------------------------

export interface QolPointInput {
  id: string;
  ratedOn: string;
  instrument: string;
  score: number;
  maxScore: number;
  enteredInError: boolean;
}

export interface QolSeries {
  instrument: string;
  maxScore: number;
  points: { id: string; ratedOn: string; score: number; x: number; y: number }[];
}

/** Days between two 'YYYY-MM-DD' dates. */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * One series per scale (scores of different scales are not comparable), points placed by date
 * on a shared time axis: x from 0 to 1 (oldest to newest), y from 0 (score 0) to 1 (maximum).
 * Ratings entered in error are left out.
 */
export function qualityOfLifeSeries(ratings: readonly QolPointInput[]): {
  series: QolSeries[];
  first: string | null;
  last: string | null;
} {
  const valid = ratings
    .filter((r) => !r.enteredInError && r.maxScore > 0)
    .sort((a, b) => a.ratedOn.localeCompare(b.ratedOn));
  const first = valid[0]?.ratedOn ?? null;
  const last = valid[valid.length - 1]?.ratedOn ?? null;
  const span = first && last ? Math.max(1, daysBetween(first, last)) : 1;
  const byKey = new Map<string, QolSeries>();
  for (const r of valid) {
    const key = `${r.instrument}|${r.maxScore}`;
    let series = byKey.get(key);
    if (!series) {
      series = { instrument: r.instrument, maxScore: r.maxScore, points: [] };
      byKey.set(key, series);
    }
    series.points.push({
      id: r.id,
      ratedOn: r.ratedOn,
      score: r.score,
      x: first && valid.length > 1 && first !== last ? daysBetween(first, r.ratedOn) / span : 0.5,
      y: Math.min(1, Math.max(0, r.score / r.maxScore)),
    });
  }
  return { series: [...byKey.values()], first, last };
}
