'use client';
import { useActionState } from 'react';
import { Button, ErrorSummary, TextInput } from 'nhsuk-react-components';
import type { SignInState } from '@/lib/schemas/sign-in';

export function SignInForm({
  action,
}: {
  action: (state: SignInState, form: FormData) => Promise<SignInState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const hasErrors = Boolean(state.message) || Object.keys(errors).length > 0;
  return (
    <form action={formAction} noValidate>
      {hasErrors ? (
        <ErrorSummary>
          <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
          <ErrorSummary.List>
            {state.message ? (
              <ErrorSummary.ListItem href="#email">{state.message}</ErrorSummary.ListItem>
            ) : null}
            {errors.email ? (
              <ErrorSummary.ListItem href="#email">{errors.email}</ErrorSummary.ListItem>
            ) : null}
            {errors.password ? (
              <ErrorSummary.ListItem href="#password">{errors.password}</ErrorSummary.ListItem>
            ) : null}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      <TextInput
        id="email"
        name="email"
        type="email"
        label="Email address"
        autoComplete="username"
        spellCheck={false}
        defaultValue={state.email ?? ''}
        error={errors.email}
      />
      <TextInput
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        error={errors.password}
      />
      <Button type="submit" disabled={pending}>
        Sign in
      </Button>
    </form>
  );
}
