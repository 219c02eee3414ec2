import 'server-only';
// Password sign-in: argon2id verification, lock-out after repeated failures, the demo
// accounts' production guard, and an audit event for every attempt (ASVS 16.3.1).
import { env, type Env } from '@/lib/env';
import { db } from '@/lib/server/db';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { recordAudit, type RequestMeta } from '@/lib/server/audit/record-audit';

export const DEMO_EMAIL_DOMAIN = '@cto-tracker.example';

export type AuthenticateResult =
  | { ok: true; userId: string; email: string; name: string }
  | { ok: false; code: 'invalid' | 'locked' | 'demo-disabled' | 'inactive'; message: string };

let dummyHash: Promise<string> | undefined;
// Verifying against a real hash when the account does not exist keeps the response time
// the same for unknown and known addresses (no account discovery by timing).
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword('not-a-password-anyone-has');
  return dummyHash;
}

const INVALID = {
  ok: false as const,
  code: 'invalid' as const,
  message: 'Enter a correct email address and password.',
};

/** The settings that decide whether demo accounts may sign in (a parameter, for the tests). */
export type DemoSettings = Pick<Env, 'NODE_ENV' | 'DEMO_MODE'>;

export function demoAccountsAllowed(settings: DemoSettings = env): boolean {
  return settings.NODE_ENV !== 'production' || settings.DEMO_MODE;
}

export async function authenticate(
  emailInput: string,
  password: string,
  meta: RequestMeta,
  now = new Date(),
  settings: DemoSettings = env,
): Promise<AuthenticateResult> {
  const email = emailInput.trim().toLowerCase();
  const user = await db.user.findUnique({
    where: { email },
    include: { roles: { where: { revokedAt: null } } },
  });
  const audit = (outcome: 'SUCCESS' | 'FAILURE' | 'DENIED', reason: string | null) =>
    recordAudit(db, {
      actor: { userId: user?.id ?? null, email, roles: user?.roles.map((r) => r.role) ?? [] },
      action: 'auth.sign-in',
      outcome,
      entityType: 'User',
      entityId: user?.id ?? null,
      reason,
      meta,
    });

  if (!user?.passwordHash) {
    await verifyPassword(await timingDummy(), password);
    await audit('FAILURE', user ? 'no-password-set' : 'unknown-account');
    return INVALID;
  }
  if (user.email.endsWith(DEMO_EMAIL_DOMAIN) && !demoAccountsAllowed(settings)) {
    await audit('DENIED', 'demo-accounts-disabled');
    return {
      ok: false,
      code: 'demo-disabled',
      message: 'Demonstration accounts cannot be used on this service.',
    };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await audit('DENIED', 'locked');
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    return {
      ok: false,
      code: 'locked',
      message: `Your account is locked after too many failed attempts to sign in. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your system administrator to unlock it.`,
    };
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid) {
    const failures = user.failedSignInCount + 1;
    const lock = failures >= env.SIGN_IN_MAX_FAILURES;
    await db.user.update({
      where: { id: user.id },
      data: {
        failedSignInCount: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + env.SIGN_IN_LOCK_MINUTES * 60_000) : null,
      },
    });
    await audit('FAILURE', lock ? 'wrong-password-locked' : 'wrong-password');
    if (lock) {
      return {
        ok: false,
        code: 'locked',
        message: `Your account is locked for ${env.SIGN_IN_LOCK_MINUTES} minutes after ${env.SIGN_IN_MAX_FAILURES} failed attempts to sign in.`,
      };
    }
    return INVALID;
  }
  if (!user.active) {
    await audit('DENIED', 'inactive');
    return {
      ok: false,
      code: 'inactive',
      message: 'Your account has been deactivated. Contact your system administrator.',
    };
  }
  await db.user.update({
    where: { id: user.id },
    data: { failedSignInCount: 0, lockedUntil: null, lastSignInAt: now },
  });
  await audit('SUCCESS', null);
  return { ok: true, userId: user.id, email: user.email, name: user.name };
}
