import type { Metadata } from 'next';
import { formatDate, formatDateTime } from '@/lib/format';
import { humanise } from '@/lib/ui/humanise';
import { RIGHTS_TRIGGER_LABELS, type RightsTriggerValue } from '@/lib/schemas/orders/rights';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { listOpenDeadlines, listRightsRecords } from '@/lib/server/queries/get-order-records';
import { NoPermission } from '@/components/ui/no-permission';
import { availability, NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import { RightsInformationForm } from '@/components/orders/rights-form';
import { londonNow } from '@/components/orders/london-now';
import { recordRightsInformationAction } from './actions';

export const metadata: Metadata = { title: 'Rights information (section 132A)' };

export default async function RightsPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await loadOrderPage(params, 'rights');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view, now } = page;
  const order = view.order;
  const done = (await searchParams).done === '1';
  const [due, records] = await Promise.all([
    listOpenDeadlines({}, order.id, ['RIGHTS_INFORMATION']),
    listRightsRecords({}, order.id),
  ]);
  const give = availability(view.events, 'RIGHTS_INFORMATION_GIVEN');
  const { today, time } = londonNow(now);
  const occasions = [
    ...due.flatMap((d) => {
      const inputs = (d.inputs ?? {}) as { trigger?: string; triggerEventId?: string };
      return inputs.triggerEventId
        ? [
            {
              value: `EVENT:${inputs.triggerEventId}`,
              label: d.title,
              hint: `Due by ${formatDate(d.dueOn)}`,
            },
          ]
        : [];
    }),
    ...(['VARIATION', 'PERIODIC', 'OTHER'] as RightsTriggerValue[]).map((t) => ({
      value: t,
      label: RIGHTS_TRIGGER_LABELS[t],
    })),
  ];
  return (
    <OrderPageFrame
      patientId={order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Rights information (section 132A)"
    >
      {done ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>The rights information is recorded.</p>
        </div>
      ) : null}
      <h2>Due now</h2>
      {due.length === 0 ? (
        <p>No rights information is due.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {due.map((d) => (
            <li key={d.id}>
              <strong>{d.title}</strong>, by {formatDate(d.dueOn)}
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{d.explanation}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>Record rights information given</h2>
      {give?.allowed ? (
        <RightsInformationForm
          action={recordRightsInformationAction}
          orderId={order.id}
          version={order.version}
          idempotencyKey={page.idempotencyKey}
          occasions={occasions}
          today={today}
          time={time}
        />
      ) : (
        <NotNow event={give} />
      )}
      <h2>Given before</h2>
      {records.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Rights information given
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">After</th>
              <th scope="col">Given</th>
              <th scope="col">Nearest relative</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {records.map((r) => (
              <tr key={r.id}>
                <td className="nhsuk-table__cell">{RIGHTS_TRIGGER_LABELS[r.trigger]}</td>
                <td className="nhsuk-table__cell">
                  {r.givenOrallyAt ? `Orally ${formatDateTime(r.givenOrallyAt)}. ` : ''}
                  {r.givenInWritingAt ? `In writing ${formatDateTime(r.givenInWritingAt)}. ` : ''}
                  {r.understanding ? humanise(r.understanding) : ''}
                </td>
                <td className="nhsuk-table__cell">
                  {r.patientObjectsToNearestRelativeInformed
                    ? 'The patient objects'
                    : r.nearestRelativeInformedAt
                      ? `Told ${formatDateTime(r.nearestRelativeInformedAt)}`
                      : 'Not told'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </OrderPageFrame>
  );
}
