// The frame of every page of an order's flows: the back link to the patient, the patient's
// name, the order's state, and the law's reason when the event cannot be recorded now.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { EventAvailability, EventType } from '@/lib/cto';
import { OrderStateTag } from '@/components/patients/order-state-tag';
import type { CtoState } from '@/lib/generated/prisma/enums';

export function OrderPageFrame({
  patientId,
  patientName,
  state,
  title,
  children,
}: {
  patientId: string;
  patientName: string;
  state: CtoState;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href={`/patients/${patientId}`}>
          Back to {patientName}
        </Link>
        <span className="nhsuk-caption-l">{patientName}</span>
        <h1>{title}</h1>
        <p>
          Order status: <OrderStateTag state={state} />
        </p>
        {children}
      </div>
    </div>
  );
}

/** The availability of each event, by type. */
export function availability(
  events: readonly EventAvailability[],
  type: EventType,
): EventAvailability | undefined {
  return events.find((e) => e.type === type);
}

/** Why lib/cto will not accept the event now, in its own words. */
export function NotNow({ event }: { event: EventAvailability | undefined }) {
  if (!event || event.allowed) return null;
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        <strong>
          Not available now: {event.label.charAt(0).toLowerCase() + event.label.slice(1)}
          {event.form ? ` (${event.form})` : ''}
        </strong>
      </p>
      <p>{event.message}</p>
    </div>
  );
}
