// Demo data for tribunal paperwork (issue 9, part 1): the North RC's patient with an open
// tribunal reference whose documents are at several steps (statement signed, RC's report being
// drafted from the record with two sections saved, social circumstances report ready for sign-off), and another patient with a hospital
// managers' hearing listed (in person, in ten days) with its reports requested. Called from
// seedInto after the patients are made, before the deadlines are computed.
import { addDays, londonInstant, requiredTribunalDocuments, tribunalDocumentsDue } from '@/lib/cto';
import type { FactoryDb } from '@/tests/factories/db';
import { toDbDate, type IsoDate } from '@/lib/server/dates';
import type { Prisma } from '@/lib/generated/prisma/client';
import { gatherReportRecord } from '@/lib/server/queries/tribunal-report-record';
import { prefillReport } from '@/lib/tribunal/prefill';
import { groupForAge, templateFor, type ReportKind } from '@/lib/tribunal/templates';
import { ageOn } from '@/lib/cto';

/**
 * A report draft as the app makes it at the first save (issue 9 §2): the template and the
 * pre-fill from the record kept, then the sections the author has saved, and a signature.
 */
export async function seedDraft(
  db: FactoryDb,
  input: {
    documentId: string;
    kind: ReportKind;
    patientId: string;
    author: { id: string; name: string };
    startedAt: Date;
    saved: { key: string; text: string; at: Date }[];
    signed?: { name: string; role: string; on: IsoDate; at: Date };
  },
): Promise<void> {
  const patient = await db.patient.findUniqueOrThrow({
    where: { id: input.patientId },
    select: { dateOfBirth: true },
  });
  const dob = patient.dateOfBirth.toISOString().slice(0, 10);
  const template = templateFor(
    input.kind,
    groupForAge(ageOn(dob, input.startedAt.toISOString().slice(0, 10))),
  );
  const record = await gatherReportRecord(db, input.patientId, {}, { now: input.startedAt });
  if (!record) return;
  const draft = await db.tribunalReportDraft.create({
    data: {
      documentId: input.documentId,
      templateId: template.id,
      templateVersion: template.version,
      template: template as unknown as Prisma.InputJsonValue,
      prefill: prefillReport(template, record) as unknown as Prisma.InputJsonValue,
      prefilledAt: input.startedAt,
      createdById: input.author.id,
      createdAt: input.startedAt,
      ...(input.signed
        ? {
            signedById: input.author.id,
            signedName: input.signed.name,
            signedRole: input.signed.role,
            signedOn: toDbDate(input.signed.on),
            signedAt: input.signed.at,
          }
        : {}),
    },
  });
  const versions = new Map<string, number>();
  for (const s of input.saved) {
    const version = (versions.get(s.key) ?? 0) + 1;
    versions.set(s.key, version);
    await db.tribunalReportSectionVersion.create({
      data: {
        draftId: draft.id,
        sectionKey: s.key,
        version,
        text: s.text,
        savedById: input.author.id,
        savedByName: input.author.name,
        savedAt: s.at,
      },
    });
  }
}

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
      const row = await db.tribunalDocument.create({
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
      // Issue 9 §2: the RC's report partly drafted (two sections saved, one of them twice) and
      // the statement signed in the app.
      if (doc.kind === 'RC_REPORT') {
        await seedDraft(db, {
          documentId: row.id,
          kind: doc.kind,
          patientId: withCase.patientId,
          author: { id: rc.id, name: rc.name },
          startedAt: londonInstant(addDays(receivedOn, 2), 9, 30),
          saved: [
            {
              key: 'progress',
              text: 'Seen in clinic every four weeks. Engaging with the team and attending appointments.',
              at: londonInstant(addDays(receivedOn, 2), 9, 45),
            },
            {
              key: 'progress',
              text: 'Seen in clinic every four weeks. Engaging with the team and attending appointments; insight is partial: accepts the depot but says it is not needed.',
              at: londonInstant(addDays(receivedOn, 3), 14, 10),
            },
            {
              key: 'mental-disorder',
              text: 'Paranoid schizophrenia (ICD-10 F20.0), diagnosed in 2019. There is a mental disorder now.',
              at: londonInstant(addDays(receivedOn, 3), 14, 25),
            },
          ],
        });
      }
      if (doc.kind === 'RESPONSIBLE_AUTHORITY_STATEMENT') {
        await seedDraft(db, {
          documentId: row.id,
          kind: doc.kind,
          patientId: withCase.patientId,
          author: { id: office.id, name: office.name },
          startedAt: londonInstant(addDays(receivedOn, 2), 10, 0),
          saved: [
            {
              key: 'court-of-protection',
              text: 'None known to the responsible authority.',
              at: londonInstant(addDays(receivedOn, 4), 11, 0),
            },
          ],
          signed: {
            name: office.name,
            role: 'Mental Health Act administrator, for the responsible authority',
            on: addDays(receivedOn, 6),
            at: londonInstant(addDays(receivedOn, 6), 11, 0),
          },
        });
      }
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
