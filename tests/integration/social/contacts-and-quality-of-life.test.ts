// Contacts with their care activities, quality-of-life ratings, and marking contacts and
// assessments "entered in error" (never deleted; only the recorder or the MHA office).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { recordContact } from '@/lib/server/services/record-contact';
import { recordQualityOfLife } from '@/lib/server/services/record-quality-of-life';
import { recordSocialReview } from '@/lib/server/services/record-social-review';
import { markContactEnteredInError } from '@/lib/server/services/mark-entered-in-error-contact';
import { markSocialAssessmentEnteredInError } from '@/lib/server/services/mark-entered-in-error-social-assessment';
import { listContacts } from '@/lib/server/queries/list-contacts';
import { listQualityOfLife } from '@/lib/server/queries/list-quality-of-life';
import { getLatestSocialAssessment } from '@/lib/server/queries/get-latest-social-assessment';
import { NotFound } from '@/lib/server/queries/access';
import { testDb } from '../support/db';
import { actorOf, createWorld, type World } from '../support/world';
import { contactInput, dateParts, qolInput, reviewInput, today } from './support';

let db: PrismaClient;
let world: World;
beforeAll(async () => {
  db = testDb();
  world = await createWorld(db);
});
afterAll(async () => {
  await db.$disconnect();
});

const contacts = (patientId: string) => db.contact.count({ where: { patientId } });

describe('recording a contact', () => {
  it('saves the contact and its care activities, audited, and lists it newest first', async () => {
    const cc = actorOf(world.users.coordinatorNorth);
    const result = await recordContact(cc, world.northPatient.id, contactInput(), { db });
    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error('unreachable');
    expect(result.data.activityIds).toHaveLength(1);
    const contact = await db.contact.findUniqueOrThrow({
      where: { id: result.data.contactId },
      include: { activities: true },
    });
    expect(contact).toMatchObject({
      patientId: world.northPatient.id,
      staffId: cc.userId,
      mode: 'HOME_VISIT',
      durationMinutes: 45,
      withCarer: false,
    });
    expect(contact.activities[0]).toMatchObject({
      kind: 'BENEFITS_AND_MONEY',
      description: 'Helped fill in the housing benefit form',
      recordedById: cc.userId,
    });
    const audited = await db.auditEvent.findFirstOrThrow({
      where: { action: 'contact.record', entityId: contact.id },
    });
    expect(audited).toMatchObject({ outcome: 'SUCCESS', patientId: world.northPatient.id });

    const older = await recordContact(
      cc,
      world.northPatient.id,
      contactInput({
        occurredAt: { date: dateParts('2026-01-05'), time: '10:00' },
        mode: 'TELEPHONE',
        durationMinutes: '',
        activities: undefined,
      }),
      { db },
    );
    expect(older.ok).toBe(true);
    const list = await listContacts({ actor: cc, client: db }, world.northPatient.id);
    expect(list.items[0]?.id).toBe(contact.id);
    expect(list.items.at(-1)?.mode).toBe('TELEPHONE');
    expect(list.items.at(-1)?.durationMinutes).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { action: 'contact.list', userId: cc.userId, outcome: 'SUCCESS' },
      }),
    ).toBeGreaterThan(0);
  });

  it('refuses roles without the permission (the AMHP, a hospital manager)', async () => {
    for (const user of [world.users.amhp, world.users.manager]) {
      const before = await contacts(world.northPatient.id);
      const result = await recordContact(actorOf(user), world.northPatient.id, contactInput(), {
        db,
      });
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await contacts(world.northPatient.id)).toBe(before);
      const denied = await db.auditEvent.findFirstOrThrow({
        where: { action: 'contact.record', userId: user.id },
        orderBy: { id: 'desc' },
      });
      expect(denied).toMatchObject({ outcome: 'DENIED', reason: 'no-permission:record:contact' });
    }
  });

  it('answers "not found" outside the team and writes nothing (activities included)', async () => {
    const before = await db.careActivity.count({ where: { patientId: world.southPatient.id } });
    const result = await recordContact(
      actorOf(world.users.coordinatorNorth),
      world.southPatient.id,
      contactInput(),
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await contacts(world.southPatient.id)).toBe(0);
    expect(await db.careActivity.count({ where: { patientId: world.southPatient.id } })).toBe(
      before,
    );
    await expect(
      listContacts(
        { actor: actorOf(world.users.coordinatorNorth), client: db },
        world.southPatient.id,
      ),
    ).rejects.toThrow(NotFound);
  });

  it('puts each problem beside its field and writes nothing', async () => {
    const before = await contacts(world.northPatient.id);
    const result = await recordContact(
      actorOf(world.users.coordinatorNorth),
      world.northPatient.id,
      contactInput({
        occurredAt: { date: { day: '', month: '', year: '' }, time: '25:00' },
        mode: 'CARRIER_PIGEON',
        durationMinutes: '-5',
        withCarer: undefined,
        summary: '   ',
        activities: { '0': { kind: 'HOUSING_SUPPORT', description: '' } },
      }),
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (result.ok) throw new Error('unreachable');
    expect(result.fieldErrors).toMatchObject({
      'occurredAt.date': 'Enter the date of the contact',
      'occurredAt.time': 'Enter the time of the contact in 24-hour format, like 14:30',
      mode: 'Select how the contact happened',
      durationMinutes: 'The length of the contact must be at least 1 minute',
      withCarer: 'Select whether a carer or relative was there',
      summary: 'Enter a summary of the contact',
      'activities.0.description': 'Enter what the care activity was',
    });
    expect(await contacts(world.northPatient.id)).toBe(before);
  });

  it('refuses a contact in the future', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const result = await recordContact(
      actorOf(world.users.coordinatorNorth),
      world.northPatient.id,
      contactInput({ occurredAt: { date: dateParts(today(tomorrow)), time: '10:00' } }),
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'REFUSED', reason: 'DATE_IN_FUTURE' });
    if (result.ok) throw new Error('unreachable');
    expect(result.fieldErrors?.['occurredAt.date']).toMatch(/now or in the past/);
  });
});

