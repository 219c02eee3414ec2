import 'server-only';
// The Extension row of the renewal (extension) under way for the current period (s20A(4)): the
// services of its steps find it, or start it at the first step. The period and its window come
// from lib/cto.
import { currentExpiry, extensionWindow } from '@/lib/cto';
import { fromDbDate, toDbDate } from '@/lib/server/dates';
import type { LoadedOrder } from '@/lib/server/orders/snapshot';
import { toSnapshot } from '@/lib/server/orders/snapshot';
import type { ServiceContext } from './run-service';

export function currentExtensionRow(order: LoadedOrder) {
  const expiry = currentExpiry(toSnapshot(order));
  if (!expiry) return null;
  return (
    [...order.extensions]
      .reverse()
      .find((e) => e.status === 'IN_PROGRESS' && fromDbDate(e.expiryDate) === expiry) ?? null
  );
}

/** The extension in progress for the current expiry, started if there is none. */
export async function ensureExtensionRow<I>(ctx: ServiceContext<I>, order: LoadedOrder) {
  const existing = currentExtensionRow(order);
  if (existing) return existing;
  const snapshot = toSnapshot(order);
  const expiry = currentExpiry(snapshot);
  const window = extensionWindow(snapshot);
  if (!expiry || !window) throw new Error('An extension needs an order that has been made.');
  return ctx.tx.extension.create({
    data: {
      orderId: order.id,
      periodIndex: Math.max(0, snapshot.extensionsGranted),
      expiryDate: toDbDate(expiry),
      windowOpensOn: toDbDate(window.opens),
      managersReviewDueOn: toDbDate(expiry),
    },
  });
}
