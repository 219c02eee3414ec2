import { z } from 'zod';
import { isValidNhsNumber } from '@/lib/cto/nhs-number';

/** An NHS number typed by a person: spaces allowed, 10 digits, a valid Modulus 11 check digit. */
export const nhsNumberField = z
  .string({ error: 'Enter the patient’s NHS number' })
  .trim()
  .min(1, 'Enter the patient’s NHS number')
  .transform((value) => value.replace(/[\s-]+/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d+$/, 'NHS number must only contain numbers, like 943 476 5919')
      .length(10, 'NHS number must be 10 digits, like 943 476 5919')
      .refine(isValidNhsNumber, {
        error: 'Enter a valid NHS number: check you have typed it correctly',
      }),
  );
