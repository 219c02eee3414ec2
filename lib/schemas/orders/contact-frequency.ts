// How often the patient should be seen while on this order (issue 8 §1, decision 701): a whole
// number of days, or blank for the trust's default (CONTACT_FREQUENCY_DAYS).
//
// Field names: orderId, expectedVersion, idempotencyKey, contactFrequencyDays.
import { z } from 'zod';
import { orderRef } from './shared';

export const CONTACT_FREQUENCY_MAX_DAYS = 365;

export const contactFrequencySchema = z.object({
  ...orderRef,
  contactFrequencyDays: z.preprocess(
    (v) => {
      if (v === undefined || v === null) return null;
      if (typeof v !== 'string') return v;
      return v.trim() === '' ? null : Number(v.trim());
    },
    z
      .number({ error: 'Enter how often in days, like 14, or leave it blank' })
      .int('Enter a whole number of days, like 14')
      .min(1, 'How often must be at least every 1 day')
      .max(
        CONTACT_FREQUENCY_MAX_DAYS,
        `How often must be at most every ${CONTACT_FREQUENCY_MAX_DAYS} days`,
      )
      .nullable(),
  ),
});
export type ContactFrequencyInput = z.infer<typeof contactFrequencySchema>;
