// The bench seed's one patient with five years of history (issue 9 §3: "one report's DOCX with
// five years of history in <= 1 s, a 60-page bundle PDF in <= 5 s"). Unlike the rest of the
// bench data (SQL with generate_series, decision 724), this patient is written through the same
// factories as the demo seed (tests/factories: every step's event, statutory form, agreement and
// period from lib/cto), so its order history, forms and report drafts are what the app itself
// would have written: an order made five years and a month ago (s3 before it), extended six
// times (CTO7, each reviewed by the managers), three recalls each released within the 72 hours
// (CTO3, CTO4), two earlier tribunal applications heard, weekly contacts, a social factors
// assessment at every decision point, quarterly quality-of-life ratings; then an open tribunal
// application whose statement, RC's report and social circumstances report are drafted section by
// section and signed, so that its bundle comes to more than 60 pages (decision 842).
// The patient's local id is FIVE_YEAR_LOCAL_ID: scripts/bench/cases/documents.ts finds it by that.
import {
  addDays,
  ageOn,
  londonInstant,
  requiredTribunalDocuments,
  tribunalDocumentsDue,
} from '@/lib/cto';
import type { Db } from '@/lib/server/db';
import {
  addCalendarDays,
  addCalendarMonths,
  londonDateOf,
  londonTime,
  toDbDate,
  type IsoDate,
} from '@/lib/server/dates';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import { groupForAge, templateFor, type ReportKind } from '@/lib/tribunal/templates';
import { seedDraft } from '@/prisma/seed/tribunal';
import {
  assignCareTeam,
  createContacts,
  createLegalStatusPeriod,
  createNearestRelative,
  createOrder,
  createPatient,
  createQualityOfLifeRatings,
  createSocialFactorAssessment,
  createTribunalCase,
  createTribunalHearing,
  currentPeriod,
  extendOrder,
  nhsNumberForStem,
  recallOrder,
  releaseFromRecall,
  reviewExtension,
  SOCIAL_DOMAINS,
  type ContactInput,
  type OrderHandle,
} from '@/tests/factories';

export const FIVE_YEAR_LOCAL_ID = 'BENCH-FIVE-YEARS';

const CONTACT_MODES = ['HOME_VISIT', 'CLINIC', 'TELEPHONE', 'HOME_VISIT', 'VIDEO'] as const;
const RATINGS = ['STRENGTH', 'NO_CONCERN', 'SOME_CONCERN', 'SERIOUS_CONCERN'] as const;
const SIGNIFICANCE = ['NOT_RELEVANT', 'MINOR', 'MODERATE', 'MAJOR'] as const;

/** A section's text as an author writes it: several paragraphs, each naming its year. */
function sectionText(heading: string, years: number, paragraphs: number): string {
  return Array.from(
    { length: paragraphs },
    (_, i) =>
      `${heading} (${i + 1} of ${paragraphs}). Over the ${years} years of the order the record shows ` +
      'steady engagement with the community team, attendance at most clinic appointments and ' +
      'acceptance of the depot medication, with three short recalls to hospital when the patient ' +
      'stopped taking medication and became unwell; each time the patient was released within ' +
      'the 72 hours and went home. The care coordinator visits weekly and the patient’s mother ' +
      'is closely involved. The conditions of the order (to attend appointments and to live at ' +
      'the address agreed with the team) have been kept, with the exceptions set out above.',
  ).join('\n\n');
}

export interface FiveYearResult {
  patientId: string;
  orderId: string;
  caseId: string;
  rcReportId: string;
  events: number;
}

/**
 * Writes the five-year patient into the (single) trust, in team `teamId`, with staff of that
 * team. `now` is the real time of seeding: the history ends before it, the open case's hearing
 * is after it.
 */
