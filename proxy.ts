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

/** Next.js's own limit for a server action's body (serverActions.bodySizeLimit, 1 MB). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function refusal(request: NextRequest, status: 403 | 411 | 413, title: string, text: string) {
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (request.nextUrl.pathname.startsWith('/api/')) {
    const code = { 403: 'CROSS_ORIGIN', 411: 'LENGTH_REQUIRED', 413: 'BODY_TOO_LARGE' }[status];
    return NextResponse.json({ error: { code, message: text } }, { status, headers });
  }
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} - CTO Tracker</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Go to the home page</a></p></main></body></html>`;
  return new NextResponse(html, {
    status,
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
  });
}

/**
 * A request that changes something, refused before Next.js sees it (issue 12 §6): Next.js
 * answers a server action from another origin, or with a body over its limit, with a 500.
 * Sign-in callbacks (/api/auth) keep next-auth's own checks: an identity provider may post to them.
 */
function refuseUnsafeWrite(request: NextRequest): NextResponse | null {
  if (SAFE_METHODS.has(request.method) || request.nextUrl.pathname.startsWith('/api/auth/')) {
    return null;
  }
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = origin === 'null' ? null : new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) {
      return refusal(
        request,
        403,
        'This form was sent from another website',
        'Nothing has been saved. Open CTO Tracker directly and fill in the form there.',
      );
    }
  }
  const length = request.headers.get('content-length');
  if (length === null) {
    if (request.headers.get('transfer-encoding') !== null) {
      return refusal(
        request,
        411,
        'The form could not be read',
        'Nothing has been saved: the form was sent without its length. Try again from the page.',
      );
    }
    return null;
  }
  if (!/^\d+$/.test(length) || Number(length) > BODY_LIMIT_BYTES) {
    return refusal(
      request,
      413,
      'What you sent is too large',
      'Nothing has been saved: a form can be at most 1 MB. Shorten what you typed and try again.',
    );
  }
  return null;
}

export function proxy(request: NextRequest): NextResponse {
  const refused = refuseUnsafeWrite(request);
  if (refused) return refused;
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
