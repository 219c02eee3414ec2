import type { Metadata } from 'next';
import { NoPermission } from '@/components/ui/no-permission';
import { AmhpDecisionForm } from '@/components/orders/amhp-forms';
import { RecallStatus } from '@/components/orders/recall-status';
import { loadFlowPage, FlowPageFrame, type FlowRouteParams } from '@/components/orders/flow-page';
import { revocationAgreementAction } from './actions';

export const metadata: Metadata = { title: 'AMHP agreement to revocation' };

export default async function RevocationAgreementPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'revocation/agreement');
  if ('denied' in page) return <NoPermission what="this order" />;
  const order = page.view.order;
  const recall = order.recalls.at(-1);
  const asked = order.amhpAgreements.some(
    (a) =>
      a.purpose === 'REVOCATION' &&
      recall &&
      a.recallId === recall.id &&
      a.amhpId === page.actor.userId &&
      a.decision === 'PENDING',
  );
  const agree = page.event('AMHP_AGREE_REVOCATION');
  const unavailable = !agree?.allowed
    ? (agree?.message ?? 'You cannot record this.')
    : asked
      ? null
      : 'You have not been asked to agree to the revocation of this order, or you have already answered.';
  return (
    <FlowPageFrame page={page} title="Agreement to revocation" form="CTO5 Part 2">
      <RecallStatus page={page} />
      {recall ? (
        <div className="nhsuk-inset-text">
          <p>
            Recalled on the ground:{' '}
            {recall.ground === 'RISK_OF_HARM'
              ? 'risk of harm (section 17E(1))'
              : 'a mandatory condition was not met (section 17E(2))'}
            .
          </p>
          <p>{recall.reasons}</p>
        </div>
      ) : null}
      <AmhpDecisionForm
        action={revocationAgreementAction}
        orderId={order.id}
        version={order.version}
        idempotencyKey={page.newKey()}
        unavailable={unavailable}
        patientHref={`/patients/${page.patient.id}`}
        legend="Do you agree that the patient meets the criteria for detention in hospital, and that it is appropriate to revoke the order?"
        agreeLabel="Yes, I agree"
        declineLabel="No, I do not agree"
      />
    </FlowPageFrame>
  );
}
