import type { Metadata } from 'next';
import { NoPermission } from '@/components/ui/no-permission';
import { RecallTransferForm } from '@/components/orders/recall-steps-forms';
import { RecallStatus } from '@/components/orders/recall-status';
import { loadFlowPage, FlowPageFrame, type FlowRouteParams } from '@/components/orders/flow-page';
import { listHospitalOptions } from '@/lib/server/services/order-flow';
import { transferAction } from './actions';

export const metadata: Metadata = { title: 'Transfer of a recalled patient' };

export default async function RecallTransferPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'recall/transfer');
  if ('denied' in page) return <NoPermission what="this order" />;
  const transfer = page.event('TRANSFER_DURING_RECALL');
  return (
    <FlowPageFrame page={page} title="Transfer to another hospital" form="CTO6">
      <RecallStatus page={page} />
      <RecallTransferForm
        action={transferAction}
        orderId={page.view.order.id}
        version={page.view.order.version}
        idempotencyKey={page.newKey()}
        hospitals={await listHospitalOptions()}
        unavailable={transfer?.allowed ? null : (transfer?.message ?? 'You cannot record this.')}
        patientHref={`/patients/${page.patient.id}`}
      />
    </FlowPageFrame>
  );
}
