// The one path every change of data takes (architecture.md):
// parse the input -> check the permission -> one transaction { load in scope, ask lib/cto,
// write with a version check, audit, outbox } -> a clear result.
// Services are one use case per file in this folder; each calls runService.
import { type z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import { scopeFor, type Action, type Scope } from '@/lib/auth/permissions';
import { db as defaultDb, type Db, type Tx } from '@/lib/server/db';
import { patientScopeWhere } from '@/lib/server/scope';
import { recordAudit, type AuditEntry, type RequestMeta } from '@/lib/server/audit/record-audit';
import type { Role } from '@/lib/auth/roles';

export interface ServiceActor {
  userId: string;
  email: string;
  name?: string;
  roles: readonly Role[];
  teamIds: readonly string[];
}

export type ErrorCode =
  'INVALID_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'REFUSED' | 'ERROR';

export type FieldErrors = Record<string, string>;

export type ServiceResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      /** The rule's own code when lib/cto or the service refused (e.g. 'OUTSIDE_RENEWAL_WINDOW'). */
      reason?: string;
      message: string;
      fieldErrors?: FieldErrors;
    };

/** Thrown inside a service to refuse with a specific, human message; rolls everything back. */
export class Refusal extends Error {
  constructor(
    public readonly reason: string,
    message: string,
    public readonly fieldErrors?: FieldErrors,
    public readonly code: Exclude<ErrorCode, 'INVALID_INPUT' | 'ERROR'> = 'REFUSED',
  ) {
    super(message);
  }
}

export const CONFLICT_MESSAGE =
  'This order changed since you opened it. Nothing you entered has been saved: reload the page to see the change, then try again.';

export interface ServiceContext<I> {
  tx: Tx;
  actor: ServiceActor;
  input: I;
  scope: Scope;
  now: Date;
  /** The actor's patient scope as a `where` clause: put it IN every query of patient data. */
  patientWhere: Prisma.PatientWhereInput;
  audit: (entry: Omit<AuditEntry, 'actor' | 'meta'>) => Promise<void>;
  enqueue: (topic: string, payload: Prisma.InputJsonValue) => Promise<void>;
  /** Checks a version and bumps it; refuses with a conflict if someone else changed the order. */
  bumpOrderVersion: (orderId: string, expectedVersion: number) => Promise<void>;
  refuse: (reason: string, message: string, fieldErrors?: FieldErrors) => never;
  notFound: (what: string) => never;
}

export interface ServiceOptions<S extends z.ZodType, T> {
  action: Action;
  /** Name of the use case in the audit trail, e.g. 'recall.record'. */
  auditAction: string;
  schema: S;
  actor: ServiceActor;
  input: unknown;
  meta?: RequestMeta;
  now?: Date;
  /** What the attempt is about when the input does not say (an id passed beside it). */
  subject?: AuditSubject;
  /**
   * Ids passed beside the input (a server action's bound arguments, which a client can forge):
   * each must be a well-formed id string, or the attempt is refused as "not found" and audited
   * before any query sees it (issue 12 §6: an object here reached a `where` clause).
   */
  ids?: readonly { value: unknown; what: string }[];
  /** A key the form generated once: a second submission returns the first result. */
  idempotencyKey?: string | null;
  db?: Db;
  /** The transaction's time limit (default 20 s); a bulk use case (importing a register) may need more. */
  transactionTimeoutMs?: number;
  execute: (ctx: ServiceContext<z.infer<S>>) => Promise<T>;
}

/** What callers may pass besides the actor and the input (tests pass `db` and `now`). */
export type CallOptions = Pick<ServiceOptions<z.ZodType, void>, 'meta' | 'now' | 'db'>;

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    errors[key] ??= issue.message;
  }
  return errors;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed id (a UUID string); anything else a client sent is not one. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

export const NUL_MESSAGE =
  'Remove the hidden null character from this answer (it can come with copied text): it cannot be saved';

