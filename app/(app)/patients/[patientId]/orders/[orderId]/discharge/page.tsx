import type { Metadata } from 'next';
import { formatDate } from '@/lib/format';
import { humanise } from '@/lib/ui/humanise';
import type { DischargeRouteValue } from '@/lib/schemas/orders/discharge';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { getLatestSocialAssessment } from '@/lib/server/queries/get-latest-social-assessment';
import { listOpenTribunalCases } from '@/lib/server/queries/get-order-records';
import { NoPermission } from '@/components/ui/no-permission';
import { NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import { DischargeForm } from '@/components/orders/discharge-form';
import { londonNow } from '@/components/orders/london-now';
import { dischargeOrderAction } from './actions';

export const metadata: Metadata = { title: 'Discharge the community treatment order' };

const ROUTE_EVENTS = [
  ['RESPONSIBLE_CLINICIAN', 'DISCHARGE_BY_RC'],
  ['HOSPITAL_MANAGERS', 'DISCHARGE_BY_MANAGERS'],
  ['TRIBUNAL', 'DISCHARGE_BY_TRIBUNAL'],
] as const;

export default async function DischargePage({
  params,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
}) {
  const page = await loadOrderPage(params, 'discharge');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view, actor, now } = page;
  const order = view.order;
  const routes: DischargeRouteValue[] = ROUTE_EVENTS.filter(([, type]) =>
    view.events.some((e) => e.type === type && e.allowed),
  ).map(([route]) => route);
  const [cases, social] = await Promise.all([
    routes.includes('TRIBUNAL') ? listOpenTribunalCases({}, order.patientId) : [],
    routes.length > 0
      ? getLatestSocialAssessment({ actor, now }, order.patientId).catch(() => null)
      : null,
  ]);
  const latest = social?.latest ?? null;
  const { today, time } = londonNow(now);
  const first = view.events.find((e) => e.type === 'DISCHARGE_BY_RC');
  return (
    <OrderPageFrame
      patientId={order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Discharge the community treatment order"
    >
      {routes.length === 0 ? (
        <NotNow
          event={
            view.events.find(
              (e) => e.type.startsWith('DISCHARGE_BY') && e.code !== 'ROLE_NOT_PERMITTED',
            ) ?? first
          }
        />
      ) : (
        <>
          <p>
            Discharge ends the order (section 23(2)(c), section 72(1)(c)). The patient is no longer
            liable to recall, and the underlying application ends.
          </p>
          <DischargeForm
            action={dischargeOrderAction}
            orderId={order.id}
            version={order.version}
            idempotencyKey={page.idempotencyKey}
            routes={routes}
            tribunalCases={cases.map((c) => ({
              value: c.id,
              label: `${humanise(c.applicant)} ${c.kind === 'REFERENCE' ? 'reference' : 'application'} (${c.basis}), received ${formatDate(c.receivedOn)}${c.tribunalReference ? `, ${c.tribunalReference}` : ''}`,
            }))}
            today={today}
            time={time}
            previousSocial={
              latest
                ? {
                    ratings: latest.ratings,
                    assessedOn: latest.assessedOn,
                    assessedBy: latest.assessedByName,
                    decisionPoint: latest.decisionPoint,
                  }
                : null
            }
          />
        </>
      )}
    </OrderPageFrame>
  );
}
