import 'server-only';
// A server action's bound arguments (`action.bind(null, patientId)`) come back from the browser
// with the form, so a client can send anything in their place: a number, null, nothing, or an
// object that Prisma would read as an operator (issue 12 §6). Every action parses them here,
// with zod, before anything else uses them; a bad one answers as "not found" and is audited as a
// denied attempt, as the services do for a record out of scope.
import { z } from 'zod';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { db } from '@/lib/server/db';
import { getRequestMeta } from '@/lib/server/request-meta';
import type { ServiceActor } from '@/lib/server/services/run-service';
import type { FormState } from '@/lib/schemas/form-state';

const boundId = z.uuid();

/** The ids if every one is a well-formed id; otherwise null, with the attempt audited. */
export async function parseBoundIds<K extends string>(
  actor: ServiceActor,
  auditAction: string,
  ids: Record<K, unknown>,
): Promise<Record<K, string> | null> {
  const parsed = z.record(z.string(), boundId).safeParse(ids);
  if (parsed.success) return parsed.data as Record<K, string>;
  await recordAudit(db, {
    actor: { userId: actor.userId, email: actor.email, roles: actor.roles },
    meta: await getRequestMeta(),
    action: auditAction,
    outcome: 'DENIED',
    reason: 'malformed-id',
  });
  return null;
}

/** What the form shows when a bound id was not a real one. */
export function notFoundState(what: string): FormState {
  return { ok: false, message: `${what} was not found.` };
}
