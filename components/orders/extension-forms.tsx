'use client';
// Renewal (extension) of the community treatment period: the RC's examination and opinion
// (CTO7 Part 1), the consultation (s20A(9)), furnishing the report (Part 3), the managers'
// receipt (Part 4) and review (Code of Practice 38.14), and the CTO8 after a long absence.
import Link from 'next/link';
import type { InputOf } from '@/components/forms/bind';
import {
  CheckboxesField,
  DateField,
  DateTimeField,
  RadiosField,
  SelectField,
  TextAreaField,
  TextField,
} from '@/components/forms/fields';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
  type SocialPrefill,
} from '@/components/forms/social-factors-fieldset';
import type {
  consultationSchema,
  cto7ReceiptSchema,
  examinationSchema,
  furnishCto7Schema,
  furnishCto8Schema,
  managersReviewSchema,
} from '@/lib/schemas/orders/extension';
import { FlowForm, type FlowFormCommon as Common } from './flow-form';

const NECESSARY = [
  { value: 'HEALTH', label: 'the patient’s health' },
  { value: 'SAFETY', label: 'the patient’s safety' },
  { value: 'PROTECTION_OF_OTHERS', label: 'the protection of other persons' },
];

/** 'YYYY-MM-DD' as the date fields take it, for a hint: '2026-10-02' -> '2 10 2026'. */
function dateExample(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${Number(month)} ${year}`;
}

export function ExaminationForm(
  props: Common & {
    windowText: string;
    /** The day the renewal window opens ('YYYY-MM-DD'): the hint's example. */
    windowOpens?: string | null;
    social: SocialPrefill;
  },
) {
  // The example is a date inside the window (its first day), never a date the law refuses.
  const example = props.windowOpens ? ` For example, ${dateExample(props.windowOpens)}.` : '';
  return (
    <FlowForm<InputOf<typeof examinationSchema>>
      {...props}
      submitLabel="Record the examination"
      confirmationTitle="Examination recorded"
    >
      {(f) => (
        <>
          <DateField
            {...f.date('examinedOn')}
            legend="Date you examined the patient"
            hint={`It must be inside the renewal window: ${props.windowText}.${example}`}
          />
          <CheckboxesField
            {...f.checkboxes('necessaryFor')}
            legend="It is necessary that the patient should receive treatment for"
            hint="The other criteria of section 20A(6) must also be met: the nature or degree of the disorder makes treatment appropriate; it can be given without detention if the patient is liable to recall; the power of recall is needed; and appropriate treatment is available."
            options={NECESSARY}
          />
          <TextAreaField
            {...f.text('grounds')}
            label="Your opinion is founded on the following grounds"
            rows={6}
          />
          <CheckboxesField
            {...f.checkboxes('deteriorationConsidered')}
            legend="Risk of deterioration"
            options={[
              {
                value: 'yes',
                label:
                  'I considered what risk there would be of deterioration of the patient’s condition if they were to continue not to be detained in hospital (section 20A(7))',
              },
            ]}
          />
          <SocialFactorsFieldset
            {...f.nested(socialFactorErrorFields())}
            prefill={props.social}
            decisionLabel="this renewal (extension)"
            headingLevel={3}
          />
        </>
      )}
    </FlowForm>
  );
}

export function ConsultationForm(props: Common) {
  return (
    <FlowForm<InputOf<typeof consultationSchema>>
      {...props}
      submitLabel="Record the consultation"
      confirmationTitle="Consultation recorded"
    >
      {(f) => (
        <>
          <TextField
            {...f.text('consulteeName')}
            label="Full name of the person you consulted"
            hint="Someone professionally concerned with the patient’s treatment (section 20A(9))."
          />
          <TextField {...f.text('consulteeRole')} label="Their profession" />
          <DateField {...f.date('consultedOn')} legend="Date you consulted them" />
        </>
      )}
    </FlowForm>
  );
}

export function FurnishCto7Form(props: Common) {
  return (
    <FlowForm<InputOf<typeof furnishCto7Schema>>
      {...props}
      submitLabel="Furnish the CTO7"
      confirmationTitle="Order renewed (extended)"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => (
        <RadiosField
          {...f.radios('furnishedBy')}
          legend="I am furnishing this report by"
          options={[
            {
              value: 'INTERNAL_MAIL',
              label: 'today consigning it to the hospital managers’ internal mail system',
            },
            {
              value: 'ELECTRONIC',
              label:
                'today sending it to the hospital managers, or a person authorised by them, by electronic communication',
            },
            {
              value: 'OTHER',
              label: 'sending or delivering it without using the internal mail system',
            },
          ]}
        />
      )}
    </FlowForm>
  );
}

export function Cto7ReceiptForm(props: Common) {
  return (
    <FlowForm<InputOf<typeof cto7ReceiptSchema>>
      {...props}
      submitLabel="Record receipt"
      confirmationTitle="Receipt recorded (CTO7 Part 4)"
    >
      {(f) => (
        <DateTimeField
          {...f.dateTime('receivedAt')}
          legend="When the report was received on behalf of the managers"
        />
      )}
    </FlowForm>
  );
}

export function ManagersReviewForm(
  props: Common & { hearings: { value: string; label: string }[] },
) {
  return (
    <FlowForm<InputOf<typeof managersReviewSchema>>
      {...props}
      submitLabel="Record the review"
      confirmationTitle="Managers’ review recorded"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => (
        <>
          <p className="nhsuk-body">
            Record a review at which the panel decided the order should continue. If the panel
            decided to discharge the patient, record a discharge by the hospital managers instead.
          </p>
          {props.hearings.length > 0 ? (
            <SelectField
              {...f.select('hearingId')}
              label="Managers’ hearing"
              options={[{ value: '', label: 'A new hearing record' }, ...props.hearings]}
            />
          ) : null}
          <DateField {...f.date('heldOn')} legend="Date of the review" />
          <TextAreaField
            {...f.text('panel')}
            label="Panel members"
            hint="One name on each line: at least three hospital managers or associate managers (section 23(4))."
            rows={4}
          />
          <TextAreaField {...f.text('notes')} label="Notes (optional)" />
        </>
      )}
    </FlowForm>
  );
}

export function Cto8Form(props: Common & { amhps: { value: string; label: string }[] }) {
  return (
    <FlowForm<InputOf<typeof furnishCto8Schema>>
      {...props}
      submitLabel="Furnish the CTO8"
      confirmationTitle="CTO8 furnished"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => (
        <>
          <DateField
            {...f.date('examinedOn')}
            legend="Date you examined the patient"
            hint="Within one week beginning with the day the patient returned (section 21B(2))."
          />
          <SelectField
            {...f.select('amhpId')}
            label="AMHP who agreed (section 21B(6A))"
            options={[{ value: '', label: 'Select an AMHP' }, ...props.amhps]}
          />
          <DateTimeField {...f.dateTime('amhpAgreedAt')} legend="When the AMHP agreed" />
          <TextAreaField
            {...f.text('grounds')}
            label="Your opinion is founded on the following grounds"
          />
        </>
      )}
    </FlowForm>
  );
}
