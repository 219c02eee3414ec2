// The patient's death: the order ends with the patient (cto-law.md 1.16).
import { z } from 'zod';
import { dateInput, optionalText } from '@/lib/schemas/common';
import { orderRef } from './shared';

export const recordDeathSchema = z.object({
  ...orderRef,
  diedOn: dateInput('the date of death'),
  notes: optionalText('notes', 2000),
});
export type RecordDeathInput = z.infer<typeof recordDeathSchema>;
