// The pre-fill builder (issue 9 §2): each section is written from the record with its sources
// named; the social factors say how each domain moved; a draft keeps saved text over the
// pre-fill and the document content says DRAFT until signed.
import { describe, expect, it } from 'vitest';
import { mergeDraft, reportContent } from '@/lib/tribunal/draft';
import { paragraphsOf, prefillReport, type ReportRecord } from '@/lib/tribunal/prefill';
import { templateFor } from '@/lib/tribunal/templates';

function record(overrides: Partial<ReportRecord> = {}): ReportRecord {
  return {
    asOf: '2026-12-07',
    patient: {
      name: 'Ada Example',
      otherNames: 'Ada Sample',
      dateOfBirth: '1980-05-01',
      ageYears: 46,
      address: '1 High Street, Brighton, BN1 1AA',
      firstLanguage: 'Polish',
      interpreterNeeded: true,
      interpreterLanguage: 'Polish',
      maritalStatus: 'SINGLE',
      accommodationStatus: 'SETTLED_MAINSTREAM_HOUSING',
      employmentStatus: 'UNEMPLOYED',
      mappa: { category: null, level: null },
      s117LocalAuthority: 'Brighton and Hove City Council',
      s117Icb: 'NHS Sussex ICB',
    },
    order: { madeOn: '2025-03-04', state: 'In force', responsibleHospital: 'Mill View Hospital' },
    chronology: [
      {
        on: '2025-01-02',
        kind: 'legal-status',
        title: 'Detained: section 3',
        detail: null,
        form: null,
      },
      { on: '2025-03-04', kind: 'order', title: 'Order made', detail: null, form: 'CTO1' },
      {
        on: '2025-08-10',
        kind: 'recall',
        title: 'Recall notice served',
        detail: null,
        form: 'CTO3',
      },
    ],
    conditions: [
      {
        mandatory: true,
        wording: 'Make yourself available for examination',
        since: '2025-03-04',
        suspended: false,
      },
      { mandatory: false, wording: 'Live at 1 High Street', since: '2025-03-04', suspended: true },
    ],
    careTeam: {
      rc: { name: 'Dr Rhea Clinician', since: '2025-01-02' },
      careCoordinator: { name: 'Cal Coordinator', since: '2025-02-01' },
      formerRcs: [],
    },
    nearestRelative: {
      name: 'Nora Example',
      relationship: 'Mother',
      address: '2 Low Road',
      patientObjects: true,
      displacedByCourt: false,
    },
    carers: [{ name: 'Sam Friend', relationship: 'Friend' }],
    socialAssessments: [
      {
        assessedOn: '2025-03-01',
        decisionPoint: 'MAKING',
        ratings: [
          { domain: 'ACCOMMODATION', rating: 'SERIOUS_CONCERN', notes: null },
          { domain: 'FINANCES_AND_BENEFITS', rating: 'SOME_CONCERN', notes: null },
        ],
      },
      {
        assessedOn: '2026-02-01',
        decisionPoint: 'EXTENSION',
        ratings: [
          { domain: 'ACCOMMODATION', rating: 'NO_CONCERN', notes: 'Settled in a flat.' },
          { domain: 'FINANCES_AND_BENEFITS', rating: 'SERIOUS_CONCERN', notes: null },
          { domain: 'RELATIONSHIPS_AND_FAMILY', rating: 'STRENGTH', notes: null },
        ],
      },
    ],
    contacts: [
      { on: '2026-12-01', mode: 'HOME_VISIT', staff: 'Cal Coordinator', summary: 'Well.' },
    ],
    careActivities: [
      {
        kind: 'MEDICATION',
        description: 'Depot every 2 weeks',
        startedOn: '2025-03-04',
        endedOn: null,
      },
    ],
    qualityOfLife: [
      { ratedOn: '2026-06-01', instrument: 'ReQoL-10', score: 24, maxScore: 40, selfRated: true },
    ],
    previousTribunals: [
      {
        receivedOn: '2025-04-01',
        kind: 'APPLICATION',
        basis: 's66(1)(ca)',
        status: 'DECIDED',
        hearings: [{ heldOn: '2025-05-01', outcome: 'NOT_DISCHARGED' }],
      },
    ],
    ...overrides,
  };
}

