// What went wrong in a CIS2 sign-in, from the errors Auth.js reports, and what the sign-in
// page says about it. Pure, so that the unit tests can check each case.

export const CIS2_FAILURES = [
  'cancelled',
  'provider-error',
  'state-mismatch',
  'nonce-mismatch',
  'check-expired',
  'redirect-mismatch',
  'client-rejected',
  'code-rejected',
  'provider-unreachable',
  'failed',
] as const;
export type Cis2Failure = (typeof CIS2_FAILURES)[number];

export interface ClassifiedFailure {
  reason: Cis2Failure;
  /** The provider's own error code (access_denied, invalid_grant...), when it sent one. */
  providerError: string | null;
}

/** Every message, name, code and OAuth error field in an error and its causes. */
function describe(error: unknown, depth = 0): string[] {
  if (depth > 6 || error === null || error === undefined) return [];
  if (typeof error === 'string') return [error];
  if (typeof error !== 'object') return [];
  const e = error as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['name', 'type', 'message', 'code', 'error', 'error_description']) {
    if (typeof e[key] === 'string') parts.push(`${key}=${e[key] as string}`);
  }
  if (e.cause !== undefined) parts.push(...describe(e.cause, depth + 1));
  if (e.err !== undefined) parts.push(...describe(e.err, depth + 1));
  return parts;
}

function providerErrorOf(error: unknown, depth = 0): string | null {
  if (depth > 6 || typeof error !== 'object' || error === null) return null;
  const e = error as Record<string, unknown>;
  if (typeof e.error === 'string' && /^[a-z_]{3,60}$/.test(e.error)) return e.error;
  return providerErrorOf(e.cause, depth + 1) ?? providerErrorOf(e.err, depth + 1);
}

/**
 * @param callbackError the `error` parameter of the provider's authorization response (the
 * callback's query), where the provider says what went wrong on its side (access_denied...).
 */
export function classifyCis2Failure(
  errors: readonly unknown[],
  callbackError: string | null = null,
): ClassifiedFailure {
  const text = errors.flatMap((e) => describe(e)).join(' | ');
  const fromCallback = callbackError && /^[a-z_]{3,60}$/.test(callbackError) ? callbackError : null;
  const providerError = fromCallback ?? errors.map((e) => providerErrorOf(e)).find(Boolean) ?? null;
  const is = (re: RegExp) => re.test(text);
  let reason: Cis2Failure = 'failed';
  if (providerError === 'access_denied') reason = 'cancelled';
  else if (is(/OAuthCallbackError/)) reason = 'provider-error';
  else if (is(/redirect_uri/i)) reason = 'redirect-mismatch';
  else if (providerError === 'invalid_client' || providerError === 'unauthorized_client')
    reason = 'client-rejected';
  else if (providerError === 'invalid_grant') reason = 'code-rejected';
  else if (is(/"state"|state value could not be parsed|state cookie/i)) reason = 'state-mismatch';
  else if (is(/nonce/i)) reason = 'nonce-mismatch';
  else if (is(/pkceCodeVerifier|InvalidCheck/)) reason = 'check-expired';
  else if (is(/fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|UND_ERR/))
    reason = 'provider-unreachable';
  return { reason, providerError };
}

/** The sign-in page's message for each failure and refusal (`/login?error=cis2-<reason>`). */
export const CIS2_MESSAGES: Record<string, string> = {
  cancelled: 'You cancelled signing in with NHS CIS2. Sign in again to continue.',
  'provider-error':
    'NHS CIS2 could not sign you in. Try again, and if it happens again contact your IT service desk.',
  'state-mismatch':
    'Signing in could not be completed because the reply from NHS CIS2 did not match this browser’s request. Start again from this page.',
  'nonce-mismatch':
    'Signing in could not be completed because the identity NHS CIS2 sent did not match this browser’s request. Start again from this page.',
  'check-expired':
    'Signing in took too long or was started in another window. Start again from this page.',
  'redirect-mismatch':
    'NHS CIS2 refused CTO Tracker’s return address. Tell your system administrator: the address registered with NHS CIS2 must match this service’s address.',
  'client-rejected':
    'NHS CIS2 did not accept CTO Tracker’s credentials. Tell your system administrator.',
  'code-rejected': 'NHS CIS2 did not accept the sign-in. Start again from this page.',
  'provider-unreachable':
    'NHS CIS2 cannot be reached at the moment. Try again in a few minutes, or sign in another way if your trust allows it.',
  failed:
    'Signing in with NHS CIS2 failed. Try again, and if it happens again tell your system administrator.',
  'invalid-claims':
    'NHS CIS2 did not send the details CTO Tracker needs to identify you. Tell your system administrator.',
  'assurance-too-low':
    'You signed in to NHS CIS2 with a method that is not strong enough for CTO Tracker. Sign in again with your smartcard or another authenticator at the required level.',
  'no-local-account':
    'You do not have an account on CTO Tracker. Ask your system administrator to add you.',
  inactive: 'Your account has been deactivated. Contact your system administrator.',
  'linked-to-another':
    'Your email address belongs to a CTO Tracker account linked to a different NHS CIS2 user. Ask your system administrator to check the account.',
  'no-selected-role':
    'NHS CIS2 did not say which role you selected. Sign in again and select a role.',
  'role-not-mapped':
    'The role you selected in NHS CIS2 does not give access to CTO Tracker. Sign in again and select a role that does, or ask your system administrator.',
  'signout-incomplete':
    'You are signed out of CTO Tracker, but NHS CIS2 could not be reached to end your session there. Close your browser to end it.',
};

/** A role's name or code for the message, only if it looks like one (it comes from the URL). */
export function safeRoleText(value: string | undefined): string | null {
  if (!value) return null;
  return /^[A-Za-z0-9 :'(),&./-]{1,100}$/.test(value) ? value : null;
}
