// Secure sessions and sign-in (issue 4, part 6): idle timeout, absolute limit, sign-out
// everywhere on deactivation, lock-out after repeated failures, demo accounts in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { checkSession, openSession, revokeAllSessions } from '@/lib/server/sessions';
import { authenticate, demoAccountsAllowed } from '@/lib/server/auth/authenticate';
import { deactivateUser } from '@/lib/server/services/deactivate-user';
import { createUser, TEST_PASSWORD, unique } from '@/tests/factories';
import { testDb } from './support/db';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

const MINUTE = 60_000;
const meta = { route: '/api/auth/callback/credentials' };

describe('sessions', () => {
  it('times out after SESSION_IDLE_MINUTES without activity, and the row is revoked', async () => {
    const user = await createUser(db);
    const t0 = new Date('2026-03-27T09:00:00Z');
    const sid = await openSession(user.id, 'credentials', {}, t0);

    const active = await checkSession(sid, new Date(t0.getTime() + 5 * MINUTE));
    expect(active).toMatchObject({ ok: true, user: { id: user.id, roles: ['CARE_COORDINATOR'] } });
    const touched = await db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(touched.lastSeenAt.getTime()).toBe(t0.getTime() + 5 * MINUTE);

    const idleAt = new Date(t0.getTime() + (5 + env.SESSION_IDLE_MINUTES + 1) * MINUTE);
    expect(await checkSession(sid, idleAt)).toEqual({ ok: false, reason: 'idle' });
    const row = await db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.revokedAt?.getTime()).toBe(idleAt.getTime());
    // And it stays ended, even if activity were to resume.
    expect(await checkSession(sid, idleAt)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('ends at the absolute limit however active the person is', async () => {
    const user = await createUser(db);
    const t0 = new Date('2026-03-27T07:00:00Z');
    const sid = await openSession(user.id, 'credentials', {}, t0);
    const step = (env.SESSION_IDLE_MINUTES - 1) * MINUTE;
    let t = t0.getTime();
    const limit = t0.getTime() + env.SESSION_MAX_HOURS * 60 * MINUTE;
    while (t + step < limit) {
      t += step;
      expect((await checkSession(sid, new Date(t))).ok).toBe(true);
    }
    expect(await checkSession(sid, new Date(limit))).toEqual({ ok: false, reason: 'expired' });
  });

  it('deactivating a user signs them out everywhere', async () => {
    const admin = await createUser(db, { roles: ['SYSTEM_ADMINISTRATOR'] });
    const user = await createUser(db);
    const sessions = [
      await openSession(user.id, 'credentials', {}),
      await openSession(user.id, 'cis2', {}),
    ];
    const result = await deactivateUser(
      { userId: admin.id, email: admin.email, roles: admin.roles, teamIds: [] },
      { userId: user.id },
      { db },
    );
    expect(result).toEqual({ ok: true, data: { sessionsRevoked: 2 } });
    for (const sid of sessions) {
      expect(await checkSession(sid)).toEqual({ ok: false, reason: 'revoked' });
    }
  });

  it('an inactive user’s session is refused even before it is revoked', async () => {
    const user = await createUser(db);
    const sid = await openSession(user.id, 'credentials', {});
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await checkSession(sid)).toEqual({ ok: false, reason: 'inactive' });
    expect(await revokeAllSessions(user.id)).toBe(0);
  });
});

describe('signing in', () => {
  const refused = {
    ok: false,
    code: 'invalid',
    message: `Email address or password not recognised, or the account is locked. An account is locked for ${String(env.SIGN_IN_LOCK_MINUTES)} minutes after ${String(env.SIGN_IN_MAX_FAILURES)} failed attempts to sign in: try again later, or ask your system administrator to unlock it.`,
  };

  it(`locks the account after ${String(env.SIGN_IN_MAX_FAILURES)} failures, with the same message as a wrong password`, async () => {
    const user = await createUser(db);
    const t0 = new Date('2026-03-27T10:00:00Z');
    for (let i = 1; i <= env.SIGN_IN_MAX_FAILURES; i += 1) {
      expect(await authenticate(user.email, 'wrong-password', meta, t0)).toEqual(refused);
    }
    // The right password does not help while locked, and the answer does not say it was right.
    expect(
      await authenticate(user.email, TEST_PASSWORD, meta, new Date(t0.getTime() + MINUTE)),
    ).toEqual(refused);
    const later = new Date(t0.getTime() + (env.SIGN_IN_LOCK_MINUTES + 1) * MINUTE);
    expect(await authenticate(user.email, TEST_PASSWORD, meta, later)).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      failedSignInCount: 0,
      lockedUntil: null,
    });

    const outcomes = await db.auditEvent.findMany({
      where: { userId: user.id, action: 'auth.sign-in' },
      orderBy: { id: 'asc' },
      select: { outcome: true, reason: true },
    });
    expect(outcomes.map((o) => `${o.outcome}:${o.reason ?? ''}`)).toEqual([
      ...Array.from({ length: env.SIGN_IN_MAX_FAILURES - 1 }, () => 'FAILURE:wrong-password'),
      'FAILURE:wrong-password-locked',
      'DENIED:locked',
      'SUCCESS:',
    ]);
  });

  it('an expired lock starts the count again', async () => {
    const user = await createUser(db);
    const t0 = new Date('2026-03-28T10:00:00Z');
    for (let i = 0; i < env.SIGN_IN_MAX_FAILURES; i += 1) {
      await authenticate(user.email, 'wrong-password', meta, t0);
    }
    const later = new Date(t0.getTime() + (env.SIGN_IN_LOCK_MINUTES + 1) * MINUTE);
    await authenticate(user.email, 'wrong-password', meta, later);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      failedSignInCount: 1,
      lockedUntil: null,
    });
    expect(await authenticate(user.email, TEST_PASSWORD, meta, later)).toMatchObject({ ok: true });
  });

  /** Sign-in outcomes of one user, by reason, from the audit trail. */
  async function reasons(userId: string): Promise<Record<string, number>> {
    const rows = await db.auditEvent.groupBy({
      by: ['outcome', 'reason'],
      where: { userId, action: 'auth.sign-in' },
      _count: { _all: true },
    });
    return Object.fromEntries(rows.map((r) => [`${r.outcome}:${r.reason ?? ''}`, r._count._all]));
  }

  it('30 parallel wrong attempts: only the limit’s worth of passwords is checked, the rest refused', async () => {
    const user = await createUser(db);
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 30 }, () => authenticate(user.email, 'wrong-password', meta, now)),
    );
    for (const result of results) expect(result).toEqual(refused);
    const max = env.SIGN_IN_MAX_FAILURES;
    expect(await reasons(user.id)).toEqual({
      ...(max > 1 ? { 'FAILURE:wrong-password': max - 1 } : {}),
      'FAILURE:wrong-password-locked': 1,
      'DENIED:locked': 30 - max,
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil?.getTime()).toBe(now.getTime() + env.SIGN_IN_LOCK_MINUTES * MINUTE);

    // Once locked, a burst with the right password in it signs nobody in.
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        authenticate(user.email, i === 15 ? TEST_PASSWORD : 'wrong-password', meta, now),
      ),
    );
    for (const result of burst) expect(result).toEqual(refused);
    expect((await reasons(user.id))['DENIED:locked']).toBe(60 - max);
  });

  it('a right password inside a burst of wrong ones is checked only within the limit', async () => {
    const user = await createUser(db);
    const now = new Date();
    const max = env.SIGN_IN_MAX_FAILURES;
    // The probe's attack: 24 wrong passwords and the right one, all at once (the right one last).
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        authenticate(user.email, i === 24 ? TEST_PASSWORD : 'wrong-password', meta, now),
      ),
    );
    const signedIn = results.filter((r) => r.ok).length;
    for (const result of results.filter((r) => !r.ok)) expect(result).toEqual(refused);
    const counts = await reasons(user.id);
    const wrongChecked =
      (counts['FAILURE:wrong-password'] ?? 0) + (counts['FAILURE:wrong-password-locked'] ?? 0);
    expect(counts['SUCCESS:'] ?? 0).toBe(signedIn);
    if (signedIn === 0) {
      // The right password came after the limit: it was refused unchecked, like the rest.
      expect(wrongChecked).toBe(max);
      expect(counts['DENIED:locked']).toBe(25 - max);
    } else {
      // It came within the first `max` attempts (allowed), and its success started a new count:
      // still never more than the limit's worth of wrong passwords either side of it.
      expect(wrongChecked).toBeLessThanOrEqual(2 * max - 1);
    }
    expect(wrongChecked + (counts['DENIED:locked'] ?? 0) + signedIn).toBe(25);
  });

  it('answers the same for an unknown address, a wrong password, a locked account and an account without a password', async () => {
    const known = await createUser(db);
    const locked = await createUser(db);
    const ssoOnly = await createUser(db, { password: null });
    const now = new Date();
    for (let i = 0; i < env.SIGN_IN_MAX_FAILURES; i += 1) {
      await authenticate(locked.email, 'wrong-password', meta, now);
    }
    const answers = [
      await authenticate(`nobody.${unique()}@example.nhs.uk`, 'wrong-password', meta, now),
      await authenticate(known.email, 'wrong-password', meta, now),
      await authenticate(locked.email, TEST_PASSWORD, meta, now),
      await authenticate(ssoOnly.email, 'wrong-password', meta, now),
    ];
    for (const answer of answers) expect(answer).toEqual(refused);
  });

  it('audits a failure for an unknown address, without telling which part was wrong', async () => {
    const email = `nobody.${unique()}@example.nhs.uk`;
    expect(await authenticate(email, 'whatever', meta)).toMatchObject({ code: 'invalid' });
    expect(
      await db.auditEvent.count({
        where: { userEmail: email, outcome: 'FAILURE', reason: 'unknown-account' },
      }),
    ).toBe(1);
  });

  it('refuses demonstration accounts in production unless DEMO_MODE is on', async () => {
    expect(demoAccountsAllowed({ NODE_ENV: 'production', DEMO_MODE: false })).toBe(false);
    expect(demoAccountsAllowed({ NODE_ENV: 'production', DEMO_MODE: true })).toBe(true);
    expect(demoAccountsAllowed({ NODE_ENV: 'development', DEMO_MODE: false })).toBe(true);

    const demo = await createUser(db, { email: `demo.${unique()}@cto-tracker.example` });
    const production = { NODE_ENV: 'production' as const, DEMO_MODE: false };
    expect(await authenticate(demo.email, TEST_PASSWORD, meta, new Date(), production)).toEqual({
      ok: false,
      code: 'demo-disabled',
      message: 'Demonstration accounts cannot be used on this service.',
    });
    const real = await createUser(db, { email: `real.${unique()}@example.nhs.uk` });
    expect(
      await authenticate(real.email, TEST_PASSWORD, meta, new Date(), production),
    ).toMatchObject({ ok: true });
    expect(
      await db.auditEvent.count({
        where: { userId: demo.id, outcome: 'DENIED', reason: 'demo-accounts-disabled' },
      }),
    ).toBe(1);
  });

  it('refuses a deactivated account with a message that says so', async () => {
    const user = await createUser(db, { active: false });
    expect(await authenticate(user.email, TEST_PASSWORD, meta)).toMatchObject({
      ok: false,
      code: 'inactive',
      message: 'Your account has been deactivated. Contact your system administrator.',
    });
  });
});
