// The structured social factors assessment that goes with every decision about an order
// (making, extension, recall, revocation, discharge) and with a standalone review.
// Stroud et al. found that housing, relationships, activities, isolation and the relationship
// with the care coordinator shape decisions to discharge, renew and recall: each domain is
// rated, with how significant it was in this decision and notes (issue 5, part 2).
//
// Form field names (formToObject turns dots into objects):
//   social.ACCOMMODATION.rating       one of SOCIAL_RATINGS
//   social.ACCOMMODATION.significance one of DECISION_SIGNIFICANCES
//   social.ACCOMMODATION.notes        optional, at most 2000 characters
//   social.summary                    optional, at most 4000 characters
// Compose it into a decision's schema as `z.object({ ..., social: socialFactorsSchema })`
// (or spread `socialFactorsShape`); its field errors come back as `social.ACCOMMODATION.rating`.
import { z } from 'zod';
import type {
  DecisionSignificance,
  SocialDomain,
  SocialRating,
} from '@/lib/generated/prisma/enums';
import { dateInput, idempotencyKey, optionalText } from './common';

/** The 11 domains, in the order forms, charts and tables show them. */
export const SOCIAL_DOMAINS = [
  'ACCOMMODATION',
  'RELATIONSHIPS_AND_FAMILY',
  'ACTIVITIES_AND_OCCUPATION',
  'EMPLOYMENT_AND_EDUCATION',
  'FINANCES_AND_BENEFITS',
  'SUBSTANCE_USE',
  'PHYSICAL_HEALTH',
  'ISOLATION',
  'RELATIONSHIP_WITH_CARE_TEAM',
  'CARER_INVOLVEMENT',
  'CULTURE_AND_FAITH',
] as const satisfies readonly SocialDomain[];

/** Best to worst, then "not assessed". */
export const SOCIAL_RATINGS = [
  'STRENGTH',
  'NO_CONCERN',
  'SOME_CONCERN',
  'SERIOUS_CONCERN',
  'NOT_ASSESSED',
] as const satisfies readonly SocialRating[];

export const DECISION_SIGNIFICANCES = [
  'NOT_RELEVANT',
  'MINOR',
  'MODERATE',
  'MAJOR',
] as const satisfies readonly DecisionSignificance[];

// The compiler checks that the lists above hold every value of the Prisma enums.
type Missing<All extends string, Listed extends readonly string[]> = Exclude<All, Listed[number]>;
const everyDomain: Missing<SocialDomain, typeof SOCIAL_DOMAINS> extends never ? true : false = true;
const everyRating: Missing<SocialRating, typeof SOCIAL_RATINGS> extends never ? true : false = true;
const everySignificance: Missing<DecisionSignificance, typeof DECISION_SIGNIFICANCES> extends never
  ? true
  : false = true;
void [everyDomain, everyRating, everySignificance];

export const SOCIAL_NOTES_MAX = 2000;
export const SOCIAL_SUMMARY_MAX = 4000;

/**
 * How each domain reads in a sentence: the error messages use them ("Select how the patient's
 * accommodation is", "Select how significant accommodation was in this decision").
 */
export const SOCIAL_DOMAIN_MESSAGES: Record<
  SocialDomain,
  { rating: string; significance: string; notes: string }
