'use client';
// Absence without leave (s18, s21), tribunal events (s66, s68; HESC r32(6)) and the
// "entered in error" correction.
import type { InputOf } from '@/components/forms/bind';
import type { Choices } from '@/components/forms/field-list';
import type { awolBeginsSchema, awolEndsSchema } from '@/lib/schemas/orders/awol';
import type { enteredInErrorSchema } from '@/lib/schemas/orders/correction';
import type { tribunalCaseSchema, tribunalHearingSchema } from '@/lib/schemas/orders/tribunal';
import { APPLICANTS, NOTES_SHORT } from './common-fields';
import { flowForm } from './flow-form';

export const AwolBeginsForm = flowForm<InputOf<typeof awolBeginsSchema>>({
  submitLabel: 'Record the absence',
  confirmationTitle: 'Absence without leave recorded',
  back: true,
  fields: [
    {
      dateTime: 'at',
      legend: 'When the patient went absent',
      hint: 'When they failed to attend after the recall notice was served, or left the hospital without leave.',
    },
    NOTES_SHORT,
  ],
});

export const AwolEndsForm = flowForm<InputOf<typeof awolEndsSchema>>({
  submitLabel: 'Record the return',
  confirmationTitle: 'Return recorded',
  back: true,
  fields: [
    { dateTime: 'at', legend: 'When the patient returned' },
    {
      radios: 'how',
      legend: 'How the patient returned',
      options: {
        RETURNED_SELF: 'Returned by themselves',
        TAKEN_INTO_CUSTODY: 'Taken into custody and returned (section 18)',
      },
    },
    NOTES_SHORT,
  ],
});

const BASES = {
  's66(1)(ca)': 'Section 66(1)(ca): first six months of the order',
  's66(1)(cb)': 'Section 66(1)(cb): after revocation',
  's66(1)(fza)': 'Section 66(1)(fza): during an extension',
  's66(1)(faa)': 'Section 66(1)(faa): after a CTO8',
  's66(1)(g)': 'Section 66(1)(g): nearest relative barred',
  's68(2)': 'Section 68(2): managers’ first reference',
  's68(6)': 'Section 68(6): managers’ periodic reference',
  's68(7)': 'Section 68(7): managers’ reference after revocation',
  s67: 'Section 67: Secretary of State’s reference',
};

export const TribunalCaseForm = flowForm<InputOf<typeof tribunalCaseSchema>>({
  submitLabel: 'Record the application or reference',
  confirmationTitle: 'Tribunal case recorded',
  fields: [
    {
      radios: 'kind',
      legend: 'Is this an application or a reference?',
      inline: true,
      options: { APPLICATION: 'Application', REFERENCE: 'Reference' },
    },
    {
      radios: 'applicant',
      legend: 'Who applied or referred?',
      options: {
        ...APPLICANTS,
        HOSPITAL_MANAGERS: 'The hospital managers',
        SECRETARY_OF_STATE: 'The Secretary of State (section 67)',
      },
    },
    {
      select: 'basis',
      label: 'Section it is made under',
      choose: 'Select a section',
      options: Object.entries(BASES).map(([value, label]) => ({ value, label })),
    },
    {
      date: 'receivedOn',
      legend: 'Date the reference was made, or the copy of the application received',
      hint: 'The statement and reports are due three weeks later (HESC Rules r32(6)).',
    },
    {
      yesNo: 'patientIsInpatient',
      legend: 'Is the patient an in-patient now (for example informally)?',
      hint: 'A recalled patient is an in-patient. In-patients need a nursing report too.',
    },
    { text: 'tribunalReference', label: 'Tribunal’s reference (optional)', width: 20 },
  ],
});

export const TribunalHearingForm = flowForm<
  InputOf<typeof tribunalHearingSchema>,
  { cases: Choices }
>({
  idPrefix: 'hearing',
  submitLabel: 'Record the hearing',
  confirmationTitle: 'Hearing recorded',
  fields: (props) => [
    <p className="nhsuk-body" key="about">
      Record a hearing at which the tribunal considered the case and did not discharge the patient.
      A discharge by the tribunal is recorded as a discharge.
    </p>,
    { select: 'caseId', label: 'Case', choose: 'Select a case', options: props.cases },
    { date: 'heldOn', legend: 'Date of the hearing' },
    NOTES_SHORT,
  ],
});

export const EnteredInErrorForm = flowForm<
  InputOf<typeof enteredInErrorSchema>,
  { eventId: string; eventLabel: string }
>({
  hidden: (props) => ({ eventId: props.eventId }),
  submitLabel: 'Mark as entered in error',
  confirmationTitle: 'Marked as entered in error',
  back: true,
  fields: (props) => [
    { textarea: 'reason', label: 'Why was it entered in error?', rows: 3 },
    {
      tick: 'confirm',
      legend: 'Confirm',
      label: `“${props.eventLabel}” was entered in error. It stays in the record, marked, and the order goes back to how it was before it.`,
    },
  ],
});
