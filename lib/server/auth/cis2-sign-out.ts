import 'server-only';
// Signing out at NHS CIS2 as well (OpenID Connect RP-initiated logout): the browser is sent
// to the provider's end_session_endpoint with the session's ID token as id_token_hint, and
// comes back to the sign-in page. Without this the provider's session outlives the app's and
// the next "Sign in with NHS CIS2" signs the person straight back in.
import { z } from 'zod';
import { env } from '@/lib/env';
import { sessionProviderToken } from '@/lib/server/sessions';
import { CIS2_PROVIDER_ID } from '@/lib/server/auth/oidc';

const discoverySchema = z.object({ end_session_endpoint: z.url().optional() });
const DISCOVERY_TTL_MS = 10 * 60_000;
let cached: { at: number; endSession: string | null } | undefined;

async function endSessionEndpoint(issuerUrl: string): Promise<string | null> {
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.endSession;
  const issuer = issuerUrl.replace(/\/$/, '');
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const parsed = discoverySchema.parse(await response.json());
  cached = { at: Date.now(), endSession: parsed.end_session_endpoint ?? null };
  return cached.endSession;
}

export type ProviderSignOut =
  | { kind: 'none' } // not a CIS2 session (or the provider has no end_session_endpoint)
  | { kind: 'redirect'; url: string }
  | { kind: 'unreachable' };

/** Where to send the browser to end the provider's session for this app session. */
export async function providerSignOut(sessionId: string, origin: string): Promise<ProviderSignOut> {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return { kind: 'none' };
  const session = await sessionProviderToken(sessionId);
  if (session?.provider !== CIS2_PROVIDER_ID) return { kind: 'none' };
  let endpoint: string | null;
  try {
    endpoint = await endSessionEndpoint(env.OIDC_ISSUER);
  } catch {
    return { kind: 'unreachable' };
  }
  if (!endpoint) return { kind: 'none' };
  const url = new URL(endpoint);
  if (session.idToken) url.searchParams.set('id_token_hint', session.idToken);
  url.searchParams.set('client_id', env.OIDC_CLIENT_ID);
  url.searchParams.set('post_logout_redirect_uri', `${origin}/login`);
  return { kind: 'redirect', url: url.toString() };
}
