import 'server-only';
import { headers } from 'next/headers';
import type { RequestMeta } from '@/lib/server/audit/record-audit';

/** Request metadata for the audit trail, read from the incoming request's headers. */
export async function getRequestMeta(route?: string): Promise<RequestMeta> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    requestId: h.get('x-request-id'),
    ipAddress: forwarded ?? h.get('x-real-ip') ?? null,
    userAgent: h.get('user-agent'),
    route: route ?? h.get('x-pathname'),
  };
}
