import { describe, expect, it } from 'vitest';
import { awolAtExpiry } from '@/lib/cto';
import {
  computeOrderDeadlines,
  type DeadlineValue,
  type OrderDeadlineFacts,
} from '@/lib/server/deadlines/compute-order-deadlines';

const NOW = new Date('2026-03-01T12:00:00Z');
const TODAY = '2026-03-01';

/** An order made on 5 October 2025, in force, in its first period (worked example C1). */
function facts(overrides: Partial<OrderDeadlineFacts> = {}): OrderDeadlineFacts {
  return {
    orderId: 'order-1',
    patientId: 'patient-1',
    teamId: 'team-1',
    state: 'ACTIVE',
    responsibleClinicianId: 'rc-1',
    careCoordinatorId: 'cc-1',
    patientDateOfBirth: '1985-06-15',
    madeOn: '2025-10-05',
    currentExpiryDate: '2026-04-04',
    currentExpiryAlternative: null,
    currentPeriodIndex: 0,
    underlying: { legalStatusCode: '03', applicableDay: null, firstMedicationOn: null },
    extensions: [],
    recalls: [],
    certificates: [],
    rightsTriggers: [],
    rightsRecords: [],
    tribunalCases: [],
    revocation: null,
    revocationDetention: null,
    ...overrides,
  };
}

function kinds(values: DeadlineValue[]): string[] {
  return values.map((v) => v.kind).sort();
}

