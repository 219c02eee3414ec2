import type { Metadata } from 'next';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { listNearestRelativeOrders } from '@/lib/server/queries/get-order-records';
import { NoPermission } from '@/components/ui/no-permission';
import { availability, NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import { BarringReportForm } from '@/components/orders/nearest-relative-forms';
import { PendingNearestRelativeOrder } from '@/components/orders/nearest-relative-orders';
import { londonNow } from '@/components/orders/london-now';
import { recordBarringReportAction } from './actions';

export const metadata: Metadata = { title: 'Barring report (M2)' };

export default async function BarringReportPage({
  params,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
}) {
  const page = await loadOrderPage(params, 'nearest-relative/barring');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view, now } = page;
  const order = view.order;
  const pending = (await listNearestRelativeOrders({}, order.id)).find(
    (r) => r.outcome === 'PENDING',
  );
  const bar = availability(view.events, 'NR_BARRING_REPORT');
  const { today, time } = londonNow(now);
  return (
    <OrderPageFrame
      patientId={order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Bar the nearest relative’s discharge (M2)"
    >
      {pending ? <PendingNearestRelativeOrder row={pending} now={now} /> : null}
      {bar?.allowed ? (
        <BarringReportForm
          action={recordBarringReportAction}
          orderId={order.id}
          version={order.version}
          idempotencyKey={page.idempotencyKey}
          today={today}
          time={time}
        />
      ) : (
        <NotNow event={bar} />
      )}
    </OrderPageFrame>
  );
}
