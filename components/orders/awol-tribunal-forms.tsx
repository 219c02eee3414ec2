'use client';
// Absence without leave (s18, s21), tribunal events (s66, s68; HESC r32(6)) and the
// "entered in error" correction.
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
import { FlowForm, type FlowAction } from './flow-form';
import { dateTimeErrorLinks, enteredDate, enteredList, enteredText } from './flow-state';

interface Common {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  unavailable?: string | null;
  patientHref: string;
}

export function AwolBeginsForm(props: Common) {
  return (
    <FlowForm
      {...props}
      fields={[...dateTimeErrorLinks('at', 'awolFrom'), ['notes', 'awolFromNotes']]}
      submitLabel="Record the absence"
      confirmationTitle="Absence without leave recorded"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <>
          <DateTimeField
            id="awolFrom"
            name="at"
            legend="When the patient went absent"
            hint="When they failed to attend after the recall notice was served, or left the hospital without leave."
            dateError={state.fieldErrors?.['at.date']}
            timeError={state.fieldErrors?.['at.time']}
            defaultDate={enteredDate(state, 'at.date')}
            defaultTime={enteredText(state, 'at.time')}
          />
          <TextAreaField
            id="awolFromNotes"
            name="notes"
            label="Notes (optional)"
            error={state.fieldErrors?.notes}
            defaultValue={enteredText(state, 'notes')}
            rows={2}
          />
        </>
      )}
    </FlowForm>
  );
}

export function AwolEndsForm(props: Common) {
  return (
    <FlowForm
      {...props}
      fields={[
        ...dateTimeErrorLinks('at', 'awolBack'),
        ['how', 'how-option'],
        ['notes', 'awolBackNotes'],
      ]}
      submitLabel="Record the return"
      confirmationTitle="Return recorded"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <>
          <DateTimeField
            id="awolBack"
            name="at"
            legend="When the patient returned"
            dateError={state.fieldErrors?.['at.date']}
            timeError={state.fieldErrors?.['at.time']}
            defaultDate={enteredDate(state, 'at.date')}
            defaultTime={enteredText(state, 'at.time')}
          />
          <RadiosField
            id="how"
            name="how"
            legend="How the patient returned"
            error={state.fieldErrors?.how}
            defaultValue={enteredText(state, 'how')}
            options={[
              { value: 'RETURNED_SELF', label: 'Returned by themselves' },
              {
                value: 'TAKEN_INTO_CUSTODY',
                label: 'Taken into custody and returned (section 18)',
              },
            ]}
          />
          <TextAreaField
            id="awolBackNotes"
            name="notes"
            label="Notes (optional)"
            error={state.fieldErrors?.notes}
            defaultValue={enteredText(state, 'notes')}
            rows={2}
          />
        </>
      )}
    </FlowForm>
  );
}

export function TribunalCaseForm(props: Common) {
  return (
    <FlowForm
      {...props}
      fields={[
        ['kind', 'kind-option'],
        ['applicant', 'applicant-option'],
        ['basis', 'basis'],
        ['receivedOn', 'receivedOn-day'],
        ['patientIsInpatient', 'patientIsInpatient-option'],
        ['tribunalReference', 'tribunalReference'],
      ]}
      submitLabel="Record the application or reference"
      confirmationTitle="Tribunal case recorded"
    >
      {(state) => (
        <>
          <RadiosField
            id="kind"
            name="kind"
            legend="Is this an application or a reference?"
            error={state.fieldErrors?.kind}
            defaultValue={enteredText(state, 'kind')}
            inline
            options={[
              { value: 'APPLICATION', label: 'Application' },
              { value: 'REFERENCE', label: 'Reference' },
            ]}
          />
          <RadiosField
            id="applicant"
            name="applicant"
            legend="Who applied or referred?"
            error={state.fieldErrors?.applicant}
            defaultValue={enteredText(state, 'applicant')}
            options={[
              { value: 'PATIENT', label: 'The patient' },
              { value: 'NEAREST_RELATIVE', label: 'The nearest relative' },
              { value: 'HOSPITAL_MANAGERS', label: 'The hospital managers' },
              { value: 'SECRETARY_OF_STATE', label: 'The Secretary of State (section 67)' },
            ]}
          />
          <SelectField
            id="basis"
            name="basis"
            label="Section it is made under"
            error={state.fieldErrors?.basis}
            defaultValue={enteredText(state, 'basis') ?? ''}
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
            id="receivedOn"
            name="receivedOn"
            legend="Date the reference was made, or the copy of the application received"
            hint="The statement and reports are due three weeks later (HESC Rules r32(6))."
            error={state.fieldErrors?.receivedOn}
            defaultValue={enteredDate(state, 'receivedOn')}
          />
          <RadiosField
            id="patientIsInpatient"
            name="patientIsInpatient"
            legend="Is the patient an in-patient now (for example informally)?"
            hint="A recalled patient is an in-patient. In-patients need a nursing report too."
            error={state.fieldErrors?.patientIsInpatient}
            defaultValue={enteredText(state, 'patientIsInpatient')}
            inline
            options={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
          />
          <TextField
            id="tribunalReference"
            name="tribunalReference"
            label="Tribunal’s reference (optional)"
            error={state.fieldErrors?.tribunalReference}
            defaultValue={enteredText(state, 'tribunalReference')}
            width={20}
          />
        </>
      )}
    </FlowForm>
  );
}

export function TribunalHearingForm(props: Common & { cases: { value: string; label: string }[] }) {
  return (
    <FlowForm
      {...props}
      fields={[
        ['caseId', 'caseId'],
        ['heldOn', 'heldOn-day'],
        ['notes', 'hearingNotes'],
      ]}
      submitLabel="Record the hearing"
      confirmationTitle="Hearing recorded"
    >
      {(state) => (
        <>
          <p className="nhsuk-body">
            Record a hearing at which the tribunal considered the case and did not discharge the
            patient. A discharge by the tribunal is recorded as a discharge.
          </p>
          <SelectField
            id="caseId"
            name="caseId"
            label="Case"
            error={state.fieldErrors?.caseId}
            defaultValue={enteredText(state, 'caseId') ?? ''}
            options={[{ value: '', label: 'Select a case' }, ...props.cases]}
          />
          <DateField
            id="heldOn"
            name="heldOn"
            legend="Date of the hearing"
            error={state.fieldErrors?.heldOn}
            defaultValue={enteredDate(state, 'heldOn')}
          />
          <TextAreaField
            id="hearingNotes"
            name="notes"
            label="Notes (optional)"
            error={state.fieldErrors?.notes}
            defaultValue={enteredText(state, 'notes')}
            rows={2}
          />
        </>
      )}
    </FlowForm>
  );
}

export function EnteredInErrorForm(props: Common & { eventId: string; eventLabel: string }) {
  return (
    <FlowForm
      {...props}
      hidden={{ eventId: props.eventId }}
      fields={[
        ['reason', 'reason'],
        ['confirm', 'confirm-option'],
      ]}
      submitLabel="Mark as entered in error"
      confirmationTitle="Marked as entered in error"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <>
          <TextAreaField
            id="reason"
            name="reason"
            label="Why was it entered in error?"
            error={state.fieldErrors?.reason}
            defaultValue={enteredText(state, 'reason')}
            rows={3}
          />
          <CheckboxesField
            id="confirm"
            name="confirm"
            legend="Confirm"
            error={state.fieldErrors?.confirm}
            defaultValues={enteredList(state, 'confirm')}
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
