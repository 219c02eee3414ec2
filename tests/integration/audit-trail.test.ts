import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { verifyAuditChain } from '@/lib/server/audit/verify-chain';
import { testDb } from './support/db';
import { ownerDb } from './support/owner-db';

let db: PrismaClient;
// The triggers are what stop the owner (the app's own role has no UPDATE or DELETE at all:
// audit/app-role.test.ts); tampering below the app is played by the owner.
let owner: PrismaClient;
beforeAll(() => {
  db = testDb();
  owner = ownerDb();
});
afterAll(async () => {
  await db.$disconnect();
  await owner.$disconnect();
});

async function writeSome(n: number) {
  for (let i = 0; i < n; i += 1) {
    await recordAudit(db, {
      actor: { userId: null, email: `tester${i}@example.org`, roles: ['AUDITOR'] },
      action: 'test.event',
      outcome: 'SUCCESS',
      metadata: { i },
    });
  }
}

describe('the audit trail', () => {
  it('chains each new event to the previous one', async () => {
    await writeSome(3);
    const last = await db.auditEvent.findMany({ orderBy: { chainSeq: 'desc' }, take: 2 });
    expect(last).toHaveLength(2);
    expect(last[0]?.prevHash).toBe(last[1]?.hash);
    expect(last[0]?.chainSeq).toBe((last[1]?.chainSeq ?? 0n) + 1n);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('keeps one chain when many transactions write at once', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.$transaction(async (tx) => {
          await recordAudit(tx, {
            actor: { userId: null, roles: [] },
            action: 'test.concurrent',
            outcome: 'SUCCESS',
            metadata: { i },
          });
        }),
      ),
    );
    const report = await verifyAuditChain(db);
    expect(report.problems).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in PostgreSQL itself', async () => {
    await writeSome(1);
    await expect(owner.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(owner.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(
      /append-only/,
    );
    await expect(owner.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    const someRow = await db.auditEvent.findFirst();
    await expect(
      db.auditEvent.update({ where: { id: someRow!.id }, data: { action: 'changed' } }),
    ).rejects.toThrow();
  });

  it('rolls back with the change it records', async () => {
    const before = await db.auditEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, {
          actor: { userId: null },
          action: 'test.rolled-back',
          outcome: 'SUCCESS',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.auditEvent.count()).toBe(before);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('detects a row altered by the database owner with the trigger bypassed', async () => {
    await writeSome(2);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const victim = await db.auditEvent.findFirst({ orderBy: { chainSeq: 'asc' } });
    // As the owner: disable the trigger, tamper, enable it again.
    await owner.$transaction([
      owner.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only`),
      owner.$executeRawUnsafe(
        `UPDATE "AuditEvent" SET "userEmail" = 'someone.else@example.org' WHERE "id" = ${victim!.id}`,
      ),
      owner.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_append_only`),
    ]);
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({
      chainSeq: victim!.chainSeq!.toString(),
      problem: expect.stringMatching(/altered/),
    });
    // Put it back so that later tests start from an intact chain.
    await owner.$transaction([
      owner.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only`),
      owner.$executeRawUnsafe(
        `UPDATE "AuditEvent" SET "userEmail" = ${victim!.userEmail === null ? 'NULL' : `'${victim!.userEmail}'`} WHERE "id" = ${victim!.id}`,
      ),
      owner.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_append_only`),
    ]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('detects a deleted row', async () => {
    await writeSome(3);
    const rows = await db.auditEvent.findMany({ orderBy: { chainSeq: 'desc' }, take: 2 });
    const middle = rows[1]!;
    // Tamper inside a transaction that is then rolled back, so the shared chain stays intact.
    const rolledBack = new Error('roll back the tampering');
    let report: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
    await expect(
      owner.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(
          `ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only`,
        );
        await tx.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = ${middle.id}`);
        await tx.$executeRawUnsafe(
          `ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_append_only`,
        );
        report = await verifyAuditChain(tx as unknown as PrismaClient);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(report?.ok).toBe(false);
    expect(report?.problems.map((p) => p.problem).join(' ')).toMatch(/missing|link/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
