'use client';
// Absence without leave (s18, s21), tribunal events (s66, s68; HESC r32(6)) and the
// "entered in error" correction.
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
  YES_NO,
} from '@/components/forms/fields';
import type { awolBeginsSchema, awolEndsSchema } from '@/lib/schemas/orders/awol';
import type { enteredInErrorSchema } from '@/lib/schemas/orders/correction';
import type { tribunalCaseSchema, tribunalHearingSchema } from '@/lib/schemas/orders/tribunal';
import { FlowForm, type FlowFormCommon } from './flow-form';

export function AwolBeginsForm(props: FlowFormCommon) {
  return (
    <FlowForm<InputOf<typeof awolBeginsSchema>>
      {...props}
      submitLabel="Record the absence"
      confirmationTitle="Absence without leave recorded"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => (
        <>
          <DateTimeField
            {...f.dateTime('at')}
            legend="When the patient went absent"
            hint="When they failed to attend after the recall notice was served, or left the hospital without leave."
          />
          <TextAreaField {...f.text('notes')} label="Notes (optional)" rows={2} />
        </>
      )}
    </FlowForm>
  );
}

export function AwolEndsForm(props: FlowFormCommon) {
  return (
    <FlowForm<InputOf<typeof awolEndsSchema>>
      {...props}
      submitLabel="Record the return"
      confirmationTitle="Return recorded"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => (
        <>
          <DateTimeField {...f.dateTime('at')} legend="When the patient returned" />
          <RadiosField
            {...f.radios('how')}
            legend="How the patient returned"
            options={[
              { value: 'RETURNED_SELF', label: 'Returned by themselves' },
              {
                value: 'TAKEN_INTO_CUSTODY',
                label: 'Taken into custody and returned (section 18)',
              },
            ]}
          />
          <TextAreaField {...f.text('notes')} label="Notes (optional)" rows={2} />
        </>
      )}
    </FlowForm>
  );
}

export function TribunalCaseForm(props: FlowFormCommon) {
  return (
    <FlowForm<InputOf<typeof tribunalCaseSchema>>
      {...props}
      submitLabel="Record the application or reference"
      confirmationTitle="Tribunal case recorded"
    >
      {(f) => (
        <>
          <RadiosField
            {...f.radios('kind')}
            legend="Is this an application or a reference?"
            inline
            options={[
              { value: 'APPLICATION', label: 'Application' },
              { value: 'REFERENCE', label: 'Reference' },
            ]}
          />
          <RadiosField
            {...f.radios('applicant')}
            legend="Who applied or referred?"
            options={[
              { value: 'PATIENT', label: 'The patient' },
              { value: 'NEAREST_RELATIVE', label: 'The nearest relative' },
              { value: 'HOSPITAL_MANAGERS', label: 'The hospital managers' },
              { value: 'SECRETARY_OF_STATE', label: 'The Secretary of State (section 67)' },
            ]}
          />
          <SelectField
            {...f.select('basis')}
            label="Section it is made under"
            options={[
              { value: '', label: 'Select a section' },
              { value: 's66(1)(ca)', label: 'Section 66(1)(ca): first six months of the order' },
              { value: 's66(1)(cb)', label: 'Section 66(1)(cb): after revocation' },
              { value: 's66(1)(fza)', label: 'Section 66(1)(fza): during an extension' },
              { value: 's66(1)(faa)', label: 'Section 66(1)(faa): after a CTO8' },
              { value: 's66(1)(g)', label: 'Section 66(1)(g): nearest relative barred' },
              { value: 's68(2)', label: 'Section 68(2): managers’ first reference' },
              { value: 's68(6)', label: 'Section 68(6): managers’ periodic reference' },
              { value: 's68(7)', label: 'Section 68(7): managers’ reference after revocation' },
              { value: 's67', label: 'Section 67: Secretary of State’s reference' },
            ]}
          />
          <DateField
            {...f.date('receivedOn')}
            legend="Date the reference was made, or the copy of the application received"
            hint="The statement and reports are due three weeks later (HESC Rules r32(6))."
          />
          <RadiosField
            {...f.radios('patientIsInpatient')}
            legend="Is the patient an in-patient now (for example informally)?"
            hint="A recalled patient is an in-patient. In-patients need a nursing report too."
            inline
            options={YES_NO}
          />
          <TextField
            {...f.text('tribunalReference')}
            label="Tribunal’s reference (optional)"
            width={20}
          />
        </>
      )}
    </FlowForm>
  );
}

export function TribunalHearingForm(
  props: FlowFormCommon & { cases: { value: string; label: string }[] },
) {
  return (
    <FlowForm<InputOf<typeof tribunalHearingSchema>>
      {...props}
      idPrefix="hearing"
      submitLabel="Record the hearing"
      confirmationTitle="Hearing recorded"
    >
      {(f) => (
        <>
          <p className="nhsuk-body">
            Record a hearing at which the tribunal considered the case and did not discharge the
            patient. A discharge by the tribunal is recorded as a discharge.
          </p>
          <SelectField
            {...f.select('caseId')}
            label="Case"
            options={[{ value: '', label: 'Select a case' }, ...props.cases]}
          />
          <DateField {...f.date('heldOn')} legend="Date of the hearing" />
          <TextAreaField {...f.text('notes')} label="Notes (optional)" rows={2} />
        </>
      )}
    </FlowForm>
  );
}

export function EnteredInErrorForm(
  props: FlowFormCommon & { eventId: string; eventLabel: string },
) {
  return (
    <FlowForm<InputOf<typeof enteredInErrorSchema>>
      {...props}
      hidden={{ eventId: props.eventId }}
      submitLabel="Mark as entered in error"
      confirmationTitle="Marked as entered in error"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => (
        <>
          <TextAreaField {...f.text('reason')} label="Why was it entered in error?" rows={3} />
          <CheckboxesField
            {...f.checkboxes('confirm')}
            legend="Confirm"
            options={[
              {
                value: 'yes',
                label: `“${props.eventLabel}” was entered in error. It stays in the record, marked, and the order goes back to how it was before it.`,
              },
            ]}
          />
        </>
      )}
    </FlowForm>
  );
}
