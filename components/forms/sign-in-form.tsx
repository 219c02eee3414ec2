'use client';
// Sign in with an email address and password (when the trust allows it), through the form
// binding (./bind.ts): the email typed is kept after a refusal, the password never is.
import { TextInput } from 'nhsuk-react-components';
import type { SignInState, signInSchema } from '@/lib/schemas/sign-in';
import { ActionForm, type ActionFor } from './action-form';
import type { InputOf } from './bind';

export function SignInForm({ action }: { action: ActionFor<SignInState> }) {
  return (
    <ActionForm<InputOf<typeof signInSchema>, SignInState>
      action={action}
      rekey
      messageTarget="email"
      submitLabel="Sign in"
    >
      {(f) => (
        <>
          <TextInput
            {...f.text('email', { initial: '' })}
            type="email"
            label="Email address"
            autoComplete="username"
            spellCheck={false}
          />
          <TextInput
            {...f.text('password')}
            type="password"
            label="Password"
            autoComplete="current-password"
          />
        </>
      )}
    </ActionForm>
  );
}
