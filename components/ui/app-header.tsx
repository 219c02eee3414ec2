'use client';
import { Header } from 'nhsuk-react-components';
import { ROLE_LABELS, type Role } from '@/lib/auth/roles';
import { UnreadCount } from './unread-count';

export interface NavItem {
  href: string;
  label: string;
}

function bestMatch(items: NavItem[], path: string | undefined): string | undefined {
  if (!path) return undefined;
  return items
    .filter((item) => path === item.href || path.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

export function AppHeader({
  user,
  navigation = [],
  currentPath,
  signOutAction,
  unread,
}: {
  user?: { name: string; roles: Role[] };
  /** The signed-in person's unread notifications: shows the inbox link (issue 8 §3). */
  unread?: number;
  navigation?: NavItem[];
  currentPath?: string;
  signOutAction?: () => Promise<void>;
}) {
  return (
    <Header service={{ text: 'CTO Tracker', href: '/' }}>
      {user ? (
        <Header.Account aria-label="Your account">
          <Header.AccountItem icon>
            {user.name} ({user.roles.map((role) => ROLE_LABELS[role]).join(', ')})
          </Header.AccountItem>
          {unread !== undefined ? <UnreadCount initial={unread} /> : null}
          {signOutAction ? (
            <Header.AccountItem formProps={{ action: signOutAction }} type="submit">
              Sign out
            </Header.AccountItem>
          ) : null}
        </Header.Account>
      ) : null}
      {navigation.length > 0 ? (
        // Only the most specific menu item that contains the current page is highlighted.
        <Header.Navigation aria-label="Menu">
          {navigation.map((item) => (
            <Header.NavigationItem
              key={item.href}
              href={item.href}
              current={currentPath === item.href || undefined}
              active={
                (currentPath !== item.href && bestMatch(navigation, currentPath) === item.href) ||
                undefined
              }
            >
              {item.label}
            </Header.NavigationItem>
          ))}
        </Header.Navigation>
      ) : null}
    </Header>
  );
}
