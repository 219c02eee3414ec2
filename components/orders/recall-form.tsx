'use client';
// CTO3: recall to hospital (s17E). The ground, the reasons, the hospital of recall, and how and
// when the notice was served; the confirmation says when it counts as served (C15).
import Link from 'next/link';
import type { InputOf } from '@/components/forms/bind';
import { DateTimeField, RadiosField, SelectField, TextAreaField } from '@/components/forms/fields';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
  type SocialPrefill,
} from '@/components/forms/social-factors-fieldset';
import type { serveRecallSchema } from '@/lib/schemas/orders/recall';
import { FlowForm, type FlowFormCommon } from './flow-form';

export function RecallForm(
  props: FlowFormCommon & {
    hospitals: { value: string; label: string }[];
    defaultHospitalId: string;
    detentionHref: string;
    social: SocialPrefill;
  },
) {
  return (
    <FlowForm<InputOf<typeof serveRecallSchema>>
      {...props}
      submitLabel="Record the recall"
      confirmationTitle="Recall recorded"
      next={
        <ul className="nhsuk-list">
          <li>
            <Link href={props.detentionHref}>Record when detention in hospital began (CTO4)</Link>
          </li>
          <li>
            <Link href={props.patientHref}>Back to the patient</Link>
          </li>
        </ul>
      }
    >
      {(f) => (
        <>
          <RadiosField
            {...f.radios('ground')}
            legend="Ground for recall"
            options={[
              {
                value: 'RISK_OF_HARM',
                label:
                  'The patient requires treatment in hospital, and there would be a risk of harm without recall (section 17E(1))',
              },
              {
                value: 'MANDATORY_CONDITION_BREACH',
                label:
                  'The patient has not made themselves available for examination as a mandatory condition requires (section 17E(2))',
              },
            ]}
          />
          <TextAreaField
            {...f.text('reasons')}
            label="The grounds for your opinion"
            hint="As on the CTO3. For a missed examination, say which examination and when."
            rows={5}
          />
          <SelectField
            {...f.select('hospitalId', { initial: props.defaultHospitalId })}
            label="Hospital the patient is recalled to"
            hint="Any hospital, not only the responsible hospital (section 17E(3))."
            options={props.hospitals}
          />
          <RadiosField
            {...f.radios('method')}
            legend="How the notice was served"
            options={[
              {
                value: 'HANDED_TO_PATIENT',
                label: 'Handed to the patient',
                hint: 'Served at that moment.',
              },
              {
                value: 'DELIVERED_TO_ADDRESS',
                label: 'Delivered by hand to their usual or last known address',
                hint: 'Served the next day.',
              },
              {
                value: 'FIRST_CLASS_POST',
                label: 'Sent by first-class post to that address',
                hint: 'Served on the second business day after posting.',
              },
              {
                value: 'EMAIL',
                label: 'Sent by email',
                hint: 'Email alone is not valid service of a recall notice.',
              },
            ]}
          />
          <DateTimeField
            {...f.dateTime('servedAt')}
            legend="When it was handed over, delivered or posted"
          />
          <SocialFactorsFieldset
            {...f.nested(socialFactorErrorFields())}
            prefill={props.social}
            decisionLabel="this recall"
          />
        </>
      )}
    </FlowForm>
  );
}
