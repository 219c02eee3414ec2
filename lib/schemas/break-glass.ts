import { z } from 'zod';
import { nhsNumberField } from './nhs-number';

export const BREAK_GLASS_REASON_MIN = 10;
export const BREAK_GLASS_REASON_MAX = 500;

export const requestBreakGlassSchema = z.object({
  nhsNumber: nhsNumberField,
  reason: z
    .string({ error: 'Enter why you need to open this record' })
    .trim()
    .min(1, 'Enter why you need to open this record')
    .min(
      BREAK_GLASS_REASON_MIN,
      `Reason must be at least ${BREAK_GLASS_REASON_MIN} characters: say why you need this record now`,
    )
    .max(BREAK_GLASS_REASON_MAX, `Reason must be ${BREAK_GLASS_REASON_MAX} characters or fewer`),
});
export type RequestBreakGlassInput = z.infer<typeof requestBreakGlassSchema>;

export const reviewBreakGlassSchema = z.object({
  breakGlassId: z.uuid({ error: 'This emergency access record does not exist' }),
  notes: z
    .string({ error: 'Enter your review notes' })
    .trim()
    .min(1, 'Enter your review notes')
    .max(2000, 'Review notes must be 2000 characters or fewer'),
});
export type ReviewBreakGlassInput = z.infer<typeof reviewBreakGlassSchema>;
