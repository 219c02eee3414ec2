// s19A, CTO10: responsibility for the community patient assigned to another hospital. The
// order's dates and the s68 applicable day do not change (s19A(2)(b)).
import { z } from 'zod';
import { dateInput, optionalText } from '@/lib/schemas/common';
import { orderRef } from './shared';

export const assignResponsibilitySchema = z.object({
  ...orderRef,
  toHospitalId: z.uuid({ error: 'Choose the hospital that will be responsible' }),
  receivingAgreedOn: dateInput('the date the receiving managers agreed'),
  assignedOn: dateInput('the date of the assignment'),
  notes: optionalText('notes', 2000),
});
export type AssignResponsibilityInput = z.infer<typeof assignResponsibilitySchema>;
