// The responsible clinician's whole list (issue 8), under the bands: renewals, recalls running,
// orders waiting for an AMHP, treatment certificates, CTO8 after absence, reports, contact.
import Link from 'next/link';
import { formatDate, formatInstant } from '@/lib/cto/dates';
import type { WaitingForAmhp } from '@/lib/server/queries/dashboard';
import type { WorkItem } from '@/lib/server/queries/work-items';
import type { WorkItemKind } from '@/lib/work-items';
import { Countdown } from '@/components/orders/countdown';

function due(value: string | null): string {
  if (value === null) return 'no date';
  return value.length === 10 ? formatDate(value) : formatInstant(new Date(value));
}

function List({
  title,
  items,
  empty,
  limit,
}: {
  title: string;
  items: WorkItem[];
  empty: string;
  limit: number | null;
}) {
  const drawn = limit === null ? items : items.slice(0, limit);
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {drawn.map((i) => (
            <li key={i.id}>
              <Link href={`/patients/${i.patientId}`}>{i.patientName}</Link>:{' '}
              <Link href={i.href}>{i.title}</Link>, last day {due(i.dueAt)} ({i.basis})
              {i.overdue ? (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {drawn.length < items.length ? (
        <p className="nhsuk-body-s">
          Showing the {drawn.length} most urgent of {items.length}.{' '}
          <Link href="/?all=1#rc-heading">
            Show all {items.length}
            <span className="nhsuk-u-visually-hidden">: {title}</span>
          </Link>
        </p>
      ) : null}
    </>
  );
}

export function ClinicianLists({
  items,
  waiting,
  limit = null,
}: {
  items: WorkItem[];
  waiting: WaitingForAmhp[];
  /** Items drawn per list (decision 861; running recalls are always all shown); null: all. */
  limit?: number | null;
}) {
  const of = (...kinds: WorkItemKind[]) => items.filter((i) => kinds.includes(i.kind));
  const recalls = of('RECALL_72_HOURS');
  return (
    <section aria-labelledby="rc-heading">
      <h2 id="rc-heading">Your orders</h2>
      <List
        title="Renewals: windows open or opening within 28 days"
        items={of('EXTENSION_WINDOW')}
        empty="No renewal window is open or opening in the next 28 days."
        limit={limit}
      />
      <h3>Recalls running</h3>
      {recalls.length === 0 ? (
        <p>No patient is detained under a recall notice.</p>
      ) : (
        recalls.map((r) => (
          <div key={r.id}>
            <p>
              <Link href={`/patients/${r.patientId}`}>{r.patientName}</Link>:{' '}
              <Link href={r.href}>release the patient or revoke the order</Link> ({r.basis})
            </p>
            {r.dueAt ? (
              <Countdown deadline={r.dueAt} label={`Time left for ${r.patientName}`} />
            ) : null}
          </div>
        ))
      )}
      <h3>Waiting for an AMHP</h3>
      {waiting.length === 0 ? (
        <p>No order is waiting for an AMHP&apos;s agreement.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {waiting.map((w) => (
            <li key={`${w.orderId}-${w.purpose}`}>
              <Link href={`/patients/${w.patientId}`}>{w.patientName}</Link>: {w.purpose}, asked of{' '}
              {w.amhpName} on {formatInstant(w.requestedAt)}
            </li>
          ))}
        </ul>
      )}
      <List
        title="Treatment certificates needed (CTO11)"
        items={of('CERTIFICATE_REQUIRED')}
        empty="No certificate is needed in the next 30 days."
        limit={limit}
      />
      <List
        title="CTO8 after a return from absence"
        items={of('AWOL_EXTENDED_EXPIRY')}
        empty="No CTO8 is due."
        limit={limit}
      />
      <List
        title="Reports you owe"
        items={of('REPORT_OWED')}
        empty="You owe no report."
        limit={limit}
      />
      <List
        title="No recent contact"
        items={of('CONTACT_DUE').filter((i) => i.overdue)}
        empty="Every patient has been seen within their contact frequency."
        limit={limit}
      />
    </section>
  );
}
