import type { Metadata } from 'next';
import { formatDate } from '@/lib/cto';
import { NoPermission } from '@/components/ui/no-permission';
import { AmhpDecisionForm } from '@/components/orders/amhp-forms';
import {
  FlowPageFrame,
  loadFlowPage,
  unavailableReason,
  type FlowRouteParams,
} from '@/components/orders/flow-page';
import { currentExtensionRow } from '@/lib/server/services/extension-rows';
import { extensionAgreementAction } from './actions';

export const metadata: Metadata = { title: 'AMHP agreement to renewal (extension)' };

export default async function ExtensionAgreementPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'extension/agreement');
  if ('denied' in page) return <NoPermission what="this order" />;
  const order = page.view.order;
  const extension = currentExtensionRow(order);
  const asked = order.amhpAgreements.some(
    (a) =>
      a.purpose === 'EXTENSION' &&
      extension &&
      a.extensionId === extension.id &&
      a.amhpId === page.actor.userId &&
      a.decision === 'PENDING',
  );
  const reason = unavailableReason(page, 'AMHP_AGREE_EXTENSION');
  return (
    <FlowPageFrame page={page} title="Agreement to renewal (extension)" form="CTO7 Part 2">
      {extension?.examinedOn ? (
        <div className="nhsuk-inset-text">
          <p>
            The responsible clinician examined the patient on{' '}
            {formatDate(extension.examinedOn.toISOString().slice(0, 10))} and is of the opinion that
            the criteria for extension are met, on these grounds:
          </p>
          <p>{extension.rcReasons}</p>
        </div>
      ) : null}
      <AmhpDecisionForm
        action={extensionAgreementAction}
        orderId={order.id}
        version={order.version}
        idempotencyKey={page.newKey()}
        unavailable={
          reason ??
          (asked
            ? null
            : 'You have not been asked to agree to the renewal (extension) of this order, or you have already answered.')
        }
        patientHref={`/patients/${page.patient.id}`}
        legend="Do you agree that the patient meets the criteria for extension, and that it is appropriate to extend the order?"
        agreeLabel="Yes, I agree"
        declineLabel="No, I do not agree"
      />
    </FlowPageFrame>
  );
}
