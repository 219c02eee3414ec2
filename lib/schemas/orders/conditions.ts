// Conditions of the order: vary (CTO2, s17B(4)): change, add or remove a discretionary
// condition; suspend or end a suspension (s17B(5)). The mandatory s17B(3) conditions cannot be
// varied or removed.
import { z } from 'zod';
import { optionalChoice, requiredText } from '@/lib/schemas/common';
import { CONDITION_PURPOSES, DISCRETIONARY_CATEGORY_VALUES } from './making';
import { orderRef } from './shared';

export const VARIATION_KINDS = ['VARY', 'ADD', 'REMOVE'] as const;

export const varyConditionsSchema = z
  .object({
    ...orderRef,
    change: z.enum(VARIATION_KINDS, { error: 'Choose what you are changing' }),
    conditionId: z.string().optional(),
    // Blank unless adding: the kind is asked only when a condition is added.
    category: optionalChoice(DISCRETIONARY_CATEGORY_VALUES, 'Choose the kind of condition'),
    wording: z
      .string()
      .trim()
      .max(1000, 'The condition must be 1000 characters or fewer')
      .optional(),
    purpose: optionalChoice(
      CONDITION_PURPOSES.map((p) => p.value),
      'Choose what the condition is for (section 17B(2))',
    ),
    reasons: requiredText('the reasons for the variation', 4000),
  })
  .superRefine((v, ctx) => {
    if (v.change !== 'ADD' && !z.uuid().safeParse(v.conditionId).success)
      ctx.addIssue({
        code: 'custom',
        path: ['conditionId'],
        message: 'Choose the condition to change',
      });
    if (v.change !== 'REMOVE') {
      if (!v.wording)
        ctx.addIssue({
          code: 'custom',
          path: ['wording'],
          message: 'Enter the condition as varied',
        });
      if (!v.purpose)
        ctx.addIssue({
          code: 'custom',
          path: ['purpose'],
          message: 'Choose what the condition is for (section 17B(2))',
        });
      if (v.change === 'ADD' && !v.category)
        ctx.addIssue({
          code: 'custom',
          path: ['category'],
          message: 'Choose the kind of condition',
        });
    }
  });
export type VaryConditionsInput = z.infer<typeof varyConditionsSchema>;

export const conditionSuspensionSchema = z.object({
  ...orderRef,
  conditionId: z.uuid({ error: 'Choose the condition' }),
  reasons: requiredText('the reasons', 4000),
});
export type ConditionSuspensionInput = z.infer<typeof conditionSuspensionSchema>;
