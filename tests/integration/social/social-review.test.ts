// Social factors (issue 5, part 2): the standalone review, the writer every decision service
// embeds, and the pre-fill query. Allowed; refused without permission (FORBIDDEN, audited
// DENIED); refused outside scope (NOT_FOUND, nothing written); bad input (field errors, nothing
// written); idempotent; rolled back with the transaction it runs in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { recordSocialReview } from '@/lib/server/services/record-social-review';
import { writeSocialAssessment } from '@/lib/server/services/social/write-assessment';
import { getLatestSocialAssessment } from '@/lib/server/queries/get-latest-social-assessment';
import { getSocialHistory } from '@/lib/server/queries/get-social-history';
import { NotFound } from '@/lib/server/queries/access';
import { socialFactorsSchema } from '@/lib/schemas/social-factors';
import { testDb } from '../support/db';
import { actorOf, createWorld, type World } from '../support/world';
import { dateParts, reviewInput, socialValue, today } from './support';

let db: PrismaClient;
let world: World;
beforeAll(async () => {
  db = testDb();
  world = await createWorld(db);
});
afterAll(async () => {
  await db.$disconnect();
});

const count = (patientId: string) => db.socialFactorAssessment.count({ where: { patientId } });

describe('recording a social factors review', () => {
  it('writes the assessment with 11 ratings, links it to the previous one, and audits it', async () => {
    const cc = actorOf(world.users.coordinatorNorth);
    const patientId = world.northPatient.id;
    const first = await recordSocialReview(
      cc,
      patientId,
      reviewInput({
        ACCOMMODATION: { rating: 'SOME_CONCERN', significance: 'MODERATE', notes: 'Rent arrears' },
      }),
      { db },
    );
    expect(first).toMatchObject({ ok: true, data: { previousId: null } });
    if (!first.ok) throw new Error('unreachable');

    const second = await recordSocialReview(
      cc,
      patientId,
      reviewInput({
        ACCOMMODATION: { rating: 'NO_CONCERN', significance: 'MINOR', notes: 'Arrears cleared' },
      }),
      { db },
    );
    expect(second).toMatchObject({ ok: true, data: { previousId: first.data.assessmentId } });
    if (!second.ok) throw new Error('unreachable');

    const stored = await db.socialFactorAssessment.findUniqueOrThrow({
      where: { id: second.data.assessmentId },
      include: { ratings: true },
    });
    expect(stored).toMatchObject({
      patientId,
      decisionPoint: 'REVIEW',
      assessedById: cc.userId,
      previousId: first.data.assessmentId,
    });
    expect(stored.ratings).toHaveLength(11);
    expect(stored.ratings.find((r) => r.domain === 'ACCOMMODATION')).toMatchObject({
      rating: 'NO_CONCERN',
      significance: 'MINOR',
      notes: 'Arrears cleared',
    });
    const audited = await db.auditEvent.findFirstOrThrow({
      where: { action: 'social-assessment.review', entityId: second.data.assessmentId },
    });
    expect(audited).toMatchObject({ outcome: 'SUCCESS', patientId, userId: cc.userId });
    // Identifiers and codes only: never the notes.
    expect(JSON.stringify(audited.metadata)).not.toContain('Arrears');

    // The next form is pre-filled from the latest.
    const { latest } = await getLatestSocialAssessment({ actor: cc, client: db }, patientId);
    expect(latest?.id).toBe(second.data.assessmentId);
    expect(latest?.assessedByName).toBe(world.users.coordinatorNorth.name);
    expect(latest?.ratings.map((r) => r.domain)[0]).toBe('ACCOMMODATION');
    expect(latest?.ratings).toHaveLength(11);
    const read = await db.auditEvent.findFirstOrThrow({
      where: { action: 'social-assessment.read-latest', userId: cc.userId, patientId },
      orderBy: { id: 'desc' },
    });
    expect(read.outcome).toBe('SUCCESS');

    const history = await getSocialHistory({ actor: cc, client: db }, patientId);
    expect(history.assessments.map((a) => a.id).slice(0, 2)).toEqual([
      second.data.assessmentId,
      first.data.assessmentId,
    ]);
  });

  it('lets a responsible clinician record a review too', async () => {
    const result = await recordSocialReview(
      actorOf(world.users.rcNorth),
      world.northPatient.id,
      reviewInput(),
      {
        db,
      },
    );
    expect(result.ok).toBe(true);
  });

  it('refuses someone without the permission, audited as denied, and writes nothing', async () => {
    const manager = actorOf(world.users.manager);
    const before = await count(world.northPatient.id);
    const result = await recordSocialReview(manager, world.northPatient.id, reviewInput(), { db });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await count(world.northPatient.id)).toBe(before);
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: 'social-assessment.review', userId: manager.userId },
      orderBy: { id: 'desc' },
    });
    expect(denied).toMatchObject({
      outcome: 'DENIED',
      reason: 'no-permission:record:social-assessment',
    });
  });

  it('answers "not found" for a patient outside the team, and writes nothing', async () => {
    const cc = actorOf(world.users.coordinatorNorth);
    const before = await count(world.southPatient.id);
    const result = await recordSocialReview(cc, world.southPatient.id, reviewInput(), { db });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await count(world.southPatient.id)).toBe(before);
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: 'social-assessment.review', userId: cc.userId, outcome: 'DENIED' },
      orderBy: { id: 'desc' },
    });
    expect(denied.reason).toBe('NOT_FOUND');

    await expect(
      getLatestSocialAssessment({ actor: cc, client: db }, world.southPatient.id),
    ).rejects.toThrow(NotFound);
    const readDenied = await db.auditEvent.findFirstOrThrow({
      where: {
        action: 'social-assessment.read-latest',
        userId: cc.userId,
        patientId: world.southPatient.id,
      },
      orderBy: { id: 'desc' },
    });
    expect(readDenied).toMatchObject({ outcome: 'DENIED', reason: 'outside-scope' });
  });

  it('gives a message beside each missing field, and writes nothing', async () => {
    const cc = actorOf(world.users.coordinatorNorth);
    const before = await count(world.northPatient.id);
    const social = socialValue() as Record<string, unknown>;
    delete social.ACCOMMODATION;
    social.ISOLATION = { rating: 'SOME_CONCERN' };
    social.PHYSICAL_HEALTH = {
      rating: 'NO_CONCERN',
      significance: 'MINOR',
      notes: 'x'.repeat(2001),
    };
    const result = await recordSocialReview(
      cc,
      world.northPatient.id,
      { assessedOn: { day: '31', month: '2', year: '2026' }, social },
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (result.ok) throw new Error('unreachable');
    expect(result.fieldErrors).toMatchObject({
      assessedOn: 'The date of the review must be a real date',
      'social.ACCOMMODATION.rating': "Select how the patient's accommodation is",
      'social.ACCOMMODATION.significance':
        'Select how significant accommodation was in this decision',
      'social.ISOLATION.significance':
        'Select how significant loneliness and isolation were in this decision',
      'social.PHYSICAL_HEALTH.notes':
        'Notes about physical health must be 2000 characters or fewer',
    });
    expect(await count(world.northPatient.id)).toBe(before);
  });

  it('refuses a review dated in the future, beside the date', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const result = await recordSocialReview(
      actorOf(world.users.coordinatorNorth),
      world.northPatient.id,
      reviewInput({}, { assessedOn: dateParts(today(tomorrow)) }),
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'REFUSED',
      fieldErrors: { assessedOn: 'The date of the review must be today or in the past' },
    });
  });

  it('records a double submission once', async () => {
    const cc = actorOf(world.users.coordinatorNorth);
    const before = await count(world.northPatient.id);
    const input = reviewInput({}, { idempotencyKey: 'review-double-click-1' });
    const [a, b] = await Promise.all([
      recordSocialReview(cc, world.northPatient.id, input, { db }),
      recordSocialReview(cc, world.northPatient.id, input, { db }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) throw new Error('unreachable');
    expect(a.data.assessmentId).toBe(b.data.assessmentId);
    expect(await count(world.northPatient.id)).toBe(before + 1);
  });
});

