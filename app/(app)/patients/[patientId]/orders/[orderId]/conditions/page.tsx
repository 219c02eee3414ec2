import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { formatDateTime } from '@/lib/format';
import { humanise } from '@/lib/ui/humanise';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { listConditionHistory } from '@/lib/server/queries/get-order-records';
import { NoPermission } from '@/components/ui/no-permission';
import { availability, NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import { purposeLabel } from '@/components/orders/cto1-summary';
import { SuspensionForm, VaryConditionsForm } from '@/components/orders/condition-forms';
import { reinstateConditionAction, suspendConditionAction, varyConditionsAction } from './actions';

export const metadata: Metadata = { title: 'Conditions of the order' };

const DONE: Record<string, string> = {
  varied: 'The conditions are varied (CTO2). Give the patient rights information about the change.',
  suspended: 'The condition is suspended.',
  reinstated: 'The suspension has ended: the condition applies again.',
};

export default async function ConditionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await loadOrderPage(params, 'conditions');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view } = page;
  const order = view.order;
  const done = (await searchParams).done;
  const { conditions, changes } = await listConditionHistory({}, order.id);
  const current = conditions.filter((c) => c.status !== 'ENDED');
  const vary = availability(view.events, 'VARY_CONDITIONS');
  const suspend = availability(view.events, 'SUSPEND_CONDITION');
  const reinstate = availability(view.events, 'REINSTATE_CONDITION');
  const label = (c: (typeof conditions)[number]) =>
    c.wording.length > 90 ? `${c.wording.slice(0, 87)}…` : c.wording;
  return (
    <OrderPageFrame
      patientId={order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Conditions of the order"
    >
      {typeof done === 'string' && DONE[done] ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>{DONE[done]}</p>
        </div>
      ) : null}
      <h2>Current conditions</h2>
      {current.length === 0 ? (
        <p>No conditions are in force.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Current conditions
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Condition</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {current.map((c) => (
              <tr key={c.id}>
                <td className="nhsuk-table__cell">
                  {c.wording}
                  {c.purpose ? (
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                      {purposeLabel(c.purpose)}
                    </p>
                  ) : null}
                </td>
                <td className="nhsuk-table__cell">
                  {c.kind === 'MANDATORY'
                    ? 'Mandatory, section 17B(3)'
                    : 'Discretionary, section 17B(2)'}
                </td>
                <td className="nhsuk-table__cell">
                  {c.status === 'SUSPENDED' ? (
                    <strong className="nhsuk-tag nhsuk-tag--orange">Suspended</strong>
                  ) : (
                    <strong className="nhsuk-tag nhsuk-tag--green">In force</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>History</h2>
      {changes.length === 0 ? (
        <p>No changes recorded.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            History of the conditions, newest first
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">When</th>
              <th scope="col">Change</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {changes.map((c) => (
              <tr key={c.id}>
                <td className="nhsuk-table__cell">{formatDateTime(c.occurredAt)}</td>
                <td className="nhsuk-table__cell">{humanise(c.kind)}</td>
                <td className="nhsuk-table__cell">
                  {c.previousWording && c.newWording && c.previousWording !== c.newWording ? (
                    <>
                      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                        Was: {c.previousWording}
                      </p>
                      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Now: {c.newWording}</p>
                    </>
                  ) : (
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                      {c.newWording ?? c.previousWording}
                    </p>
                  )}
                  {c.reason ? (
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Reason: {c.reason}</p>
                  ) : null}
                  {c.byName ? (
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">By {c.byName}</p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Vary the conditions (CTO2)</h2>
      {vary?.allowed ? (
        <VaryConditionsForm
          action={varyConditionsAction}
          orderId={order.id}
          version={order.version}
          idempotencyKey={page.idempotencyKey}
          discretionary={current
            .filter((c) => c.kind === 'DISCRETIONARY')
            .map((c) => ({ value: c.id, label: label(c) }))}
        />
      ) : (
        <NotNow event={vary} />
      )}
      <h2>Suspend a condition (section 17B(5))</h2>
      {suspend?.allowed ? (
        <SuspensionForm
          kind="SUSPEND"
          action={suspendConditionAction}
          orderId={order.id}
          version={order.version}
          idempotencyKey={randomUUID()}
          conditions={current
            .filter((c) => c.status === 'ACTIVE')
            .map((c) => ({ value: c.id, label: label(c) }))}
        />
      ) : (
        <NotNow event={suspend} />
      )}
      {reinstate?.allowed ? (
        <>
          <h2>End a suspension</h2>
          <SuspensionForm
            kind="REINSTATE"
            action={reinstateConditionAction}
            orderId={order.id}
            version={order.version}
            idempotencyKey={randomUUID()}
            conditions={current
              .filter((c) => c.status === 'SUSPENDED')
              .map((c) => ({ value: c.id, label: label(c) }))}
          />
        </>
      ) : null}
    </OrderPageFrame>
  );
}