> = {
  ACCOMMODATION: {
    rating: "Select how the patient's accommodation is",
    significance: 'Select how significant accommodation was in this decision',
    notes: 'Notes about accommodation',
  },
  RELATIONSHIPS_AND_FAMILY: {
    rating: "Select how the patient's relationships and family are",
    significance: 'Select how significant relationships and family were in this decision',
    notes: 'Notes about relationships and family',
  },
  ACTIVITIES_AND_OCCUPATION: {
    rating: "Select how the patient's activities and occupation are",
    significance: 'Select how significant activities and occupation were in this decision',
    notes: 'Notes about activities and occupation',
  },
  EMPLOYMENT_AND_EDUCATION: {
    rating: "Select how the patient's work and education are",
    significance: 'Select how significant work and education were in this decision',
    notes: 'Notes about work and education',
  },
  FINANCES_AND_BENEFITS: {
    rating: "Select how the patient's money and benefits are",
    significance: 'Select how significant money and benefits were in this decision',
    notes: 'Notes about money and benefits',
  },
  SUBSTANCE_USE: {
    rating: "Select how the patient's use of alcohol and drugs is",
    significance: 'Select how significant alcohol and drugs were in this decision',
    notes: 'Notes about alcohol and drugs',
  },
  PHYSICAL_HEALTH: {
    rating: "Select how the patient's physical health is",
    significance: 'Select how significant physical health was in this decision',
    notes: 'Notes about physical health',
  },
  ISOLATION: {
    rating: 'Select how things are for the patient with loneliness and isolation',
    significance: 'Select how significant loneliness and isolation were in this decision',
    notes: 'Notes about loneliness and isolation',
  },
  RELATIONSHIP_WITH_CARE_TEAM: {
    rating: "Select how the patient's relationship with the care team is",
    significance: 'Select how significant the relationship with the care team was in this decision',
    notes: 'Notes about the relationship with the care team',
  },
  CARER_INVOLVEMENT: {
    rating: 'Select how carer involvement is for the patient',
    significance: 'Select how significant carer involvement was in this decision',
    notes: 'Notes about carer involvement',
  },
  CULTURE_AND_FAITH: {
    rating: "Select how the patient's culture and faith needs are met",
    significance: 'Select how significant culture and faith were in this decision',
    notes: 'Notes about culture and faith',
  },
};

// A missing object (nothing ticked at all) is read as empty, so every field gets its own
// message rather than one "invalid input" for the whole group.
const objectOrEmpty = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};

function domainSchema(domain: SocialDomain) {
  const messages = SOCIAL_DOMAIN_MESSAGES[domain];
  return z.preprocess(
    objectOrEmpty,
    z.object({
      rating: z.enum(SOCIAL_RATINGS, { error: messages.rating }),
      significance: z.enum(DECISION_SIGNIFICANCES, { error: messages.significance }),
      notes: optionalText(messages.notes.toLowerCase(), SOCIAL_NOTES_MAX),
    }),
  );
}

const domainShape = Object.fromEntries(
  SOCIAL_DOMAINS.map((domain) => [domain, domainSchema(domain)]),
) as { [D in SocialDomain]: ReturnType<typeof domainSchema> };

/** The value at `social`: one entry per domain, and an optional summary. */
export const socialFactorsSchema = z.preprocess(
  objectOrEmpty,
  z.object({
    ...domainShape,
    summary: optionalText('the summary of social factors', SOCIAL_SUMMARY_MAX),
  }),
);

/** Spread into a decision's z.object: `z.object({ ...socialFactorsShape, reasons: ... })`. */
export const socialFactorsShape = { social: socialFactorsSchema };

/** A standalone review of the social factors (decision point REVIEW). */
export const socialReviewSchema = z.object({
  assessedOn: z.preprocess(objectOrEmpty, dateInput('the date of the review')),
  social: socialFactorsSchema,
  idempotencyKey,
});

export type SocialFactorsInput = z.infer<typeof socialFactorsSchema>;
export type SocialDomainEntry = SocialFactorsInput[SocialDomain];
export type SocialReviewInput = z.infer<typeof socialReviewSchema>;

export interface SocialRatingRow {
  domain: SocialDomain;
  rating: SocialRating;
  significance: DecisionSignificance;
  notes: string | null;
}

/** The parsed assessment as one row per domain, in SOCIAL_DOMAINS order. */
export function socialRatingRows(input: SocialFactorsInput): SocialRatingRow[] {
  return SOCIAL_DOMAINS.map((domain) => ({
    domain,
    rating: input[domain].rating,
    significance: input[domain].significance,
    notes: input[domain].notes ?? null,
  }));
}

/** Field name for a domain's part, as the fieldset and the field errors spell it. */
export function socialFieldName(
  domain: SocialDomain,
  part: 'rating' | 'significance' | 'notes',
): string {
  return `social.${domain}.${part}`;
}

/**
 * The social.* fields of a submitted form, for FormState.values: a refused submission shows
 * what was sent (SocialFactorsFieldset reads them back instead of the last assessment).
 */
export function socialFormValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && name.startsWith('social.')) values[name] = value;
  }
  return values;
}
