// Recall (s17E, CTO3), detention after recall (CTO4), transfer (CTO6) and release (s17F(5)):
// the forms and the services parse with the same schemas.
import { z } from 'zod';
import {
  dateTimeInput,
  expectedVersion,
  idempotencyKey,
  optionalText,
  requiredText,
  uuid,
} from '@/lib/schemas/common';
import { socialFactorsSchema } from '@/lib/schemas/social-factors';

/** Every order form carries the order, its version when the page was opened, and a one-time key. */
export const orderSubmission = {
  orderId: uuid('the order'),
  expectedVersion,
  idempotencyKey,
};

export const RECALL_GROUNDS = ['RISK_OF_HARM', 'MANDATORY_CONDITION_BREACH'] as const;

/**
 * How the CTO3 was served. EMAIL is listed so that the law can refuse it with its reason
 * (reg 3(1B)): a person who tries it is told why, rather than not offered it.
 */
export const SERVICE_METHOD_OPTIONS = [
  'HANDED_TO_PATIENT',
  'DELIVERED_TO_ADDRESS',
  'FIRST_CLASS_POST',
  'EMAIL',
] as const;

export const serveRecallSchema = z.object({
  ...orderSubmission,
  ground: z.enum(RECALL_GROUNDS, { error: 'Select the ground for recall' }),
  reasons: requiredText('the grounds for your opinion'),
  hospitalId: z.uuid({ error: 'Select the hospital the patient is recalled to' }),
  method: z.enum(SERVICE_METHOD_OPTIONS, { error: 'Select how the notice was served' }),
  servedAt: dateTimeInput('the notice was handed over, delivered or posted'),
  // Issue 5 part 2: the social factors behind the decision to recall.
  social: socialFactorsSchema,
});
export type ServeRecallInput = z.infer<typeof serveRecallSchema>;

export const recordDetentionSchema = z.object({
  ...orderSubmission,
  detentionBeganAt: dateTimeInput('detention in hospital began'),
});

export const transferRecalledSchema = z.object({
  ...orderSubmission,
  toHospitalId: z.uuid({ error: 'Select the hospital the patient is transferred to' }),
  transferredAt: dateTimeInput('the patient was transferred'),
});

export const releaseFromRecallSchema = z.object({
  ...orderSubmission,
  reasons: optionalText('the reasons for release'),
});
