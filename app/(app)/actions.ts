'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth, signOut } from '@/lib/auth';
import { publicOrigin } from '@/lib/auth/public-origin';
import { providerSignOut } from '@/lib/server/auth/cis2-sign-out';

export async function signOutAction(): Promise<void> {
  const session = await auth();
  // Read before signing out: signing out forgets the session's ID token.
  const atProvider = session?.user.sessionId
    ? await providerSignOut(session.user.sessionId, publicOrigin(await headers()))
    : ({ kind: 'none' } as const);
  await signOut({ redirect: false });
  if (atProvider.kind === 'redirect') redirect(atProvider.url);
  redirect(atProvider.kind === 'unreachable' ? '/login?error=cis2-signout-incomplete' : '/login');
}
