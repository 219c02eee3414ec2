// Nobody gives themselves power (issue 12, part 4; docs/decisions/612-two-administrators-for-a-role.md):
// a self-grant is refused; a role that reads patient data (or gives roles) takes effect only when
// a second system administrator approves it; every step is audited and shown to the privacy officer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { roleNeedsApproval } from '@/lib/auth/permissions';
import { ROLES } from '@/lib/auth/roles';
import { checkSession, openSession } from '@/lib/server/sessions';
import { listPatients, listPatientsQuerySchema } from '@/lib/server/queries/list-patients';
import { AccessDenied } from '@/lib/server/queries/access';
import { listRoleRequests } from '@/lib/server/queries/list-role-requests';
import { createUser as createUserService } from '@/lib/server/services/create-user';
import { decideRoleRequest } from '@/lib/server/services/decide-role-request';
import { grantUserRole } from '@/lib/server/services/grant-user-role';
import { createUser, unique } from '@/tests/factories';
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

async function currentRoles(userId: string): Promise<string[]> {
  const rows = await db.userRole.findMany({ where: { userId, revokedAt: null } });
  return rows.map((r) => r.role).sort();
}

describe('giving roles', () => {
  it('every role today needs a second administrator: each reads patient data or gives roles', () => {
    for (const role of ROLES) expect(roleNeedsApproval(role), role).toBe(true);
  });

  it('refuses an administrator who gives themselves the MHA office’s role, audited', async () => {
    const result = await grantUserRole(
      admin,
      { userId: admin.userId, role: 'MHA_ADMINISTRATOR' },
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'REFUSED',
      reason: 'OWN_ROLE',
      message: 'You cannot give yourself a role: ask another system administrator.',
    });
    expect(await currentRoles(admin.userId)).toEqual(['SYSTEM_ADMINISTRATOR']);
    expect(await db.roleGrantRequest.count({ where: { userId: admin.userId } })).toBe(0);
    const refused = await db.auditEvent.findFirstOrThrow({
      where: { userId: admin.userId, action: 'user.role.grant' },
      orderBy: { id: 'desc' },
    });
    expect(refused).toMatchObject({
      outcome: 'FAILURE',
      reason: 'OWN_ROLE',
      entityType: 'User',
      entityId: admin.userId,
    });
    // So the administrator still reads no patient at all.
    const session = await openSession(admin.userId, 'credentials', {});
    const check = await checkSession(session);
    if (!check.ok) throw new Error('session refused');
    await expect(
      listPatients(
        { actor: { ...admin, roles: check.user.roles, sessionId: session } },
        listPatientsQuerySchema.parse({}),
      ),
    ).rejects.toBeInstanceOf(AccessDenied);
  });

  it('a role for someone else waits for a second administrator; the asker cannot approve it', async () => {
    const user = await createUser(db, { roles: [] });
    const asked = await grantUserRole(
      admin,
      { userId: user.id, role: 'MHA_ADMINISTRATOR' },
      { db },
    );
    if (!asked.ok || asked.data.status !== 'REQUESTED') throw new Error('expected a request');
    expect(await currentRoles(user.id)).toEqual([]);

    const own = await decideRoleRequest(
      admin,
      { requestId: asked.data.requestId, decision: 'approve' },
      { db },
    );
    expect(own).toMatchObject({ ok: false, reason: 'OWN_REQUEST' });
    expect(await currentRoles(user.id)).toEqual([]);

    const approved = await decideRoleRequest(
      secondAdmin,
      { requestId: asked.data.requestId, decision: 'approve' },
      { db },
    );
    expect(approved).toEqual({ ok: true, data: { userId: user.id, status: 'APPROVED' } });
    expect(await currentRoles(user.id)).toEqual(['MHA_ADMINISTRATOR']);
    const again = await decideRoleRequest(
      secondAdmin,
      { requestId: asked.data.requestId, decision: 'refuse' },
      { db },
    );
    expect(again).toMatchObject({ ok: false, reason: 'ALREADY_DECIDED' });

    const events = await db.auditEvent.findMany({
      where: { entityId: user.id, action: { startsWith: 'user.role.' }, outcome: 'SUCCESS' },
      orderBy: { id: 'asc' },
      select: { action: true, userId: true, metadata: true },
    });
    expect(events).toEqual([
      {
        action: 'user.role.request',
        userId: admin.userId,
        metadata: { role: 'MHA_ADMINISTRATOR', requestId: asked.data.requestId },
      },
      {
        action: 'user.role.approve',
        userId: secondAdmin.userId,
        metadata: expect.objectContaining({
          role: 'MHA_ADMINISTRATOR',
          requestId: asked.data.requestId,
          requestedById: admin.userId,
        }) as unknown,
      },
    ]);
    expect(
      await db.auditEvent.count({
        where: { userId: admin.userId, action: 'user.role.decide', reason: 'OWN_REQUEST' },
      }),
    ).toBe(1);
  });

  it('a refused request gives nothing, and the privacy officer sees both decisions', async () => {
    const user = await createUser(db, { roles: [] });
    const asked = await grantUserRole(admin, { userId: user.id, role: 'AUDITOR' }, { db });
    if (!asked.ok || asked.data.status !== 'REQUESTED') throw new Error('expected a request');
    expect(
      await decideRoleRequest(
        secondAdmin,
        { requestId: asked.data.requestId, decision: 'refuse' },
        { db },
      ),
    ).toEqual({ ok: true, data: { userId: user.id, status: 'REFUSED' } });
    expect(await currentRoles(user.id)).toEqual([]);

    const seen = await listRoleRequests({ actor: actorOf(world.users.auditor) }, {});
    const requestId = asked.data.requestId;
    const mine = seen.find((r) => r.id === requestId);
    expect(mine).toMatchObject({
      role: 'AUDITOR',
      status: 'REFUSED',
      user: { id: user.id },
      requestedBy: { id: admin.userId },
      decidedBy: { id: secondAdmin.userId },
    });
    await expect(listRoleRequests({ actor: actorOf(world.users.mhaOffice) }, {})).rejects.toThrow();
  });

  it('nobody decides a role meant for themselves, and a new account’s roles wait too', async () => {
    // The first administrator makes a second account for themselves with the role they want,
    // and the administrator role, hoping to approve one with the other: both only wait.
    const created = await createUserService(
      admin,
      {
        name: 'Sock Puppet',
        email: `puppet.${unique()}@example.nhs.uk`,
        roles: ['SYSTEM_ADMINISTRATOR', 'MHA_ADMINISTRATOR'],
        password: 'a-long-initial-password',
      },
      { db },
    );
    if (!created.ok) throw new Error(created.message);
    expect(await currentRoles(created.data.userId)).toEqual([]);
    expect(
      await db.roleGrantRequest.count({
        where: { userId: created.data.userId, status: 'PENDING' },
      }),
    ).toBe(2);

    // A second administrator may not decide a role that is for them.
    const forSecond = await grantUserRole(
      admin,
      { userId: secondAdmin.userId, role: 'HOSPITAL_MANAGER' },
      { db },
    );
    if (!forSecond.ok || forSecond.data.status !== 'REQUESTED')
      throw new Error('expected a request');
    expect(
      await decideRoleRequest(
        secondAdmin,
        { requestId: forSecond.data.requestId, decision: 'approve' },
        { db },
      ),
    ).toMatchObject({ ok: false, reason: 'OWN_ROLE' });
    expect(await currentRoles(secondAdmin.userId)).toEqual(['SYSTEM_ADMINISTRATOR']);
  });

  it('the database itself refuses a request for oneself and a decision by the asker', async () => {
    const user = await createUser(db, { roles: [] });
    await expect(
      db.roleGrantRequest.create({
        data: {
          userId: admin.userId,
          role: 'MHA_ADMINISTRATOR',
          requestedAt: new Date(),
          requestedById: admin.userId,
        },
      }),
    ).rejects.toThrow(/RoleGrantRequest_not_for_self/);
    const request = await db.roleGrantRequest.create({
      data: { userId: user.id, role: 'AMHP', requestedAt: new Date(), requestedById: admin.userId },
    });
    await expect(
      db.roleGrantRequest.update({
        where: { id: request.id },
        data: { status: 'REFUSED', decidedAt: new Date(), decidedById: admin.userId },
      }),
    ).rejects.toThrow(/RoleGrantRequest_second_administrator/);
  });

  it('two administrators deciding at once: one decision stands', async () => {
    const thirdAdmin = actorOf(await createUser(db, { roles: ['SYSTEM_ADMINISTRATOR'] }));
    const user = await createUser(db, { roles: [] });
    const asked = await grantUserRole(admin, { userId: user.id, role: 'AMHP' }, { db });
    if (!asked.ok || asked.data.status !== 'REQUESTED') throw new Error('expected a request');
    const results = await Promise.all([
      decideRoleRequest(
        secondAdmin,
        { requestId: asked.data.requestId, decision: 'approve' },
        { db },
      ),
      decideRoleRequest(
        thirdAdmin,
        { requestId: asked.data.requestId, decision: 'refuse' },
        { db },
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const row = await db.roleGrantRequest.findUniqueOrThrow({
      where: { id: asked.data.requestId },
    });
    expect(await currentRoles(user.id)).toEqual(row.status === 'APPROVED' ? ['AMHP'] : []);
  });
});
