// The renewal as a task list (issue 8 §2): each step's status and what was recorded, so a
// finished step reads as done, never as a blank form again.
import { describe, expect, it } from 'vitest';
import { renewalSteps, type RenewalRecord } from '@/lib/ui/renewal-steps';

const none: RenewalRecord = {
  examinedOn: null,
  examinedBy: null,
  consultedOn: null,
  consulteeName: null,
  consulteeRole: null,
  cto7FurnishedAt: null,
  managersReceivedAt: null,
  managersReviewedOn: null,
  managersReviewOutcome: null,
  agreements: [],
};

const statuses = (record: RenewalRecord | null) => renewalSteps(record).map((s) => s.status);

describe('renewalSteps', () => {
  it('nothing recorded: the examination and consultation to start, the rest cannot start', () => {
    expect(statuses(null)).toEqual([
      'NOT_STARTED',
      'NOT_STARTED',
      'CANNOT_START',
      'CANNOT_START',
      'CANNOT_START',
      'CANNOT_START',
    ]);
    expect(renewalSteps(null).map((s) => s.key)).toEqual([
      'examination',
      'consultation',
      'amhp',
      'cto7',
      'managers-receipt',
      'managers-review',
    ]);
  });

  it('examined and consulted, the AMHP asked: done steps say what was recorded', () => {
    const steps = renewalSteps({
      ...none,
      examinedOn: '3 March 2027',
      examinedBy: 'Dr Ada Rahman',
      consultedOn: '4 March 2027',
      consulteeName: 'Sam Okafor',
      consulteeRole: 'Community psychiatric nurse',
      agreements: [{ amhpName: 'Jo AMHP', decision: 'PENDING', respondedAt: null, reasons: null }],
    });
    expect(steps[0]).toMatchObject({
      status: 'COMPLETED',
      recorded: 'Examined on 3 March 2027 by Dr Ada Rahman',
    });
    expect(steps[1]).toMatchObject({
      status: 'COMPLETED',
      recorded: 'Sam Okafor (Community psychiatric nurse) consulted on 4 March 2027',
    });
    expect(steps[2]).toMatchObject({
      status: 'IN_PROGRESS',
      recorded: 'Jo AMHP asked, not answered yet',
    });
    expect(steps[3]?.status).toBe('CANNOT_START');
  });

  it('an AMHP who declined: ask another; one who agreed makes the CTO7 ready', () => {
    const declined = renewalSteps({
      ...none,
      examinedOn: '3 March 2027',
      agreements: [
        { amhpName: 'Jo AMHP', decision: 'DECLINED', respondedAt: 'x', reasons: 'Not met' },
      ],
    });
    expect(declined[2]).toMatchObject({ status: 'NOT_STARTED' });
    expect(declined[2]?.recorded).toContain('did not agree: “Not met”');
    const agreed = renewalSteps({
      ...none,
      examinedOn: '3 March 2027',
      consultedOn: '4 March 2027',
      agreements: [
        { amhpName: 'Jo AMHP', decision: 'AGREED', respondedAt: '5 March 2027', reasons: null },
      ],
    });
    expect(agreed[2]).toMatchObject({
      status: 'COMPLETED',
      recorded: 'Jo AMHP agreed on 5 March 2027',
    });
    expect(agreed[3]?.status).toBe('NOT_STARTED');
  });

  it('furnished, received and reviewed: every step done', () => {
    expect(
      statuses({
        ...none,
        examinedOn: 'a',
        consultedOn: 'b',
        agreements: [{ amhpName: 'J', decision: 'AGREED', respondedAt: null, reasons: null }],
        cto7FurnishedAt: '6 March 2027 at 10:00 GMT',
        managersReceivedAt: '6 March 2027 at 11:00 GMT',
        managersReviewedOn: '20 March 2027',
        managersReviewOutcome: 'CONTINUE',
      }),
    ).toEqual(Array(6).fill('COMPLETED'));
  });
});