export async function seedFiveYearPatient(
  db: Db,
  input: {
    trustId: string;
    teamId: string;
    hospitalId: string;
    rc: { id: string; name: string };
    cc: { id: string; name: string };
    amhpId: string;
    office: { id: string; name: string };
    now: Date;
  },
): Promise<FiveYearResult> {
  const { rc, cc, office, now } = input;
  const today = londonDateOf(now);
  const madeOn = addCalendarDays(addCalendarMonths(today, -60), -30);
  const admittedOn = addCalendarDays(madeOn, -70);
  const dateOfBirth: IsoDate = '1984-02-29';
  const stem = 424_242;
  const nhsNumber = nhsNumberForStem(stem) ?? nhsNumberForStem(stem + 1) ?? null;

  const patient = await createPatient(db, {
    trustId: input.trustId,
    teamId: input.teamId,
    allocatedOn: madeOn,
    localId: FIVE_YEAR_LOCAL_ID,
    nhsNumber,
    givenName: 'Jordan',
    familyName: 'Fiveyear',
    dateOfBirth,
    sex: 'MALE',
    ethnicCategory: 'A',
    maritalStatus: 'SINGLE',
    employmentStatus: 'UNEMPLOYED_SEEKING_WORK',
    accommodationStatus: 'SETTLED_TENANT',
    firstLanguage: 'English',
    interpreterNeeded: false,
    addressLine1: '12 Bench Street',
    town: 'Benchford',
    postcode: 'ZZ1 1ZZ',
  });
  const patientId = patient.id;
  await assignCareTeam(db, {
    patientId,
    careCoordinatorId: cc.id,
    responsibleClinicianId: rc.id,
    startedOn: madeOn,
  });
  await createNearestRelative(db, {
    patientId,
    name: 'Pat Fiveyear',
    relationship: 'Mother',
    startedOn: admittedOn,
    recordedById: office.id,
  });
  const lsp = await createLegalStatusPeriod(db, {
    patientId,
    legalStatusCode: '03',
    hospitalId: input.hospitalId,
    startAt: londonTime(admittedOn, 16, 0),
  });

  let assessments = 0;
  const assess = async (
    order: OrderHandle,
    decisionPoint: 'MAKING' | 'EXTENSION' | 'RECALL',
    assessedOn: IsoDate,
    decisionEventId: string | null,
  ) => {
    assessments += 1;
    await createSocialFactorAssessment(db, {
      patientId,
      orderId: order.id,
      decisionPoint,
      decisionEventId,
      assessedOn,
      assessedById: cc.id,
      summary: `Social factors at ${decisionPoint.toLowerCase()}: housing settled, money tight, family supportive (assessment ${assessments}).`,
      ratings: SOCIAL_DOMAINS.map((domain, i) => ({
        domain,
        rating: RATINGS[(i + assessments) % RATINGS.length] ?? 'NO_CONCERN',
        significance: SIGNIFICANCE[(i * 3 + assessments) % SIGNIFICANCE.length] ?? 'MINOR',
        notes: `${domain.toLowerCase().replaceAll('_', ' ')}: reviewed with the patient.`,
      })),
    });
  };

  const order = await createOrder(db, {
    patientId,
    legalStatusPeriodId: lsp.id,
    legalStatusCode: '03',
    responsibleHospitalId: input.hospitalId,
    responsibleClinicianId: rc.id,
    teamId: input.teamId,
    amhpId: input.amhpId,
    requestedById: rc.id,
    proposedAt: londonTime(addCalendarDays(madeOn, -2), 10, 30),
    amhpRespondedAt: londonTime(addCalendarDays(madeOn, -1), 15, 0),
    signedAt: londonTime(madeOn, 14, 0),
    now,
    grounds:
      'Relapses quickly when medication stops; with the order, treatment can continue at home.',
    necessaryFor: ['health', 'safety'],
    localAuthority: 'Benchford City Council',
    scrutiny: 'VALID',
    mhaAdministratorId: office.id,
  });
  await assess(order, 'MAKING', addCalendarDays(madeOn, -1), null);

  // An application in the first period (s66(1)(ca)), heard and not discharged.
  const tribunal = async (basis: string, madeOnCase: IsoDate) => {
    const caseId = await createTribunalCase(
      db,
      {
        patientId,
        kind: 'APPLICATION',
        applicant: 'PATIENT',
        basis,
        madeOn: madeOnCase,
        statementSentAt: londonTime(addCalendarDays(madeOnCase, 14), 12),
        rcReportSentAt: londonTime(addCalendarDays(madeOnCase, 18), 12),
        socialCircumstancesSentAt: londonTime(addCalendarDays(madeOnCase, 19), 12),
        status: 'DECIDED',
      },
      order,
    );
    await createTribunalHearing(
      db,
      {
        caseId,
        scheduledAt: londonTime(addCalendarDays(madeOnCase, 35), 10, 0),
        heldOn: addCalendarDays(madeOnCase, 35),
        outcome: 'NOT_DISCHARGED',
        notes: 'The tribunal was satisfied that the criteria for the order were met.',
      },
      order,
    );
  };

  const recall = async (day: IsoDate, n: number) => {
    const served = londonTime(day, 9, 30);
    const r = await recallOrder(db, order, {
      hospitalId: input.hospitalId,
      reasons: `Stopped depot medication and became paranoid and withdrawn (recall ${n}).`,
      noticeSignedAt: londonTime(day, 9, 0),
      servedOrPostedAt: served,
      detentionBeganAt: londonTime(day, 12, 20),
      mhaAdministratorId: office.id,
    });
    await assess(order, 'RECALL', day, r.detentionEventId);
    await releaseFromRecall(db, order, r, {
      at: londonTime(addCalendarDays(day, 2), 11, 0),
      reasons: 'Settled after restarting medication; agreed to continue treatment at home.',
    });
  };

  // Live the order forward: tribunal applications in periods 0 and 3, recalls in periods 1, 3
  // and 5, and an extension for every period that ends before today.
  for (;;) {
    const period = currentPeriod(order);
    if (period.index === 0) await tribunal('s66(1)(ca)', addCalendarDays(period.start, 20));
    if (period.index === 3) await tribunal('s66(1)(fza)', addCalendarDays(period.start, 20));
    if ([1, 3, 5].includes(period.index)) {
      await recall(addCalendarDays(period.start, 90), period.index);
    }
    if (period.end >= today) break;
    const examinedOn = addCalendarDays(period.end, -30);
    const ext = await extendOrder(db, order, {
      examinedOn,
      amhpId: input.amhpId,
      consultedOn: addCalendarDays(examinedOn, 1),
      consulteeName: cc.name,
      consulteeRole: 'Care coordinator',
      amhpAgreedAt: londonTime(addCalendarDays(examinedOn, 3), 14, 0),
      furnishedAt: londonTime(addCalendarDays(examinedOn, 3), 16, 30),
      managersReceivedAt: londonTime(addCalendarDays(examinedOn, 4), 9, 15),
      reasons:
        'Still needs treatment for paranoid schizophrenia; without the order he would stop the depot and relapse, as before each recall.',
      localAuthority: 'Benchford City Council',
      mhaAdministratorId: office.id,
      scrutiny: 'VALID',
    });
    await assess(order, 'EXTENSION', examinedOn, ext.furnishEventId);
    await reviewExtension(db, order, ext, { reviewedOn: addCalendarDays(examinedOn, 15) });
  }

  // Weekly contacts by the care coordinator from the making to last week; quarterly
  // quality-of-life ratings.
  const contacts: ContactInput[] = [];
  for (let week = 0; ; week += 1) {
    const day = addCalendarDays(madeOn, 3 + week * 7);
    if (day >= today) break;
    contacts.push({
      patientId,
      staffId: cc.id,
      occurredAt: londonTime(day, 11, 0),
      mode: CONTACT_MODES[week % CONTACT_MODES.length] ?? 'HOME_VISIT',
      durationMinutes: 45,
      summary: `Week ${week + 1}: mental state settled, depot given, talked about money, housing and the allotment.`,
    });
  }
  await createContacts(db, contacts);
  const ratings = [];
  for (let q = 0; ; q += 1) {
    const ratedOn = addCalendarMonths(madeOn, q * 3);
    if (ratedOn >= today) break;
    ratings.push({
      patientId,
      ratedOn,
      score: 18 + ((q * 7) % 17),
      recordedById: cc.id,
    });
  }
  await createQualityOfLifeRatings(db, ratings);

  // The open case: the patient's application in the current period (s66(1)(fza)), received
  // twelve days ago, a hearing listed in three weeks, every document drafted and signed.
  const receivedOn = addDays(today, -12);
  const caseId = await createTribunalCase(
    db,
    {
      patientId,
      kind: 'APPLICATION',
      applicant: 'PATIENT',
      basis: 's66(1)(fza)',
      madeOn: addDays(receivedOn, -1),
      receivedOn,
      tribunalReference: 'MP/BENCH/5Y',
    },
    order,
  );
  await createTribunalHearing(db, {
    caseId,
    scheduledAt: londonInstant(addDays(today, 21), 10, 0),
  });
  const due = tribunalDocumentsDue(receivedOn);
  const years = 5;
  let rcReportId = '';
  for (const [n, doc] of requiredTribunalDocuments({ patientIsInpatient: false }).entries()) {
    const author =
      doc.author === 'RESPONSIBLE_CLINICIAN' ? rc : doc.author === 'CARE_COORDINATOR' ? cc : office;
    const startedOn = addDays(receivedOn, 1 + n);
    const signedOn = addDays(receivedOn, 7 + n);
    const row = await db.tribunalDocument.create({
      data: {
        patientId,
        caseId,
        kind: doc.kind,
        authorRole: doc.author,
        authorId: author.id,
        status: 'SIGNED',
        dueOn: toDbDate(due),
        requestedAt: londonInstant(receivedOn, 10, 20),
        draftingAt: londonInstant(startedOn, 9, 30),
        readyAt: londonInstant(addDays(signedOn, -1), 16, 0),
        signedAt: londonInstant(signedOn, 11, 0),
      },
    });
    if (doc.kind === 'RC_REPORT') rcReportId = row.id;
    const kind = doc.kind as ReportKind;
    const template = templateFor(kind, groupForAge(ageOn(dateOfBirth, startedOn)));
    // Every section written by the author, each saved twice: a first go, then the final text
    // (the RC's report at greater length).
    const length = doc.kind === 'RC_REPORT' ? 2 : 1;
    const saved = template.sections.flatMap((s, i) => [
      {
        key: s.key,
        text: sectionText(s.heading, years, 1).slice(0, 200),
        at: londonInstant(startedOn, 10, i % 50),
      },
      {
        key: s.key,
        text: sectionText(s.heading, years, length),
        at: londonInstant(addDays(startedOn, 1), 10, i % 50),
      },
    ]);
    await seedDraft(db, {
      documentId: row.id,
      kind,
      patientId,
      author,
      startedAt: londonInstant(startedOn, 9, 30),
      saved,
      signed: {
        name: author.name,
        role:
          doc.author === 'RESPONSIBLE_CLINICIAN'
            ? 'Responsible clinician'
            : doc.author === 'CARE_COORDINATOR'
              ? 'Care coordinator'
              : 'Mental Health Act administrator, for the responsible authority',
        on: signedOn,
        at: londonInstant(signedOn, 11, 0),
      },
    });
  }
  // The factories leave the record's own "recorded" times to the database's clock: these rows
  // were recorded when they happened (a form when the MHA office received it), as the app
  // would have written them at the time.
  await db.$executeRaw`UPDATE "StatutoryForm" SET "createdAt" = COALESCE("receivedAt", "furnishedAt", "signedAt", "createdAt") WHERE "patientId" = ${patientId}`;
  await db.$executeRaw`UPDATE "LegalStatusPeriod" SET "createdAt" = "startAt" WHERE "patientId" = ${patientId}`;
  const at = (date: string, time: string) =>
    `((${date}) + time '${time}') AT TIME ZONE 'Europe/London'`;
  for (const sql of [
    `UPDATE "Contact" SET "createdAt" = "occurredAt" + interval '2 hours' WHERE "patientId" = $1`,
    `UPDATE "SocialFactorAssessment" SET "createdAt" = ${at('"assessedOn"', '17:00')} WHERE "patientId" = $1`,
    `UPDATE "QualityOfLifeRating" SET "createdAt" = ${at('"ratedOn"', '17:00')} WHERE "patientId" = $1`,
    `UPDATE "NearestRelative" SET "createdAt" = ${at('"startedOn"', '12:00')} WHERE "patientId" = $1`,
    `UPDATE "TribunalCase" SET "createdAt" = ${at('"receivedOn"', '10:15')} WHERE "patientId" = $1`,
    `UPDATE "TribunalHearing" h SET "createdAt" = ${at('c."receivedOn" + 5', '11:40')}
       FROM "TribunalCase" c WHERE c.id = h."caseId" AND c."patientId" = $1`,
    `UPDATE "ManagersHearing" SET "createdAt" = "scheduledAt" - interval '7 days' WHERE "patientId" = $1`,
    `UPDATE "Extension" e SET "createdAt" = ${at('e."examinedOn"', '11:15')}
       FROM "CommunityTreatmentOrder" o WHERE o.id = e."orderId" AND o."patientId" = $1`,
    `UPDATE "Recall" r SET "createdAt" = r."noticeSignedAt"
       FROM "CommunityTreatmentOrder" o WHERE o.id = r."orderId" AND o."patientId" = $1`,
    `UPDATE "CtoPeriod" p SET "createdAt" = LEAST(${at('p."startDate"', '16:30')}, now())
       FROM "CommunityTreatmentOrder" o WHERE o.id = p."orderId" AND o."patientId" = $1`,
  ]) {
    await db.$executeRawUnsafe(sql, patientId);
  }
  await recomputeOrderDeadlines(db, order.id, today, now);
  const events = await db.ctoEvent.count({ where: { patientId } });
  return { patientId, orderId: order.id, caseId, rcReportId, events };
}
