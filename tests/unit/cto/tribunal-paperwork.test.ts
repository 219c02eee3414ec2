// Tribunal and managers' hearing paperwork rules (lib/cto/tribunal-paperwork.ts, issue 9 part 1).
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkHearingListing,
  checkManagersPanel,
  checkSecondApplication,
  documentLateness,
  londonInstant,
  moveTribunalDocument,
  paperDecision,
  requiredTribunalDocuments,
  tribunalPaperwork,
} from '@/lib/cto';

describe('the documents a case needs (r32(6))', () => {
  it('is the statement, the RC’s report and the social circumstances report', () => {
    expect(requiredTribunalDocuments({ patientIsInpatient: false }).map((d) => d.kind)).toEqual([
      'RESPONSIBLE_AUTHORITY_STATEMENT',
      'RC_REPORT',
      'SOCIAL_CIRCUMSTANCES_REPORT',
    ]);
  });
  it('adds a nursing report when the patient is an in-patient at the time', () => {
    const docs = requiredTribunalDocuments({ patientIsInpatient: true });
    expect(docs.map((d) => d.kind)).toContain('NURSING_REPORT');
    expect(docs.find((d) => d.kind === 'RC_REPORT')?.author).toBe('RESPONSIBLE_CLINICIAN');
    expect(docs.find((d) => d.kind === 'SOCIAL_CIRCUMSTANCES_REPORT')?.author).toBe(
      'CARE_COORDINATOR',
    );
  });
  it('reuses the r32(6) due date: Boxing Day substitute day moves it on', () => {
    // Received 7 December 2026: 3 weeks is Monday 28 December, the Boxing Day substitute day.
    const { due } = tribunalPaperwork('2026-12-07', { patientIsInpatient: false });
    expect(due.date).toBe('2026-12-29');
  });
});

describe('moving a document through its steps', () => {
  it('goes forward, may skip steps, and may go back only from ready to drafting', () => {
    expect(moveTribunalDocument('REQUESTED', 'DRAFTING').ok).toBe(true);
    expect(moveTribunalDocument('REQUESTED', 'SENT').ok).toBe(true);
    expect(moveTribunalDocument('READY_FOR_SIGN_OFF', 'DRAFTING').ok).toBe(true);
    expect(moveTribunalDocument('SIGNED', 'DRAFTING')).toMatchObject({
      ok: false,
      code: 'DOCUMENT_STEP_BACK',
    });
    expect(moveTribunalDocument('SENT', 'SIGNED')).toMatchObject({
      ok: false,
      code: 'DOCUMENT_ALREADY_SENT',
    });
    expect(moveTribunalDocument('DRAFTING', 'DRAFTING')).toMatchObject({ ok: false });
  });
});

describe('late documents (by 5pm on the due day)', () => {
  it('is on time up to 5pm on the due day', () => {
    expect(documentLateness('2026-12-29', londonInstant('2026-12-29', 17, 0)).late).toBe(false);
  });
  it('is hours late after 5pm the same day', () => {
    const l = documentLateness('2026-12-29', londonInstant('2026-12-29', 19, 30));
    expect(l).toMatchObject({ late: true, daysLate: 0, minutesLate: 150 });
    expect(l.describe).toBe('2 hours late (after 5pm on the due day)');
  });
  it('counts calendar days late after the due day', () => {
    const l = documentLateness('2026-12-29', londonInstant('2027-01-04', 9, 0));
    expect(l).toMatchObject({ late: true, daysLate: 6, describe: '6 days late' });
    expect(documentLateness('2026-12-29', londonInstant('2026-12-30', 9, 0)).describe).toBe(
      '1 day late',
    );
  });
});

describe('diarising a listed hearing (HESC r37)', () => {
  const now = new Date('2026-12-07T15:00:00Z');
  it('accepts a future date and time', () => {
    expect(checkHearingListing({ scheduledAt: londonInstant('2027-01-12', 10, 0), now }).ok).toBe(
      true,
    );
  });
  it('refuses a time already past', () => {
    expect(
      checkHearingListing({ scheduledAt: new Date('2026-12-07T14:59:00Z'), now }),
    ).toMatchObject({ ok: false, code: 'HEARING_NOT_IN_FUTURE' });
  });
  it('refuses a hearing before the case was received', () => {
    expect(
      checkHearingListing({
        scheduledAt: londonInstant('2027-01-12', 10, 0),
        now,
        caseReceivedOn: '2027-02-01',
      }),
    ).toMatchObject({ ok: false, code: 'HEARING_BEFORE_CASE' });
  });
});

