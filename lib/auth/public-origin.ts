import 'server-only';
// The address people use for CTO Tracker: AUTH_URL's origin when set, otherwise the request's
// Host (and X-Forwarded-Host / -Proto from a proxy). Next.js rewrites 127.0.0.1 to localhost
// in the URLs it hands route handlers, so the sign-in callback must not be built from those:
// CIS2 would see a different redirect_uri at the code exchange than at the authorization.
import { env } from '@/lib/env';

export function publicOrigin(headers: Headers): string {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host) || !/^https?$/.test(proto)) {
    throw new Error('The request has no usable Host header');
  }
  return `${proto}://${host}`;
}
