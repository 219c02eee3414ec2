import type { Metadata } from 'next';
import { NoPermission } from '@/components/ui/no-permission';
import { RecallForm } from '@/components/orders/recall-form';
import {
  loadFlowPage,
  loadSocialPrefill,
  FlowPageFrame,
  type FlowRouteParams,
} from '@/components/orders/flow-page';
import { listHospitalOptions } from '@/lib/server/services/order-flow';
import { serveRecallAction } from './actions';

export const metadata: Metadata = { title: 'Recall to hospital' };

export default async function RecallPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'recall');
  if ('denied' in page) return <NoPermission what="this order" />;
  const serve = page.event('SERVE_RECALL_NOTICE');
  return (
    <FlowPageFrame page={page} title="Recall to hospital" form="CTO3">
      <RecallForm
        action={serveRecallAction}
        orderId={page.view.order.id}
        version={page.view.order.version}
        idempotencyKey={page.newKey()}
        hospitals={await listHospitalOptions()}
        defaultHospitalId={page.view.order.responsibleHospitalId}
        unavailable={serve?.allowed ? null : (serve?.message ?? 'You cannot recall this patient.')}
        patientHref={`/patients/${page.patient.id}`}
        detentionHref={`${page.base}/recall/detention`}
        social={serve?.allowed ? await loadSocialPrefill(page) : {}}
      />
    </FlowPageFrame>
  );
}