describe('recording a quality-of-life rating', () => {
  it('saves a ReQoL-10 score and lists it', async () => {
    const cc = actorOf(world.users.coordinatorNorth);
    const result = await recordQualityOfLife(
      cc,
      world.northPatient.id,
      qolInput({ notes: 'Felt better' }),
      { db },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error('unreachable');
    const row = await db.qualityOfLifeRating.findUniqueOrThrow({
      where: { id: result.data.ratingId },
    });
    expect(row).toMatchObject({ instrument: 'ReQoL-10', score: 27, maxScore: 40, selfRated: true });
    const other = await recordQualityOfLife(
      cc,
      world.northPatient.id,
      qolInput({
        instrument: 'OTHER',
        instrumentName: 'DIALOG',
        maxScore: '77',
        score: '50',
        selfRated: 'no',
      }),
      { db },
    );
    expect(other.ok).toBe(true);
    const list = await listQualityOfLife({ actor: cc, client: db }, world.northPatient.id);
    expect(list.items.map((i) => i.instrument)).toEqual(
      expect.arrayContaining(['ReQoL-10', 'DIALOG']),
    );
  });

  it('says what the range is when the score is outside it', async () => {
    const result = await recordQualityOfLife(
      actorOf(world.users.coordinatorNorth),
      world.northPatient.id,
      qolInput({ score: '41' }),
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: { score: 'The score must be between 0 and 40 for ReQoL-10' },
    });
    const fraction = await recordQualityOfLife(
      actorOf(world.users.coordinatorNorth),
      world.northPatient.id,
      qolInput({ score: '2.5' }),
      { db },
    );
    expect(fraction).toMatchObject({
      ok: false,
      fieldErrors: { score: 'Enter the score as a whole number' },
    });
    const other = await recordQualityOfLife(
      actorOf(world.users.coordinatorNorth),
      world.northPatient.id,
      qolInput({ instrument: 'OTHER', score: '20' }),
      { db },
    );
    expect(other).toMatchObject({
      ok: false,
      fieldErrors: {
        instrumentName: 'Enter the name of the scale',
        maxScore: 'Enter the highest possible score',
      },
    });
  });

  it('refuses a responsible clinician (no permission) and outside the team', async () => {
    const rc = await recordQualityOfLife(
      actorOf(world.users.rcNorth),
      world.northPatient.id,
      qolInput(),
      { db },
    );
    expect(rc).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const outside = await recordQualityOfLife(
      actorOf(world.users.coordinatorNorth),
      world.southPatient.id,
      qolInput(),
      { db },
    );
    expect(outside).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(
      await db.qualityOfLifeRating.count({ where: { patientId: world.southPatient.id } }),
    ).toBe(0);
  });
});

