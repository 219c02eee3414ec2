import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { AppHeader } from '@/components/ui/app-header';
import { AppFooter } from '@/components/ui/app-footer';
import { requireActor } from '@/lib/server/actor';
import { menuFor } from '@/lib/auth/navigation';
import { can } from '@/lib/auth/permissions';
import { ClientCacheProvider } from '@/components/ui/client-cache';
import { unreadCount } from '@/lib/server/queries/notifications';
import { signOutAction } from './actions';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const path = (await headers()).get('x-pathname') ?? undefined;
  const unread = can(actor.roles, 'read:inbox') ? await unreadCount(actor.userId) : undefined;
  return (
    <ClientCacheProvider>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <AppHeader
        user={{ name: actor.name, roles: actor.roles }}
        navigation={menuFor(actor.roles)}
        currentPath={path}
        signOutAction={signOutAction}
        unread={unread}
      />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          {children}
        </main>
      </div>
      <AppFooter />
    </ClientCacheProvider>
  );
}
