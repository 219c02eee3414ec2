// The nearest relative's order for discharge (s23, s25(1)), received by an officer authorised by
// the managers, and the responsible clinician's barring report (M2) within the 72 hours.
import { z } from 'zod';
import { dateTimeInput, optionalText, requiredText } from '@/lib/schemas/common';
import { optionalDate, orderRef } from './shared';

export const recordNearestRelativeOrderSchema = z.object({
  ...orderRef,
  receivedAt: dateTimeInput('the order was received'),
  receivedBy: requiredText('the name of the officer who received it', 200),
  nearestRelativeId: z
    .string()
    .optional()
    .transform((v) => (v && v !== 'none' ? v : undefined))
    .pipe(z.uuid({ error: 'Choose the nearest relative' }).optional()),
  notes: optionalText('notes', 2000),
});
export type RecordNearestRelativeOrderInput = z.infer<typeof recordNearestRelativeOrderSchema>;

export const barringReportSchema = z.object({
  ...orderRef,
  furnishedAt: dateTimeInput('you furnished the report to the managers'),
  reasons: requiredText(
    'why the patient, if discharged, would be likely to act in a manner dangerous to other persons or to themselves',
    4000,
  ),
  nearestRelativeInformedOn: optionalDate('the date the nearest relative was told'),
});
export type BarringReportInput = z.infer<typeof barringReportSchema>;
