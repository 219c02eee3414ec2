// The system administrator links a user to their NHS CIS2 user id (or removes the link).
import { z } from 'zod';

export const cis2LinkSchema = z.object({
  userId: z.uuid({ error: 'This user does not exist' }),
  // Empty removes the link. CIS2 user ids (UUIDs, `nhsid_useruid`) are 12 digits.
  cis2UserId: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().replace(/\s+/g, '') : value),
    z
      .string({ error: 'Enter their NHS CIS2 user id' })
      .regex(/^(\d{6,20})?$/, 'Enter their NHS CIS2 user id as numbers only, like 555012345678')
      .transform((value) => (value === '' ? null : value)),
  ),
});
export type Cis2LinkInput = z.infer<typeof cis2LinkSchema>;