function only(values: DeadlineValue[], kind: DeadlineValue['kind']): DeadlineValue {
  const found = values.filter((v) => v.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as DeadlineValue;
}

const openCase = {
  id: 'case-1',
  orderId: 'order-1',
  kind: 'APPLICATION' as const,
  basis: 's66(1)(ca)',
  madeOn: '2026-06-01',
  receivedOn: '2026-06-01',
  status: 'OPEN' as const,
  nursingReportRequired: false,
  statementSent: false,
  rcReportSent: false,
  socialCircumstancesSent: false,
  nursingReportSent: false,
  consideredOn: [],
};

describe('computeOrderDeadlines', () => {
  it('gives the expiry and the extension window of an order in force (C1, C3)', () => {
    const values = computeOrderDeadlines(facts(), TODAY, NOW);
    expect(kinds(values)).toEqual(['CTO_EXPIRY', 'EXTENSION_WINDOW']);
    const expiry = only(values, 'CTO_EXPIRY');
    expect(expiry.dueOn).toBe('2026-04-04');
    expect(expiry.basis).toBe('s20A(1), s20B');
    // The MHA office's (decision 825); the RC has the window with the same last day.
    expect(expiry.ownerRole).toBe('MHA_ADMINISTRATOR');
    expect(expiry.ownerId).toBeNull();
    expect(expiry.explanation).toContain('4 April 2026');
    const window = only(values, 'EXTENSION_WINDOW');
    expect(window.opensOn).toBe('2026-02-05');
    expect(window.dueOn).toBe('2026-04-04');
    expect(window.basis).toBe('s20A(4), s20B');
    expect(window.explanation).toContain('5 February 2026');
    expect(window.explanation).toContain('Nothing has been recorded yet');
  });

  it('carries the alternative reading of the expiry and the basis of an extension period', () => {
    const values = computeOrderDeadlines(
      facts({
        madeOn: '2025-08-31',
        currentPeriodIndex: 1,
        currentExpiryDate: '2026-08-30',
        currentExpiryAlternative: '2026-08-31',
      }),
      TODAY,
      NOW,
    );
    const expiry = only(values, 'CTO_EXPIRY');
    expect(expiry.alternativeDueOn).toBe('2026-08-31');
    expect(expiry.basis).toBe('s20A(3), s20B');
    expect(expiry.explanation).toContain('31 August 2026');
  });

  it('shows the progress of an extension in progress, and drops the window once extended', () => {
    const inProgress = computeOrderDeadlines(
      facts({
        extensions: [
          {
            id: 'ext-1',
            periodIndex: 0,
            expiryDate: '2026-04-04',
            status: 'IN_PROGRESS',
            examinedOn: '2026-02-20',
            amhpAgreed: false,
            cto7FurnishedAt: null,
            managersReviewedOn: null,
          },
        ],
      }),
      TODAY,
      NOW,
    );
    expect(only(inProgress, 'EXTENSION_WINDOW').explanation).toContain(
      'examined on 20 February 2026',
    );

    const extended = computeOrderDeadlines(
      facts({
        currentPeriodIndex: 1,
        currentExpiryDate: '2026-10-04',
        extensions: [
          {
            id: 'ext-1',
            periodIndex: 0,
            expiryDate: '2026-04-04',
            status: 'COMPLETED',
            examinedOn: '2026-02-20',
            amhpAgreed: true,
            cto7FurnishedAt: new Date('2026-02-24T16:00:00Z'),
            managersReviewedOn: null,
          },
        ],
      }),
      TODAY,
      NOW,
    );
    // The new period (index 1) has its own window; the review of the extension is due by E.
    expect(only(extended, 'EXTENSION_WINDOW').opensOn).toBe('2026-08-05');
    const review = only(extended, 'MANAGERS_REVIEW_OF_EXTENSION');
    expect(review.dueOn).toBe('2026-04-04');
    expect(review.ownerRole).toBe('HOSPITAL_MANAGER');
  });

  it('gives no review deadline once the managers have reviewed the extension (C14)', () => {
    const values = computeOrderDeadlines(
      facts({
        currentPeriodIndex: 1,
        currentExpiryDate: '2026-10-04',
        extensions: [
          {
            id: 'ext-1',
            periodIndex: 0,
            expiryDate: '2026-04-04',
            status: 'COMPLETED',
            examinedOn: '2026-02-20',
            amhpAgreed: true,
            cto7FurnishedAt: new Date('2026-02-24T16:00:00Z'),
            managersReviewedOn: '2026-03-10',
          },
        ],
      }),
      TODAY,
      NOW,
    );
    expect(kinds(values)).toEqual(['CTO_EXPIRY', 'EXTENSION_WINDOW']);
  });

  it('gives the 72 hours of a recall to the minute, across a clock change (C4)', () => {
    const recalled = (began: string) =>
      computeOrderDeadlines(
        facts({
          state: 'RECALLED',
          recalls: [
            { id: 'r1', outcome: 'ONGOING', detentionBeganAt: new Date(began), deadlineAt: null },
          ],
        }),
        TODAY,
        NOW,
      );
    const winter = only(recalled('2026-01-09T23:47:00Z'), 'RECALL_72_HOURS');
    expect(winter.dueAt?.toISOString()).toBe('2026-01-12T23:47:00.000Z');
    expect(winter.dueOn).toBe('2026-01-12');
    expect(winter.basis).toBe('s17F(6), s17F(8)(a)');
    // Began Sat 28 March 2026 10:00 GMT: ends Tue 31 March 11:00 BST (still 72 elapsed hours).
    const spring = only(recalled('2026-03-28T10:00:00Z'), 'RECALL_72_HOURS');
    expect(spring.dueAt?.toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect(spring.explanation).toContain('31 March 2026 at 11:00 BST');
  });

  it('uses the stored deadline of the recall when there is one, and ignores ended recalls', () => {
    const values = computeOrderDeadlines(
      facts({
        state: 'RECALLED',
        recalls: [
          {
            id: 'r0',
            outcome: 'RELEASED',
            detentionBeganAt: new Date('2025-12-01T10:00:00Z'),
            deadlineAt: new Date('2025-12-04T10:00:00Z'),
          },
          {
            id: 'r1',
            outcome: 'ONGOING',
            detentionBeganAt: new Date('2026-02-27T09:00:00Z'),
            deadlineAt: new Date('2026-03-02T09:00:00Z'),
          },
        ],
      }),
      TODAY,
      NOW,
    );
    expect(only(values, 'RECALL_72_HOURS').dueAt?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('asks for a Part 4A certificate from the later grace period, or at once after withdrawal (C6)', () => {
    const base = {
      madeOn: '2026-03-10',
      currentExpiryDate: '2026-09-09',
      underlying: { legalStatusCode: '03', applicableDay: null, firstMedicationOn: '2025-11-20' },
    };
    const needed = only(computeOrderDeadlines(facts(base), TODAY, NOW), 'CERTIFICATE_REQUIRED');
    expect(needed.dueOn).toBe('2026-04-10');
    expect(needed.basis).toBe('s64B, s64C, s58');

    const covered = computeOrderDeadlines(
      facts({
        ...base,
        certificates: [
          { id: 'c1', type: 'CTO12', status: 'ACTIVE', givenOn: '2026-03-30', endedOn: null },
        ],
      }),
      TODAY,
      NOW,
    );
    expect(kinds(covered)).not.toContain('CERTIFICATE_REQUIRED');

    const withdrawn = only(
      computeOrderDeadlines(
        facts({
          ...base,
          certificates: [
            {
              id: 'c1',
              type: 'CTO12',
              status: 'ENDED',
              givenOn: '2026-03-30',
              endedOn: '2026-05-01',
            },
          ],
        }),
        TODAY,
        NOW,
      ),
      'CERTIFICATE_REQUIRED',
    );
    expect(withdrawn.dueOn).toBe('2026-05-01');
    expect(withdrawn.explanation).toContain('1 May 2026');
  });

  it('asks for rights information 7 days after the trigger until given orally and in writing (C13)', () => {
    const trigger = { eventId: 'ev-make', kind: 'MAKING' as const, occurredOn: '2026-03-10' };
    const owed = only(
      computeOrderDeadlines(facts({ rightsTriggers: [trigger] }), TODAY, NOW),
      'RIGHTS_INFORMATION',
    );
    expect(owed.dueOn).toBe('2026-03-17');
    expect(owed.basis).toBe('s132A');
    expect(owed.ownerRole).toBe('CARE_COORDINATOR');
    expect(owed.ownerId).toBe('cc-1');
    expect(owed.sourceEventId).toBe('ev-make');

    const oralOnly = only(
      computeOrderDeadlines(
        facts({
          rightsTriggers: [trigger],
          rightsRecords: [
            {
              trigger: 'MAKING',
              triggerEventId: 'ev-make',
              givenOrallyAt: new Date('2026-03-11T10:00:00Z'),
              givenInWritingAt: null,
            },
          ],
        }),
        TODAY,
        NOW,
      ),
      'RIGHTS_INFORMATION',
    );
    expect(oralOnly.explanation).toContain('still to give in writing');

    const given = computeOrderDeadlines(
      facts({
        rightsTriggers: [trigger],
        rightsRecords: [
          {
            trigger: 'MAKING',
            triggerEventId: null,
            givenOrallyAt: new Date('2026-03-11T10:00:00Z'),
            givenInWritingAt: new Date('2026-03-11T10:00:00Z'),
          },
        ],
      }),
      TODAY,
      NOW,
    );
    expect(kinds(given)).not.toContain('RIGHTS_INFORMATION');

    const local = only(
      computeOrderDeadlines(facts({ rightsTriggers: [trigger] }), TODAY, NOW, {
        rightsTargetDays: 3,
      }),
      'RIGHTS_INFORMATION',
    );
    expect(local.dueOn).toBe('2026-03-13');
  });

  it('gives the first managers’ reference unless an application was made in the six months (C8)', () => {
    const underlying = {
      legalStatusCode: '03',
      applicableDay: '2026-01-12',
      firstMedicationOn: null,
    };
    const due = only(
      computeOrderDeadlines(facts({ underlying }), TODAY, NOW),
      'FIRST_MANAGERS_REFERENCE',
    );
    expect(due.dueOn).toBe('2026-07-12');
    expect(due.ownerRole).toBe('MHA_ADMINISTRATOR');
    const applied = computeOrderDeadlines(
      facts({
        underlying,
        tribunalCases: [{ ...openCase, orderId: null, madeOn: '2026-02-01', status: 'DECIDED' }],
      }),
      TODAY,
      NOW,
    );
    expect(kinds(applied)).not.toContain('FIRST_MANAGERS_REFERENCE');
  });

  it('gives the periodic reference three years after the last consideration (C9)', () => {
    const values = computeOrderDeadlines(
      facts({
        tribunalCases: [
          { ...openCase, madeOn: '2023-01-20', status: 'DECIDED', consideredOn: ['2023-03-10'] },
        ],
      }),
      TODAY,
      NOW,
    );
    expect(only(values, 'PERIODIC_MANAGERS_REFERENCE').dueOn).toBe('2026-03-11');
  });

  it('gives the tribunal documents 21 days after receipt, moved past a bank holiday (C7)', () => {
    const june = only(
      computeOrderDeadlines(facts({ tribunalCases: [openCase] }), TODAY, NOW),
      'TRIBUNAL_DOCUMENTS',
    );
    expect(june.dueOn).toBe('2026-06-22');
    expect(june.explanation).toContain("the responsible clinician's report");
    const december = only(
      computeOrderDeadlines(
        facts({ tribunalCases: [{ ...openCase, receivedOn: '2026-12-07', madeOn: '2026-12-07' }] }),
        TODAY,
        NOW,
      ),
      'TRIBUNAL_DOCUMENTS',
    );
    expect(december.dueOn).toBe('2026-12-29');
    const allSent = computeOrderDeadlines(
      facts({
        tribunalCases: [
          { ...openCase, statementSent: true, rcReportSent: true, socialCircumstancesSent: true },
        ],
      }),
      TODAY,
      NOW,
    );
    expect(kinds(allSent)).not.toContain('TRIBUNAL_DOCUMENTS');
    const nursing = only(
      computeOrderDeadlines(
        facts({
          tribunalCases: [
            {
              ...openCase,
              statementSent: true,
              rcReportSent: true,
              socialCircumstancesSent: true,
              nursingReportRequired: true,
            },
          ],
        }),
        TODAY,
        NOW,
      ),
      'TRIBUNAL_DOCUMENTS',
    );
    expect(nursing.explanation).toContain('the nursing report');
  });

  it('after revocation gives the s68(7) reference and the restarted detention (C5)', () => {
    const revoked = facts({
      state: 'REVOKED',
      revocation: { revokedOn: '2025-11-15', revokedAt: new Date('2025-11-15T15:00:00Z') },
      revocationDetention: {
        legalStatusCode: '03',
        ended: false,
        expiryDate: '2026-05-14',
        periods: [
          {
            index: 0,
            months: 6,
            startDate: '2025-11-15',
            endDate: '2026-05-14',
            alternativeEndDate: null,
          },
        ],
      },
      rightsTriggers: [{ eventId: 'ev-revoke', kind: 'REVOCATION', occurredOn: '2025-11-15' }],
    });
    const values = computeOrderDeadlines(revoked, TODAY, NOW);
    expect(kinds(values)).toEqual([
      'DETENTION_EXPIRY',
      'MANAGERS_REFERENCE_AFTER_REVOCATION',
      'RIGHTS_INFORMATION',
    ]);
    expect(only(values, 'MANAGERS_REFERENCE_AFTER_REVOCATION').dueOn).toBe('2025-11-15');
    const detention = only(values, 'DETENTION_EXPIRY');
    expect(detention.dueOn).toBe('2026-05-14');
    expect(detention.opensOn).toBe('2026-03-15');
    expect(detention.basis).toBe('s17G, s20');

    const referred = computeOrderDeadlines(
      {
        ...revoked,
        tribunalCases: [
          {
            ...openCase,
            kind: 'REFERENCE',
            basis: 's68(7)',
            madeOn: '2025-11-16',
            receivedOn: '2025-11-16',
            status: 'DECIDED',
          },
        ],
      },
      TODAY,
      NOW,
    );
    expect(kinds(referred)).not.toContain('MANAGERS_REFERENCE_AFTER_REVOCATION');

    const dischargedFromSection = computeOrderDeadlines(
      {
        ...revoked,
        revocationDetention: {
          ...(revoked.revocationDetention as NonNullable<
            OrderDeadlineFacts['revocationDetention']
          >),
          ended: true,
        },
      },
      TODAY,
      NOW,
    );
    expect(kinds(dischargedFromSection)).not.toContain('DETENTION_EXPIRY');
  });

  it('gives the nearest relative’s 72 hours, then the 28-day tribunal window once barred (C11)', () => {
    // Received Friday 27 March 2026 at 16:00 GMT: 72 hours later crosses the clock change.
    const receivedAt = new Date('2026-03-27T16:00:00Z');
    const takesEffectAt = new Date('2026-03-30T16:00:00Z');
    const pending = computeOrderDeadlines(
      facts({
        nearestRelativeOrders: [
          { id: 'nr-1', receivedAt, takesEffectAt, outcome: 'PENDING', barringReportOn: null },
        ],
      }),
      '2026-03-28',
      NOW,
    );
    const bar = only(pending, 'NEAREST_RELATIVE_DISCHARGE');
    expect(bar.dueAt?.toISOString()).toBe('2026-03-30T16:00:00.000Z');
    expect(bar.dueOn).toBe('2026-03-30');
    expect(bar.basis).toBe('s23, s25(1)');
    expect(bar.ownerRole).toBe('RESPONSIBLE_CLINICIAN');
    expect(bar.explanation).toContain('barring report (M2)');

    const barred = (today: string) =>
      computeOrderDeadlines(
        facts({
          nearestRelativeOrders: [
            {
              id: 'nr-1',
              receivedAt,
              takesEffectAt,
              outcome: 'BARRED',
              barringReportOn: '2026-03-29',
            },
          ],
        }),
        today,
        NOW,
      );
    const window = only(barred('2026-04-10'), 'NEAREST_RELATIVE_TRIBUNAL_WINDOW');
    // 28 days beginning with Sunday 29 March 2026 end on Saturday 25 April 2026.
    expect(window.opensOn).toBe('2026-03-29');
    expect(window.dueOn).toBe('2026-04-25');
    expect(window.basis).toBe('s66(1)(g), s66(2)(d)');
    expect(kinds(barred('2026-04-10'))).not.toContain('NEAREST_RELATIVE_DISCHARGE');
    expect(kinds(barred('2026-04-25'))).toContain('NEAREST_RELATIVE_TRIBUNAL_WINDOW');
    expect(kinds(barred('2026-04-26'))).not.toContain('NEAREST_RELATIVE_TRIBUNAL_WINDOW');
    // Discharged by the nearest relative, or the order no longer in force: nothing to track.
    const ended = computeOrderDeadlines(
      facts({
        state: 'DISCHARGED',
        nearestRelativeOrders: [
          { id: 'nr-1', receivedAt, takesEffectAt, outcome: 'DISCHARGED', barringReportOn: null },
        ],
      }),
      '2026-03-31',
      NOW,
    );
    expect(ended).toEqual([]);
  });

  it('gives nothing for an order that has ended or was never made', () => {
    for (const state of ['DISCHARGED', 'EXPIRED', 'DIED'] as const) {
      expect(
        computeOrderDeadlines(
          facts({
            state,
            underlying: {
              legalStatusCode: '03',
              applicableDay: '2026-01-12',
              firstMedicationOn: '2025-11-20',
            },
            rightsTriggers: [{ eventId: 'e', kind: 'MAKING', occurredOn: '2025-10-05' }],
          }),
          TODAY,
          NOW,
        ),
      ).toEqual([]);
    }
    expect(
      computeOrderDeadlines(
        facts({
          state: 'PROPOSED',
          madeOn: null,
          currentExpiryDate: null,
          currentPeriodIndex: null,
        }),
        TODAY,
        NOW,
      ),
    ).toEqual([]);
  });

  it('keeps every value explainable: title, basis, explanation and inputs are always filled', () => {
    const values = computeOrderDeadlines(
      facts({
        underlying: {
          legalStatusCode: '03',
          applicableDay: '2026-01-12',
          firstMedicationOn: '2025-11-20',
        },
        rightsTriggers: [{ eventId: 'e', kind: 'MAKING', occurredOn: '2025-10-05' }],
        tribunalCases: [openCase],
      }),
      TODAY,
      NOW,
    );
    expect(values.length).toBeGreaterThanOrEqual(5);
    for (const v of values) {
      expect(v.title.length).toBeGreaterThan(5);
      expect(v.basis.length).toBeGreaterThan(2);
      expect(v.explanation).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/);
      expect(Object.keys(v.inputs).length).toBeGreaterThan(0);
      expect(v.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('the CTO8 after a return from absence without leave (C12, s21B), stored', () => {
  // Absent from 1 March 2026 (before the expiry on 4 April), back on 10 April: more than 28
  // days after the absence began, after the expiry, so s21B applies and a CTO8 is due.
  const episode = {
    id: 'awol-1',
    startedAt: new Date('2026-03-01T09:00:00Z'),
    returnedAt: new Date('2026-04-10T15:00:00Z'),
  };
  const later = new Date('2026-04-11T12:00:00Z');

  it('is the RC’s, due on the day lib/cto gives, with its inputs', () => {
    const values = computeOrderDeadlines(facts({ awolEpisodes: [episode] }), '2026-04-11', later);
    const cto8 = only(values, 'AWOL_EXTENDED_EXPIRY');
    const law = awolAtExpiry({
      expiry: '2026-04-04',
      absentFrom: '2026-03-01',
      returnedOn: '2026-04-10',
    });
    expect(law.applies && law.route).toBe('S21B');
    expect(cto8.dueOn).toBe(law.applies ? law.cto8Due?.date : null);
    expect(cto8.ownerRole).toBe('RESPONSIBLE_CLINICIAN');
    expect(cto8.ownerId).toBe('rc-1');
    expect(cto8.inputs).toMatchObject({ awolEpisodeId: 'awol-1', returnedOn: '2026-04-10' });
  });

  it('is gone once a CTO8 is furnished after the return, and absent while still away', () => {
    const done = computeOrderDeadlines(
      facts({ awolEpisodes: [episode], cto8FurnishedAt: [new Date('2026-04-12T10:00:00Z')] }),
      '2026-04-12',
      later,
    );
    expect(kinds(done)).not.toContain('AWOL_EXTENDED_EXPIRY');
    const away = computeOrderDeadlines(
      facts({ awolEpisodes: [{ ...episode, returnedAt: null }] }),
      '2026-04-11',
      later,
    );
    expect(kinds(away)).not.toContain('AWOL_EXTENDED_EXPIRY');
  });
});
