// Sign-in with NHS CIS2 (issue 14): the decision and what it writes, from verified claims, on
// a real database. The HTTP flow against a real provider is in tests/e2e/cis2.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { assuranceLevel, signInWithCis2, type Cis2SignInSettings } from '@/lib/server/auth/oidc';
import { linkCis2User } from '@/lib/server/services/link-cis2-user';
import { revokeUserRole } from '@/lib/server/services/revoke-user-role';
import { grantUserRole } from '@/lib/server/services/grant-user-role';
import { decideRoleRequest } from '@/lib/server/services/decide-role-request';
import { createUser, unique } from '@/tests/factories';
import { testDb } from './support/db';
import { actorOf, createWorld, type World } from './support/world';

let db: PrismaClient;
let world: World;
beforeAll(async () => {
  db = testDb();
  world = await createWorld(db);
});
afterAll(async () => {
  await db.$disconnect();
});

const SETTINGS: Cis2SignInSettings = {
  minAssurance: 'AAL3',
  roleMap: { R8000: ['RESPONSIBLE_CLINICIAN'], R8003: ['CARE_COORDINATOR'] },
};
const META = { ipAddress: '10.0.0.9', userAgent: 'test-agent', route: '/api/auth/callback/cis2' };
const AAL3 = { acr: 'AAL3_ANY' };

let uidCounter = 0;
function newUid(): string {
  uidCounter += 1;
  return `5550${String(Date.now()).slice(-6)}${String(uidCounter).padStart(2, '0')}`;
}

function claims(uid: string, email: string, selected: string, codes: Record<string, string>) {
  return {
    sub: uid,
    nhsid_useruid: uid,
    email,
    name: 'Test Person',
    nhsid_nrbac_roles: Object.entries(codes).map(([id, code]) => ({
      person_roleid: id,
      role_code: code,
      org_code: 'RX4',
      role_name: `Role ${code}`,
    })),
    selected_roleid: selected,
  };
}

async function rolesOf(userId: string) {
  return db.userRole.findMany({
    where: { userId, revokedAt: null },
    orderBy: { role: 'asc' },
    select: { role: true, grantedVia: true },
  });
}

async function auditFor(userId: string, since: Date) {
  return db.auditEvent.findMany({
    where: { OR: [{ userId }, { entityId: userId }], occurredAt: { gte: since } },
    orderBy: { id: 'asc' },
  });
}

