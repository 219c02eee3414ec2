// User administration (issue 4, part 7): joiners, movers and leavers, all audited, all
// through runService, with clear refusals and nothing written on bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createUser as createUserService } from '@/lib/server/services/create-user';
import { grantUserRole } from '@/lib/server/services/grant-user-role';
import { decideRoleRequest } from '@/lib/server/services/decide-role-request';
import { revokeUserRole } from '@/lib/server/services/revoke-user-role';
import { moveUserTeam } from '@/lib/server/services/move-user-team';
import { deactivateUser } from '@/lib/server/services/deactivate-user';
import { reactivateUser } from '@/lib/server/services/reactivate-user';
import { unlockUser } from '@/lib/server/services/unlock-user';
import { verifyPassword } from '@/lib/auth/password';
import { createTeam, createUser, unique } from '@/tests/factories';
import { testDb } from './support/db';
import { actorOf, createWorld, type World } from './support/world';

let db: PrismaClient;
let world: World;
let admin: ReturnType<typeof actorOf>;
let secondAdmin: ReturnType<typeof actorOf>;
beforeAll(async () => {
  db = testDb();
  world = await createWorld(db);
  admin = actorOf(world.users.admin);
  secondAdmin = actorOf(await createUser(db, { roles: ['SYSTEM_ADMINISTRATOR'] }));
});
afterAll(async () => {
  await db.$disconnect();
});

async function lastEvent(action: string) {
  return db.auditEvent.findFirstOrThrow({
    where: { action, outcome: 'SUCCESS' },
    orderBy: { id: 'desc' },
  });
}

describe('adding a user', () => {
  it('creates the user with a team and a hashed password, their roles waiting for approval, audited', async () => {
    const email = `New.Starter.${unique()}@Example.NHS.uk`;
    const result = await createUserService(
      admin,
      {
        name: 'Ada Newstarter',
        email,
        jobTitle: 'Community psychiatric nurse',
        roles: ['CARE_COORDINATOR', 'CARE_COORDINATOR'],
        teamId: world.north.id,
        password: 'a-long-initial-password',
      },
      { db },
    );
    if (!result.ok) throw new Error(result.message);
    const user = await db.user.findUniqueOrThrow({
      where: { id: result.data.userId },
      include: { roles: true, memberships: true, roleRequests: true },
    });
    expect(user.email).toBe(email.toLowerCase());
    // A care coordinator sees patients: the role waits for a second administrator.
    expect(result.data.requestedRoles).toEqual(['CARE_COORDINATOR']);
    expect(user.roles).toEqual([]);
    expect(user.roleRequests.map((r) => [r.role, r.status, r.requestedById])).toEqual([
      ['CARE_COORDINATOR', 'PENDING', admin.userId],
    ]);
    expect(user.memberships.map((m) => [m.teamId, m.endedOn])).toEqual([[world.north.id, null]]);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, 'a-long-initial-password')).toBe(true);
    const event = await lastEvent('user.create');
    expect(event).toMatchObject({ outcome: 'SUCCESS', entityId: user.id, userId: admin.userId });
    expect(JSON.stringify(event.metadata)).not.toContain('a-long-initial-password');
  });

  it('creates a single-sign-on-only user with no password and no team', async () => {
    const result = await createUserService(
      admin,
      {
        name: 'Sam Sso',
        email: `sso.${unique()}@example.nhs.uk`,
        roles: ['AMHP'],
        password: '',
        teamId: '',
      },
      { db },
    );
    if (!result.ok) throw new Error(result.message);
    const user = await db.user.findUniqueOrThrow({ where: { id: result.data.userId } });
    expect(user.passwordHash).toBeNull();
  });

  it('explains every problem with the form and writes nothing', async () => {
    const before = { users: await db.user.count(), events: await db.auditEvent.count() };
    const result = await createUserService(
      admin,
      { name: ' ', email: 'not-an-email', roles: [], teamId: 'north', password: 'short' },
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: {
        name: 'Enter the person’s full name',
        email: 'Enter an email address in the correct format, like name@example.nhs.uk',
        roles: 'Select at least one role',
        teamId: 'Select a team from the list',
        password: 'Password must be at least 12 characters',
      },
    });
    expect(await db.user.count()).toBe(before.users);
    expect(await db.auditEvent.count()).toBe(before.events);
  });

  it('refuses an email address already in use', async () => {
    const result = await createUserService(
      admin,
      { name: 'Twin', email: world.users.auditor.email.toUpperCase(), roles: ['AUDITOR'] },
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'REFUSED',
      fieldErrors: { email: 'There is already a user with this email address' },
    });
  });

  it('is refused to anyone but a system administrator, with a denied audit event', async () => {
    const result = await createUserService(
      actorOf(world.users.mhaOffice),
      {
        name: 'Sneaky',
        email: `sneaky.${unique()}@example.nhs.uk`,
        roles: ['SYSTEM_ADMINISTRATOR'],
      },
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await db.auditEvent.count({
        where: { userId: world.users.mhaOffice.id, action: 'user.create', outcome: 'DENIED' },
      }),
    ).toBe(1);
  });
});

