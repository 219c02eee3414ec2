import type { Metadata } from 'next';
import { NoPermission } from '@/components/ui/no-permission';
import { Cto8Form } from '@/components/orders/extension-forms';
import {
  FlowPageFrame,
  loadFlowPage,
  unavailableReason,
  type FlowRouteParams,
} from '@/components/orders/flow-page';
import { listAmhpOptions } from '@/lib/server/services/order-flow';
import { furnishCto8Action } from './actions';

export const metadata: Metadata = { title: 'Report after absence without leave (CTO8)' };

export default async function Cto8Page({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'extension/cto8');
  if ('denied' in page) return <NoPermission what="this order" />;
  return (
    <FlowPageFrame page={page} title="Report after absence of more than 28 days" form="CTO8">
      <Cto8Form
        action={furnishCto8Action}
        orderId={page.view.order.id}
        version={page.view.order.version}
        idempotencyKey={page.newKey()}
        amhps={await listAmhpOptions()}
        unavailable={unavailableReason(page, 'FURNISH_CTO8')}
        patientHref={`/patients/${page.patient.id}`}
      />
    </FlowPageFrame>
  );
}