describe('signing in with CIS2', () => {
  it('links by email, gives the selected role’s mapped role (audited as a role grant) and writes one sign-in row with detail', async () => {
    const user = await createUser(db, { roles: ['AMHP'], password: null });
    const uid = newUid();
    const since = new Date();
    const result = await signInWithCis2(
      claims(uid, user.email.toUpperCase(), 'a', {
        a: 'S8000:G8000:R8000',
        b: 'S8000:G8000:R8003',
      }),
      AAL3,
      META,
      new Date(),
      SETTINGS,
    );
    expect(result).toEqual({
      ok: true,
      userId: user.id,
      roles: expect.arrayContaining(['AMHP', 'RESPONSIBLE_CLINICIAN']),
    });
    // Only the selected role counts: R8003 (care coordinator) is not given.
    expect(await rolesOf(user.id)).toEqual([
      { role: 'RESPONSIBLE_CLINICIAN', grantedVia: 'CIS2' },
      { role: 'AMHP', grantedVia: 'ADMIN' },
    ]);
    const linked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(linked.oidcSubject).toBe(uid);
    expect(linked.lastSignInAt).not.toBeNull();

    const events = await auditFor(user.id, since);
    expect(events.map((e) => e.action)).toEqual([
      'user.cis2.link',
      'user.role.grant',
      'auth.sign-in',
    ]);
    const signIn = events.find((e) => e.action === 'auth.sign-in')!;
    expect(signIn).toMatchObject({
      outcome: 'SUCCESS',
      ipAddress: '10.0.0.9',
      userAgent: 'test-agent',
      route: '/api/auth/callback/cis2',
      metadata: { provider: 'cis2', cis2UserId: uid, acr: 'AAL3_ANY' },
    });
    expect([...signIn.roles].sort()).toEqual(['AMHP', 'RESPONSIBLE_CLINICIAN']);
    expect(events.find((e) => e.action === 'user.role.grant')?.metadata).toMatchObject({
      role: 'RESPONSIBLE_CLINICIAN',
      source: 'cis2',
    });
  });

  it('refuses a selected role that maps to nothing, names it, and changes nothing', async () => {
    const user = await createUser(db, { roles: ['CARE_COORDINATOR'], password: null });
    const uid = newUid();
    const since = new Date();
    const result = await signInWithCis2(
      claims(uid, user.email, 'b', { a: 'S8000:G8000:R8000', b: 'S8000:G8000:R8001' }),
      AAL3,
      META,
      new Date(),
      SETTINGS,
    );
    expect(result).toEqual({
      ok: false,
      reason: 'role-not-mapped',
      role: { code: 'S8000:G8000:R8001', name: 'Role S8000:G8000:R8001' },
    });
    expect(await rolesOf(user.id)).toEqual([{ role: 'CARE_COORDINATOR', grantedVia: 'ADMIN' }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).oidcSubject).toBeNull();
    const events = await auditFor(user.id, since);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'auth.sign-in',
      outcome: 'DENIED',
      reason: 'role-not-mapped',
      metadata: { cis2UserId: uid, selectedRoleCode: 'S8000:G8000:R8001' },
    });
  });

  it('refuses an assurance below the minimum, or none, before looking at the account', async () => {
    const user = await createUser(db, { roles: ['CARE_COORDINATOR'], password: null });
    for (const idToken of [{ acr: 'AAL2_ANY' }, {}, { acr: 'AAL2_OR_AAL3_ANY' }]) {
      const result = await signInWithCis2(
        claims(newUid(), user.email, 'a', { a: 'R8000' }),
        idToken,
        META,
        new Date(),
        SETTINGS,
      );
      expect(result).toEqual({ ok: false, reason: 'assurance-too-low' });
    }
    expect(await rolesOf(user.id)).toEqual([{ role: 'CARE_COORDINATOR', grantedVia: 'ADMIN' }]);
    const accepted = await signInWithCis2(
      claims(newUid(), user.email, 'a', { a: 'R8000' }),
      { acr: 'AAL2_ANY' },
      META,
      new Date(),
      { ...SETTINGS, minAssurance: 'AAL2' },
    );
    expect(accepted.ok).toBe(true);
  });

  it('takes away only roles sign-in gave, and never gives back a role an administrator removed', async () => {
    const admin = actorOf(world.users.admin);
    const user = await createUser(db, { roles: ['AMHP'], password: null });
    const uid = newUid();
    const signIn = (selected: string) =>
      signInWithCis2(
        claims(uid, user.email, selected, { rc: 'R8000', cc: 'R8003' }),
        AAL3,
        META,
        new Date(),
        SETTINGS,
      );
    await signIn('rc');
    await signIn('cc'); // the person selected another role: RC (from CIS2) goes, CC comes
    expect(await rolesOf(user.id)).toEqual([
      { role: 'CARE_COORDINATOR', grantedVia: 'CIS2' },
      { role: 'AMHP', grantedVia: 'ADMIN' },
    ]);
    const revoked = await db.auditEvent.findFirstOrThrow({
      where: { action: 'user.role.revoke', entityId: user.id },
    });
    expect(revoked.metadata).toMatchObject({ role: 'RESPONSIBLE_CLINICIAN', source: 'cis2' });

    // The administrator removes the CIS2-given role: the next sign-in does not give it back.
    const removal = await revokeUserRole(admin, { userId: user.id, role: 'CARE_COORDINATOR' });
    expect(removal.ok).toBe(true);
    await signIn('cc');
    expect(await rolesOf(user.id)).toEqual([{ role: 'AMHP', grantedVia: 'ADMIN' }]);

    // The administrator gives it (asked by one administrator, approved by a second: decision
    // 612): pinned, sign-in with another role leaves it alone.
    const asked = await grantUserRole(admin, { userId: user.id, role: 'CARE_COORDINATOR' });
    if (!asked.ok || asked.data.status !== 'REQUESTED') throw new Error('expected a request');
    const secondAdmin = actorOf(await createUser(db, { roles: ['SYSTEM_ADMINISTRATOR'] }));
    const approved = await decideRoleRequest(secondAdmin, {
      requestId: asked.data.requestId,
      decision: 'approve',
    });
    expect(approved.ok).toBe(true);
    await signIn('rc');
    expect(await rolesOf(user.id)).toEqual([
      { role: 'CARE_COORDINATOR', grantedVia: 'ADMIN' },
      { role: 'RESPONSIBLE_CLINICIAN', grantedVia: 'CIS2' },
      { role: 'AMHP', grantedVia: 'ADMIN' },
    ]);
  });

  it('refuses unknown people, deactivated accounts and an email already linked to another CIS2 id', async () => {
    const unknown = await signInWithCis2(
      claims(newUid(), `nobody-${unique()}@example.nhs.uk`, 'a', { a: 'R8000' }),
      AAL3,
      META,
      new Date(),
      SETTINGS,
    );
    expect(unknown).toEqual({ ok: false, reason: 'no-local-account' });
    const inactive = await createUser(db, { active: false, password: null });
    expect(
      await signInWithCis2(
        claims(newUid(), inactive.email, 'a', { a: 'R8000' }),
        AAL3,
        META,
        new Date(),
        SETTINGS,
      ),
    ).toEqual({ ok: false, reason: 'inactive' });
    const linked = await createUser(db, { password: null });
    await db.user.update({ where: { id: linked.id }, data: { oidcSubject: newUid() } });
    expect(
      await signInWithCis2(
        claims(newUid(), linked.email, 'a', { a: 'R8000' }),
        AAL3,
        META,
        new Date(),
        SETTINGS,
      ),
    ).toEqual({ ok: false, reason: 'linked-to-another' });
  });
});