const section = (kind: Parameters<typeof templateFor>[0], key: string, r = record()) => {
  const found = prefillReport(templateFor(kind, 'adult'), r).find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
};

describe('pre-filling a report from the record', () => {
  it('the statement: legal history with its forms, conditions in force, NR and the objection, language, s117', () => {
    const legal = section('RESPONSIBLE_AUTHORITY_STATEMENT', 'legal-history');
    expect(legal.text).toContain('The community treatment order was made on 4 March 2025');
    expect(legal.text).toContain('10 August 2025: Recall notice served (CTO3)');
    expect(legal.sources.join(' ')).toMatch(/events and statutory forms/);
    const conditions = section('RESPONSIBLE_AUTHORITY_STATEMENT', 'conditions');
    expect(conditions.text).toContain(
      'Mandatory condition (section 17B(3)): Make yourself available',
    );
    expect(conditions.text).toContain('suspended at present');
    const nr = section('RESPONSIBLE_AUTHORITY_STATEMENT', 'nearest-relative');
    expect(nr.text).toContain('Nora Example (Mother), 2 Low Road');
    expect(nr.text).toContain('The patient objects to the nearest relative being contacted');
    expect(section('RESPONSIBLE_AUTHORITY_STATEMENT', 'first-language').text).toContain(
      'An interpreter is needed (Polish)',
    );
    const s117 = section('RESPONSIBLE_AUTHORITY_STATEMENT', 's117-authorities');
    expect(s117.text).toContain('Brighton and Hove City Council');
    expect(s117.text).toContain('NHS Sussex ICB');
    expect(section('RESPONSIBLE_AUTHORITY_STATEMENT', 'previous-tribunals').text).toContain(
      'received 1 April 2025; heard on 1 May 2025: not discharged',
    );
  });

  it('the social circumstances report says how each domain moved, with the assessments as sources', () => {
    const home = section('SOCIAL_CIRCUMSTANCES_REPORT', 'accommodation');
    expect(home.text).toContain(
      'Accommodation: no concern at the assessment of 1 February 2026 (better since 1 March 2025, when it was serious concern). Settled in a flat.',
    );
    expect(home.sources).toContain('Social factors assessment of 1 March 2025 (making)');
    const money = section('SOCIAL_CIRCUMSTANCES_REPORT', 'finances');
    expect(money.text).toContain('(worse since 1 March 2025, when it was some concern)');
    expect(section('SOCIAL_CIRCUMSTANCES_REPORT', 'strengths').text).toContain(
      'relationships and family',
    );
    expect(section('SOCIAL_CIRCUMSTANCES_REPORT', 'strengths').text).toContain(
      'ReQoL-10 24 out of 40',
    );
  });

  it('the RC report has the chronology, contacts and treatment from the record', () => {
    expect(section('RC_REPORT', 'previous-involvement').text.split('\n\n')).toEqual([
      '2 January 2025: Detained: section 3.',
      '4 March 2025: Order made (CTO1).',
      '10 August 2025: Recall notice served (CTO3).',
    ]);
    expect(section('RC_REPORT', 'progress').text).toContain(
      '1 December 2026, home visit with Cal Coordinator: Well.',
    );
    expect(section('RC_REPORT', 'treatment').text).toContain('Medication: Depot every 2 weeks');
    // Nothing in the record: empty text, no sources.
    expect(section('RC_REPORT', 'recommendations')).toMatchObject({ text: '', sources: [] });
  });

  it('names a form once when the event label already names it, as the recorded labels do', () => {
    const r = record({
      chronology: [
        { on: '2025-03-04', kind: 'order', title: 'Order made (CTO1)', detail: null, form: 'CTO1' },
        {
          on: '2025-08-10',
          kind: 'recall',
          title: 'Recall notice served',
          detail: null,
          form: 'CTO3',
        },
      ],
    });
    expect(section('RC_REPORT', 'previous-involvement', r).text.split('\n\n')).toEqual([
      '4 March 2025: Order made (CTO1).',
      '10 August 2025: Recall notice served (CTO3).',
    ]);
    expect(section('RESPONSIBLE_AUTHORITY_STATEMENT', 'legal-history', r).text).toContain(
      '4 March 2025: Order made (CTO1).',
    );
    expect(section('RESPONSIBLE_AUTHORITY_STATEMENT', 'legal-history', r).text).not.toContain(
      '(CTO1) (CTO1)',
    );
  });

  it('says so when there is no nearest relative or previous tribunal', () => {
    const r = record({ nearestRelative: null, previousTribunals: [] });
    expect(section('RESPONSIBLE_AUTHORITY_STATEMENT', 'nearest-relative', r).text).toBe(
      'No nearest relative is recorded.',
    );
    expect(section('RESPONSIBLE_AUTHORITY_STATEMENT', 'previous-tribunals', r).text).toContain(
      'No previous tribunal',
    );
  });
});

