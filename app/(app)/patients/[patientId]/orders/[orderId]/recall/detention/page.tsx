import type { Metadata } from 'next';
import { NoPermission } from '@/components/ui/no-permission';
import { RecallDetentionForm } from '@/components/orders/recall-steps-forms';
import { RecallStatus } from '@/components/orders/recall-status';
import { loadFlowPage, FlowPageFrame, type FlowRouteParams } from '@/components/orders/flow-page';
import { recordDetentionAction } from './actions';

export const metadata: Metadata = { title: 'Detention after recall' };

export default async function RecallDetentionPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'recall/detention');
  if ('denied' in page) return <NoPermission what="this order" />;
  const begins = page.event('DETENTION_BEGINS');
  return (
    <FlowPageFrame page={page} title="Detention after recall" form="CTO4">
      <RecallStatus page={page} />
      <RecallDetentionForm
        action={recordDetentionAction}
        orderId={page.view.order.id}
        version={page.view.order.version}
        idempotencyKey={page.newKey()}
        unavailable={begins?.allowed ? null : (begins?.message ?? 'You cannot record this.')}
        patientHref={`/patients/${page.patient.id}`}
        revocationHref={`${page.base}/revocation`}
        releaseHref={`${page.base}/recall/release`}
      />
    </FlowPageFrame>
  );
}
