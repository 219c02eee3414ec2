// CTO1 Part 2 (s17A(4)(b), s17B(2)): the AMHP agrees that the criteria are met, that it is
// appropriate to make the order and to each discretionary condition, or declines with reasons.
import { z } from 'zod';
import { optionalText } from '@/lib/schemas/common';
import { orderRef, stringList, ticked } from './shared';

export const makingAgreementSchema = z
  .object({
    ...orderRef,
    decision: z.enum(['AGREE', 'DECLINE'], { error: 'Say whether you agree' }),
    criteriaMet: ticked,
    appropriate: ticked,
    /** Discretionary conditions the AMHP agrees (the mandatory ones need no agreement). */
    agreedConditionIds: stringList.pipe(
      z.array(z.uuid({ error: 'The conditions have changed: reload the page' })),
    ),
    localAuthority: optionalText('the local social services authority', 200),
    approvedBy: optionalText('the approving authority', 200),
    reasons: optionalText('your reasons', 4000),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'AGREE') {
      if (!value.criteriaMet)
        ctx.addIssue({
          code: 'custom',
          path: ['criteriaMet'],
          message: 'Confirm that the patient meets the criteria, or choose that you do not agree',
        });
      if (!value.appropriate)
        ctx.addIssue({
          code: 'custom',
          path: ['appropriate'],
          message:
            'Confirm that it is appropriate to make the order, or choose that you do not agree',
        });
      if (!value.localAuthority)
        ctx.addIssue({
          code: 'custom',
          path: ['localAuthority'],
          message: 'Enter the local social services authority you act on behalf of',
        });
    } else if (!value.reasons) {
      ctx.addIssue({
        code: 'custom',
        path: ['reasons'],
        message: 'Enter why you do not agree: the reasons are kept with the record',
      });
    }
  });
export type MakingAgreementInput = z.infer<typeof makingAgreementSchema>;
