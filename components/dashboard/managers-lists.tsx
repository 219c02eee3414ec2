// The hospital managers' whole list (issue 8): CTO7s received and waiting for review,
// managers' hearings to arrange or held, barring reports to review.
import Link from 'next/link';
import { formatDate, formatInstant } from '@/lib/cto/dates';
import type { ManagersWork } from '@/lib/server/queries/dashboard';
import type { WorkItem } from '@/lib/server/queries/work-items';
import { humanise } from '@/lib/ui/humanise';

export function ManagersLists({ work, items }: { work: ManagersWork; items: WorkItem[] }) {
  const reviews = items.filter((i) => i.kind === 'MANAGERS_REVIEW_OF_EXTENSION');
  return (
    <section aria-labelledby="managers-heading">
      <h2 id="managers-heading">Hospital managers</h2>
      <h3>CTO7s received and waiting for review</h3>
      {reviews.length === 0 ? (
        <p>No extension is waiting for the managers&apos; review.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {reviews.map((r) => (
            <li key={r.id}>
              <Link href={`/patients/${r.patientId}`}>{r.patientName}</Link>:{' '}
              <Link href={r.href}>{r.title}</Link> by{' '}
              {r.dueAt ? formatDate(r.dueAt.slice(0, 10)) : 'no date'} ({r.basis})
            </li>
          ))}
        </ul>
      )}
      <h3>Managers&apos; hearings to arrange or held</h3>
      {work.hearings.length === 0 ? (
        <p>No managers&apos; hearing is waiting.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {work.hearings.map((h) => (
            <li key={h.id}>
              <Link href={`/patients/${h.patientId}`}>{h.patientName}</Link>: {humanise(h.reason)},{' '}
              {h.held ? 'held, decision to record' : `scheduled ${formatInstant(h.scheduledAt)}`}
            </li>
          ))}
        </ul>
      )}
      <h3>Barring reports to review</h3>
      {work.barringReports.length === 0 ? (
        <p>No barring report in the last 28 days.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {work.barringReports.map((b) => (
            <li key={b.id}>
              <Link href={`/patients/${b.patientId}/orders/${b.orderId}/nearest-relative`}>
                {b.patientName}
              </Link>
              : barring report (form M2) made {formatDate(b.barringReportOn)}
              {b.tribunalWindowEndsOn
                ? `; the nearest relative may apply to the tribunal until ${formatDate(b.tribunalWindowEndsOn)} (s66(1)(g))`
                : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
