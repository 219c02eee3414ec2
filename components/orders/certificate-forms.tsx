'use client';
// Part 4A certificates: record a CTO11 (SOAD) or CTO12 (approved clinician, capacity and
// consent); record that a CTO12 ended (consent withdrawn, capacity lost); record the first
// medication date the certificate requirement date depends on.
import type { InputOf } from '@/components/forms/bind';
import {
  CheckboxesField,
  DateField,
  RadiosField,
  SelectField,
  TextAreaField,
  TextField,
  YES_NO,
} from '@/components/forms/fields';
import type {
  recordCertificateSchema,
  endCertificateSchema,
  firstMedicationSchema,
} from '@/lib/schemas/orders/certificates';
import { OrderForm } from './flow-form';
import type { FormAction } from './form-support';

interface Common {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
}

export function RecordCertificateForm({ today, ...props }: Common & { today: string }) {
  return (
    <OrderForm<InputOf<typeof recordCertificateSchema>>
      {...props}
      submitLabel="Record the certificate"
    >
      {(f) => (
        <>
          <RadiosField
            {...f.radios('type')}
            legend="Which certificate?"
            options={[
              {
                value: 'CTO11',
                label: 'CTO11: certificate of appropriateness given by a SOAD (section 64C(4))',
              },
              {
                value: 'CTO12',
                label:
                  'CTO12: the approved clinician certifies that the patient has capacity and consents (section 64C(4A))',
              },
            ]}
          />
          <DateField {...f.date('givenOn', { initial: today })} legend="Date of the certificate" />
          <TextField
            {...f.text('certifierName')}
            label="Name of the SOAD (CTO11) or approved clinician (CTO12)"
          />
          <TextAreaField
            {...f.text('treatments')}
            label="Treatments covered"
            hint="As written on the certificate: BNF categories and maximum doses."
            rows={4}
          />
          <RadiosField
            {...f.radios('includesEct')}
            legend="Does it cover ECT?"
            inline
            options={YES_NO}
          />
          <h3>CTO11 only</h3>
          <RadiosField
            {...f.radios('appliesOnRecall')}
            legend="Does the certificate say treatment may be given if the patient is recalled?"
            inline
            options={YES_NO}
          />
          <TextAreaField
            {...f.text('onRecallTreatments')}
            label="Treatments that may be given on recall"
            rows={3}
          />
          <TextAreaField
            {...f.text('consultees')}
            label="The two people the SOAD consulted"
            hint="One not a doctor; neither the responsible clinician nor the approved clinician in charge (section 64H(3))."
            rows={2}
          />
          <h3>CTO12 only</h3>
          <CheckboxesField
            {...f.checkboxes('capacityAndConsent')}
            legend="Capacity and consent"
            options={[
              {
                value: 'yes',
                label:
                  'The patient has capacity (or, under 16, competence) to consent to the treatment and has consented',
              },
            ]}
          />
        </>
      )}
    </OrderForm>
  );
}

export function EndCertificateForm({
  certificates,
  ...props
}: Common & { certificates: { value: string; label: string }[] }) {
  return (
    <OrderForm<InputOf<typeof endCertificateSchema>>
      {...props}
      idPrefix="end"
      submitLabel="Record that the CTO12 no longer applies"
      submitVariant="warning"
    >
      {(f) => (
        <>
          <SelectField
            {...f.select('certificateId', { initial: certificates[0]?.value })}
            label="The CTO12"
            options={certificates}
          />
          <RadiosField
            {...f.radios('reason')}
            legend="What happened?"
            options={[
              { value: 'CONSENT_WITHDRAWN', label: 'The patient withdrew consent' },
              { value: 'CAPACITY_LOST', label: 'The patient lost capacity to consent' },
            ]}
          />
          <TextAreaField {...f.text('notes')} label="Notes (optional)" rows={3} />
        </>
      )}
    </OrderForm>
  );
}

export function FirstMedicationForm(props: Common) {
  return (
    <OrderForm<InputOf<typeof firstMedicationSchema>> {...props} submitLabel="Record the date">
      {(f) => (
        <>
          <DateField
            {...f.date('firstMedicationOn')}
            legend="First day medication for mental disorder was given while liable to be detained"
            hint="In the patient’s continuous period of liability to detention (section 58(1)(b))."
          />
        </>
      )}
    </OrderForm>
  );
}
