import 'server-only';
// Loads an order for one of its flow pages: the reader's permission and scope (getOrder, which
// audits the read), the patient's name for the page, and a fresh one-time key for the form.
import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import { requireActor, type Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from './access';
import { getOrder, type OrderView } from './get-order';

export type OrderPage =
  | {
      ok: true;
      actor: Actor;
      view: OrderView;
      patientName: string;
      idempotencyKey: string;
      now: Date;
    }
  | { ok: false; actor: Actor };

export async function loadOrderPage(
  params: Promise<{ patientId: string; orderId: string }>,
  route: string,
): Promise<OrderPage> {
  const actor = await requireActor();
  const { patientId, orderId } = await params;
  const now = new Date();
  let view: OrderView;
  try {
    view = await getOrder(
      {
        actor,
        now,
        meta: await getRequestMeta(`/patients/${patientId}/orders/${orderId}/${route}`),
      },
      patientId,
      orderId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return { ok: false, actor };
    throw error;
  }
  const patient = await db.patient.findUniqueOrThrow({
    where: { id: view.order.patientId },
    select: { givenName: true, familyName: true },
  });
  return {
    ok: true,
    actor,
    view,
    patientName: `${patient.givenName} ${patient.familyName}`,
    idempotencyKey: randomUUID(),
    now,
  };
}
