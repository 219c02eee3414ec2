// Generated from the permission table: every role x every action goes through runService (the
// one path for every change). Allowed exactly when scopeFor says so; otherwise FORBIDDEN and a
// DENIED audit event for that user and action (ASVS 16.3.2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ACTIONS, scopeFor } from '@/lib/auth/permissions';
import { ROLES, type Role } from '@/lib/auth/roles';
import { runService, type ServiceActor } from '@/lib/server/services/run-service';
import { newId } from '@/tests/factories';
import { testDb } from './support/db';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

// Audit rows name the user by id only (no foreign key), so the actors need no User row.
const actors = new Map<Role, ServiceActor>(
  ROLES.map((role) => [
    role,
    {
      userId: newId(),
      email: `matrix.${role.toLowerCase()}@example.org`,
      roles: [role],
      teamIds: [],
    },
  ]),
);

describe.each(ROLES)('%s', (role) => {
  it.each(ACTIONS)('%s', async (action) => {
    const actor = actors.get(role)!;
    const expected = scopeFor([role], action);
    let ran = false;
    const result = await runService({
      action,
      auditAction: `matrix.${action}`,
      schema: z.object({}),
      actor,
      input: {},
      db,
      execute: async (ctx) => {
        ran = true;
        expect(ctx.scope).toBe(expected);
      },
    });
    if (expected !== null) {
      expect(result).toEqual({ ok: true, data: undefined });
      expect(ran).toBe(true);
    } else {
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(ran).toBe(false);
      const denied = await db.auditEvent.findMany({
        where: { userId: actor.userId, action: `matrix.${action}`, outcome: 'DENIED' },
      });
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({ roles: [role], reason: `no-permission:${action}` });
    }
  });
});

it('covers every role and every action', () => {
  expect(ROLES.length * ACTIONS.length).toBeGreaterThan(250);
});
