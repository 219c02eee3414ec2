// Report templates are data (issue 9 §2): every file parses with the schema, and every item of
// the community-patient lists in the domain reference (tribunal-reports.md §§1–5) has a section
// in the template for its document, with the under-18 additions in the under-18 templates.
import { describe, expect, it } from 'vitest';
import {
  PATIENT_GROUPS,
  REPORT_KINDS,
  TEMPLATE_FILES,
  groupForAge,
  reportTemplateSchema,
  templateFor,
  type ReportKind,
} from '@/lib/tribunal/templates';

// The items of each community-patient list, in the reference's words (shortened to what a
// heading must say). tribunal-reports.md §1 (RA statement), §2 (RC report), §3 (social
// circumstances), §4 (nursing report, when the patient is an in-patient), §5 (under 18).
const COMMUNITY_LISTS: Record<ReportKind, string[]> = {
  RESPONSIBLE_AUTHORITY_STATEMENT: [
    "The patient's full name, including any other names used in the records",
    'Date of birth, age, and usual place of residence',
    'First language',
    'interpreter',
    'If the patient is deaf',
    'The legal history',
    'The current conditions',
    'The responsible clinician and how long the patient has been under their care',
    'Any other approved clinician',
    'The care co-ordinator',
    "The nearest relative's name and address",
    'whether the patient objects',
    'Any other person who takes a lead role in caring for and supporting the patient',
    'Any deputy or attorney appointed under the Mental Capacity Act 2005',
    'Court of Protection',
    'section 117 after-care duty',
    'The dates and outcomes of all previous tribunal hearings, with reasons',
  ],
  RC_REPORT: [
    "Any factors that may affect the patient's understanding of, or ability to cope with, a hearing",
    'Any adjustments the tribunal could make to deal with the case fairly and justly',
    'Index offence(s) and other relevant forensic history',
    'Dates of previous involvement with mental health services: admissions, discharges and recalls',
    'Reasons for any previous admission or recall',
    'The circumstances leading to the community treatment order being made',
    'Whether the patient now has a mental disorder',
    'Whether the patient has a learning disability',
    'nature or degree',
    'The appropriate and available medical treatment prescribed, provided, offered or planned',
    'Strengths or positive factors',
    'Summary of current progress, behaviour, capacity and insight',
    'compliance with, and likely future willingness to accept medication or other treatment',
    'Incidents of harm, or threats of harm, to self or others',
    'Incidents of damage, or threats of damage, to property',
    'necessary for the patient',
    'section 17E(1) power of recall',
    'would be likely to act in a manner dangerous to self or others',
    'How any risks could be managed effectively in the community',
    'Recommendations to the tribunal, with reasons',
  ],
  SOCIAL_CIRCUMSTANCES_REPORT: [
    'Factors affecting understanding of, or ability to cope with, a hearing',
    'Index offence(s) and relevant forensic history',
    'Chronology of previous involvement with mental health services, including admissions, discharges and recalls',
    'Home and family circumstances',
    'Housing or accommodation',
    'Financial position, including benefit entitlements',
    'Opportunities for employment or occupation',
    'previous response to community support or section 117 after-care',
    'The care pathway and the section 117 after-care',
    'Details of the current or proposed care plan',
    'How adequate or effective the care plan is likely to be',
    'Any funding issues with the care plan',
    'Strengths or positive factors',
    'Summary of current progress, behaviour, compliance and insight',
    'Incidents of harm, or threats of harm, to self or others',
    'Incidents of property damage or threats of damage',
    'views, wishes, beliefs, opinions, hopes and concerns',
    "The nearest relative's views",
    'The views of any other person who takes a lead role in care and support',
    'MAPPA',
    'whether the recall power is needed',
    'how risks could be managed in the community',
    'Any other relevant information',
    'Recommendations, with reasons',
    'Sources of information',
  ],
  NURSING_REPORT: [
    'Factors affecting understanding of, or ability to cope with, a hearing',
    'Adjustments for a fair hearing',
    'The nature of the nursing care and medication currently provided',
    'Current level of observation',
    'Contact with relatives, friends or other patients',
    'What community support the patient has',
    'Strengths or positive factors',
    'Summary of progress, engagement with nursing staff',
    'absence without leave',
    'likely future willingness to accept medication or treatment',
    'Incidents in hospital of harm',
    'Incidents of property damage or threats of damage',
    'seclusion or restraint',
    'justified or necessary',
    'would be likely to act dangerously if discharged',
    'How risks could be managed in the community',
    'Any other relevant information',
    'Recommendations, with reasons',
  ],
};

const UNDER_18_SCR = [
  'The persons with parental responsibility',
  'Which public bodies have liaised, or need to liaise, about section 117 after-care',
  'The outcome of any liaison',
  'multi-agency care plan',
  'funding issues for the care plan',
  'Chronically Sick and Disabled Persons Act 1970',
  "Who will be the patient's care co-ordinator after discharge",
];

const lower = (s: string) => s.toLowerCase();

describe('report templates', () => {
  it('every template file parses with the schema and names its kind and group', () => {
    expect(Object.keys(TEMPLATE_FILES)).toHaveLength(REPORT_KINDS.length * PATIENT_GROUPS.length);
    for (const [id, file] of Object.entries(TEMPLATE_FILES)) {
      const parsed = reportTemplateSchema.safeParse(file);
      expect(parsed.success, `${id}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      if (parsed.success) expect(parsed.data.id).toBe(id);
    }
  });

  it('refuses a template with a section twice or an unknown pre-fill source', () => {
    const good = templateFor('RC_REPORT', 'adult');
    const twice = { ...good, sections: [...good.sections, good.sections[0]] };
    expect(reportTemplateSchema.safeParse(twice).success).toBe(false);
    const unknown = {
      ...good,
      sections: [{ ...good.sections[0], prefill: ['the-weather'] }],
    };
    expect(reportTemplateSchema.safeParse(unknown).success).toBe(false);
  });

  for (const kind of REPORT_KINDS) {
    for (const group of PATIENT_GROUPS) {
      it(`${kind} (${group}) has a section for every item of the community-patient list`, () => {
        const headings = templateFor(kind, group).sections.map((s) => lower(s.heading));
        for (const item of COMMUNITY_LISTS[kind]) {
          expect(
            headings.some((h) => h.includes(lower(item))),
            `no section for “${item}”`,
          ).toBe(true);
        }
      });
    }
  }

  it('the under-18 social circumstances report adds the under-18 items; the adult one does not', () => {
    const child = templateFor('SOCIAL_CIRCUMSTANCES_REPORT', 'under-18').sections.map((s) =>
      lower(s.heading),
    );
    const adult = templateFor('SOCIAL_CIRCUMSTANCES_REPORT', 'adult').sections.map((s) =>
      lower(s.heading),
    );
    for (const item of UNDER_18_SCR) {
      expect(
        child.some((h) => h.includes(lower(item))),
        item,
      ).toBe(true);
      expect(
        adult.some((h) => h.includes(lower(item))),
        item,
      ).toBe(false);
    }
  });

  it('picks the group by age', () => {
    expect(groupForAge(17)).toBe('under-18');
    expect(groupForAge(18)).toBe('adult');
  });
});