describe('linking a user to their CIS2 user id', () => {
  it('links ahead of the first sign-in, which then finds them by id whatever their email', async () => {
    const admin = actorOf(world.users.admin);
    const user = await createUser(db, { roles: ['CARE_COORDINATOR'], password: null });
    const uid = newUid();
    const result = await linkCis2User(admin, { userId: user.id, cis2UserId: ` ${uid} ` });
    expect(result).toEqual({ ok: true, data: { cis2UserId: uid } });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'user.cis2.link', entityId: user.id },
    });
    expect(event.metadata).toMatchObject({ cis2UserId: uid, matchedBy: 'administrator' });
    const signIn = await signInWithCis2(
      claims(uid, `someone-else-${unique()}@example.nhs.uk`, 'a', { a: 'R8003' }),
      AAL3,
      META,
      new Date(),
      SETTINGS,
    );
    expect(signIn).toMatchObject({ ok: true, userId: user.id });
  });

  it('refuses an id in use by someone else and a malformed id', async () => {
    const admin = actorOf(world.users.admin);
    const first = await createUser(db, { password: null });
    const second = await createUser(db, { password: null });
    const uid = newUid();
    expect((await linkCis2User(admin, { userId: first.id, cis2UserId: uid })).ok).toBe(true);
    const taken = await linkCis2User(admin, { userId: second.id, cis2UserId: uid });
    expect(taken).toMatchObject({ ok: false, reason: 'CIS2_ID_IN_USE' });
    const malformed = await linkCis2User(admin, { userId: second.id, cis2UserId: 'abc' });
    expect(malformed).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await db.user.findUniqueOrThrow({ where: { id: second.id } })).oidcSubject).toBeNull();
  });

  it('is refused to anyone who is not a system administrator', async () => {
    const user = await createUser(db, { password: null });
    const result = await linkCis2User(actorOf(world.users.rcNorth), {
      userId: user.id,
      cis2UserId: newUid(),
    });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('assurance levels', () => {
  it('reads CIS2’s acr values by their weakest level', () => {
    expect(assuranceLevel('AAL3_ANY')).toBe(3);
    expect(assuranceLevel('AAL2_OR_AAL3_ANY')).toBe(2);
    expect(assuranceLevel('AAL1_USERPASS')).toBe(1);
    expect(assuranceLevel('urn:something')).toBeNull();
    expect(assuranceLevel(undefined)).toBeNull();
  });
});
