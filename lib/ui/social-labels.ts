// Words and symbols for the social factors, contacts and quality-of-life screens, beyond the
// enum labels in lib/codes/labels.ts (which these reuse). Pure: no React, no server code, so
// client components, server pages and unit tests can all import it.
import type {
  DecisionPoint,
  DecisionSignificance,
  SocialDomain,
  SocialRating,
} from '@/lib/generated/prisma/enums';
import {
  DECISION_SIGNIFICANCE_LABELS,
  SOCIAL_DOMAIN_LABELS,
  SOCIAL_RATING_LABELS,
} from '@/lib/codes/labels';
import { SOCIAL_DOMAINS, socialFieldName } from '@/lib/schemas/social-factors';

export { DECISION_SIGNIFICANCE_LABELS, SOCIAL_DOMAIN_LABELS, SOCIAL_RATING_LABELS };

/** What to think about for each domain (the hint under its heading). */
export const SOCIAL_DOMAIN_HINTS: Record<SocialDomain, string> = {
  ACCOMMODATION: 'Where they live, whether it is settled and safe, risk of losing it.',
  RELATIONSHIPS_AND_FAMILY: 'Partner, family and friends: support, conflict, contact.',
  ACTIVITIES_AND_OCCUPATION: 'How they spend their days: groups, hobbies, volunteering, routine.',
  EMPLOYMENT_AND_EDUCATION: 'Paid work, study or training, and any plans for them.',
  FINANCES_AND_BENEFITS: 'Income, benefits, debts, managing money.',
  SUBSTANCE_USE: 'Use of alcohol or drugs and its effect on their health and safety.',
  PHYSICAL_HEALTH: 'Long-term conditions, side effects, GP and health checks.',
  ISOLATION: 'Time alone, loneliness, whether they have people to turn to.',
  RELATIONSHIP_WITH_CARE_TEAM:
    'Trust and engagement with the care coordinator and the team, continuity of staff.',
  CARER_INVOLVEMENT: 'Whether a carer is involved, their views, and the support they need.',
  CULTURE_AND_FAITH: 'Cultural, religious or community needs and whether they are met.',
};

/** Rating option hints in the fieldset. */
export const SOCIAL_RATING_HINTS: Record<SocialRating, string> = {
  STRENGTH: 'Helps the patient stay well',
  NO_CONCERN: 'Nothing to note',
  SOME_CONCERN: 'A problem that needs some support',
  SERIOUS_CONCERN: 'A serious problem affecting their health or safety',
  NOT_ASSESSED: 'Could not be assessed this time',
};

/** Shorter significance labels for tight places (tables, summaries). */
export const SIGNIFICANCE_SHORT_LABELS: Record<DecisionSignificance, string> = {
  NOT_RELEVANT: 'Not relevant',
  MINOR: 'Minor',
  MODERATE: 'Moderate',
  MAJOR: 'Major',
};

/**
 * The chart never relies on colour alone (WCAG 1.4.1): each rating has a symbol and a short
 * text code as well as a colour, and a table gives the same data.
 * Colours are NHS palette colours; every cell also has a grey outline, so the pale ones (yellow,
 * grey) keep their edge against a white page (WCAG 1.4.11).
 */
export const SOCIAL_RATING_STYLE: Record<
  SocialRating,
  { symbol: string; code: string; fill: string; text: string; score: number | null }
> = {
  STRENGTH: { symbol: '★', code: 'S', fill: '#007f3b', text: '#ffffff', score: 2 },
  NO_CONCERN: { symbol: '●', code: 'N', fill: '#005eb8', text: '#ffffff', score: 1 },
  SOME_CONCERN: { symbol: '▲', code: 'C', fill: '#ffeb3b', text: '#212b32', score: -1 },
  SERIOUS_CONCERN: { symbol: '◆', code: 'X', fill: '#d5281b', text: '#ffffff', score: -2 },
  NOT_ASSESSED: { symbol: '?', code: '–', fill: '#e8edee', text: '#212b32', score: null },
};

/** "this recall", "this review": how a form names the decision it belongs to. */
export const DECISION_POINT_PHRASES: Record<DecisionPoint, string> = {
  MAKING: 'making this order',
  EXTENSION: 'this extension',
  RECALL: 'this recall',
  REVOCATION: 'this revocation',
  DISCHARGE: 'this discharge',
  REVIEW: 'this review',
};

/** The id of a domain's field in the fieldset (error summary links point at it). */
export function socialFieldId(
  domain: SocialDomain,
  part: 'rating' | 'significance' | 'notes',
  idPrefix = 'social',
): string {
  return `${idPrefix}-${domain}-${part}`;
}

/**
 * [field name, input id] for every field of the fieldset, in page order: pass these to
 * FormErrorSummary so each error links to its field.
 */
export function socialFactorErrorFields(idPrefix = 'social'): [string, string][] {
  const fields: [string, string][] = [];
  for (const domain of SOCIAL_DOMAINS) {
    // Radios: the link goes to the first option, as the NHS error summary pattern says.
    fields.push([
      socialFieldName(domain, 'rating'),
      `${socialFieldId(domain, 'rating', idPrefix)}-option`,
    ]);
    fields.push([
      socialFieldName(domain, 'significance'),
      `${socialFieldId(domain, 'significance', idPrefix)}-option`,
    ]);
    fields.push([socialFieldName(domain, 'notes'), socialFieldId(domain, 'notes', idPrefix)]);
  }
  fields.push(['social.summary', `${idPrefix}-summary`]);
  return fields;
}
