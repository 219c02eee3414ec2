// The query of the statistics pages, API and downloads: ?year=2025-26&disclosure=published&team=<id>.
import { z } from 'zod';
import { YEAR_FORMAT_MESSAGE, parseStatisticsYear, yearStarting } from '@/lib/statistics/classify';
import { parsePopulationCsv } from '@/lib/statistics/population';

const ALLOWED = ['year', 'disclosure', 'team'] as const;

/** A parameter's name as the answer repeats it: printable, and never more than 30 characters. */
const shortName = (name: string) => {
  const printable = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return printable.length > 30 ? `${printable.slice(0, 30)}…` : printable;
};

export const statisticsQueryObject = z
  .object({
    year: z.string({ error: `Say which year: ${YEAR_FORMAT_MESSAGE}` }).transform((value, ctx) => {
      const year = parseStatisticsYear(value);
      if (!year) {
        ctx.addIssue({
          code: 'custom',
          message: `'${shortName(value.slice(0, 20))}' is not a year. ${YEAR_FORMAT_MESSAGE}`,
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
        error: `Unknown query parameter(s): ${unknown
          .slice(0, 5)
          .map(shortName)
          .join(', ')}. Allowed: ${ALLOWED.join(', ')}.`,
      };
    const repeated = ALLOWED.filter((k) => params.getAll(k).length > 1);
    if (repeated.length) return { success: false, error: `Give ${repeated.join(', ')} once only.` };
    const parsed = statisticsQueryObject.safeParse(Object.fromEntries(params));
    if (!parsed.success)
      return { success: false, error: parsed.error.issues.map((i) => i.message).join(' ') };
    return { success: true, data: parsed.data };
  },
};

/**
 * The statistics pages' query: as above, but a page never refuses: an unreadable value falls
 * back to the default (the last year that has ended) and the page says so.
 */
export function statisticsPageQuery(
  raw: Record<string, string | string[] | undefined>,
  today: string,
): { query: StatisticsQuery; problem: string | null } {
  const params = new URLSearchParams();
  for (const key of ALLOWED) {
    const value = raw[key];
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  const lastEnded = yearStarting(
    Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 4 ? 1 : 2),
  );
  if (!params.has('year')) params.set('year', lastEnded.slug);
  const parsed = statisticsQuerySchema.safeParse(params);
  if (parsed.success) return { query: parsed.data, problem: null };
  return { query: { year: lastEnded }, problem: parsed.error };
}

/** The catchment population form: a name for it and the CSV pasted or read from a file. */
export const populationUploadSchema = z
  .object({
    source: z
      .string({ error: 'Say where the figures come from.' })
      .trim()
      .min(1, 'Say where the figures come from, for example “Census 2021, Brighton and Hove”.')
      .max(200, 'Keep the description to 200 characters or fewer.'),
    csv: z
      .string({ error: 'Paste the CSV.' })
      .min(1, 'Paste the CSV.')
      .max(
        100_000,
        'The CSV is too long: it should have at most 228 rows (19 groups × 2 sexes × 6 age bands).',
      ),
  })
  .transform((value, ctx) => {
    const parsed = parsePopulationCsv(value.csv);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['csv'],
        message: parsed.errors
          .slice(0, 5)
          .map((e) => `Line ${e.line}: ${e.message}`)
          .join(' '),
      });
      return z.NEVER;
    }
    return { source: value.source, cells: parsed.cells };
  });
