import 'server-only';
// The actor's own break-glass grant, for the banner on the patient page. Not audited here:
// the read of the patient that shows it is audited with the grant's id (get-patient.ts).
import { db } from '@/lib/server/db';
import type { QueryContext } from './access';

export async function getOwnBreakGlass(ctx: QueryContext, breakGlassId: string) {
  return (ctx.client ?? db).breakGlassAccess.findFirst({
    where: { id: breakGlassId, userId: ctx.actor.userId },
    select: { id: true, reason: true, grantedAt: true, expiresAt: true, endedAt: true },
  });
}
