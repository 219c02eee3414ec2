import type { Metadata } from 'next';
import { NoPermission } from '@/components/ui/no-permission';
import { RecallReleaseForm } from '@/components/orders/recall-steps-forms';
import { RecallStatus } from '@/components/orders/recall-status';
import { loadFlowPage, FlowPageFrame, type FlowRouteParams } from '@/components/orders/flow-page';
import { releaseAction } from './actions';

export const metadata: Metadata = { title: 'Release from recall' };

export default async function RecallReleasePage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'recall/release');
  if ('denied' in page) return <NoPermission what="this order" />;
  const release = page.event('RELEASE_FROM_RECALL');
  return (
    <FlowPageFrame page={page} title="Release from recall">
      <RecallStatus page={page} />
      <RecallReleaseForm
        action={releaseAction}
        orderId={page.view.order.id}
        version={page.view.order.version}
        idempotencyKey={page.newKey()}
        unavailable={release?.allowed ? null : (release?.message ?? 'You cannot record this.')}
        patientHref={`/patients/${page.patient.id}`}
      />
    </FlowPageFrame>
  );
}
