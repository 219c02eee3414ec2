import type { Metadata } from 'next';
import { formatDate, formatInstant } from '@/lib/cto';
import { NoPermission } from '@/components/ui/no-permission';
import { Cto7ReceiptForm, ManagersReviewForm } from '@/components/orders/extension-forms';
import {
  FlowPageFrame,
  loadFlowPage,
  unavailableReason,
  type FlowRouteParams,
} from '@/components/orders/flow-page';
import { db } from '@/lib/server/db';
import { listAmhpOptions } from '@/lib/server/services/order-flow';
import {
  loadRenewalSteps,
  recordedStep,
  RenewalTaskList,
} from '@/components/orders/renewal-task-list';
import { cto7ReceiptAction, managersReviewAction } from './actions';

export const metadata: Metadata = { title: 'Managers’ receipt and review of the renewal' };

export default async function ExtensionManagersPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'extension/managers');
  if ('denied' in page) return <NoPermission what="this order" />;
  const order = page.view.order;
  const furnished = [...order.extensions].reverse().find((e) => e.cto7FurnishedAt !== null);
  // Hearings of this order not yet held (the order was read in scope above).
  const hearings = await db.managersHearing.findMany({
    where: { orderId: order.id, heldOn: null },
    orderBy: { scheduledAt: 'asc' },
    select: { id: true, scheduledAt: true, reason: true },
  });
  const amhps = await listAmhpOptions();
  const { steps } = await loadRenewalSteps(page, new Map(amhps.map((a) => [a.value, a.label])));
  const common = {
    orderId: order.id,
    version: order.version,
    patientHref: `/patients/${page.patient.id}`,
  };
  return (
    <FlowPageFrame
      page={page}
      title="Managers’ receipt and review of the renewal (extension)"
      form="CTO7 Part 4"
    >
      {furnished?.cto7FurnishedAt ? (
        <p className="nhsuk-body">
          The CTO7 extending the period that ended on{' '}
          {formatDate(furnished.expiryDate.toISOString().slice(0, 10))} was furnished{' '}
          {formatInstant(furnished.cto7FurnishedAt)}
          {furnished.managersReceivedAt
            ? `, and received ${formatInstant(furnished.managersReceivedAt)}`
            : ''}
          . The managers should review it by{' '}
          {formatDate(furnished.expiryDate.toISOString().slice(0, 10))} (Code of Practice 38.14).
        </p>
      ) : null}
      <RenewalTaskList page={page} steps={steps} />
      <h2 id="receipt">Receipt (Part 4)</h2>
      <Cto7ReceiptForm
        done={recordedStep(steps, 'managers-receipt')}
        {...common}
        action={cto7ReceiptAction}
        idempotencyKey={page.newKey()}
        unavailable={unavailableReason(page, 'MANAGERS_RECEIVE_CTO7')}
      />
      <h2 id="review">Managers’ review</h2>
      <ManagersReviewForm
        done={recordedStep(steps, 'managers-review')}
        {...common}
        action={managersReviewAction}
        idempotencyKey={page.newKey()}
        hearings={hearings.map((h) => ({
          value: h.id,
          label: `Hearing arranged for ${formatInstant(h.scheduledAt)}`,
        }))}
        unavailable={unavailableReason(page, 'MANAGERS_REVIEW_EXTENSION')}
      />
    </FlowPageFrame>
  );
}
