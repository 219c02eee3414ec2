import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { formatLondonInstant } from '@/lib/server/dates';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { INBOX_PAGE_SIZE, listInbox } from '@/lib/server/queries/notifications';
import { NoPermission } from '@/components/ui/no-permission';
import { MarkAllReadForm, MarkReadForm } from '@/components/notifications/inbox-forms';
import { markAllReadAction, markReadAction } from './actions';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage() {
  const actor = await requireActor();
  let inbox;
  try {
    inbox = await listInbox({ actor, meta: await getRequestMeta('/inbox') });
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="an inbox" />;
    throw error;
  }
  return (
    <>
      <h1>Inbox</h1>
      <p className="nhsuk-body-l" data-testid="inbox-summary">
        {inbox.unread === 0
          ? 'You have no unread notifications.'
          : inbox.unread === 1
            ? 'You have 1 unread notification.'
            : `You have ${inbox.unread} unread notifications.`}
      </p>
      <p>
        <Link href="/inbox/preferences">Choose when you are emailed</Link>
      </p>
      {inbox.unread > 0 && inbox.newestAt ? (
        <MarkAllReadForm action={markAllReadAction} upTo={inbox.newestAt} />
      ) : null}
      {inbox.items.length === 0 ? (
        <p>Nothing has been sent to you yet.</p>
      ) : (
        <ul className="nhsuk-list" aria-label="Notifications, newest first">
          {inbox.items.map((n) => (
            <li key={n.id} className="nhsuk-card nhsuk-u-margin-bottom-4">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-s">
                  {n.read ? null : <strong className="nhsuk-tag nhsuk-tag--blue">New</strong>}{' '}
                  {n.priority === 'IMMEDIATE' ? (
                    <strong className="nhsuk-tag nhsuk-tag--red">Urgent</strong>
                  ) : null}{' '}
                  {n.link ? <Link href={n.link}>{n.title}</Link> : n.title}
                </h2>
                <p className="nhsuk-card__description">{n.body}</p>
                <p className="nhsuk-body-s nhsuk-u-secondary-text-color">
                  {formatLondonInstant(new Date(n.createdAt))}
                </p>
                {n.read ? null : (
                  <MarkReadForm action={markReadAction} notificationId={n.id} title={n.title} />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {inbox.total > INBOX_PAGE_SIZE ? (
        <p>
          Showing the newest {INBOX_PAGE_SIZE} of {inbox.total} notifications.
        </p>
      ) : null}
    </>
  );
}
