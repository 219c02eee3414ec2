'use client';
import { Header } from 'nhsuk-react-components';
import { ROLE_LABELS, type Role } from '@/lib/auth/roles';

export interface NavItem {
  href: string;
  label: string;
}

export function AppHeader({
  user,
  navigation = [],
  currentPath,
  signOutAction,
}: {
  user?: { name: string; roles: Role[] };
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
          {signOutAction ? (
            <Header.AccountItem formProps={{ action: signOutAction }} type="submit">
              Sign out
            </Header.AccountItem>
          ) : null}
        </Header.Account>
      ) : null}
      {navigation.length > 0 ? (
        <Header.Navigation aria-label="Menu">
          {navigation.map((item) => (
            <Header.NavigationItem
              key={item.href}
              href={item.href}
              current={currentPath === item.href || undefined}
              active={
                (currentPath !== undefined && currentPath.startsWith(`${item.href}/`)) || undefined
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
