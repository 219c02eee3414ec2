// Writing audit events (ISO 27789: who, what, when, outcome; identifiers only, never
// clinical content). Call it with the transaction client of the change it records, so
// that an audit failure fails the change (architecture.md, step 4).
import type { Db, Tx } from '@/lib/server/db';
import type { AuditOutcome, Prisma } from '@/lib/generated/prisma/client';

export interface AuditActor {
  userId: string | null;
  email?: string | null;
  roles?: readonly string[];
}

export interface RequestMeta {
  requestId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  route?: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string; // e.g. 'patient.read', 'recall.record', 'auth.sign-in'
  outcome: AuditOutcome;
  entityType?: string | null;
  entityId?: string | null;
  patientId?: string | null;
  reason?: string | null; // refusal code or break-glass reason: never clinical content
  breakGlassId?: string | null;
  meta?: RequestMeta;
  metadata?: Prisma.InputJsonValue; // identifiers and codes only
}

// Strip control characters (log injection, ASVS 16.4.1) and bound the length.
function clean(value: string | null | undefined, max = 500): string | null {
  if (value === null || value === undefined) return null;
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, max);
}

function rowOf(entry: AuditEntry) {
  return {
    userId: entry.actor.userId,
    userEmail: clean(entry.actor.email ?? null, 320),
    roles: [...(entry.actor.roles ?? [])],
    action: entry.action,
    outcome: entry.outcome,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    patientId: entry.patientId ?? null,
    reason: clean(entry.reason ?? null),
    breakGlassId: entry.breakGlassId ?? null,
    requestId: clean(entry.meta?.requestId ?? null, 100),
    ipAddress: clean(entry.meta?.ipAddress ?? null, 100),
    userAgent: clean(entry.meta?.userAgent ?? null, 300),
    route: clean(entry.meta?.route ?? null, 300),
    metadata: entry.metadata ?? {},
  };
}

/** Whether the client is the root client (not inside an interactive transaction). */
function isRoot(client: Tx | Db): client is Db {
  return '$transaction' in client && typeof client.$transaction === 'function';
}

/**
 * Records one audit event. Inside a transaction (every change) the row goes straight into the
 * trail, chained by the trigger under the chain's lock until the change commits, so an audit
 * failure fails the change. Outside one (reads), the row is queued without the lock and then
 * chained by audit_queue_flush together with every other queued row; this waits until its own
 * row is chained, so the read's row is in the trail when it returns (decision 823).
 */
export async function recordAudit(client: Tx | Db, entry: AuditEntry): Promise<void> {
  if (!isRoot(client)) {
    await client.auditEvent.create({ data: rowOf(entry) });
    return;
  }
  const queued = await client.auditQueue.create({ data: rowOf(entry), select: { id: true } });
  await flushAuditQueue(client, queued.id);
}

/** Chains every queued audit row (or returns at once if `mine` was chained by another flush). */
export async function flushAuditQueue(
  client: Tx | Db,
  mine: bigint | null = null,
): Promise<number> {
  const rows = await client.$queryRaw<{ moved: number }[]>`
    SELECT audit_queue_flush(${mine}::bigint) AS moved`;
  return rows[0]?.moved ?? 0;
}
