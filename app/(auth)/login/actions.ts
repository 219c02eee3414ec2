'use server';
import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth';
import { signInSchema, type SignInState } from '@/lib/schemas/sign-in';

const MESSAGES: Record<string, string> = {
  invalid: 'Enter a correct email address and password.',
  locked:
    'Your account is locked after too many failed attempts to sign in. Try again later, or ask your system administrator to unlock it.',
  'demo-disabled': 'Demonstration accounts cannot be used on this service.',
  inactive: 'Your account has been deactivated. Contact your system administrator.',
};

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({
    email: form.get('email'),
    password: form.get('password'),
  });
  const email = typeof form.get('email') === 'string' ? String(form.get('email')) : '';
  if (!parsed.success) {
    const fieldErrors: SignInState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if ((key === 'email' || key === 'password') && !fieldErrors[key])
        fieldErrors[key] = issue.message;
    }
    return { fieldErrors, email };
  }
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: '/',
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = 'code' in error && typeof error.code === 'string' ? error.code : 'invalid';
      return { message: MESSAGES[code] ?? MESSAGES.invalid, email };
    }
    throw error; // the redirect after a successful sign-in
  }
}
