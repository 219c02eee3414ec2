import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { decode } from 'next-auth/jwt';
import { auth } from '@/lib/auth';
import { env } from '@/lib/env';
import { db } from '@/lib/server/db';
import type { Role } from '@/lib/auth/roles';

/** The signed-in person acting on a request, as services see them. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  teamIds: string[];
  sessionId: string;
}

/**
 * The signed-in person, read once per request: the layout and the page both ask, and each
 * reading checks the server-side session in the database (React's cache keeps the first answer
 * for the rest of the same server render; outside a render it is an ordinary call).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.user.id || !session.user.sessionId) return null;
  return {
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    roles: session.user.roles,
    teamIds: session.user.teamIds,
    sessionId: session.user.sessionId,
  };
});

/** For pages: the actor, or a redirect to the sign-in page (saying why, after a timeout). */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const ended = await whySessionEnded();
    redirect(
      ended === 'idle' ? '/login?reason=timeout' : ended ? `/login?reason=${ended}` : '/login',
    );
  }
  return actor;
}

const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/**
 * When the browser still holds a session cookie that no longer gives a session: why the
 * server-side session row ended ('idle' after SESSION_IDLE_MINUTES without activity, 'expired'
 * at SESSION_MAX_HOURS), or null when it cannot tell (signed out, revoked, no cookie).
 * docs/decisions/203-session-timeout-and-sign-out.md
 */
export async function whySessionEnded(): Promise<'idle' | 'expired' | null> {
  if (!env.AUTH_SECRET) return null;
  const jar = await cookies();
  const name = SESSION_COOKIES.find((cookie) => jar.has(cookie));
  const value = name ? jar.get(name)?.value : undefined;
  if (!name || !value) return null;
  let sid: unknown;
  try {
    sid = (await decode({ token: value, secret: env.AUTH_SECRET, salt: name }))?.sid;
  } catch {
    return null; // an old or tampered cookie: nothing to explain
  }
  if (typeof sid !== 'string') return null;
  const session = await db.userSession.findUnique({
    where: { id: sid },
    select: { revokedAt: true, lastSeenAt: true, expiresAt: true },
  });
  if (!session?.revokedAt) return null;
  if (session.revokedAt >= session.expiresAt) return 'expired';
  const idleMs = session.revokedAt.getTime() - session.lastSeenAt.getTime();
  return idleMs > env.SESSION_IDLE_MINUTES * 60_000 ? 'idle' : null;
}
