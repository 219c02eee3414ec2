// A table of audit events, newest first: when, who (and their roles), what, outcome, and
// whether it was done through emergency (break-glass) access. Identifiers only.
import Link from 'next/link';
import { formatNhsNumberForDisplay } from '@/lib/format';
import type { AuditEventRow } from '@/lib/server/queries/list-audit-events';
import { actionLabel, OutcomeTag, rolesLabel } from './audit-labels';
import { TableHead } from '@/components/ui/table-head';

const day = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const time = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZone: 'Europe/London',
  timeZoneName: 'short',
});

const CELL = 'nhsuk-table__cell nhsuk-u-font-size-16';

function Heading({ children }: { children: string }) {
  return (
    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
      {children}{' '}
    </span>
  );
}

function Small({ children }: { children: React.ReactNode }) {
  return (
    // Long email addresses and codes may break anywhere rather than widen the table.
    <span
      className="nhsuk-u-display-block nhsuk-u-secondary-text-colour"
      style={{ overflowWrap: 'anywhere' }}
    >
      {children}
    </span>
  );
}

export function AuditEventTable({
  events,
  caption,
  showPatient = true,
  linkBreakGlass = true,
}: {
  events: AuditEventRow[];
  caption: string;
  showPatient?: boolean;
  /** Link to the emergency access review (only privacy officers may open it). */
  linkBreakGlass?: boolean;
}) {
  return (
    <table className="nhsuk-table-responsive">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
      <TableHead
        className="nhsuk-u-font-size-16"
        columns={[
          'When',
          'Who',
          'Role',
          'Action',
          'Outcome',
          showPatient && 'Patient',
          'Emergency access',
        ]}
      />
      <tbody className="nhsuk-table__body">
        {events.map((event) => (
          <tr key={event.id} className="nhsuk-table__row">
            <td className={`${CELL} app-table-nowrap`}>
              <Heading>When</Heading>
              <time dateTime={event.occurredAt.toISOString()}>
                {day.format(event.occurredAt)}
                <Small>{time.format(event.occurredAt)}</Small>
              </time>
            </td>
            <td className={CELL}>
              <Heading>Who</Heading>
              {event.userName ?? event.userEmail ?? 'Unknown'}
              {event.userName && event.userEmail ? <Small>{event.userEmail}</Small> : null}
            </td>
            <td className={CELL}>
              <Heading>Role</Heading>
              {rolesLabel(event.roles)}
            </td>
            <td className={CELL}>
              <Heading>Action</Heading>
              {actionLabel(event.action, event.outcome)}
              <Small>
                <code>{event.action}</code>
                {event.reason && !event.breakGlassId ? ` (${event.reason})` : ''}
              </Small>
            </td>
            <td className={CELL}>
              <Heading>Outcome</Heading>
              <OutcomeTag outcome={event.outcome} />
            </td>
            {showPatient ? (
              <td className={`${CELL} app-table-nowrap`}>
                <Heading>Patient</Heading>
                {event.patientId ? (
                  <Link href={`/audit?patient=${event.patientNhsNumber ?? event.patientId}`}>
                    <span className="nhsuk-u-visually-hidden">Events for the patient </span>
                    {event.patientNhsNumber
                      ? formatNhsNumberForDisplay(event.patientNhsNumber)
                      : 'with no NHS number'}
                  </Link>
                ) : (
                  'None'
                )}
              </td>
            ) : null}
            <td className={CELL}>
              <Heading>Emergency access</Heading>
              {event.breakGlassId ? (
                linkBreakGlass ? (
                  <Link href={`/audit/break-glass/${event.breakGlassId}`}>
                    Yes
                    <span className="nhsuk-u-visually-hidden">: review this emergency access</span>
                  </Link>
                ) : (
                  <strong className="nhsuk-tag nhsuk-tag--orange">Yes</strong>
                )
              ) : (
                'No'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
