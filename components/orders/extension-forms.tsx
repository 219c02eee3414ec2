'use client';
// Renewal (extension) of the community treatment period: the RC's examination and opinion
// (CTO7 Part 1), the consultation (s20A(9)), furnishing the report (Part 3), the managers'
// receipt (Part 4) and review (Code of Practice 38.14), and the CTO8 after a long absence.
import Link from 'next/link';
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
} from '@/components/forms/social-factors-fieldset';
import { FlowForm, type FlowAction } from './flow-form';
import type { SocialPrefill } from './social-prefill';
import { dateTimeErrorLinks, enteredDate, enteredList, enteredText } from './flow-state';

interface Common {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  unavailable?: string | null;
  patientHref: string;
}

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
    <FlowForm
      {...props}
      fields={[
        ['examinedOn', 'examinedOn-day'],
        ['necessaryFor', 'necessaryFor-option'],
        ['grounds', 'grounds'],
        ['deteriorationConsidered', 'deteriorationConsidered-option'],
        ...socialFactorErrorFields(),
      ]}
      submitLabel="Record the examination"
      confirmationTitle="Examination recorded"
    >
      {(state) => (
        <>
          <DateField
            id="examinedOn"
            name="examinedOn"
            legend="Date you examined the patient"
            hint={`It must be inside the renewal window: ${props.windowText}.${example}`}
            error={state.fieldErrors?.examinedOn}
            defaultValue={enteredDate(state, 'examinedOn')}
          />
          <CheckboxesField
            id="necessaryFor"
            name="necessaryFor"
            legend="It is necessary that the patient should receive treatment for"
            hint="The other criteria of section 20A(6) must also be met: the nature or degree of the disorder makes treatment appropriate; it can be given without detention if the patient is liable to recall; the power of recall is needed; and appropriate treatment is available."
            error={state.fieldErrors?.necessaryFor}
            defaultValues={enteredList(state, 'necessaryFor')}
            options={NECESSARY}
          />
          <TextAreaField
            id="grounds"
            name="grounds"
            label="Your opinion is founded on the following grounds"
            error={state.fieldErrors?.grounds}
            defaultValue={enteredText(state, 'grounds')}
            rows={6}
          />
          <CheckboxesField
            id="deteriorationConsidered"
            name="deteriorationConsidered"
            legend="Risk of deterioration"
            error={state.fieldErrors?.deteriorationConsidered}
            defaultValues={enteredList(state, 'deteriorationConsidered')}
            options={[
              {
                value: 'yes',
                label:
                  'I considered what risk there would be of deterioration of the patient’s condition if they were to continue not to be detained in hospital (section 20A(7))',
              },
            ]}
          />
          <SocialFactorsFieldset
            previous={props.social.previous}
            previousAssessedOn={props.social.assessedOn}
            previousAssessedBy={props.social.assessedBy}
            previousDecisionPoint={props.social.decisionPoint}
            errors={state.fieldErrors}
            values={state.values}
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
    <FlowForm
      {...props}
      fields={[
        ['consulteeName', 'consulteeName'],
        ['consulteeRole', 'consulteeRole'],
        ['consultedOn', 'consultedOn-day'],
      ]}
      submitLabel="Record the consultation"
      confirmationTitle="Consultation recorded"
    >
      {(state) => (
        <>
          <TextField
            id="consulteeName"
            name="consulteeName"
            label="Full name of the person you consulted"
            hint="Someone professionally concerned with the patient’s treatment (section 20A(9))."
            error={state.fieldErrors?.consulteeName}
            defaultValue={enteredText(state, 'consulteeName')}
          />
          <TextField
            id="consulteeRole"
            name="consulteeRole"
            label="Their profession"
            error={state.fieldErrors?.consulteeRole}
            defaultValue={enteredText(state, 'consulteeRole')}
          />
          <DateField
            id="consultedOn"
            name="consultedOn"
            legend="Date you consulted them"
            error={state.fieldErrors?.consultedOn}
            defaultValue={enteredDate(state, 'consultedOn')}
          />
        </>
      )}
    </FlowForm>
  );
}

