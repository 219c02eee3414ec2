// Renewal (extension) of the community treatment period (s20A, CTO7; s21B, CTO8): the RC's
// examination and opinion (Part 1), the consultation (s20A(9)), furnishing the report (Part 3),
// the managers' receipt (Part 4) and review (Code of Practice 38.14). The AMHP's Part 2 uses
// amhpDecisionSchema (revocation.ts). The forms and the services parse with the same schemas.
import { z } from 'zod';
import { dateInput, dateTimeInput, optionalText, requiredText } from '@/lib/schemas/common';
import { socialFactorsSchema } from '@/lib/schemas/social-factors';
import { orderSubmission } from './recall';
import { NECESSARY_FOR, ticked } from './revocation';
import { MIN_PANEL_MEMBERS, panelMembers } from './discharge';

export const examinationSchema = z.object({
  ...orderSubmission,
  examinedOn: dateInput('the date you examined the patient'),
  necessaryFor: ticked(NECESSARY_FOR, 'Select for whose sake the treatment is necessary'),
  grounds: requiredText('the grounds for your opinion'),
  // CTO7 Part 1: the RC confirms they considered the risk of deterioration (s20A(7)).
  deteriorationConsidered: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v),
    z.literal('yes', {
      error:
        'Confirm that you considered the risk of deterioration if the patient were not detained',
    }),
  ),
  // Issue 5 part 2: the social factors behind the RC's opinion on renewal (extension).
  social: socialFactorsSchema,
});

export const consultationSchema = z.object({
  ...orderSubmission,
  consulteeName: requiredText('the name of the person you consulted', 200),
  consulteeRole: requiredText('their profession or role', 200),
  consultedOn: dateInput('the date you consulted them'),
});

export const FURNISHING_METHODS = ['INTERNAL_MAIL', 'ELECTRONIC', 'OTHER'] as const;

export const furnishCto7Schema = z.object({
  ...orderSubmission,
  furnishedBy: z.enum(FURNISHING_METHODS, { error: 'Select how you are furnishing the report' }),
});

export const cto7ReceiptSchema = z.object({
  ...orderSubmission,
  receivedAt: dateTimeInput('the report was received'),
});

export const managersReviewSchema = z.object({
  ...orderSubmission,
  heldOn: dateInput('the date of the review'),
  // s23(4): at least three members, one name on each line (issue 9: two were accepted).
  panel: panelMembers.pipe(
    z
      .array(z.string().max(200, 'Each name must be 200 characters or fewer'))
      .min(MIN_PANEL_MEMBERS, {
        error: `Enter the names of the panel: at least ${MIN_PANEL_MEMBERS} members (section 23(4)), one on each line`,
      })
      .max(12, 'Enter no more than 12 panel members'),
  ),
  hearingId: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.uuid({ error: 'Select a hearing' }).optional()),
  notes: optionalText('notes'),
});

export const furnishCto8Schema = z.object({
  ...orderSubmission,
  examinedOn: dateInput('the date you examined the patient'),
  amhpId: z.uuid({ error: 'Select the AMHP who agreed' }),
  amhpAgreedAt: dateTimeInput('the AMHP agreed'),
  grounds: requiredText('the grounds for your opinion'),
});
