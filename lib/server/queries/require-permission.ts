import 'server-only';
// For queries that are not scoped by patient (the audit trail, break-glass reviews, users):
// the permission check, with a refusal audited as DENIED (ASVS 16.3.2) and thrown.
import { scopeFor, type Action, type Scope } from '@/lib/auth/permissions';
import { AccessDenied, audit, type QueryContext } from './access';

export async function requirePermission(ctx: QueryContext, action: Action): Promise<Scope> {
  const scope = scopeFor(ctx.actor.roles, action);
  if (scope === null) {
    await audit(ctx, { action, outcome: 'DENIED', reason: 'no-permission' });
    throw new AccessDenied(action);
  }
  return scope;
}
