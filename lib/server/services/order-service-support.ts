import 'server-only';
// Small pieces the order-event services share (making, conditions, certificates, rights,
// discharge, nearest relative, death, assignment): options every service takes, the rows that
// live only as long as the order, and the statutory form row.
import type { Prisma, StatutoryFormType } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/server/db';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import type { LoadedOrder } from '@/lib/server/orders/snapshot';
import type { CallOptions } from './run-service';

/** What callers may pass besides the actor and the input (run-service's CallOptions). */
export type OrderServiceOptions = CallOptions;

/** The common answer of an order-event service. */
export interface OrderEventResult {
  [key: string]: Prisma.InputJsonValue | null;
  orderId: string;
  patientId: string;
  eventId: string;
  state: string;
  expiry: string | null;
  warnings: string[];
}

/**
 * When an order ends (discharge, death, decline, withdrawal): its conditions end, its Part 4A
 * certificates stop applying and any recall episode still open ends with it.
 */
export async function closeOrderScopedRows(
  tx: Tx,
  orderId: string,
  at: Date,
  options: { certificates?: boolean; recall?: boolean } = {},
): Promise<void> {
  await tx.condition.updateMany({
    where: { orderId, status: { in: ['ACTIVE', 'SUSPENDED'] } },
    data: { status: 'ENDED', endedAt: at },
  });
  if (options.certificates !== false) {
    await tx.treatmentCertificate.updateMany({
      where: { orderId, status: 'ACTIVE', enteredInErrorAt: null },
      data: { status: 'ENDED', endedOn: toDbDate(londonDateOf(at)), endReason: 'ORDER_ENDED' },
    });
  }
  if (options.recall !== false) {
    await tx.recall.updateMany({
      where: { orderId, outcome: 'ONGOING', enteredInErrorAt: null },
      data: { outcome: 'ORDER_ENDED', endedAt: at },
    });
  }
}

export async function createForm(
  tx: Tx,
  order: Pick<LoadedOrder, 'id' | 'patientId'>,
  type: StatutoryFormType,
  data: {
    facts: Prisma.InputJsonValue;
    signedById?: string | null;
    signedAt?: Date | null;
    furnishedAt?: Date | null;
    receivedAt?: Date | null;
    receivedById?: string | null;
  },
): Promise<string> {
  const form = await tx.statutoryForm.create({
    data: {
      patientId: order.patientId,
      orderId: order.id,
      type,
      facts: data.facts,
      signedById: data.signedById ?? null,
      signedAt: data.signedAt ?? null,
      furnishedAt: data.furnishedAt ?? null,
      receivedAt: data.receivedAt ?? null,
      receivedById: data.receivedById ?? null,
    },
    select: { id: true },
  });
  return form.id;
}

/** The form's one-time key, if the input carries one (it is validated again by the schema). */
export function keyOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const key = (input as { idempotencyKey?: unknown }).idempotencyKey;
  return typeof key === 'string' && /^[A-Za-z0-9-]{8,100}$/.test(key) ? key : null;
}

export function warningMessages(warnings: readonly { message: string }[]): string[] {
  return warnings.map((w) => w.message);
}

export { loadOrderForChange } from '@/lib/server/orders/record-event';