describe('writeSocialAssessment inside another service’s transaction', () => {
  it('is rolled back with the decision it belongs to', async () => {
    const patientId = world.northPatient.id;
    const before = await count(patientId);
    const parsed = socialFactorsSchema.parse(socialValue());
    await expect(
      db.$transaction(async (tx) => {
        await writeSocialAssessment(tx, {
          patientId,
          decisionPoint: 'RECALL',
          assessedById: world.users.rcNorth.id,
          assessedOn: today(),
          input: parsed,
        });
        throw new Error('the recall was refused');
      }),
    ).rejects.toThrow('the recall was refused');
    expect(await count(patientId)).toBe(before);
  });

  it('writes the decision point, the event and the previous assessment', async () => {
    const patientId = world.northPatient.id;
    const latest = await db.socialFactorAssessment.findFirstOrThrow({
      where: { patientId, enteredInErrorAt: null },
      orderBy: [{ assessedOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    });
    const written = await db.$transaction((tx) =>
      writeSocialAssessment(tx, {
        patientId,
        decisionPoint: 'DISCHARGE',
        decisionEventId: null,
        assessedById: world.users.rcNorth.id,
        assessedOn: today(),
        input: socialFactorsSchema.parse(socialValue({}, 'Settled at home; discharge.')),
      }),
    );
    expect(written.previousId).toBe(latest.id);
    const row = await db.socialFactorAssessment.findUniqueOrThrow({
      where: { id: written.assessmentId },
      include: { _count: { select: { ratings: true } } },
    });
    expect(row).toMatchObject({
      decisionPoint: 'DISCHARGE',
      summary: 'Settled at home; discharge.',
    });
    expect(row._count.ratings).toBe(11);
  });
});
