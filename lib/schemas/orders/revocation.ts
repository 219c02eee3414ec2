// Revocation (s17F(4), CTO5): asking an AMHP, the AMHP's decision (Part 2) and the RC's order
// (Parts 1 and 3). The forms and the services parse with the same schemas.
import { z } from 'zod';
import { requiredText, optionalText } from '@/lib/schemas/common';
import { socialFactorsSchema } from '@/lib/schemas/social-factors';
import { orderSubmission } from './recall';

export const AMHP_DECISIONS = ['AGREED', 'DECLINED'] as const;

/** The RC asks an AMHP for their agreement (CTO5 Part 2, or CTO7 Part 2 for an extension). */
export const AGREEMENT_PURPOSES = ['EXTENSION', 'REVOCATION'] as const;

export const requestAmhpAgreementSchema = z.object({
  ...orderSubmission,
  purpose: z.enum(AGREEMENT_PURPOSES, { error: 'The form is out of date: reload the page' }),
  amhpId: z.uuid({ error: 'Select the AMHP you are asking' }),
});

/** The AMHP's answer, in their own account. Reasons are required when they do not agree. */
export const amhpDecisionSchema = z
  .object({
    ...orderSubmission,
    decision: z.enum(AMHP_DECISIONS, { error: 'Select whether you agree' }),
    localAuthority: requiredText('the local social services authority you act for', 200),
    reasons: optionalText('your reasons'),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'DECLINED' && !value.reasons) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'Enter why you do not agree' });
    }
  });
export type AmhpDecisionInput = z.infer<typeof amhpDecisionSchema>;

/** CTO5 Part 1 (b): for whose sake treatment in hospital is necessary. */
export const NECESSARY_FOR = ['HEALTH', 'SAFETY', 'PROTECTION_OF_OTHERS'] as const;

function ticked<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { error: message })).min(1, message),
  );
}

export const revokeOrderSchema = z.object({
  ...orderSubmission,
  necessaryFor: ticked(NECESSARY_FOR, 'Select for whose sake treatment in hospital is necessary'),
  reasons: requiredText('your reasons, covering (a), (b) and (c)'),
  // A single checkbox: submitted as ['yes'] by the form, or 'yes' by an API caller.
  treatmentAvailable: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v),
    z.literal('yes', {
      error: 'Confirm that appropriate medical treatment is available at the hospital',
    }),
  ),
  // Issue 5 part 2: the social factors behind the decision to revoke.
  social: socialFactorsSchema,
});
export type RevokeOrderInput = z.infer<typeof revokeOrderSchema>;

export { ticked };
