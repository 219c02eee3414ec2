// The query of the statistics pages, API and downloads: ?year=2025-26&disclosure=published&team=<id>.
import { z } from 'zod';
import { YEAR_FORMAT_MESSAGE, parseStatisticsYear } from '@/lib/statistics/classify';

const ALLOWED = ['year', 'disclosure', 'team'] as const;

export const statisticsQueryObject = z
  .object({
    year: z.string({ error: `Say which year: ${YEAR_FORMAT_MESSAGE}` }).transform((value, ctx) => {
      const year = parseStatisticsYear(value);
      if (!year) {
        ctx.addIssue({
          code: 'custom',
          message: `'${value.slice(0, 20)}' is not a year. ${YEAR_FORMAT_MESSAGE}`,
        });
        return z.NEVER;
      }
      return year;
    }),
    disclosure: z
      .enum(['published', 'unrounded'], {
        error: "disclosure must be 'published' (rounded, as NHS England publishes) or 'unrounded'.",
      })
      .optional(),
    team: z.uuid({ error: 'team must be a team id.' }).optional(),
  })
  .strict();

export type StatisticsQuery = z.output<typeof statisticsQueryObject>;

/** Parses URL search parameters; the error is one plain-English sentence. */
export const statisticsQuerySchema = {
  safeParse(
    params: URLSearchParams,
  ): { success: true; data: StatisticsQuery } | { success: false; error: string } {
    const unknown = [...params.keys()].filter((k) => !(ALLOWED as readonly string[]).includes(k));
    if (unknown.length)
      return {
        success: false,
        error: `Unknown query parameter(s): ${unknown.slice(0, 5).join(', ')}. Allowed: ${ALLOWED.join(', ')}.`,
      };
    const repeated = ALLOWED.filter((k) => params.getAll(k).length > 1);
    if (repeated.length) return { success: false, error: `Give ${repeated.join(', ')} once only.` };
    const parsed = statisticsQueryObject.safeParse(Object.fromEntries(params));
    if (!parsed.success)
      return { success: false, error: parsed.error.issues.map((i) => i.message).join(' ') };
    return { success: true, data: parsed.data };
  },
};
