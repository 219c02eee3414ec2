// Runs before every page and API request (Next.js 16 "proxy", formerly middleware).
// It sets the security headers and a per-request nonce for the content security policy,
// and passes the path and a request id on for the audit trail. It does NOT authorise:
// pages, server actions and services check the session and permissions themselves.
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';

function contentSecurityPolicy(nonce: string): string {
  const dev = env.NODE_ENV === 'development';
  const oidcOrigin = env.OIDC_ISSUER ? new URL(env.OIDC_ISSUER).origin : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' https://assets.nhs.uk",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${oidcOrigin}`.trim(),
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set('x-pathname', request.nextUrl.pathname);
  if (!requestHeaders.get('x-request-id')) requestHeaders.set('x-request-id', crypto.randomUUID());

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set(
    'Permissions-Policy',
    'camera=(), microphone=(), geolocation=(), payment=()',
  );
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  // Browsers ignore HSTS on plain http, so it is safe to send whenever in production.
  if (env.NODE_ENV === 'production') {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  // Patient data must not be kept in shared caches.
  if (!request.nextUrl.pathname.startsWith('/_next/static')) {
    response.headers.set('Cache-Control', 'no-store');
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|nhsuk/|favicon.ico).*)'],
};
