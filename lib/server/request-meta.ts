import 'server-only';
import { headers } from 'next/headers';
import type { RequestMeta } from '@/lib/server/audit/record-audit';
import { stampedMeta } from '@/lib/server/request-stamp';

/**
 * Request metadata for the audit trail. The client's address is the one the HTTP server
 * resolved (lib/server/request-stamp.ts: the socket, or X-Forwarded-For only from
 * TRUSTED_PROXIES); the request id is a trusted proxy's or the one proxy.ts issued.
 */
export async function getRequestMeta(route?: string): Promise<RequestMeta> {
  const h = await headers();
  return {
    ...stampedMeta(h),
    userAgent: h.get('user-agent'),
    route: route ?? h.get('x-pathname'),
  };
}
