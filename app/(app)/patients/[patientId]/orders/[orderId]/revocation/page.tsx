import type { Metadata } from 'next';
import { can } from '@/lib/auth/permissions';
import { formatInstant } from '@/lib/cto';
import { NoPermission } from '@/components/ui/no-permission';
import { AmhpRequestForm } from '@/components/orders/amhp-forms';
import { RevocationForm } from '@/components/orders/revocation-form';
import { RecallStatus } from '@/components/orders/recall-status';
import {
  loadFlowPage,
  loadSocialPrefill,
  FlowPageFrame,
  type FlowRouteParams,
} from '@/components/orders/flow-page';
import { db } from '@/lib/server/db';
import { listAmhpOptions } from '@/lib/server/services/order-flow';
import { requestRevocationAgreementAction, revokeAction } from './actions';

export const metadata: Metadata = { title: 'Revocation' };

export default async function RevocationPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'revocation');
  if ('denied' in page) return <NoPermission what="this order" />;
  const order = page.view.order;
  const recall = order.recalls.at(-1);
  const requests = order.amhpAgreements.filter(
    (a) => a.purpose === 'REVOCATION' && recall && a.recallId === recall.id,
  );
  const agreed = requests.find((a) => a.decision === 'AGREED');
  const amhps = await listAmhpOptions();
  const names = new Map(amhps.map((a) => [a.value, a.label]));
  const revoke = page.event('REVOKE');
  const hospitalId =
    (recall
      ? (
          await db.recallTransfer.findFirst({
            where: { recallId: recall.id },
            orderBy: { transferredAt: 'desc' },
            select: { toHospitalId: true },
          })
        )?.toHospitalId
      : null) ?? recall?.hospitalId;
  const hospital = hospitalId
    ? await db.hospital.findUnique({ where: { id: hospitalId }, select: { name: true } })
    : null;
  const canAsk =
    can(page.actor.roles, 'request:amhp-agreement') &&
    !agreed &&
    order.state === 'RECALLED' &&
    page.view.effective.state === 'RECALLED';
  return (
    <FlowPageFrame page={page} title="Revoke the community treatment order" form="CTO5">
      <RecallStatus page={page} />
      <h2>AMHP’s agreement (Part 2)</h2>
      {requests.length === 0 ? (
        <p className="nhsuk-body">No AMHP has been asked yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {requests.map((a) => (
            <li key={a.id}>
              {names.get(a.amhpId) ?? 'An AMHP'}:{' '}
              {a.decision === 'PENDING'
                ? `asked ${formatInstant(a.requestedAt)}, not answered yet`
                : `${a.decision === 'AGREED' ? 'agreed' : 'did not agree'}${a.respondedAt ? ` ${formatInstant(a.respondedAt)}` : ''}${a.reasons ? `: “${a.reasons}”` : ''}`}
            </li>
          ))}
        </ul>
      )}
      {canAsk ? (
        <>
          <h3>Ask an AMHP</h3>
          <AmhpRequestForm
            action={requestRevocationAgreementAction}
            purpose="REVOCATION"
            amhps={amhps}
            orderId={order.id}
            version={order.version}
            idempotencyKey={page.newKey()}
            patientHref={`/patients/${page.patient.id}`}
          />
        </>
      ) : null}
      <h2>Revocation (Parts 1 and 3)</h2>
      <RevocationForm
        action={revokeAction}
        orderId={order.id}
        version={order.version}
        idempotencyKey={page.newKey()}
        hospitalName={hospital?.name ?? 'the hospital where the patient is detained'}
        unavailable={revoke?.allowed ? null : (revoke?.message ?? 'You cannot revoke this order.')}
        social={revoke?.allowed ? await loadSocialPrefill(page) : {}}
        patientHref={`/patients/${page.patient.id}`}
      />
    </FlowPageFrame>
  );
}