describe('a second application in the same period (s77(2))', () => {
  const period = { start: '2026-07-01', end: '2026-12-31' };
  const first = {
    kind: 'APPLICATION' as const,
    applicant: 'PATIENT',
    receivedOn: '2026-08-01',
    withdrawn: false,
  };
  it('refuses a second application by the same person', () => {
    expect(
      checkSecondApplication({
        kind: 'APPLICATION',
        applicant: 'PATIENT',
        receivedOn: '2026-10-01',
        period,
        existing: [first],
      }),
    ).toMatchObject({ ok: false, code: 'SECOND_APPLICATION_IN_PERIOD' });
  });
  it('disregards a withdrawn application', () => {
    const r = checkSecondApplication({
      kind: 'APPLICATION',
      applicant: 'PATIENT',
      receivedOn: '2026-10-01',
      period,
      existing: [{ ...first, withdrawn: true }],
    });
    expect(r).toMatchObject({ ok: true, warnings: [] });
  });
  it('warns, without refusing, about a reference or another applicant in the period', () => {
    const r = checkSecondApplication({
      kind: 'REFERENCE',
      applicant: 'HOSPITAL_MANAGERS',
      receivedOn: '2026-10-01',
      period,
      existing: [first],
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]?.code).toBe('CASE_ALREADY_IN_PERIOD');
    const nr = checkSecondApplication({
      kind: 'APPLICATION',
      applicant: 'NEAREST_RELATIVE',
      receivedOn: '2026-10-01',
      period,
      existing: [first],
    });
    expect(nr.ok).toBe(true);
  });
  it('allows the same person again in the next period', () => {
    expect(
      checkSecondApplication({
        kind: 'APPLICATION',
        applicant: 'PATIENT',
        receivedOn: '2027-02-01',
        period: { start: '2027-01-01', end: '2027-12-31' },
        existing: [first],
      }),
    ).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('a rule 35 paper decision', () => {
  const base = {
    kind: 'REFERENCE' as const,
    basis: 's68(6)',
    communityPatient: true,
    ageOnReceipt: 30,
    writtenStatementReceived: true,
  };
  it('is possible for a s68 reference of a community patient aged 18+ with a written statement', () => {
    const p = paperDecision(base);
    expect(p.possible).toBe(true);
    expect(p.legalReview).toMatch(/not yet been checked/);
    expect(p.ruleText).toMatch(/Rule 35\(3\)/);
  });
  it('says what is missing otherwise', () => {
    expect(paperDecision({ ...base, kind: 'APPLICATION', basis: 's66(1)(ca)' }).missing[0]).toMatch(
      /section 68/,
    );
    expect(paperDecision({ ...base, ageOnReceipt: 17 }).missing).toEqual([
      'the patient is under 18',
    ]);
    expect(paperDecision({ ...base, writtenStatementReceived: false }).possible).toBe(false);
    expect(paperDecision({ ...base, communityPatient: false }).possible).toBe(false);
  });
  it('counts age on the day', () => {
    expect(ageOn('2008-12-08', '2026-12-07')).toBe(17);
    expect(ageOn('2008-12-07', '2026-12-07')).toBe(18);
  });
});

describe('a hospital managers’ panel (s23(4))', () => {
  it('needs at least three different members', () => {
    expect(checkManagersPanel(['A Smith', 'B Jones'])).toMatchObject({
      ok: false,
      code: 'PANEL_TOO_SMALL',
    });
    expect(checkManagersPanel(['A Smith', ' a  smith ', 'B Jones']).ok).toBe(false);
    expect(checkManagersPanel(['', '  ', 'x']).ok).toBe(false);
    const ok = checkManagersPanel([' A  Smith', 'B Jones', 'C Patel', '']);
    expect(ok).toMatchObject({ ok: true, value: ['A Smith', 'B Jones', 'C Patel'] });
  });
});
