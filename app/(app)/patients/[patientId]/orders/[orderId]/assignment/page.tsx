import type { Metadata } from 'next';
import { formatDate, formatDateTime } from '@/lib/format';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { listAssignments, listHospitals } from '@/lib/server/queries/get-order-records';
import { NoPermission } from '@/components/ui/no-permission';
import { availability, NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import { AssignResponsibilityForm } from '@/components/orders/death-and-assignment-forms';
import { londonNow } from '@/components/orders/london-now';
import { assignResponsibilityAction } from './actions';

export const metadata: Metadata = { title: 'Assign responsibility to another hospital' };

export default async function AssignmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await loadOrderPage(params, 'assignment');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view, now } = page;
  const order = view.order;
  const done = (await searchParams).done === '1';
  const [hospitals, history] = await Promise.all([
    listHospitals({}),
    listAssignments({}, order.id),
  ]);
  const current = hospitals.find((h) => h.id === order.responsibleHospitalId);
  const assign = availability(view.events, 'ASSIGN_RESPONSIBILITY');
  return (
    <OrderPageFrame
      patientId={order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Assign responsibility to another hospital (CTO10)"
    >
      {done ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>
            Responsibility is assigned. The receiving managers must tell the patient in writing.
          </p>
        </div>
      ) : null}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Responsible hospital</dt>
          <dd className="nhsuk-summary-list__value">{current?.name ?? 'Not known'}</dd>
        </div>
        {order.currentExpiryDate ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Current period ends</dt>
            <dd className="nhsuk-summary-list__value">
              {formatDate(order.currentExpiryDate)} (does not change on assignment, section
              19A(2)(b))
            </dd>
          </div>
        ) : null}
      </dl>
      {history.length > 0 ? (
        <>
          <h2>Earlier assignments</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {history.map((a) => (
              <li key={a.id}>
                {formatDateTime(a.assignedAt)}: from {a.fromHospital.name} to {a.toHospital.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {assign?.allowed ? (
        <AssignResponsibilityForm
          action={assignResponsibilityAction}
          orderId={order.id}
          version={order.version}
          idempotencyKey={page.idempotencyKey}
          today={londonNow(now).today}
          hospitals={hospitals
            .filter((h) => h.id !== order.responsibleHospitalId)
            .map((h) => ({
              value: h.id,
              label: h.underOurManagers ? h.name : `${h.name} (${h.managersName})`,
            }))}
        />
      ) : (
        <NotNow event={assign} />
      )}
    </OrderPageFrame>
  );
}