/**
 * The paths of every string in `value` that holds a NUL character, which PostgreSQL text cannot
 * store. Forms and JSON give trees of objects, arrays and strings; deeper than 12 levels is
 * not a form of this service and is reported at its top.
 */
export function nulPaths(value: unknown, path: (string | number)[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.') || '_form'] : [];
  if (typeof value !== 'object' || value === null) return [];
  if (path.length > 12) return [path.join('.')];
  const found: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => found.push(...nulPaths(item, [...path, index])));
  } else {
    for (const key of Object.keys(value)) {
      if (key.includes('\u0000')) found.push(path.join('.') || '_form');
      found.push(...nulPaths((value as Record<string, unknown>)[key], [...path, key]));
    }
  }
  return found;
}

export interface AuditSubject {
  entityType?: string;
  entityId?: string;
  patientId?: string;
}

/**
 * What a refused attempt was about (identifiers only): the subject the service named, else the
 * order or patient in its input. Anything that is not a well-formed id is left out.
 */
function subjectOf(data: unknown, named?: AuditSubject): AuditSubject {
  if (named) {
    const subject: AuditSubject = {};
    if (named.entityType) subject.entityType = named.entityType;
    if (isId(named.entityId)) subject.entityId = named.entityId;
    if (isId(named.patientId)) subject.patientId = named.patientId;
    return subject;
  }
  if (typeof data !== 'object' || data === null) return {};
  const raw = data as { orderId?: unknown; patientId?: unknown };
  const orderId = typeof raw.orderId === 'string' && ID.test(raw.orderId) ? raw.orderId : null;
  const patientId =
    typeof raw.patientId === 'string' && ID.test(raw.patientId) ? raw.patientId : null;
  const subject: AuditSubject = {};
  if (patientId) subject.patientId = patientId;
  if (orderId) {
    subject.entityType = 'CommunityTreatmentOrder';
    subject.entityId = orderId;
  } else if (patientId) {
    subject.entityType = 'Patient';
    subject.entityId = patientId;
  }
  return subject;
}

/**
 * A refusal about an order names the order's patient too, so that the patient's access history
 * (read:patient-audit) shows it. Looked up by id, outside the actor's scope: the audit trail
 * records whose record was asked for, and the actor never sees it.
 */
