'use server';
import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth';
import { signInSchema, type SignInState } from '@/lib/schemas/sign-in';
import { signInRefusedMessage } from '@/lib/server/auth/authenticate';

// A wrong address, a wrong password and a locked account share one code and one message
// (lib/server/auth/authenticate.ts), so the answer reveals nothing about the account.
const MESSAGES: Record<string, string> = {
  invalid: signInRefusedMessage(),
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
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if ((key === 'email' || key === 'password') && !fieldErrors[key])
        fieldErrors[key] = issue.message;
    }
    return { fieldErrors, values: { email } };
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
      return { message: MESSAGES[code] ?? signInRefusedMessage(), values: { email } };
    }
    throw error; // the redirect after a successful sign-in
  }
}
