'use client';
// The header's link to the inbox with the number unread (issue 8 §3 and §4), refreshed every
// 20 seconds and when the tab regains focus from GET /api/v1/notifications/unread. The server's
// count is the starting value (and the key, so a page drawn again after "mark as read" starts
// from the new count). Without JavaScript the link still shows the count the page was drawn with.
import { useQuery } from '@tanstack/react-query';
import { Header } from 'nhsuk-react-components';

export const UNREAD_REFRESH_MS = 20_000;

async function fetchUnread(): Promise<{ unread: number }> {
  const response = await fetch('/api/v1/notifications/unread', {
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`unread count: ${response.status}`);
  return (await response.json()) as { unread: number };
}

export function UnreadCount({ initial }: { initial: number }) {
  const { data } = useQuery({
    queryKey: ['notifications', 'unread', initial],
    queryFn: fetchUnread,
    initialData: { unread: initial },
    refetchInterval: UNREAD_REFRESH_MS,
  });
  const unread = data.unread;
  return (
    <Header.AccountItem href="/inbox">
      Inbox{' '}
      <span data-testid="unread-count" aria-live="polite">
        {unread > 0 ? (
          <>
            ({unread}
            <span className="nhsuk-u-visually-hidden"> unread</span>)
          </>
        ) : (
          <span className="nhsuk-u-visually-hidden">(none unread)</span>
        )}
      </span>
    </Header.AccountItem>
  );
}