export function FurnishCto7Form(props: Common) {
  return (
    <FlowForm
      {...props}
      fields={[['furnishedBy', 'furnishedBy-option']]}
      submitLabel="Furnish the CTO7"
      confirmationTitle="Order renewed (extended)"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <RadiosField
          id="furnishedBy"
          name="furnishedBy"
          legend="I am furnishing this report by"
          error={state.fieldErrors?.furnishedBy}
          defaultValue={enteredText(state, 'furnishedBy')}
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
    <FlowForm
      {...props}
      fields={dateTimeErrorLinks('receivedAt', 'receivedAt')}
      submitLabel="Record receipt"
      confirmationTitle="Receipt recorded (CTO7 Part 4)"
    >
      {(state) => (
        <DateTimeField
          id="receivedAt"
          name="receivedAt"
          legend="When the report was received on behalf of the managers"
          dateError={state.fieldErrors?.['receivedAt.date']}
          timeError={state.fieldErrors?.['receivedAt.time']}
          defaultDate={enteredDate(state, 'receivedAt.date')}
          defaultTime={enteredText(state, 'receivedAt.time')}
        />
      )}
    </FlowForm>
  );
}

export function ManagersReviewForm(
  props: Common & { hearings: { value: string; label: string }[] },
) {
  return (
    <FlowForm
      {...props}
      fields={[
        ['heldOn', 'heldOn-day'],
        ['panel', 'panel'],
        ['hearingId', 'hearingId'],
        ['notes', 'notes'],
      ]}
      submitLabel="Record the review"
      confirmationTitle="Managers’ review recorded"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <>
          <p className="nhsuk-body">
            Record a review at which the panel decided the order should continue. If the panel
            decided to discharge the patient, record a discharge by the hospital managers instead.
          </p>
          {props.hearings.length > 0 ? (
            <SelectField
              id="hearingId"
              name="hearingId"
              label="Managers’ hearing"
              error={state.fieldErrors?.hearingId}
              options={[{ value: '', label: 'A new hearing record' }, ...props.hearings]}
              defaultValue={enteredText(state, 'hearingId') ?? ''}
            />
          ) : null}
          <DateField
            id="heldOn"
            name="heldOn"
            legend="Date of the review"
            error={state.fieldErrors?.heldOn}
            defaultValue={enteredDate(state, 'heldOn')}
          />
          <TextAreaField
            id="panel"
            name="panel"
            label="Panel members"
            hint="At least three hospital managers or associate managers (section 23(4))."
            error={state.fieldErrors?.panel}
            defaultValue={enteredText(state, 'panel')}
            rows={2}
          />
          <TextAreaField
            id="notes"
            name="notes"
            label="Notes (optional)"
            error={state.fieldErrors?.notes}
            defaultValue={enteredText(state, 'notes')}
          />
        </>
      )}
    </FlowForm>
  );
}

export function Cto8Form(props: Common & { amhps: { value: string; label: string }[] }) {
  return (
    <FlowForm
      {...props}
      fields={[
        ['examinedOn', 'examinedOn-day'],
        ['amhpId', 'amhpId'],
        ...dateTimeErrorLinks('amhpAgreedAt', 'amhpAgreedAt'),
        ['grounds', 'grounds'],
      ]}
      submitLabel="Furnish the CTO8"
      confirmationTitle="CTO8 furnished"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <>
          <DateField
            id="examinedOn"
            name="examinedOn"
            legend="Date you examined the patient"
            hint="Within one week beginning with the day the patient returned (section 21B(2))."
            error={state.fieldErrors?.examinedOn}
            defaultValue={enteredDate(state, 'examinedOn')}
          />
          <SelectField
            id="amhpId"
            name="amhpId"
            label="AMHP who agreed (section 21B(6A))"
            error={state.fieldErrors?.amhpId}
            options={[{ value: '', label: 'Select an AMHP' }, ...props.amhps]}
            defaultValue={enteredText(state, 'amhpId') ?? ''}
          />
          <DateTimeField
            id="amhpAgreedAt"
            name="amhpAgreedAt"
            legend="When the AMHP agreed"
            dateError={state.fieldErrors?.['amhpAgreedAt.date']}
            timeError={state.fieldErrors?.['amhpAgreedAt.time']}
            defaultDate={enteredDate(state, 'amhpAgreedAt.date')}
            defaultTime={enteredText(state, 'amhpAgreedAt.time')}
          />
          <TextAreaField
            id="grounds"
            name="grounds"
            label="Your opinion is founded on the following grounds"
            error={state.fieldErrors?.grounds}
            defaultValue={enteredText(state, 'grounds')}
          />
        </>
      )}
    </FlowForm>
  );
}