describe('roles and teams', () => {
  it('grants and removes roles as history rows', async () => {
    const user = await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [world.north.id] });
    const asked = await grantUserRole(admin, { userId: user.id, role: 'AMHP' }, { db });
    if (!asked.ok || asked.data.status !== 'REQUESTED') throw new Error('expected a request');
    const again = await grantUserRole(admin, { userId: user.id, role: 'AMHP' }, { db });
    expect(again).toMatchObject({ ok: false, reason: 'ALREADY_REQUESTED' });
    const approved = await decideRoleRequest(
      secondAdmin,
      { requestId: asked.data.requestId, decision: 'approve' },
      { db },
    );
    expect(approved).toEqual({ ok: true, data: { userId: user.id, status: 'APPROVED' } });
    const twice = await grantUserRole(admin, { userId: user.id, role: 'AMHP' }, { db });
    expect(twice).toMatchObject({ ok: false, reason: 'ALREADY_HELD' });

    const revoked = await revokeUserRole(
      admin,
      { userId: user.id, role: 'CARE_COORDINATOR' },
      { db },
    );
    expect(revoked).toEqual({ ok: true, data: { revoked: 1 } });
    const rows = await db.userRole.findMany({
      where: { userId: user.id },
      orderBy: { grantedAt: 'asc' },
    });
    expect(rows.map((r) => [r.role, r.revokedAt !== null])).toEqual([
      ['CARE_COORDINATOR', true],
      ['AMHP', false],
    ]);
    const notHeld = await revokeUserRole(admin, { userId: user.id, role: 'AUDITOR' }, { db });
    expect(notHeld).toMatchObject({ ok: false, reason: 'NOT_HELD' });
    expect((await lastEvent('user.role.revoke')).metadata).toEqual({ role: 'CARE_COORDINATOR' });

    const badRole = await grantUserRole(admin, { userId: user.id, role: 'SUPERUSER' }, { db });
    expect(badRole).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { role: 'Select a role from the list' },
    });
  });

  it('does not let an administrator remove their own administrator role', async () => {
    const result = await revokeUserRole(
      admin,
      { userId: admin.userId, role: 'SYSTEM_ADMINISTRATOR' },
      { db },
    );
    expect(result).toMatchObject({ ok: false, reason: 'OWN_ADMINISTRATOR_ROLE' });
  });

  it('moves a user: ends the old membership and starts the new one', async () => {
    const user = await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [world.north.id] });
    const now = new Date('2026-03-27T10:00:00Z');
    const moved = await moveUserTeam(
      admin,
      { userId: user.id, teamId: world.south.id },
      { db, now },
    );
    expect(moved).toMatchObject({ ok: true, data: { endedTeamIds: [world.north.id] } });
    const memberships = await db.teamMembership.findMany({
      where: { userId: user.id },
      orderBy: { startedOn: 'asc' },
    });
    expect(
      memberships.map((m) => [m.teamId, m.endedOn?.toISOString().slice(0, 10) ?? null]),
    ).toEqual([
      [world.north.id, '2026-03-27'],
      [world.south.id, null],
    ]);
    const again = await moveUserTeam(admin, { userId: user.id, teamId: world.south.id }, { db });
    expect(again).toMatchObject({ ok: false, reason: 'ALREADY_IN_TEAM' });
    const closed = await createTeam(db, { trustId: world.trust.id, active: false });
    const toClosed = await moveUserTeam(admin, { userId: user.id, teamId: closed.id }, { db });
    expect(toClosed).toMatchObject({
      ok: false,
      fieldErrors: { teamId: 'Select a team from the list' },
    });
  });
});

describe('leavers and lock-out', () => {
  it('deactivation signs the user out everywhere; reactivation restores the account', async () => {
    const user = await createUser(db, {
      roles: ['RESPONSIBLE_CLINICIAN'],
      teams: [world.south.id],
    });
    const expiresAt = new Date(Date.now() + 3_600_000);
    await db.userSession.createMany({
      data: [
        { userId: user.id, expiresAt },
        { userId: user.id, expiresAt },
      ],
    });
    const result = await deactivateUser(admin, { userId: user.id }, { db });
    expect(result).toEqual({ ok: true, data: { sessionsRevoked: 2 } });
    expect(await db.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.active).toBe(false);
    expect(row.deactivatedAt).not.toBeNull();
    expect((await lastEvent('user.deactivate')).metadata).toEqual({ sessionsRevoked: 2 });

    expect(await deactivateUser(admin, { userId: user.id }, { db })).toMatchObject({
      ok: false,
      reason: 'ALREADY_INACTIVE',
    });
    expect(await reactivateUser(admin, { userId: user.id }, { db })).toEqual({
      ok: true,
      data: { userId: user.id },
    });
    const back = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { roles: { where: { revokedAt: null } } },
    });
    expect(back.active).toBe(true);
    expect(back.roles.map((r) => r.role)).toEqual(['RESPONSIBLE_CLINICIAN']);
  });

  it('does not let administrators deactivate themselves', async () => {
    expect(await deactivateUser(admin, { userId: admin.userId }, { db })).toMatchObject({
      ok: false,
      reason: 'OWN_ACCOUNT',
    });
  });

  it('unlocks a locked account, and says so when it is not locked', async () => {
    const user = await createUser(db, { roles: ['AMHP'] });
    await db.user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() + 15 * 60_000), failedSignInCount: 0 },
    });
    expect(await unlockUser(admin, { userId: user.id }, { db })).toEqual({
      ok: true,
      data: { userId: user.id },
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil).toBeNull();
    expect(await unlockUser(admin, { userId: user.id }, { db })).toMatchObject({
      ok: false,
      code: 'REFUSED',
      message: 'This account is not locked.',
    });
    expect((await lastEvent('user.unlock')).entityId).toBe(user.id);
  });

  it('answers not found for a user who does not exist, audited as denied', async () => {
    const ghost = '0190a0a0-0000-7000-8000-000000000000';
    expect(await unlockUser(admin, { userId: ghost }, { db })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await unlockUser(admin, { userId: 'not-a-uuid' }, { db })).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { userId: 'This user does not exist' },
    });
  });
});
