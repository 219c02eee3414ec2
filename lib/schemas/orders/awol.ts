// Absence without leave (s18, s21): the patient went absent after recall, or returned (by
// themselves or taken into custody). The form and the service parse with the same schema.
import { z } from 'zod';
import { dateTimeInput, optionalText } from '@/lib/schemas/common';
import { orderSubmission } from './recall';

export const AWOL_RETURNS = ['RETURNED_SELF', 'TAKEN_INTO_CUSTODY'] as const;

export const awolBeginsSchema = z.object({
  ...orderSubmission,
  at: dateTimeInput('the patient went absent'),
  notes: optionalText('notes', 2000),
});

export const awolEndsSchema = z.object({
  ...orderSubmission,
  at: dateTimeInput('the patient returned'),
  how: z.enum(AWOL_RETURNS, { error: 'Select how the patient returned' }),
  notes: optionalText('notes', 2000),
});
