// CTO1 (s17A, s17B): the responsible clinician's Part 1 (criteria, reasons and conditions, and
// the AMHP asked), Part 3 (the order, signed and effective date and time) and the withdrawal of
// a proposal. Shared by the forms and the services.
import { z } from 'zod';
import { dateTimeInput, requiredText } from '@/lib/schemas/common';
import { socialFactorsSchema } from '@/lib/schemas/social-factors';
import { indexedList, orderRef, stringList, ticked } from './shared';

/** s17A(5)(a)-(e), as CTO1 Part 1 words them. */
export const CRITERIA = [
  {
    key: 'a',
    label:
      '(a) The patient is suffering from mental disorder of a nature or degree which makes it appropriate for them to receive medical treatment',
  },
  {
    key: 'b',
    label:
      '(b) It is necessary for the patient’s health or safety or for the protection of other persons that they should receive such treatment',
  },
  {
    key: 'c',
    label:
      '(c) Such treatment can be provided without the patient continuing to be detained in a hospital, provided they are liable to be recalled',
  },
  {
    key: 'd',
    label:
      '(d) It is necessary that the responsible clinician should be able to exercise the power under section 17E(1) to recall the patient to hospital',
  },
  {
    key: 'e',
    label:
      '(e) Taking into account the nature and degree of the mental disorder and all other circumstances, appropriate medical treatment is available',
  },
] as const;
export type CriterionKey = (typeof CRITERIA)[number]['key'];

export const NECESSARY_FOR = [
  { value: 'health', label: 'the patient’s health' },
  { value: 'safety', label: 'the patient’s safety' },
  { value: 'protection of others', label: 'the protection of other persons' },
] as const;

/** s17B(2) discretionary condition categories (the mandatory s17B(3) ones are added for you). */
export const DISCRETIONARY_CATEGORIES = [
  {
    value: 'RESIDENCE',
    label: 'Where to live',
    wording: 'To live at the address agreed with the care team.',
  },
  {
    value: 'ATTEND_APPOINTMENTS',
    label: 'Attend appointments',
    wording: 'To attend appointments with the care coordinator and the responsible clinician.',
  },
  {
    value: 'ACCEPT_VISITS',
    label: 'Accept visits',
    wording: 'To allow the care team to visit at home.',
  },
  {
    value: 'MEDICATION',
    label: 'Medication',
    wording: 'To take medication as prescribed by the responsible clinician.',
  },
  {
    value: 'ABSTAIN_FROM_SUBSTANCES',
    label: 'Abstain from substances',
    wording: 'Not to use illicit drugs.',
  },
  {
    value: 'AVOID_PLACES_OR_PEOPLE',
    label: 'Avoid places or people',
    wording: 'Not to visit the places or people named by the care team.',
  },
  { value: 'OTHER', label: 'Other (write the condition)', wording: '' },
] as const;
export const DISCRETIONARY_CATEGORY_VALUES = DISCRETIONARY_CATEGORIES.map((c) => c.value);
export type DiscretionaryCategory = (typeof DISCRETIONARY_CATEGORIES)[number]['value'];

/** s17B(2)(a)-(c). */
export const CONDITION_PURPOSES = [
  { value: 'ENSURE_TREATMENT', label: 'To ensure that the patient receives medical treatment' },
  {
    value: 'PREVENT_RISK_TO_PATIENT',
    label: 'To prevent risk of harm to the patient’s health or safety',
  },
  { value: 'PROTECT_OTHERS', label: 'To protect other persons' },
] as const;
export type ConditionPurposeValue = (typeof CONDITION_PURPOSES)[number]['value'];

/** s17B(3): the two conditions every order contains (CTO1 Part 1 wording). */
export const MANDATORY_CONDITION_WORDING = [
  {
    category: 'EXAMINATION_FOR_EXTENSION',
    wording:
      'The patient is to make himself or herself available for examination under section 20A, as requested.',
  },
  {
    category: 'EXAMINATION_FOR_CERTIFICATE',
    wording:
      'If it is proposed to give a certificate under Part 4A of the Act in the patient’s case, the patient is to make himself or herself available for examination to enable the certificate to be given, as requested.',
  },
] as const;

export const discretionaryConditionSchema = z
  .object({
    category: z.enum(DISCRETIONARY_CATEGORY_VALUES, { error: 'Choose the kind of condition' }),
    wording: requiredText('the condition', 1000),
    purpose: z.enum(
      CONDITION_PURPOSES.map((p) => p.value),
      { error: 'Choose what the condition is for (section 17B(2))' },
    ),
  })
  .strict();
export type DiscretionaryConditionInput = z.infer<typeof discretionaryConditionSchema>;

const criterion = (key: string) =>
  z.object({
    met: z
      .enum(['yes', 'no'], { error: `Say whether criterion (${key}) is met` })
      .refine((v) => v === 'yes', {
        error:
          'A community treatment order can be made only if you are of the opinion that every criterion is met (section 17A(5))',
      }),
    reasons: requiredText(`your reasons for criterion (${key})`, 4000),
  });

export const proposeOrderSchema = z.object({
  patientId: z.uuid({ error: 'The patient is not valid: reload the page' }),
  idempotencyKey: orderRef.idempotencyKey,
  legalStatusPeriodId: z.uuid({ error: 'Choose the legal status the order is made from' }),
  criteria: z.object({
    a: criterion('a'),
    b: criterion('b'),
    c: criterion('c'),
    d: criterion('d'),
    e: criterion('e'),
  }),
  necessaryFor: stringList.pipe(
    z
      .array(
        z.enum(
          NECESSARY_FOR.map((n) => n.value),
          { error: 'Choose what the treatment is necessary for (criterion b)' },
        ),
      )
      .min(1, 'Choose what the treatment is necessary for (criterion b)'),
  ),
  deteriorationRiskConsidered: ticked.refine((v) => v, {
    error:
      'Confirm that you considered the risk of deterioration if the patient were not detained (section 17A(6))',
  }),
  grounds: requiredText('the grounds your opinion is founded on', 8000),
  conditions: indexedList(discretionaryConditionSchema).pipe(
    z.array(discretionaryConditionSchema).max(20, 'Set at most 20 discretionary conditions'),
  ),
  amhpId: z.uuid({ error: 'Choose the AMHP to ask for agreement' }),
  // Issue 5 part 2: the social factors behind the decision (decision point MAKING).
  social: socialFactorsSchema,
});

export type ProposeOrderInput = z.infer<typeof proposeOrderSchema>;

export const makeOrderSchema = z.object({
  ...orderRef,
  signedAt: dateTimeInput('you signed Part 3'),
  effectiveAt: dateTimeInput('the order is effective from'),
  /** The person saw lib/cto's warnings and confirmed. */
  confirmed: ticked,
});
export type MakeOrderInput = z.infer<typeof makeOrderSchema>;

export const withdrawProposalSchema = z.object({
  ...orderRef,
  reason: requiredText('why the proposal is withdrawn', 2000),
});
export type WithdrawProposalInput = z.infer<typeof withdrawProposalSchema>;