async function withPatient(client: Db, subject: AuditSubject): Promise<AuditSubject> {
  if (subject.patientId || subject.entityType !== 'CommunityTreatmentOrder' || !subject.entityId)
    return subject;
  const order = await client.communityTreatmentOrder.findUnique({
    where: { id: subject.entityId },
    select: { patientId: true },
  });
  return order ? { ...subject, patientId: order.patientId } : subject;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

// Services that return nothing are allowed: their result is stored as null for replays.
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type
export async function runService<S extends z.ZodType, T extends Prisma.InputJsonValue | void>(
  options: ServiceOptions<S, T>,
): Promise<ServiceResult<T>> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const actor = options.actor;
  const auditBase = {
    actor: { userId: actor.userId, email: actor.email, roles: actor.roles },
    meta: options.meta,
  };

  // The permission first: someone who may not do this learns nothing from validation.
  const scope = scopeFor(actor.roles, options.action);
  if (scope === null) {
    await recordAudit(db, {
      ...auditBase,
      ...(await withPatient(db, subjectOf(options.input, options.subject))),
      action: options.auditAction,
      outcome: 'DENIED',
      reason: `no-permission:${options.action}`,
    });
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: 'You do not have permission to do this.',
    };
  }

  const malformed = (options.ids ?? []).find((id) => !isId(id.value));
  if (malformed) {
    await recordAudit(db, {
      ...auditBase,
      ...subjectOf(options.input, options.subject),
      action: options.auditAction,
      outcome: 'DENIED',
      reason: 'malformed-id',
    });
    return { ok: false, code: 'NOT_FOUND', message: `${malformed.what} was not found.` };
  }

  const withNul = nulPaths(options.input);
  if (withNul.length) {
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: 'There is a problem with what you entered: check the fields marked.',
      fieldErrors: Object.fromEntries(withNul.map((p) => [p, NUL_MESSAGE])),
    };
  }

  const parsed = options.schema.safeParse(options.input);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: 'There is a problem with what you entered: check the fields marked.',
      fieldErrors,
    };
  }

  const key = options.idempotencyKey
    ? `${actor.userId}:${options.auditAction}:${options.idempotencyKey}`
    : null;
  const replay = async (): Promise<ServiceResult<T> | null> => {
    if (!key) return null;
    const previous = await db.idempotencyRecord.findUnique({ where: { key } });
    return previous ? (previous.result as unknown as ServiceResult<T>) : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;

  try {
    const data = await db.$transaction(
      async (tx) => {
        // Orders whose version this transaction has already checked and bumped (and so locked).
        const bumped = new Map<string, number>();
        const ctx: ServiceContext<z.infer<S>> = {
          tx,
          actor,
          input: parsed.data,
          scope,
          now,
          patientWhere: patientScopeWhere(actor, scope, now),
          audit: (entry) => recordAudit(tx, { ...auditBase, ...entry }),
          enqueue: async (topic, payload) => {
            await tx.outboxMessage.create({ data: { topic, payload } });
          },
          bumpOrderVersion: async (orderId, expectedVersion) => {
            // Once per order per transaction: the first call takes the row lock, so a second
            // writer waits here and then sees the new version (a conflict) rather than racing
            // on the rows written after it.
            const already = bumped.get(orderId);
            if (already !== undefined) {
              if (already !== expectedVersion)
                throw new Refusal('STALE_VERSION', CONFLICT_MESSAGE, undefined, 'CONFLICT');
              return;
            }
            const updated = await tx.communityTreatmentOrder.updateMany({
              where: { id: orderId, version: expectedVersion },
              data: { version: { increment: 1 } },
            });
            if (updated.count !== 1)
              throw new Refusal('STALE_VERSION', CONFLICT_MESSAGE, undefined, 'CONFLICT');
            bumped.set(orderId, expectedVersion);
          },
          refuse: (reason, message, fieldErrors) => {
            throw new Refusal(reason, message, fieldErrors);
          },
          notFound: (what) => {
            throw new Refusal('NOT_FOUND', `${what} was not found.`, undefined, 'NOT_FOUND');
          },
        };
        const result = await options.execute(ctx);
        if (key) {
          await tx.idempotencyRecord.create({
            data: {
              key,
              userId: actor.userId,
              action: options.auditAction,
              result: { ok: true, data: (result ?? null) as Prisma.InputJsonValue },
            },
          });
        }
        return result;
      },
      { timeout: options.transactionTimeoutMs ?? 20_000, maxWait: 20_000 },
    );
    return { ok: true, data };
  } catch (error) {
    if (
      key &&
      (isUniqueViolation(error) || (error instanceof Refusal && error.code === 'CONFLICT'))
    ) {
      // The same submission arrived twice at once (a double click): the first one won, and the
      // second either hit its idempotency key or lost the version race to its twin. The person
      // did one thing and it was done: answer with the first result.
      const first = await replay();
      if (first) return first;
    }
    if (error instanceof Refusal) {
      await recordAudit(db, {
        ...auditBase,
        ...(await withPatient(db, subjectOf(parsed.data, options.subject))),
        action: options.auditAction,
        outcome: error.code === 'NOT_FOUND' ? 'DENIED' : 'FAILURE',
        reason: error.reason,
      });
      return {
        ok: false,
        code: error.code,
        reason: error.reason,
        message: error.message,
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      };
    }
    throw error;
  }
}

/** A service's result as the state its form shows (error summary, field errors, success). */
export function toFormState<T>(
  result: ServiceResult<T>,
  successMessage: string,
  values?: Record<string, string | string[]>,
): {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string | string[]>;
} {
  if (result.ok) return { ok: true, message: successMessage };
  return {
    ok: false,
    message: result.message,
    ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
    ...(values ? { values } : {}),
  };
}
