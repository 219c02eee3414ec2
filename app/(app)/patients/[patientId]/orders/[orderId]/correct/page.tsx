import type { Metadata } from 'next';
import { can } from '@/lib/auth/permissions';
import { formatInstant, TRANSITIONS, type EventType } from '@/lib/cto';
import { NoPermission } from '@/components/ui/no-permission';
import { EnteredInErrorForm } from '@/components/orders/awol-tribunal-forms';
import { FlowPageFrame, loadFlowPage, type FlowRouteParams } from '@/components/orders/flow-page';
import { db } from '@/lib/server/db';
import { CORRECTABLE_EVENTS } from '@/lib/server/services/mark-event-entered-in-error';
import { enteredInErrorAction } from './actions';

export const metadata: Metadata = { title: 'Correct the latest event' };

function label(type: string): string {
  return (TRANSITIONS as Record<string, { label: string } | undefined>)[type]?.label ?? type;
}

export default async function CorrectPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'correct');
  if ('denied' in page) return <NoPermission what="this order" />;
  if (!can(page.actor.roles, 'mark:entered-in-error')) {
    return <NoPermission what="corrections" />;
  }
  const order = page.view.order;
  // The order was read in scope above; its events are part of it.
  const events = await db.ctoEvent.findMany({
    where: { orderId: order.id },
    orderBy: [{ recordedAt: 'desc' }, { occurredAt: 'desc' }],
    take: 10,
    select: {
      id: true,
      type: true,
      occurredAt: true,
      recordedAt: true,
      enteredInErrorAt: true,
      enteredInErrorReason: true,
      recordedById: true,
    },
  });
  const latest = events.find((e) => e.enteredInErrorAt === null);
  const correctable =
    latest && (CORRECTABLE_EVENTS as readonly string[]).includes(latest.type) ? latest : null;
  return (
    <FlowPageFrame page={page} title="Correct the latest event">
      <p className="nhsuk-body">
        An event recorded in error is never deleted: it is marked, with your reason, and the order
        goes back to how it was before it. Only the latest event can be corrected; correct later
        events first.
      </p>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Latest events</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Event</th>
            <th scope="col">When</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {events.map((e) => (
            <tr key={e.id}>
              <td className="nhsuk-table__cell">{label(e.type as EventType)}</td>
              <td className="nhsuk-table__cell">{formatInstant(e.occurredAt)}</td>
              <td className="nhsuk-table__cell">
                {e.enteredInErrorAt
                  ? `Entered in error: ${e.enteredInErrorReason ?? ''}`
                  : e.id === latest?.id
                    ? 'Latest'
                    : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <EnteredInErrorForm
        action={enteredInErrorAction}
        orderId={order.id}
        version={order.version}
        idempotencyKey={page.newKey()}
        eventId={latest?.id ?? ''}
        eventLabel={latest ? label(latest.type) : ''}
        unavailable={
          correctable
            ? null
            : !latest
              ? 'There is no event to correct.'
              : latest.recordedById === null
                ? 'The latest event was recorded by the system as time passed; it follows from the other facts and cannot be entered in error.'
                : 'The latest event cannot be marked as entered in error in CTO Tracker yet.'
        }
        patientHref={`/patients/${page.patient.id}`}
      />
    </FlowPageFrame>
  );
}