describe('marking entries "entered in error"', () => {
  it('lets the recorder or the MHA office mark a contact, keeps it, and refuses anyone else', async () => {
    const cc = actorOf(world.users.coordinatorNorth);
    const recorded = await recordContact(cc, world.northPatient.id, contactInput(), { db });
    if (!recorded.ok) throw new Error('not recorded');
    const id = recorded.data.contactId;

    // A colleague on the same team who did not record it.
    const rc = await markContactEnteredInError(
      actorOf(world.users.rcNorth),
      id,
      { reason: 'Wrong patient' },
      { db },
    );
    expect(rc).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'NOT_RECORDER' });
    // Outside scope.
    const south = await markContactEnteredInError(
      actorOf(world.users.coordinatorSouth),
      id,
      { reason: 'Wrong patient' },
      { db },
    );
    expect(south).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // No reason.
    const empty = await markContactEnteredInError(cc, id, { reason: ' ' }, { db });
    expect(empty).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: { reason: 'Enter why this was entered in error' },
    });
    expect((await db.contact.findUniqueOrThrow({ where: { id } })).enteredInErrorAt).toBeNull();

    const marked = await markContactEnteredInError(
      cc,
      id,
      { reason: 'Recorded against the wrong patient' },
      { db },
    );
    expect(marked).toMatchObject({ ok: true, data: { contactId: id } });
    const row = await db.contact.findUniqueOrThrow({
      where: { id },
      include: { activities: true },
    });
    expect(row.enteredInErrorReason).toBe('Recorded against the wrong patient');
    expect(row.enteredInErrorAt).not.toBeNull();
    expect(row.activities.every((a) => a.enteredInErrorAt !== null)).toBe(true);
    expect(row.summary).toContain('Seen at home');

    const again = await markContactEnteredInError(
      actorOf(world.users.mhaOffice),
      id,
      { reason: 'Duplicate entry' },
      { db },
    );
    expect(again).toMatchObject({ ok: false, code: 'REFUSED', reason: 'ALREADY_IN_ERROR' });

    const other = await recordContact(cc, world.northPatient.id, contactInput(), { db });
    if (!other.ok) throw new Error('not recorded');
    const byOffice = await markContactEnteredInError(
      actorOf(world.users.mhaOffice),
      other.data.contactId,
      { reason: 'Duplicate of the visit above' },
      { db },
    );
    expect(byOffice.ok).toBe(true);
    const audited = await db.auditEvent.findFirstOrThrow({
      where: { action: 'contact.mark-entered-in-error', entityId: other.data.contactId },
    });
    expect(audited).toMatchObject({ outcome: 'SUCCESS', userId: world.users.mhaOffice.id });
  });

  it('marks an assessment in error, and the next form is pre-filled from the one before it', async () => {
    const cc = actorOf(world.users.coordinatorNorth);
    const good = await recordSocialReview(
      cc,
      world.northPatient.id,
      reviewInput({ ISOLATION: { rating: 'STRENGTH', significance: 'MODERATE' } }),
      { db },
    );
    const wrong = await recordSocialReview(
      cc,
      world.northPatient.id,
      reviewInput({ ISOLATION: { rating: 'SERIOUS_CONCERN', significance: 'MAJOR' } }),
      { db },
    );
    if (!good.ok || !wrong.ok) throw new Error('not recorded');
    const refused = await markSocialAssessmentEnteredInError(
      actorOf(world.users.rcNorth),
      wrong.data.assessmentId,
      { reason: 'Wrong patient' },
      { db },
    );
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const marked = await markSocialAssessmentEnteredInError(
      cc,
      wrong.data.assessmentId,
      { reason: 'Ratings were for another patient' },
      { db },
    );
    expect(marked.ok).toBe(true);
    const { latest } = await getLatestSocialAssessment(
      { actor: cc, client: db },
      world.northPatient.id,
    );
    expect(latest?.id).toBe(good.data.assessmentId);
    expect(latest?.ratings.find((r) => r.domain === 'ISOLATION')?.rating).toBe('STRENGTH');
    expect(await db.socialFactorAssessment.count({ where: { id: wrong.data.assessmentId } })).toBe(
      1,
    );
  });
});
