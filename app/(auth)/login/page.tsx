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
import { AuthError } from 'next-auth';
import { CIS2_MESSAGES, classifyCis2Failure, safeRoleText } from '@/lib/auth/cis2-failures';
import { cis2Enabled as isCis2Enabled, recordCis2Failure } from '@/lib/server/auth/oidc';
import { getRequestMeta } from '@/lib/server/request-meta';

export const metadata: Metadata = { title: 'Sign in' };

/** The message for a failed or refused CIS2 sign-in (`error=cis2-<reason>`), if it is one. */
function cis2Message(error: string, role?: string, roleName?: string): string | null {
  if (!error.startsWith('cis2-')) return null;
  const reason = error.slice('cis2-'.length);
  const message = CIS2_MESSAGES[reason];
  if (!message) return null;
  const code = safeRoleText(role);
  const name = safeRoleText(roleName);
  if (reason === 'role-not-mapped' && code) {
    const named = name ? `“${name}” (${code})` : code;
    return `The role you selected in NHS CIS2, ${named}, does not give access to CTO Tracker. Sign in again and select a role that does, or ask your system administrator.`;
  }
  return message;
}

const ERRORS: Record<string, string> = {
  CredentialsSignin: signInRefusedMessage(),
  AccessDenied: 'You do not have an account on CTO Tracker. Ask your system administrator.',
  SessionRequired: 'Sign in to continue.',
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; reason?: string; role?: string; roleName?: string }>;
}) {
  if (await getActor()) redirect('/');
  const { error, reason, role, roleName } = await searchParams;
  const cis2Enabled = isCis2Enabled();
  const errorMessage = error ? (cis2Message(error, role, roleName) ?? ERRORS[error]) : undefined;
  async function signInWithCis2() {
    'use server';
    try {
      await signIn('cis2', { redirectTo: '/' });
    } catch (failure) {
      // Redirects (to the provider) pass through; a failure to even start is explained.
      if (!(failure instanceof AuthError)) throw failure;
      const { reason: why, providerError } = classifyCis2Failure([failure]);
      const meta = await getRequestMeta('/login');
      await recordCis2Failure(why, meta, { providerError });
      redirect(`/login?error=cis2-${why}`);
    }
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
              {errorMessage ? (
                <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
                  <h2 className="nhsuk-error-summary__title">There is a problem</h2>
                  <div className="nhsuk-error-summary__body">
                    <p>{errorMessage}</p>
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
