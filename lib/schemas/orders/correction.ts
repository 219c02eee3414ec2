// Marking the latest event of an order "entered in error" (MHA office): never deleted, with a
// reason; the record and its clocks are recomputed from what remains.
import { z } from 'zod';
import { requiredText } from '@/lib/schemas/common';
import { orderSubmission } from './recall';

export const enteredInErrorSchema = z.object({
  ...orderSubmission,
  eventId: z.uuid({ error: 'The form is out of date: reload the page' }),
  reason: requiredText('why this was entered in error', 1000),
  confirm: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v),
    z.literal('yes', { error: 'Confirm that this event was entered in error' }),
  ),
});
