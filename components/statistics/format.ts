// How the statistics pages write their figures (pure).
import type { PublishedCount } from '@/lib/statistics/disclosure';

export function formatCount(count: PublishedCount): string {
  return count === '*' ? '*' : count.toLocaleString('en-GB');
}

export function formatRate(rate: number | null): string {
  return rate === null
    ? 'no figure'
    : rate.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatPercent(value: number | null): string {
  return value === null
    ? 'no figure'
    : `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
}

export function chartValue(count: PublishedCount): number | null {
  return count === '*' ? null : count;
}
