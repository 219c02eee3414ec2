// The shaping behind the social factors chart and the quality-of-life chart (pure).
import { describe, expect, it } from 'vitest';
import {
  movementBetween,
  qualityOfLifeSeries,
  socialChartData,
  type ChartAssessmentInput,
} from '@/components/social/social-chart-data';
import { SOCIAL_DOMAINS } from '@/lib/schemas/social-factors';
import type { SocialRating } from '@/lib/generated/prisma/enums';

function assessment(
  id: string,
  assessedOn: string,
  ratings: Partial<Record<(typeof SOCIAL_DOMAINS)[number], SocialRating>> = {},
  enteredInError = false,
): ChartAssessmentInput {
  return {
    id,
    assessedOn,
    decisionPoint: 'REVIEW',
    enteredInError: enteredInError ? { reason: 'x' } : null,
    ratings: SOCIAL_DOMAINS.map((domain) => ({
      domain,
      rating: ratings[domain] ?? 'NO_CONCERN',
      significance: 'MINOR' as const,
    })),
  };
}

describe('movementBetween', () => {
  it.each([
    ['SERIOUS_CONCERN', 'SOME_CONCERN', 'better'],
    ['STRENGTH', 'NO_CONCERN', 'worse'],
    ['SOME_CONCERN', 'SOME_CONCERN', 'same'],
    ['NOT_ASSESSED', 'STRENGTH', null],
    ['STRENGTH', 'NOT_ASSESSED', null],
  ] as const)('%s to %s is %s', (before, after, expected) => {
    expect(movementBetween(before, after)).toBe(expected);
  });
  it('is null without a before', () => {
    expect(movementBetween(undefined, 'STRENGTH')).toBeNull();
  });
});

describe('socialChartData', () => {
  it('puts assessments oldest to newest, one row per domain in the form’s order', () => {
    const data = socialChartData([
      assessment('c', '2026-03-01', { ACCOMMODATION: 'STRENGTH' }),
      assessment('a', '2026-01-01', { ACCOMMODATION: 'SERIOUS_CONCERN' }),
      assessment('b', '2026-02-01', { ACCOMMODATION: 'SOME_CONCERN' }),
    ]);
    expect(data.columns.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(data.rows.map((r) => r.domain)).toEqual([...SOCIAL_DOMAINS]);
    const housing = data.rows[0];
    expect(housing?.cells.map((c) => c?.rating)).toEqual([
      'SERIOUS_CONCERN',
      'SOME_CONCERN',
      'STRENGTH',
    ]);
    expect(housing?.cells.map((c) => c?.movement)).toEqual([null, 'better', 'better']);
    expect(housing?.overall).toBe('better');
    expect(data.rows[1]?.overall).toBe('same');
  });

  it('leaves out assessments entered in error', () => {
    const data = socialChartData([
      assessment('a', '2026-01-01'),
      assessment('x', '2026-01-15', { ISOLATION: 'SERIOUS_CONCERN' }, true),
    ]);
    expect(data.columns.map((c) => c.id)).toEqual(['a']);
    expect(data.rows.find((r) => r.domain === 'ISOLATION')?.overall).toBeNull();
  });

  it('shows the most recent ones only, and says how many were left out', () => {
    const many = Array.from({ length: 11 }, (_, i) =>
      assessment(`n${i}`, `2026-01-${String(i + 1).padStart(2, '0')}`),
    );
    const data = socialChartData(many, 8);
    expect(data.columns).toHaveLength(8);
    expect(data.columns[0]?.id).toBe('n3');
    expect(data.omitted).toBe(3);
  });

  it('ignores "not assessed" when saying whether a domain moved overall', () => {
    const data = socialChartData([
      assessment('a', '2026-01-01', { SUBSTANCE_USE: 'SOME_CONCERN' }),
      assessment('b', '2026-02-01', { SUBSTANCE_USE: 'NOT_ASSESSED' }),
      assessment('c', '2026-03-01', { SUBSTANCE_USE: 'SERIOUS_CONCERN' }),
    ]);
    const row = data.rows.find((r) => r.domain === 'SUBSTANCE_USE');
    expect(row?.cells.map((c) => c?.movement)).toEqual([null, null, null]);
    expect(row?.overall).toBe('worse');
  });

  it('has no columns and no movement without assessments', () => {
    const data = socialChartData([]);
    expect(data.columns).toEqual([]);
    expect(data.rows.every((r) => r.cells.length === 0 && r.overall === null)).toBe(true);
  });
});

describe('qualityOfLifeSeries', () => {
  const rating = (
    id: string,
    ratedOn: string,
    score: number,
    instrument = 'ReQoL-10',
    maxScore = 40,
  ) => ({
    id,
    ratedOn,
    instrument,
    score,
    maxScore,
    enteredInError: false,
  });

  it('places points by date and score on a 0-1 scale, one series per scale', () => {
    const { series, first, last } = qualityOfLifeSeries([
      rating('b', '2026-01-11', 30),
      rating('a', '2026-01-01', 10),
      rating('c', '2026-01-21', 40),
      rating('d', '2026-01-11', 40, 'DIALOG', 80),
    ]);
    expect(first).toBe('2026-01-01');
    expect(last).toBe('2026-01-21');
    expect(series).toHaveLength(2);
    expect(series[0]?.points.map((p) => [p.id, p.x, p.y])).toEqual([
      ['a', 0, 0.25],
      ['b', 0.5, 0.75],
      ['c', 1, 1],
    ]);
    expect(series[1]?.points[0]).toMatchObject({ id: 'd', x: 0.5, y: 0.5 });
  });

  it('centres a single rating and leaves out ratings entered in error', () => {
    const { series } = qualityOfLifeSeries([
      rating('a', '2026-01-01', 20),
      { ...rating('x', '2026-02-01', 1), enteredInError: true },
    ]);
    expect(series[0]?.points).toEqual([
      { id: 'a', ratedOn: '2026-01-01', score: 20, x: 0.5, y: 0.5 },
    ]);
  });
});
