'use client';
// Part 4A certificates: record a CTO11 (SOAD) or CTO12 (approved clinician, capacity and
// consent); record that a CTO12 ended (consent withdrawn, capacity lost); record the first
// medication date the certificate requirement date depends on.
import type { InputOf } from '@/components/forms/bind';
import type { Choices } from '@/components/forms/field-list';
import type {
  recordCertificateSchema,
  endCertificateSchema,
  firstMedicationSchema,
} from '@/lib/schemas/orders/certificates';
import { notes } from './common-fields';
import { orderForm } from './flow-form';

export const RecordCertificateForm = orderForm<
  InputOf<typeof recordCertificateSchema>,
  { today: string }
>({
  submitLabel: 'Record the certificate',
  fields: ({ today }) => [
    {
      radios: 'type',
      legend: 'Which certificate?',
      options: {
        CTO11: 'CTO11: certificate of appropriateness given by a SOAD (section 64C(4))',
        CTO12:
          'CTO12: the approved clinician certifies that the patient has capacity and consents (section 64C(4A))',
      },
    },
    { date: 'givenOn', initial: today, legend: 'Date of the certificate' },
    { text: 'certifierName', label: 'Name of the SOAD (CTO11) or approved clinician (CTO12)' },
    {
      textarea: 'treatments',
      label: 'Treatments covered',
      hint: 'As written on the certificate: BNF categories and maximum doses.',
      rows: 4,
    },
    { yesNo: 'includesEct', legend: 'Does it cover ECT?' },
    <h3 key="cto11">CTO11 only</h3>,
    {
      yesNo: 'appliesOnRecall',
      legend: 'Does the certificate say treatment may be given if the patient is recalled?',
    },
    { textarea: 'onRecallTreatments', label: 'Treatments that may be given on recall', rows: 3 },
    {
      textarea: 'consultees',
      label: 'The two people the SOAD consulted',
      hint: 'One not a doctor; neither the responsible clinician nor the approved clinician in charge (section 64H(3)).',
      rows: 2,
    },
    <h3 key="cto12">CTO12 only</h3>,
    {
      tick: 'capacityAndConsent',
      legend: 'Capacity and consent',
      label:
        'The patient has capacity (or, under 16, competence) to consent to the treatment and has consented',
    },
  ],
});

export const EndCertificateForm = orderForm<
  InputOf<typeof endCertificateSchema>,
  { certificates: Choices }
>({
  idPrefix: 'end',
  submitLabel: 'Record that the CTO12 no longer applies',
  submitVariant: 'warning',
  fields: ({ certificates }) => [
    {
      select: 'certificateId',
      initial: certificates[0]?.value,
      label: 'The CTO12',
      options: certificates,
    },
    {
      radios: 'reason',
      legend: 'What happened?',
      options: {
        CONSENT_WITHDRAWN: 'The patient withdrew consent',
        CAPACITY_LOST: 'The patient lost capacity to consent',
      },
    },
    notes(3),
  ],
});

export const FirstMedicationForm = orderForm<InputOf<typeof firstMedicationSchema>>({
  submitLabel: 'Record the date',
  fields: [
    {
      date: 'firstMedicationOn',
      legend: 'First day medication for mental disorder was given while liable to be detained',
      hint: 'In the patient’s continuous period of liability to detention (section 58(1)(b)).',
    },
  ],
});
