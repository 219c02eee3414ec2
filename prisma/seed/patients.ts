// Demo data for issue 10 (registering and editing patients): a true care-team history for the
// demo accounts to see. Three of coordinator.north's patients were handed over to them by Tom
// Fairweather part way through their care (dated assignments and the record's history, so the
// timeline, the chronology and the continuity count show it), and one patient's postcode was
// corrected by the MHA office with a reason.
import type { FactoryDb } from '@/tests/factories/db';
import {
  addCalendarDays,
  calendarDaysBetween,
  fromDbDate,
  toDbDate,
  type IsoDate,
} from '@/lib/server/dates';

export async function seedPatientHistory(db: FactoryDb, today: IsoDate, now: Date): Promise<void> {
  const [ccNorth, tom, mha] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: 'coordinator.north@cto-tracker.example' } }),
    db.user.findFirstOrThrow({ where: { name: 'Tom Fairweather' } }),
    db.user.findUniqueOrThrow({ where: { email: 'mha.office@cto-tracker.example' } }),
  ]);
  const current = await db.staffAssignment.findMany({
    where: { userId: ccNorth.id, kind: 'CARE_COORDINATOR', endedOn: null },
    orderBy: [{ startedOn: 'asc' }, { patientId: 'asc' }],
  });
  let handed = 0;
  for (const a of current) {
    if (handed === 3) break;
    const started = fromDbDate(a.startedOn);
    const days = calendarDaysBetween(started, today);
    if (days < 90) continue;
    const handover = addCalendarDays(started, Math.floor(days / 2));
    await db.staffAssignment.create({
      data: {
        patientId: a.patientId,
        userId: tom.id,
        kind: 'CARE_COORDINATOR',
        startedOn: a.startedOn,
        endedOn: toDbDate(handover),
        recordedById: mha.id,
        recordedAt: now,
      },
    });
    await db.staffAssignment.update({
      where: { id: a.id },
      data: { startedOn: toDbDate(handover), recordedById: mha.id, recordedAt: now },
    });
    const patient = await db.patient.update({
      where: { id: a.patientId },
      data: { version: { increment: 1 } },
      select: { version: true },
    });
    await db.patientChange.create({
      data: {
        patientId: a.patientId,
        patientVersion: patient.version,
        kind: 'CHANGE',
        field: 'careCoordinatorId',
        oldValue: tom.id,
        newValue: ccNorth.id,
        oldText: tom.name,
        newText: ccNorth.name,
        effectiveOn: toDbDate(handover),
        changedById: mha.id,
        changedAt: now,
      },
    });
    handed += 1;
  }

  const withPostcode = await db.patient.findFirst({
    where: { postcode: { not: null } },
    orderBy: { localId: 'asc' },
    select: { id: true, postcode: true },
  });
  if (withPostcode?.postcode) {
    const patient = await db.patient.update({
      where: { id: withPostcode.id },
      data: { version: { increment: 1 } },
      select: { version: true },
    });
    const typo = withPostcode.postcode.replace(/\d(?=[A-Z]{2}$)/, (d) =>
      String((Number(d) + 1) % 10),
    );
    await db.patientChange.create({
      data: {
        patientId: withPostcode.id,
        patientVersion: patient.version,
        kind: 'CORRECTION',
        field: 'postcode',
        oldValue: typo,
        newValue: withPostcode.postcode,
        oldText: typo,
        newText: withPostcode.postcode,
        reason: 'Typed from the referral letter; checked with the GP practice',
        changedById: mha.id,
        changedAt: now,
      },
    });
  }
}
