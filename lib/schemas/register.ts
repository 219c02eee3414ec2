// The MHA office's register (issue 8, part 1): its filters and sort, parsed from the query string
// by one schema for the page, the JSON and the exports, so an export is exactly what was filtered.
import { z } from 'zod';
import { searchText } from '@/lib/schemas/common';

export const REGISTER_STATE_GROUPS = {
  'in-force': ['AWAITING_EFFECT', 'ACTIVE', 'RECALL_PENDING', 'RECALLED', 'AWOL'],
  recalled: ['RECALL_PENDING', 'RECALLED'],
  ended: ['REVOKED', 'DISCHARGED', 'EXPIRED', 'DIED'],
  proposed: ['PROPOSED'],
} as const;
export type RegisterStateGroup = keyof typeof REGISTER_STATE_GROUPS;

export const REGISTER_SORTS = ['patient', 'state', 'madeOn', 'periodEnd'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

const uuid = z.uuid({ error: 'Choose from the list' });
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const isoDate = z.iso.date({ error: 'Enter a real date, for example 2026-03-27' });

export const registerFilterSchema = z
  .object({
    q: optional(searchText(100)),
    state: optional(
      z.enum(Object.keys(REGISTER_STATE_GROUPS) as [RegisterStateGroup], {
        error: 'Choose a state from the list',
      }),
    ),
    teamId: optional(uuid),
    hospitalId: optional(uuid),
    rcId: optional(uuid),
    ccId: optional(uuid),
    periodEndFrom: optional(isoDate),
    periodEndTo: optional(isoDate),
    sort: optional(z.enum(REGISTER_SORTS, { error: 'Choose a column to sort by' })).transform(
      (v) => v ?? 'periodEnd',
    ),
    dir: optional(z.enum(['asc', 'desc'], { error: 'Choose ascending or descending' })).transform(
      (v) => v ?? 'asc',
    ),
  })
  .strict();
export type RegisterFilter = z.infer<typeof registerFilterSchema>;

export const registerPageSchema = registerFilterSchema.extend({
  page: z.coerce
    .number({ error: 'Page must be a number' })
    .int('Page must be a whole number')
    .min(1, 'Page must be 1 or more')
    .max(100_000, 'Page must be 100000 or less')
    .default(1),
  pageSize: z.coerce
    .number({ error: 'Page size must be a number' })
    .int('Page size must be a whole number')
    .min(1, 'Page size must be between 1 and 200')
    .max(200, 'Page size must be between 1 and 200')
    .default(50),
});
export type RegisterPageQuery = z.infer<typeof registerPageSchema>;

/** Query-string values (Next.js searchParams or URLSearchParams) as a plain object. */
export function queryObject(
  raw: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw ?? {});
  for (const [key, value] of entries) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
  }
  return out;
}

/** The filter as query-string values (no defaults), for links and the audit. */
export function filterParams(filter: Partial<RegisterFilter>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}