describe('a draft as it stands', () => {
  const template = templateFor('RC_REPORT', 'adult');
  const prefill = prefillReport(template, record());

  it('keeps the latest saved text over the pre-fill, with its history newest first', () => {
    const merged = mergeDraft(template, prefill, [
      { sectionKey: 'progress', version: 1, text: 'First', savedByName: 'A', savedAt: new Date(1) },
      {
        sectionKey: 'progress',
        version: 2,
        text: 'Second',
        savedByName: 'B',
        savedAt: new Date(2),
      },
    ]);
    const progress = merged.find((s) => s.key === 'progress')!;
    expect(progress).toMatchObject({ text: 'Second', version: 2 });
    expect(progress.history.map((h) => h.savedByName)).toEqual(['B', 'A']);
    const untouched = merged.find((s) => s.key === 'previous-involvement')!;
    expect(untouched.version).toBe(0);
    expect(untouched.text).toContain('Order made (CTO1)');
    expect(merged.map((s) => s.number)).toEqual(template.sections.map((_, i) => i + 1));
  });

  it('becomes document content: numbered sections as paragraphs, sources, DRAFT until signed', () => {
    const sections = mergeDraft(template, prefill, []);
    const patient = { name: 'Ada Example', dateOfBirth: '1980-05-01', nhsNumber: '9434765919' };
    const draft = reportContent({
      template,
      sections,
      patient,
      signatures: { signed: null, countersigned: null },
      withheldFromPatient: false,
      final: false,
    });
    expect(draft.draft).toBe(true);
    expect(draft.sections.map((s) => s.heading)).toEqual(template.sections.map((s) => s.heading));
    const signed = reportContent({
      template,
      sections,
      patient,
      signatures: {
        signed: { name: 'Dr X', role: 'Specialty doctor', on: '2026-12-07' },
        countersigned: { name: 'Dr Rhea Clinician', role: 'Consultant', on: '2026-12-08' },
      },
      withheldFromPatient: true,
      final: true,
    });
    expect(signed.draft).toBe(false);
    expect(signed.withheldFromPatient).toBe(true);
    expect(signed.signatures.map((s) => s.kind)).toEqual(['SIGNED', 'COUNTERSIGNED']);
    // Rule 14: the document ends by saying it is withheld, and names the part and the reason.
    const last = signed.sections.at(-1)!;
    expect(signed.sections).toHaveLength(template.sections.length + 1);
    expect(last.heading).toBe('Withheld from the patient (tribunal rule 14)');
    expect(last.paragraphs[0]).toMatch(/should not be disclosed to the patient/);
    const withReason = reportContent({
      template,
      sections,
      patient,
      signatures: { signed: null, countersigned: null },
      withheldFromPatient: true,
      withheldReason: 'Section 6, paragraph 2.\n\nIt names a neighbour.',
      final: false,
    });
    expect(withReason.sections.at(-1)!.paragraphs.slice(1)).toEqual([
      'Section 6, paragraph 2.',
      'It names a neighbour.',
    ]);
  });

  it('splits text into paragraphs at blank lines', () => {
    expect(paragraphsOf('One\n\n  \nTwo\nstill two\n\n')).toEqual(['One', 'Two\nstill two']);
  });
});
