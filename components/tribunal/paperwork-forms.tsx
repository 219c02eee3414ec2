'use client';
// Tribunal paperwork forms (issue 9, part 1), each through the binding (components/forms/bind.ts)
// inside ActionForm: where a document has got to, diarising a listed hearing, the written
// statement that may allow a paper decision (HESC r35(3)).
import { ActionForm, type ActionFor } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import {
  DateField,
  DateTimeField,
  RadiosField,
  SelectField,
  TextField,
} from '@/components/forms/fields';
import type {
  diariseHearingSchema,
  updateTribunalDocumentSchema,
  writtenStatementSchema,
} from '@/lib/schemas/tribunal-paperwork';
import type { FormState } from '@/lib/schemas/form-state';

export function DocumentStatusForm(props: {
  action: ActionFor<FormState>;
  documentId: string;
  idempotencyKey: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  return (
    <ActionForm<InputOf<typeof updateTribunalDocumentSchema>>
      action={props.action}
      hidden={{ documentId: props.documentId }}
      idempotencyKey={props.idempotencyKey}
      idPrefix={`doc-${props.documentId}`}
      submitLabel="Update"
      submitVariant="secondary"
    >
      {(f) => <SelectField {...f.select('status')} label={props.label} options={props.options} />}
    </ActionForm>
  );
}

export function DiariseHearingForm(props: {
  action: ActionFor<FormState>;
  caseId: string;
  idempotencyKey: string;
}) {
  return (
    <ActionForm<InputOf<typeof diariseHearingSchema>>
      action={props.action}
      hidden={{ caseId: props.caseId }}
      idempotencyKey={props.idempotencyKey}
      idPrefix="hearing"
      submitLabel="Diarise the hearing"
    >
      {(f) => (
        <>
          <DateTimeField
            {...f.dateTime('scheduledAt')}
            legend="When is the hearing?"
            hint="The date and time the tribunal listed it for."
          />
          <RadiosField
            {...f.radios('mode')}
            legend="How will it be held?"
            options={[
              { value: 'IN_PERSON', label: 'In person' },
              { value: 'VIDEO', label: 'By video' },
            ]}
          />
          <TextField
            {...f.text('venue')}
            label="Venue (or video link details)"
            hint="Needed for a hearing in person."
          />
        </>
      )}
    </ActionForm>
  );
}

export function WrittenStatementForm(props: {
  action: ActionFor<FormState>;
  caseId: string;
  idempotencyKey: string;
}) {
  return (
    <ActionForm<InputOf<typeof writtenStatementSchema>>
      action={props.action}
      hidden={{ caseId: props.caseId }}
      idempotencyKey={props.idempotencyKey}
      idPrefix="statement"
      submitLabel="Record the statement"
      submitVariant="secondary"
    >
      {(f) => (
        <DateField
          {...f.date('receivedOn')}
          legend="When did the tribunal receive the written statement?"
          hint="The patient or their representative said in writing that the patient does not wish to attend or be represented."
        />
      )}
    </ActionForm>
  );
}
