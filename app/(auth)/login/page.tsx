import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AppHeader } from '@/components/ui/app-header';
import { AppFooter } from '@/components/ui/app-footer';
import { SignInForm } from '@/components/forms/sign-in-form';
import { getActor } from '@/lib/server/actor';
import { env } from '@/lib/env';
import { signInAction } from './actions';
import { signIn } from '@/lib/auth';
import { signInRefusedMessage } from '@/lib/server/auth/authenticate';

export const metadata: Metadata = { title: 'Sign in' };

const ERRORS: Record<string, string> = {
  CredentialsSignin: signInRefusedMessage(),
  AccessDenied: 'You do not have an account on CTO Tracker. Ask your system administrator.',
  SessionRequired: 'Sign in to continue.',
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; reason?: string }>;
}) {
  if (await getActor()) redirect('/');
  const { error, reason } = await searchParams;
  const cis2Enabled = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
  async function signInWithCis2() {
    'use server';
    await signIn('cis2', { redirectTo: '/' });
  }
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <AppHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <h1>Sign in to CTO Tracker</h1>
              {reason === 'expired' ? (
                <div className="nhsuk-inset-text">
                  <span className="nhsuk-u-visually-hidden">Information: </span>
                  <p>
                    You were signed out because you had been signed in for the longest time allowed.
                    Sign in again to continue.
                  </p>
                </div>
              ) : null}
              {reason === 'timeout' ? (
                <div className="nhsuk-inset-text">
                  <span className="nhsuk-u-visually-hidden">Information: </span>
                  <p>You were signed out because you had not done anything for a while.</p>
                </div>
              ) : null}
              {error && ERRORS[error] ? (
                <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
                  <h2 className="nhsuk-error-summary__title">There is a problem</h2>
                  <div className="nhsuk-error-summary__body">
                    <p>{ERRORS[error]}</p>
                  </div>
                </div>
              ) : null}
              {cis2Enabled ? (
                <form action={signInWithCis2}>
                  <button type="submit" className="nhsuk-button">
                    Sign in with {env.OIDC_PROVIDER_NAME}
                  </button>
                </form>
              ) : null}
              {env.AUTH_CREDENTIALS_ENABLED ? <SignInForm action={signInAction} /> : null}
            </div>
          </div>
        </main>
      </div>
      <AppFooter />
    </>
  );
}
