// Part 4A certificates (s64C(4), (4A); reg 28): CTO11 by a SOAD, CTO12 by the approved
// clinician for a patient with capacity who consents; the end of a CTO12 (consent withdrawn,
// capacity lost); and the first medication date C6 depends on.
import { z } from 'zod';
import { dateInput, optionalChoice, optionalText, requiredText } from '@/lib/schemas/common';
import { orderRef, ticked, yesNo } from './shared';

export const recordCertificateSchema = z
  .object({
    ...orderRef,
    type: z.enum(['CTO11', 'CTO12'], { error: 'Choose the kind of certificate' }),
    givenOn: dateInput('the date of the certificate'),
    certifierName: requiredText('the name of the person who gave the certificate', 200),
    treatments: requiredText('the treatments the certificate covers', 4000),
    includesEct: yesNo('Say whether the certificate covers ECT'),
    appliesOnRecall: optionalChoice(
      ['yes', 'no'],
      'Say whether the certificate says treatment may be given on recall',
    ),
    onRecallTreatments: optionalText('the treatments that may be given on recall', 4000),
    consultees: optionalText('the people the SOAD consulted', 1000),
    capacityAndConsent: ticked,
  })
  .superRefine((v, ctx) => {
    if (v.type === 'CTO11') {
      if (!v.appliesOnRecall)
        ctx.addIssue({
          code: 'custom',
          path: ['appliesOnRecall'],
          message: 'Say whether the certificate says treatment may be given on recall',
        });
      if (v.appliesOnRecall === 'yes' && !v.onRecallTreatments)
        ctx.addIssue({
          code: 'custom',
          path: ['onRecallTreatments'],
          message: 'Enter the treatments that may be given on recall',
        });
      if (!v.consultees)
        ctx.addIssue({
          code: 'custom',
          path: ['consultees'],
          message:
            'Enter the two people the SOAD consulted (one not a doctor; neither the RC nor the AC in charge, section 64H(3))',
        });
    } else if (!v.capacityAndConsent) {
      ctx.addIssue({
        code: 'custom',
        path: ['capacityAndConsent'],
        message:
          'Confirm that the patient has capacity to consent and has consented (section 64C(4A)), or record a CTO11',
      });
    }
  });
export type RecordCertificateInput = z.infer<typeof recordCertificateSchema>;

export const endCertificateSchema = z.object({
  ...orderRef,
  certificateId: z.uuid({ error: 'Choose the certificate' }),
  reason: z.enum(['CONSENT_WITHDRAWN', 'CAPACITY_LOST'], {
    error: 'Say whether consent was withdrawn or capacity lost',
  }),
  notes: optionalText('notes', 2000),
});
export type EndCertificateInput = z.infer<typeof endCertificateSchema>;

export const firstMedicationSchema = z.object({
  ...orderRef,
  firstMedicationOn: dateInput('the date medication was first given'),
});
export type FirstMedicationInput = z.infer<typeof firstMedicationSchema>;
