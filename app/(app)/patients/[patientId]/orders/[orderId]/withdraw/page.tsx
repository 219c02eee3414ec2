import type { Metadata } from 'next';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { NoPermission } from '@/components/ui/no-permission';
import { availability, NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import { WithdrawProposalForm } from '@/components/orders/withdraw-proposal-form';
import { withdrawProposalAction } from './actions';

export const metadata: Metadata = { title: 'Withdraw the proposed order' };

export default async function WithdrawProposalPage({
  params,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
}) {
  const page = await loadOrderPage(params, 'withdraw');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view } = page;
  const withdraw = availability(view.events, 'WITHDRAW_PROPOSAL');
  return (
    <OrderPageFrame
      patientId={view.order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Withdraw the proposed order"
    >
      {withdraw?.allowed ? (
        <WithdrawProposalForm
          action={withdrawProposalAction}
          orderId={view.order.id}
          version={view.order.version}
          idempotencyKey={page.idempotencyKey}
        />
      ) : (
        <NotNow event={withdraw} />
      )}
    </OrderPageFrame>
  );
}
