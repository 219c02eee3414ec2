import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import { humanise } from '@/lib/ui/humanise';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import {
  listCurrentRelatives,
  listNearestRelativeOrders,
} from '@/lib/server/queries/get-order-records';
import { NoPermission } from '@/components/ui/no-permission';
import { availability, NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import { NearestRelativeOrderForm } from '@/components/orders/nearest-relative-forms';
import {
  BarredOrderSummary,
  PendingNearestRelativeOrder,
} from '@/components/orders/nearest-relative-orders';
import { londonNow } from '@/components/orders/london-now';
import { recordNearestRelativeOrderAction } from './actions';

export const metadata: Metadata = { title: 'Nearest relative’s order for discharge' };

export default async function NearestRelativePage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await loadOrderPage(params, 'nearest-relative');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view, now } = page;
  const order = view.order;
  const query = await searchParams;
  const [rows, relatives] = await Promise.all([
    listNearestRelativeOrders({}, order.id),
    listCurrentRelatives({}, order.patientId),
  ]);
  const pending = rows.find((r) => r.outcome === 'PENDING');
  const barred = rows.filter((r) => r.outcome === 'BARRED');
  const receive = availability(view.events, 'NR_DISCHARGE_ORDER_RECEIVED');
  const bar = availability(view.events, 'NR_BARRING_REPORT');
  const { today, time } = londonNow(now);
  const base = `/patients/${order.patientId}/orders/${order.id}`;
  return (
    <OrderPageFrame
      patientId={order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Nearest relative’s order for discharge"
    >
      {query.recorded === '1' ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>
            The nearest relative’s order for discharge is recorded. The responsible clinician has
            been told.
          </p>
        </div>
      ) : null}
      {query.barred === '1' ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>The barring report is recorded. The order continues.</p>
        </div>
      ) : null}
      {pending ? <PendingNearestRelativeOrder row={pending} now={now} /> : null}
      {pending && bar?.allowed ? (
        <p>
          <Link className="nhsuk-button" href={`${base}/nearest-relative/barring`}>
            Bar the discharge (M2)
          </Link>
        </p>
      ) : null}
      {barred.map((row) => (
        <section key={row.id}>
          <h2>Barred order of {formatDateTime(row.receivedAt)}</h2>
          <BarredOrderSummary row={row} />
        </section>
      ))}
      {rows
        .filter((r) => r.outcome !== 'PENDING' && r.outcome !== 'BARRED')
        .map((row) => (
          <p key={row.id}>
            Order received {formatDateTime(row.receivedAt)}: {humanise(row.outcome).toLowerCase()}.
          </p>
        ))}
      <h2>Record an order for discharge</h2>
      {receive?.allowed ? (
        <>
          <p>
            A nearest relative may order the discharge of a community patient by giving at least 72
            hours’ notice in writing to the hospital managers (section 23, section 25). Record it
            when an officer authorised by the managers receives it.
          </p>
          <NearestRelativeOrderForm
            action={recordNearestRelativeOrderAction}
            orderId={order.id}
            version={order.version}
            idempotencyKey={page.idempotencyKey}
            today={today}
            time={time}
            relatives={relatives
              .filter((r) => r.kind === 'NEAREST_RELATIVE')
              .map((r) => ({ value: r.id, label: `${r.name} (${r.relationship})` }))}
          />
        </>
      ) : (
        <NotNow event={receive} />
      )}
    </OrderPageFrame>
  );
}
