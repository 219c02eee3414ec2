'use client';
// CTO3: recall to hospital (s17E). The ground, the reasons, the hospital of recall, and how and
// when the notice was served; the confirmation says when it counts as served (C15).
import Link from 'next/link';
import { DateTimeField, RadiosField, SelectField, TextAreaField } from '@/components/forms/fields';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
} from '@/components/forms/social-factors-fieldset';
import { FlowForm, type FlowAction } from './flow-form';
import type { SocialPrefill } from './social-prefill';
import { dateTimeErrorLinks, enteredDate, enteredText } from './flow-state';

const FIELDS = [
  ['ground', 'ground-option'],
  ['reasons', 'reasons'],
  ['hospitalId', 'hospitalId'],
  ['method', 'method-option'],
  ...dateTimeErrorLinks('servedAt', 'servedAt'),
  ...socialFactorErrorFields(),
] as const;

export function RecallForm(props: {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  hospitals: { value: string; label: string }[];
  defaultHospitalId: string;
  unavailable?: string | null;
  patientHref: string;
  detentionHref: string;
  social: SocialPrefill;
}) {
  return (
    <FlowForm
      action={props.action}
      orderId={props.orderId}
      version={props.version}
      idempotencyKey={props.idempotencyKey}
      fields={FIELDS}
      unavailable={props.unavailable}
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
      {(state) => {
        const e = state.fieldErrors ?? {};
        return (
          <>
            <RadiosField
              id="ground"
              name="ground"
              legend="Ground for recall"
              error={e.ground}
              defaultValue={enteredText(state, 'ground')}
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
              id="reasons"
              name="reasons"
              label="The grounds for your opinion"
              hint="As on the CTO3. For a missed examination, say which examination and when."
              error={e.reasons}
              defaultValue={enteredText(state, 'reasons')}
              rows={5}
            />
            <SelectField
              id="hospitalId"
              name="hospitalId"
              label="Hospital the patient is recalled to"
              hint="Any hospital, not only the responsible hospital (section 17E(3))."
              error={e.hospitalId}
              options={props.hospitals}
              defaultValue={enteredText(state, 'hospitalId') ?? props.defaultHospitalId}
            />
            <RadiosField
              id="method"
              name="method"
              legend="How the notice was served"
              error={e.method}
              defaultValue={enteredText(state, 'method')}
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
              id="servedAt"
              name="servedAt"
              legend="When it was handed over, delivered or posted"
              dateError={e['servedAt.date']}
              timeError={e['servedAt.time']}
              defaultDate={enteredDate(state, 'servedAt.date')}
              defaultTime={enteredText(state, 'servedAt.time')}
            />
            <SocialFactorsFieldset
              previous={props.social.previous}
              previousAssessedOn={props.social.assessedOn}
              previousAssessedBy={props.social.assessedBy}
              previousDecisionPoint={props.social.decisionPoint}
              errors={state.fieldErrors}
              values={state.values}
              decisionLabel="this recall"
            />
          </>
        );
      }}
    </FlowForm>
  );
}
