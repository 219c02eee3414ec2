/**
 * Disclosure control (pure), as NHS England publishes sub-national figures (Output.py,
 * shared/domain/mha-statistics.md section 7): a value below 5 is shown as "*", every other value
 * is rounded to the nearest 5. National rows are published unrounded; a trust's own figures are
 * sub-national, so everything that leaves the MHA office is controlled.
 */

export const SUPPRESSED = '*' as const;
export type PublishedCount = number | typeof SUPPRESSED;

export type Disclosure = 'unrounded' | 'published';

/** A count as published: "*" below 5, otherwise the nearest multiple of 5. */
export function publishCount(count: number): PublishedCount {
  if (count < 5) return SUPPRESSED;
  // ROUND(x/5)*5, halves away from zero (a whole count never lands on a half).
  return Math.round(count / 5) * 5;
}

export function disclose(count: number, disclosure: Disclosure): PublishedCount {
  return disclosure === 'published' ? publishCount(count) : count;
}
