import type { Metadata } from 'next';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { NoPermission } from '@/components/ui/no-permission';
import { availability, NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import { RecordDeathForm } from '@/components/orders/death-and-assignment-forms';
import { londonNow } from '@/components/orders/london-now';
import { recordDeathAction } from './actions';

export const metadata: Metadata = { title: 'Record the patient’s death' };

export default async function DeathPage({
  params,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
}) {
  const page = await loadOrderPage(params, 'death');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view, now } = page;
  const death = availability(view.events, 'DEATH');
  return (
    <OrderPageFrame
      patientId={view.order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Record the patient’s death"
    >
      {death?.allowed ? (
        <>
          <p>The order ends with the patient. Open tasks and pending requests are closed.</p>
          <RecordDeathForm
            action={recordDeathAction}
            orderId={view.order.id}
            version={view.order.version}
            idempotencyKey={page.idempotencyKey}
            today={londonNow(now).today}
          />
        </>
      ) : (
        <NotNow event={death} />
      )}
    </OrderPageFrame>
  );
}
