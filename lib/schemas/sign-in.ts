import { z } from 'zod';
import type { FormState } from './form-state';

/**
 * What the sign-in action returns to the sign-in form: here, below both, so that the form
 * (components/) never imports from app/. A form state like every other (the message when the
 * credentials are refused, the field errors, the email typed under `values.email`).
 */
export type SignInState = FormState;

export const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.nhs.uk'),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(1000, 'Password must be 1000 characters or fewer'),
});
