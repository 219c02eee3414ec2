import 'server-only';
// The errors Auth.js reports while it handles one request: its logger writes them here, and
// the sign-in route (lib/auth/route.ts) turns them into a message and an audit row. Auth.js
// itself only redirects to the sign-in page with a generic error type.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestMeta } from '@/lib/server/audit/record-audit';

export interface AuthRequestContext {
  errors: unknown[];
  meta: RequestMeta;
}

export const authRequestContext = new AsyncLocalStorage<AuthRequestContext>();

export function reportAuthError(error: unknown): void {
  authRequestContext.getStore()?.errors.push(error);
}

export function currentAuthMeta(): RequestMeta | null {
  return authRequestContext.getStore()?.meta ?? null;
}
