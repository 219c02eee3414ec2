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
  | { ok: false; code: 'invalid' | 'demo-disabled' | 'inactive'; message: string };

let dummyHash: Promise<string> | undefined;
// Verifying against a real hash when the account does not exist (or is locked) keeps the
// response time the same for every refusal (no account discovery by timing).
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword('not-a-password-anyone-has');
  return dummyHash;
}

/**
 * The one message for a wrong address, a wrong password and a locked account, word for word the
 * same whether the account exists or not (issue 12, part 2): it reveals nothing about accounts.
 */
export function signInRefusedMessage(settings: LockSettings = env): string {
  return `Email address or password not recognised, or the account is locked. An account is locked for ${String(settings.SIGN_IN_LOCK_MINUTES)} minutes after ${String(settings.SIGN_IN_MAX_FAILURES)} failed attempts to sign in: try again later, or ask your system administrator to unlock it.`;
}

export type LockSettings = Pick<Env, 'SIGN_IN_MAX_FAILURES' | 'SIGN_IN_LOCK_MINUTES'>;

function refused(): AuthenticateResult {
  return { ok: false, code: 'invalid', message: signInRefusedMessage() };
}

/**
 * Counts this attempt BEFORE the password is checked, in one statement, so parallel attempts
 * each see the count their predecessors left (the row lock of the UPDATE orders them): the
 * attempt that reaches the limit engages the lock at once, and every later attempt is refused
 * without its password being checked. An expired lock starts the count again. A success resets
 * the count (below). Returns the attempt's number, or null when the account is locked.
 */
async function claimAttempt(userId: string, now: Date): Promise<number | null> {
  const lockUntil = new Date(now.getTime() + env.SIGN_IN_LOCK_MINUTES * 60_000);
  // In READ COMMITTED a concurrent UPDATE of the same row waits for the first to commit, then
  // re-evaluates the WHERE and SET against the row as the first left it: a true counter.
  const rows = await db.$queryRaw<{ failedSignInCount: number }[]>`
    UPDATE "User"
       SET "failedSignInCount" = CASE WHEN "lockedUntil" IS NOT NULL THEN 1
                                      ELSE "failedSignInCount" + 1 END,
           "lockedUntil" = CASE WHEN (CASE WHEN "lockedUntil" IS NOT NULL THEN 1
                                           ELSE "failedSignInCount" + 1 END) >= ${env.SIGN_IN_MAX_FAILURES}::int
                                THEN ${lockUntil}::timestamptz ELSE NULL END
     WHERE id = ${userId} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamptz)
    RETURNING "failedSignInCount"`;
  return rows[0]?.failedSignInCount ?? null;
}

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
    return refused();
  }
  if (user.email.endsWith(DEMO_EMAIL_DOMAIN) && !demoAccountsAllowed(settings)) {
    await audit('DENIED', 'demo-accounts-disabled');
    return {
      ok: false,
      code: 'demo-disabled',
      message: 'Demonstration accounts cannot be used on this service.',
    };
  }
  const attempt = await claimAttempt(user.id, now);
  if (attempt === null) {
    // Locked: the password is not checked, but the time taken and the answer are the same.
    await verifyPassword(await timingDummy(), password);
    await audit('DENIED', 'locked');
    return refused();
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid) {
    const locked = attempt >= env.SIGN_IN_MAX_FAILURES;
    await audit('FAILURE', locked ? 'wrong-password-locked' : 'wrong-password');
    return refused();
  }
  // The password was right: this attempt does not count, nor do the failures before it.
  await db.user.update({
    where: { id: user.id },
    data: { failedSignInCount: 0, lockedUntil: null },
  });
  if (!user.active) {
    await audit('DENIED', 'inactive');
    return {
      ok: false,
      code: 'inactive',
      message: 'Your account has been deactivated. Contact your system administrator.',
    };
  }
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  await audit('SUCCESS', null);
  return { ok: true, userId: user.id, email: user.email, name: user.name };
}
