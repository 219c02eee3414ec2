import 'server-only';
// Helpers for the JSON API (app/api/v1): session authentication, clear JSON errors.
import type { z } from 'zod';
import { getActor, type Actor } from '@/lib/server/actor';
import { stampedMeta } from '@/lib/server/request-stamp';
import { zodFieldErrors } from '@/lib/server/services/run-service';

export function jsonError(
  status: number,
  code: string,
  message: string,
  details?: unknown,
): Response {
  return Response.json(
    { error: { code, message, ...(details === undefined ? {} : { details }) } },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

export async function apiActor(): Promise<Actor | Response> {
  const actor = await getActor();
  return actor ?? jsonError(401, 'UNAUTHENTICATED', 'Sign in first: this API uses your session.');
}

export function badRequest(error: z.ZodError): Response {
  return jsonError(
    400,
    'INVALID_QUERY',
    'The query parameters are not valid.',
    zodFieldErrors(error),
  );
}

export function requestMeta(request: Request, route: string) {
  return {
    ...stampedMeta(request.headers),
    userAgent: request.headers.get('user-agent'),
    route,
  };
}
