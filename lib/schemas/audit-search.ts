// The privacy officer's search of the audit trail (/audit). Every field is optional; the
// messages say what to type. Dates are calendar days in England, inclusive.
import { z } from 'zod';
import { isValidNhsNumber } from '@/lib/cto/nhs-number';

export const AUDIT_OUTCOMES = ['SUCCESS', 'FAILURE', 'DENIED'] as const;
export const AUDIT_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
    ? undefined
    : value;

/** '27/3/2026', '27 3 2026', '27-03-2026' or '2026-03-27' -> '2026-03-27', else null. */
export function parseDayInput(value: string): string | null {
  const text = value.trim();
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (uk) {
    [day, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  } else {
    return null;
  }
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 2000 ||
    year > 2999 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return null;
  }
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const day = (label: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .transform((value, ctx) => {
        const parsed = parseDayInput(value);
        if (parsed === null) {
          ctx.addIssue({
            code: 'custom',
            message: `${label} must be a real date, like 27/3/2026`,
          });
          return z.NEVER;
        }
        return parsed;
      })
      .optional(),
  );

export type PatientFilter = { kind: 'nhsNumber'; value: string } | { kind: 'id'; value: string };

export const auditSearchSchema = z
  .object({
    user: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(320, 'User email address must be 320 characters or fewer')
        .pipe(
          z.email({
            error: 'Enter the user’s email address in full, like name@example.nhs.uk',
          }),
        )
        .transform((value) => value.toLowerCase())
        .optional(),
    ),
    patient: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(100, 'Enter a 10-digit NHS number or a patient id')
        .transform((value, ctx): PatientFilter => {
          const digits = value.replace(/[\s-]+/g, '');
          if (/^\d+$/.test(digits)) {
            if (digits.length !== 10) {
              ctx.addIssue({ code: 'custom', message: 'NHS number must be 10 digits' });
              return z.NEVER;
            }
            if (!isValidNhsNumber(digits)) {
              ctx.addIssue({
                code: 'custom',
                message: 'Enter a valid NHS number: check you have typed it correctly',
              });
              return z.NEVER;
            }
            return { kind: 'nhsNumber', value: digits };
          }
          if (UUID.test(value)) return { kind: 'id', value: value.toLowerCase() };
          ctx.addIssue({
            code: 'custom',
            message: 'Enter a 10-digit NHS number, like 943 476 5919, or a patient id',
          });
          return z.NEVER;
        })
        .optional(),
    ),
    action: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(100, 'Action must be 100 characters or fewer')
        .regex(
          /^[a-z0-9.:_-]+$/i,
          'Action can only contain letters, numbers, full stops, colons and hyphens, like patient.read',
        )
        .transform((value) => value.toLowerCase())
        .optional(),
    ),
    outcome: z.preprocess(
      blank,
      z.enum(AUDIT_OUTCOMES, { error: 'Select an outcome from the list' }).optional(),
    ),
    from: day('Start date'),
    to: day('End date'),
    page: z.preprocess(
      blank,
      z.coerce
        .number({ error: 'Page must be a number' })
        .int('Page must be a whole number')
        .min(1, 'Page must be 1 or more')
        .max(100_000, 'Page must be 100000 or less')
        .default(1),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'End date must be the same as or after the start date',
      });
    }
  });

export type AuditSearch = z.infer<typeof auditSearchSchema>;
export const AUDIT_SEARCH_FIELDS = ['user', 'patient', 'action', 'outcome', 'from', 'to'] as const;
