// Demo data for tribunal paperwork (issue 9, part 1): the North RC's patient with an open
// tribunal reference whose documents are at several steps (statement signed, RC's report being
// drafted, social circumstances report ready for sign-off), and another patient with a hospital
// managers' hearing listed (in person, in ten days) with its reports requested. Called from
// seedInto after the patients are made, before the deadlines are computed.
import { addDays, londonInstant, requiredTribunalDocuments, tribunalDocumentsDue } from '@/lib/cto';
import type { FactoryDb } from '@/tests/factories/db';
import { toDbDate, type IsoDate } from '@/lib/server/dates';

export async function seedTribunalPaperwork(
  db: FactoryDb,
  options: { today: IsoDate; now: Date },
): Promise<void> {
  const { today, now } = options;
  const rc = await db.user.findFirst({ where: { email: 'rc.north@cto-tracker.example' } });
  const office = await db.user.findFirst({ where: { email: 'mha.office@cto-tracker.example' } });
  if (!rc || !office) return;
  const orders = await db.communityTreatmentOrder.findMany({
    where: { state: 'ACTIVE', responsibleClinicianId: rc.id },
    select: {
      id: true,
      patientId: true,
      effectiveAt: true,
      responsibleHospital: { select: { name: true } },
    },
    orderBy: { effectiveAt: 'asc' },
    take: 2,
  });
  const [withCase, withHearing] = orders;
  const careCoordinator = async (patientId: string) =>
    (
      await db.staffAssignment.findFirst({
        where: { patientId, kind: 'CARE_COORDINATOR', endedOn: null },
        select: { userId: true },
      })
    )?.userId ?? null;

  if (withCase) {
    // A three-yearly reference made eight days ago: documents due in thirteen days.
    const receivedOn = addDays(today, -8);
    const due = tribunalDocumentsDue(receivedOn);
    const tribunalCase = await db.tribunalCase.create({
      data: {
        patientId: withCase.patientId,
        orderId: withCase.id,
        kind: 'REFERENCE',
        applicant: 'HOSPITAL_MANAGERS',
        basis: 's68(6)',
        madeOn: toDbDate(receivedOn),
        receivedOn: toDbDate(receivedOn),
        documentsDueOn: toDbDate(due),
        createdAt: londonInstant(receivedOn, 10, 15),
      },
    });
    await db.tribunalHearing.create({
      data: {
        caseId: tribunalCase.id,
        scheduledAt: londonInstant(addDays(today, 27), 10, 0),
        mode: 'VIDEO',
        venue: 'By video (the tribunal will send the link)',
        listedById: office.id,
        createdAt: londonInstant(addDays(today, -2), 11, 40),
      },
    });
    const cc = await careCoordinator(withCase.patientId);
    const requested = londonInstant(receivedOn, 10, 20);
    const steps: Record<string, { status: 'SIGNED' | 'DRAFTING' | 'READY_FOR_SIGN_OFF' }> = {
      RESPONSIBLE_AUTHORITY_STATEMENT: { status: 'SIGNED' },
      RC_REPORT: { status: 'DRAFTING' },
      SOCIAL_CIRCUMSTANCES_REPORT: { status: 'READY_FOR_SIGN_OFF' },
    };
    for (const doc of requiredTribunalDocuments({ patientIsInpatient: false })) {
      const status = steps[doc.kind]?.status ?? 'REQUESTED';
      await db.tribunalDocument.create({
        data: {
          patientId: withCase.patientId,
          caseId: tribunalCase.id,
          kind: doc.kind,
          authorRole: doc.author,
          authorId:
            doc.author === 'RESPONSIBLE_CLINICIAN'
              ? rc.id
              : doc.author === 'CARE_COORDINATOR'
                ? cc
                : office.id,
          status,
          dueOn: toDbDate(due),
          requestedAt: requested,
          draftingAt: londonInstant(addDays(receivedOn, 2), 9, 30),
          readyAt:
            status === 'READY_FOR_SIGN_OFF' || status === 'SIGNED'
              ? londonInstant(addDays(receivedOn, 5), 16, 0)
              : null,
          signedAt: status === 'SIGNED' ? londonInstant(addDays(receivedOn, 6), 11, 0) : null,
        },
      });
    }
  }

  if (withHearing) {
    const hearing = await db.managersHearing.create({
      data: {
        patientId: withHearing.patientId,
        orderId: withHearing.id,
        reason: 'PATIENT_REQUEST',
        scheduledAt: londonInstant(addDays(today, 10), 14, 0),
        mode: 'IN_PERSON',
        venue: `Meeting room, ${withHearing.responsibleHospital.name}`,
        listedById: office.id,
        createdAt: now,
      },
    });
    const cc = await careCoordinator(withHearing.patientId);
    for (const kind of ['RC_REPORT', 'SOCIAL_CIRCUMSTANCES_REPORT'] as const) {
      await db.tribunalDocument.create({
        data: {
          patientId: withHearing.patientId,
          managersHearingId: hearing.id,
          kind,
          authorRole: kind === 'RC_REPORT' ? 'RESPONSIBLE_CLINICIAN' : 'CARE_COORDINATOR',
          authorId: kind === 'RC_REPORT' ? rc.id : cc,
          status: 'REQUESTED',
          dueOn: toDbDate(addDays(today, 7)),
          requestedAt: now,
        },
      });
    }
  }
}
