import 'server-only';
// What the order-event services of issue 5 part B share: the idempotent run (a double-submitted
// form answers with the first result even when the two submissions raced), the law's verdict
// with its refusal shown beside the field it is about, the statutory form row, and the small
// look-ups their pages need (hospitals, AMHPs). No law here: lib/cto decides.
import type { CallOptions } from './run-service';
import type { z } from 'zod';
import type { OrderEvent, RefusalCode, Warning } from '@/lib/cto';
import type { Prisma, StatutoryFormType } from '@/lib/generated/prisma/client';
import { db as defaultDb } from '@/lib/server/db';
import {
  commit,
  decide,
  type CommitOptions,
  type CommitResult,
} from '@/lib/server/orders/record-event';
import type { LoadedOrder } from '@/lib/server/orders/snapshot';
import { createForm, keyOf } from './order-service-support';
import {
  Refusal,
  runService,
  type ServiceContext,
  type ServiceOptions,
  type ServiceResult,
} from './run-service';

export type { CallOptions };
export { keyOf } from './order-service-support';

/** runService with the form's one-time key, so a double-submitted form answers once. */
export function runOrderService<S extends z.ZodType, T extends Prisma.InputJsonValue>(
  options: Omit<ServiceOptions<S, T>, 'idempotencyKey'>,
): Promise<ServiceResult<T>> {
  return runService({ ...options, idempotencyKey: keyOf(options.input) });
}

export { loadOrderForChange } from '@/lib/server/orders/record-event';

/**
 * lib/cto's verdict (decide), with the refusal also shown beside the field it is about, so the
 * person sees the law's message (with its dates) next to what they typed.
 */
export function decideAt<I>(
  ctx: ServiceContext<I>,
  order: LoadedOrder,
  event: OrderEvent,
  fields: Partial<Record<RefusalCode, string>> = {},
) {
  try {
    return decide(ctx, order, event);
  } catch (error) {
    if (error instanceof Refusal && !error.fieldErrors) {
      const field = fields[error.reason as RefusalCode];
      if (field) throw new Refusal(error.reason, error.message, { [field]: error.message });
    }
    throw error;
  }
}

/** Commits, then queues the follow-up work (documents, notifications) in the same transaction. */
export async function commitAndQueue<I>(
  ctx: ServiceContext<I>,
  options: CommitOptions,
): Promise<CommitResult> {
  const result = await commit(ctx, options);
  // Identifiers only: the worker reads what it needs in scope.
  await ctx.enqueue('order-event.recorded', {
    orderId: options.order.id,
    patientId: options.order.patientId,
    eventId: result.eventId,
    type: options.outcome.type,
  });
  return result;
}

export function plainWarnings(warnings: readonly Warning[]): { code: string; message: string }[] {
  return warnings.map((w) => ({ code: w.code, message: w.message }));
}

/** A statutory form row (CTO3 ... CTO8), signed by the actor; its facts are what was entered. */
export function createStatutoryForm<I>(
  ctx: ServiceContext<I>,
  order: LoadedOrder,
  type: StatutoryFormType,
  facts: Prisma.InputJsonValue,
  times: { signedAt?: Date | null; furnishedAt?: Date | null; receivedAt?: Date | null } = {},
): Promise<string> {
  return createForm(ctx.tx, order, type, {
    facts,
    signedById: ctx.actor.userId,
    signedAt: times.signedAt ?? ctx.now,
    furnishedAt: times.furnishedAt ?? null,
    receivedAt: times.receivedAt ?? null,
  });
}

/** The current (latest, not entered in error) recall of a loaded order. */
export function currentRecall(order: LoadedOrder) {
  return order.recalls[order.recalls.length - 1] ?? null;
}

/** Where a recalled patient is detained now: the hospital of the last transfer, or of recall. */
export async function hospitalOfDetention<I>(
  ctx: ServiceContext<I>,
  recall: { id: string; hospitalId: string },
): Promise<string> {
  const last = await ctx.tx.recallTransfer.findFirst({
    where: { recallId: recall.id },
    orderBy: { transferredAt: 'desc' },
    select: { toHospitalId: true },
  });
  return last?.toHospitalId ?? recall.hospitalId;
}

// --- Look-ups for the forms (no patient data) -------------------------------------------------

export interface Option {
  value: string;
  label: string;
}

/** Every active hospital: a patient may be recalled to any hospital (s17E(3)). */
export async function listHospitalOptions(): Promise<Option[]> {
  const rows = await defaultDb.hospital.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, underOurManagers: true },
  });
  return rows.map((h) => ({
    value: h.id,
    label: h.underOurManagers ? h.name : `${h.name} (another provider)`,
  }));
}

/** People who hold the AMHP role now. */
export async function listAmhpOptions(): Promise<Option[]> {
  const rows = await defaultDb.user.findMany({
    where: { active: true, roles: { some: { role: 'AMHP', revokedAt: null } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, jobTitle: true },
  });
  return rows.map((u) => ({
    value: u.id,
    label: u.jobTitle ? `${u.name}, ${u.jobTitle}` : u.name,
  }));
}

export type { ServiceResult };
