// Report templates are data (issue 9 §2; docs/decisions/781): one JSON file per document type and
// patient group in ./templates, so the wording can follow the Practice Direction when a legal
// lead checks it without a code change. This file parses them with a schema and picks the one a
// document needs. Pure: no database. A draft keeps a copy of its template (and the version), so
// a signed report never changes when a file here does.
import { z } from 'zod';
import nursingAdult from './templates/nursing-report.adult.json';
import nursingUnder18 from './templates/nursing-report.under-18.json';
import raAdult from './templates/ra-statement.adult.json';
import raUnder18 from './templates/ra-statement.under-18.json';
import rcAdult from './templates/rc-report.adult.json';
import rcUnder18 from './templates/rc-report.under-18.json';
import scrAdult from './templates/social-circumstances.adult.json';
import scrUnder18 from './templates/social-circumstances.under-18.json';

export const REPORT_KINDS = [
  'RESPONSIBLE_AUTHORITY_STATEMENT',
  'RC_REPORT',
  'SOCIAL_CIRCUMSTANCES_REPORT',
  'NURSING_REPORT',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const PATIENT_GROUPS = ['adult', 'under-18'] as const;
export type PatientGroup = (typeof PATIENT_GROUPS)[number];

/** What the record can pre-fill a section with (lib/tribunal/prefill.ts builds each). */
export const PREFILL_SOURCES = [
  'patient-details',
  'language',
  'legal-history',
  'conditions',
  'care-team',
  'nearest-relative',
  'carers',
  's117',
  'previous-tribunals',
  'chronology',
  'social:home-family',
  'social:accommodation',
  'social:finances',
  'social:occupation',
  'social:strengths',
  'contacts',
  'care-activities',
  'quality-of-life',
  'mappa',
  'sources',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

const sectionSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,60}$/, {
    error: 'A section key is lower-case letters, digits and hyphens',
  }),
  heading: z.string().min(3).max(300),
  guidance: z.string().max(600).optional(),
  prefill: z.array(z.enum(PREFILL_SOURCES, { error: 'Unknown pre-fill source' })),
  /** The wording is not yet checked against the Practice Direction. */
  legalReview: z.boolean().optional(),
});

export const reportTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z-]+\.(adult|under-18)$/),
    kind: z.enum(REPORT_KINDS, { error: 'Unknown document kind' }),
    group: z.enum(PATIENT_GROUPS, { error: 'The group is adult or under-18' }),
    version: z.number().int().min(1),
    title: z.string().min(3).max(200),
    generalNote: z.array(z.string().min(1)).min(1),
    legalReviewNote: z.string().min(1),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    for (const s of t.sections) {
      if (seen.has(s.key)) {
        ctx.addIssue({ code: 'custom', path: ['sections'], message: `Section ${s.key} twice` });
      }
      seen.add(s.key);
    }
    if (!t.id.endsWith(`.${t.group}`)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'The id does not name its group' });
    }
  });

export type ReportTemplate = z.infer<typeof reportTemplateSchema>;
export type TemplateSection = ReportTemplate['sections'][number];

/** The template files as they are on disk, unparsed (the unit test parses each). */
export const TEMPLATE_FILES: Record<string, unknown> = {
  'ra-statement.adult': raAdult,
  'ra-statement.under-18': raUnder18,
  'rc-report.adult': rcAdult,
  'rc-report.under-18': rcUnder18,
  'social-circumstances.adult': scrAdult,
  'social-circumstances.under-18': scrUnder18,
  'nursing-report.adult': nursingAdult,
  'nursing-report.under-18': nursingUnder18,
};

const FILE_OF_KIND: Record<ReportKind, string> = {
  RESPONSIBLE_AUTHORITY_STATEMENT: 'ra-statement',
  RC_REPORT: 'rc-report',
  SOCIAL_CIRCUMSTANCES_REPORT: 'social-circumstances',
  NURSING_REPORT: 'nursing-report',
};

/** The patient's group on a day: under 18 on the day the case was received (age from lib/cto). */
export function groupForAge(ageYears: number): PatientGroup {
  return ageYears < 18 ? 'under-18' : 'adult';
}

/** The current template for a document kind and patient group (parsed; throws if a file is bad). */
export function templateFor(kind: ReportKind, group: PatientGroup): ReportTemplate {
  const id = `${FILE_OF_KIND[kind]}.${group}`;
  return reportTemplateSchema.parse(TEMPLATE_FILES[id]);
}

/** A template kept in a draft (JSON from the database), parsed again before use. */
export function parseStoredTemplate(value: unknown): ReportTemplate {
  return reportTemplateSchema.parse(value);
}
