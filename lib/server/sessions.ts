import 'server-only';
// Server-side session rows: the idle timeout, the absolute limit and "sign out everywhere"
// are enforced here on every request, not only by the cookie's lifetime.
import { env } from '@/lib/env';
import { db } from '@/lib/server/db';
import { isRole, type Role } from '@/lib/auth/roles';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  teamIds: string[];
  sessionId: string;
}

const TOUCH_EVERY_MS = 60_000;

export async function openSession(
  userId: string,
  provider: string,
  meta: { ipAddress?: string | null; userAgent?: string | null; idToken?: string | null },
  now = new Date(),
): Promise<string> {
  const row = await db.userSession.create({
    data: {
      userId,
      provider,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + env.SESSION_MAX_HOURS * 3_600_000),
      ipAddress: meta.ipAddress ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      idToken: meta.idToken ?? null,
    },
  });
  return row.id;
}

export type SessionCheck =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'missing' | 'revoked' | 'idle' | 'expired' | 'inactive' };

/** Validates a session and records activity. Revokes it when it has timed out. */
export async function checkSession(sessionId: string, now = new Date()): Promise<SessionCheck> {
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    include: {
      user: {
        include: {
          roles: { where: { revokedAt: null } },
          memberships: { where: { endedOn: null } },
        },
      },
    },
  });
  if (!session) return { ok: false, reason: 'missing' };
  if (session.revokedAt) return { ok: false, reason: 'revoked' };
  if (!session.user.active) {
    await revokeSession(sessionId, now);
    return { ok: false, reason: 'inactive' };
  }
  if (session.expiresAt <= now) {
    await revokeSession(sessionId, now);
    return { ok: false, reason: 'expired' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > env.SESSION_IDLE_MINUTES * 60_000) {
    await revokeSession(sessionId, now);
    return { ok: false, reason: 'idle' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    ok: true,
    user: {
      id: session.user.id,
      email: session.user.email,
      name: session.user.name,
      roles: session.user.roles.map((r) => r.role).filter(isRole),
      teamIds: session.user.memberships.map((m) => m.teamId),
      sessionId,
    },
  };
}

export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await db.userSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now, idToken: null },
  });
}

/** The provider and ID token of an open session, for signing out at the provider too. */
export async function sessionProviderToken(
  sessionId: string,
): Promise<{ provider: string; idToken: string | null } | null> {
  return db.userSession.findFirst({
    where: { id: sessionId, revokedAt: null },
    select: { provider: true, idToken: true },
  });
}

/** Signs a user out everywhere (deactivation, role change by an administrator). */
export async function revokeAllSessions(userId: string, now = new Date()): Promise<number> {
  const result = await db.userSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now, idToken: null },
  });
  return result.count;
}
