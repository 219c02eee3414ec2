import 'server-only';
// The /api/auth/* route. Two things next-auth's own handlers do not do:
// 1. The request Auth.js sees carries the address people actually use (publicOrigin), not the
//    one Next.js hands route handlers, which turns 127.0.0.1 into localhost: otherwise the
//    callback's redirect_uri differs between the authorization and the code exchange, and the
//    provider refuses the exchange.
// 2. A failed CIS2 sign-in (cancelled, a changed state, a wrong nonce, a refused exchange, the
//    provider unreachable) lands on the sign-in page with a plain message and an audit row,
//    instead of a bare page.
import { Auth } from '@auth/core';
import { authConfig } from '@/lib/auth';
import { authRequestContext, type AuthRequestContext } from '@/lib/auth/auth-errors';
import { classifyCis2Failure } from '@/lib/auth/cis2-failures';
import { publicOrigin } from '@/lib/auth/public-origin';
import { CIS2_CALLBACK_PATH, recordCis2Failure } from '@/lib/server/auth/oidc';

export async function handleAuthRequest(incoming: Request): Promise<Response> {
  let origin: string;
  try {
    origin = publicOrigin(incoming.headers);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  const url = new URL(incoming.url);
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  const request = new Request(new URL(`${url.pathname}${url.search}`, origin), {
    method: incoming.method,
    headers: incoming.headers,
    body: hasBody ? await incoming.arrayBuffer() : undefined,
  });
  const context: AuthRequestContext = {
    errors: [],
    meta: {
      requestId: incoming.headers.get('x-request-id'),
      ipAddress: incoming.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null,
      userAgent: incoming.headers.get('user-agent'),
      route: url.pathname,
    },
  };
  const response = await authRequestContext.run(context, () =>
    Auth(request, authConfig as Parameters<typeof Auth>[1]),
  );
  if (url.pathname !== CIS2_CALLBACK_PATH || context.errors.length === 0) return response;
  const location = response.headers.get('location');
  if (!location || new URL(location, origin).pathname !== '/login') return response;
  const failure = classifyCis2Failure(context.errors, url.searchParams.get('error'));
  await recordCis2Failure(failure.reason, context.meta, { providerError: failure.providerError });
  const headers = new Headers(response.headers);
  headers.set('location', `${origin}/login?error=cis2-${failure.reason}`);
  return new Response(null, { status: response.status, headers });
}
