import type { Metadata } from 'next';
import { formatDateTime } from '@/lib/format';
import { londonDateOf } from '@/lib/cto';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { getCto1, userNames } from '@/lib/server/queries/get-order-records';
import { NoPermission } from '@/components/ui/no-permission';
import { availability, NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import { Cto1Part1Summary } from '@/components/orders/cto1-summary';
import { MakeOrderForm } from '@/components/orders/make-order-form';
import { makeOrderAction } from './actions';

export const metadata: Metadata = { title: 'Make the community treatment order' };

function londonTime(now: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(now);
}

export default async function MakeOrderPage({
  params,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
}) {
  const page = await loadOrderPage(params, 'make');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view, now } = page;
  const order = view.order;
  const cto1 = await getCto1({}, order.id);
  const agreement = order.amhpAgreements.find(
    (a) => a.purpose === 'MAKING' && a.decision === 'AGREED',
  );
  const names = await userNames({}, [order.responsibleClinicianId, agreement?.amhpId ?? null]);
  const make = availability(view.events, 'MAKE');
  return (
    <OrderPageFrame
      patientId={order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Make the community treatment order (CTO1 Part 3)"
    >
      {agreement ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {names.get(agreement.amhpId) ?? 'The AMHP'} agreed in Part 2 on{' '}
            {formatDateTime(agreement.respondedAt)}.
          </p>
        </div>
      ) : null}
      <Cto1Part1Summary
        facts={cto1?.facts}
        rcName={names.get(order.responsibleClinicianId ?? '') ?? null}
        conditions={order.conditions
          .filter((c) => c.status !== 'ENDED')
          .map((c) => ({
            id: c.id,
            kind: c.kind,
            wording: c.wording,
            purpose: c.purpose,
            amhpAgreed: c.amhpAgreed,
          }))}
      />
      <h2>Part 3</h2>
      {make?.allowed ? (
        <>
          <p>
            I exercise my power under section 17A of the Mental Health Act 1983 to make a community
            treatment order in respect of the patient named in Part 1.
          </p>
          <MakeOrderForm
            action={makeOrderAction}
            orderId={order.id}
            version={order.version}
            idempotencyKey={page.idempotencyKey}
            today={londonDateOf(now)}
            time={londonTime(now)}
          />
        </>
      ) : (
        <NotNow event={make} />
      )}
    </OrderPageFrame>
  );
}
