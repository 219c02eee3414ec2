// Part 4A certificates: CTO11, CTO12, the end of a CTO12 (consent withdrawn), the first
// medication date; refused, concurrent, idempotent, bad input, rolled back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { CONFLICT_MESSAGE } from '@/lib/server/services/run-service';
import { recordCertificate } from '@/lib/server/services/record-certificate';
import { endCertificate } from '@/lib/server/services/end-certificate';
import { recordFirstMedication } from '@/lib/server/services/record-first-medication';
import { testDb } from '../support/db';
import { dateFields, key, orderWorld, versionOf } from './support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

const today = () => new Date().toISOString().slice(0, 10);

function cto12(orderId: string, version: number) {
  return {
    orderId,
    expectedVersion: String(version),
    idempotencyKey: key(),
    type: 'CTO12',
    givenOn: dateFields(today()),
    certifierName: 'Dr A Example',
    treatments: 'Antipsychotic (BNF 4.2.2) depot within BNF limits.',
    includesEct: 'no',
    capacityAndConsent: 'yes',
  };
}

describe('certificates', () => {
  it('records a CTO12 and ends it when consent is withdrawn: a CTO11 is needed at once', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const given = await recordCertificate(w.rcActor, cto12(orderId, await versionOf(db, orderId)), {
      db,
    });
    expect(given).toMatchObject({ ok: true });
    if (!given.ok) return;
    const certificateId = given.data.certificateId as string;
    expect(await db.statutoryForm.count({ where: { orderId, type: 'CTO12' } })).toBe(1);
    const ended = await endCertificate(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        certificateId,
        reason: 'CONSENT_WITHDRAWN',
      },
      { db },
    );
    expect(ended).toMatchObject({ ok: true });
    const cert = await db.treatmentCertificate.findUniqueOrThrow({ where: { id: certificateId } });
    expect(cert).toMatchObject({ status: 'ENDED', endReason: 'CONSENT_WITHDRAWN' });
    const due = await db.deadline.findFirst({
      where: { orderId, kind: 'CERTIFICATE_REQUIRED', status: 'OPEN' },
    });
    expect(due).not.toBeNull();
    // Ending it again: no CTO12 in force (the law's reason).
    expect(
      await endCertificate(
        w.rcActor,
        {
          orderId,
          expectedVersion: String(await versionOf(db, orderId)),
          certificateId,
          reason: 'CAPACITY_LOST',
        },
        { db },
      ),
    ).toMatchObject({ ok: false, reason: 'NO_CTO12_IN_FORCE' });
  });

  it('refuses a CTO12 from the MHA office (the approved clinician gives it); accepts their CTO11', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    expect(
      await recordCertificate(w.mhaActor, cto12(orderId, await versionOf(db, orderId)), { db }),
    ).toMatchObject({ ok: false, reason: 'CTO12_NEEDS_APPROVED_CLINICIAN' });
    const cto11 = await recordCertificate(
      w.mhaActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        type: 'CTO11',
        givenOn: dateFields(today()),
        certifierName: 'Dr S O A D',
        treatments: 'Antipsychotics BNF 4.2.1 and 4.2.2.',
        includesEct: 'no',
        appliesOnRecall: 'yes',
        onRecallTreatments: 'As above.',
        consultees: 'CPN J Smith; pharmacist K Jones',
      },
      { db },
    );
    expect(cto11).toMatchObject({ ok: true });
    const cert = await db.treatmentCertificate.findFirstOrThrow({
      where: { orderId, type: 'CTO11' },
    });
    expect(cert).toMatchObject({
      appliesOnRecall: true,
      consultees: 'CPN J Smith; pharmacist K Jones',
    });
  });

  it('bad input: CTO11 without consultees, CTO12 without consent; nothing written', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const v = await versionOf(db, orderId);
    const bad = await recordCertificate(
      w.rcActor,
      { ...cto12(orderId, v), capacityAndConsent: undefined },
      { db },
    );
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!bad.ok) expect(bad.fieldErrors).toHaveProperty('capacityAndConsent');
    const bad11 = await recordCertificate(
      w.rcActor,
      { ...cto12(orderId, v), type: 'CTO11', appliesOnRecall: 'no' },
      { db },
    );
    expect(bad11).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!bad11.ok) expect(bad11.fieldErrors).toHaveProperty('consultees');
    expect(
      await db.treatmentCertificate.count({
        where: { orderId, givenOn: new Date(`${today()}T00:00:00Z`) },
      }),
    ).toBe(0);
  });

  it('concurrent and repeated submissions record one certificate; a stale one rolls back', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const v = await versionOf(db, orderId);
    const results = await Promise.all([
      recordCertificate(w.rcActor, cto12(orderId, v), { db }),
      recordCertificate(w.rcActor, cto12(orderId, v), { db }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      code: 'CONFLICT',
      message: CONFLICT_MESSAGE,
    });
    const same = cto12(orderId, await versionOf(db, orderId));
    const a = await recordCertificate(w.rcActor, same, { db });
    const b = await recordCertificate(w.rcActor, same, { db });
    expect(b).toEqual(a);
    expect(await db.ctoEvent.count({ where: { orderId, type: 'CERTIFICATE_GIVEN' } })).toBe(2);
    const before = await db.treatmentCertificate.count({ where: { orderId } });
    const stale = await recordCertificate(w.rcActor, cto12(orderId, v), { db });
    expect(stale).toMatchObject({ code: 'CONFLICT' });
    expect(await db.treatmentCertificate.count({ where: { orderId } })).toBe(before);
    expect(await db.statutoryForm.count({ where: { orderId, type: 'CTO12' } })).toBe(2);
  });
});

describe('the first medication date', () => {
  it('is recorded when missing, once; the certificate deadline follows', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    await db.legalStatusPeriod.update({
      where: { id: w.legalStatusPeriodId },
      data: { firstMedicationOn: null },
    });
    const result = await recordFirstMedication(
      w.mhaActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        firstMedicationOn: dateFields('2025-11-20'),
      },
      { db },
    );
    expect(result).toMatchObject({ ok: true });
    const lsp = await db.legalStatusPeriod.findUniqueOrThrow({
      where: { id: w.legalStatusPeriodId },
    });
    expect(lsp.firstMedicationOn?.toISOString().slice(0, 10)).toBe('2025-11-20');
    expect(
      await recordFirstMedication(
        w.mhaActor,
        {
          orderId,
          expectedVersion: String(await versionOf(db, orderId)),
          firstMedicationOn: dateFields('2025-11-21'),
        },
        { db },
      ),
    ).toMatchObject({ ok: false, reason: 'ALREADY_RECORDED' });
  });
});
