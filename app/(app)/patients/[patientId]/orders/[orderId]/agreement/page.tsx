import type { Metadata } from 'next';
import { formatDateTime } from '@/lib/format';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { getCto1, userNames } from '@/lib/server/queries/get-order-records';
import { NoPermission } from '@/components/ui/no-permission';
import { availability, NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import { Cto1Part1Summary, purposeLabel } from '@/components/orders/cto1-summary';
import { MakingAgreementForm } from '@/components/orders/making-agreement-form';
import { respondToMakingAgreementAction } from './actions';

export const metadata: Metadata = { title: 'Agree to a community treatment order' };

export default async function MakingAgreementPage({
  params,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
}) {
  const page = await loadOrderPage(params, 'agreement');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view, actor } = page;
  const order = view.order;
  const cto1 = await getCto1({}, order.id);
  const names = await userNames({}, [order.responsibleClinicianId]);
  const mine = order.amhpAgreements.find(
    (a) => a.purpose === 'MAKING' && a.decision === 'PENDING' && a.amhpId === actor.userId,
  );
  const answered = order.amhpAgreements.filter(
    (a) => a.purpose === 'MAKING' && a.decision !== 'PENDING',
  );
  const agree = availability(view.events, 'AMHP_AGREE_MAKING');
  const conditions = order.conditions
    .filter((c) => c.status !== 'ENDED' || order.state === 'DECLINED')
    .map((c) => ({
      id: c.id,
      kind: c.kind,
      wording: c.wording,
      purpose: c.purpose,
      amhpAgreed: c.amhpAgreed,
    }));
  return (
    <OrderPageFrame
      patientId={order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Community treatment order: AMHP’s agreement (CTO1 Part 2)"
    >
      <p>
        Proposed by {names.get(order.responsibleClinicianId ?? '') ?? 'the responsible clinician'}{' '}
        on {formatDateTime(order.proposedAt)}.
      </p>
      <Cto1Part1Summary
        facts={cto1?.facts}
        rcName={names.get(order.responsibleClinicianId ?? '') ?? null}
        conditions={conditions}
      />
      {answered.map((a) => (
        <div className="nhsuk-inset-text" key={a.id}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {a.decision === 'AGREED'
              ? `The AMHP agreed on ${formatDateTime(a.respondedAt)}.`
              : a.decision === 'DECLINED'
                ? `The AMHP did not agree on ${formatDateTime(a.respondedAt)}. The order was not made.`
                : `The request was withdrawn on ${formatDateTime(a.respondedAt)}.`}
          </p>
          {a.reasons ? <p>Reasons: {a.reasons}</p> : null}
        </div>
      ))}
      {mine && agree?.allowed ? (
        <MakingAgreementForm
          action={respondToMakingAgreementAction}
          orderId={order.id}
          version={order.version}
          idempotencyKey={page.idempotencyKey}
          discretionary={conditions
            .filter((c) => c.kind === 'DISCRETIONARY')
            .map((c) => ({ id: c.id, wording: c.wording, purpose: purposeLabel(c.purpose) }))}
        />
      ) : mine ? (
        <NotNow event={agree} />
      ) : (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Your agreement is not waiting on this order.</p>
        </div>
      )}
    </OrderPageFrame>
  );
}
