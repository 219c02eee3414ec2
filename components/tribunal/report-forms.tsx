'use client';
// Report draft forms (issue 9 §2), through the binding (components/forms): one section's text
// (with the version it was opened at, so a stale save is told the section changed), marking the
// draft ready for sign-off, and signing or countersigning (name, role, date, a declaration).
import type { ReactNode } from 'react';
import { ActionForm, type ActionFor } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import { TextAreaField } from '@/components/forms/fields';
import type {
  markReportReadySchema,
  nameReportAuthorSchema,
  saveReportSectionSchema,
  signReportSchema,
  withholdReportSchema,
} from '@/lib/schemas/tribunal-report';
import type { FormState } from '@/lib/schemas/form-state';

export function ReportSectionForm(props: {
  action: ActionFor<FormState>;
  documentId: string;
  sectionKey: string;
  baseVersion: number;
  idempotencyKey: string;
  label: string;
  hint: ReactNode;
  text: string;
}) {
  return (
    <ActionForm<InputOf<typeof saveReportSectionSchema>>
      action={props.action}
      hidden={{
        documentId: props.documentId,
        sectionKey: props.sectionKey,
        baseVersion: String(props.baseVersion),
      }}
      idempotencyKey={props.idempotencyKey}
      idPrefix={`section-${props.sectionKey}`}
      submitLabel="Save this section"
      submitVariant="secondary"
    >
      {(f) => (
        <TextAreaField
          {...f.text('text', { initial: props.text })}
          label={props.label}
          hint={props.hint}
          rows={Math.min(16, Math.max(4, Math.ceil(props.text.length / 90) + 2))}
        />
      )}
    </ActionForm>
  );
}

export function ReportReadyForm(props: {
  action: ActionFor<FormState>;
  documentId: string;
  idempotencyKey: string;
}) {
  return (
    <ActionForm<InputOf<typeof markReportReadySchema>>
      action={props.action}
      hidden={{ documentId: props.documentId }}
      idempotencyKey={props.idempotencyKey}
      idPrefix="ready"
      submitLabel="Mark ready for sign-off"
    />
  );
}

export function ReportSignForm(props: {
  action: ActionFor<FormState>;
  documentId: string;
  idempotencyKey: string;
  countersign: boolean;
  name: string;
  today: string;
}) {
  const what = props.countersign ? 'countersign' : 'sign';
  return (
    <ActionForm<InputOf<typeof signReportSchema>>
      action={props.action}
      hidden={{ documentId: props.documentId }}
      idempotencyKey={props.idempotencyKey}
      idPrefix={what}
      submitLabel={props.countersign ? 'Countersign the report' : 'Sign the report'}
      fields={[
        { text: 'name', label: 'Your name as it should appear', initial: props.name },
        {
          text: 'role',
          label: 'Your role',
          hint: 'For example, consultant psychiatrist, or community psychiatric nurse.',
        },
        { date: 'signedOn', legend: `Date you ${what}`, initial: props.today },
        {
          tick: 'confirm',
          legend: 'Declaration',
          label: props.countersign
            ? 'I am the patient’s responsible clinician and I countersign this report.'
            : 'This report is correct to the best of my knowledge.',
        },
      ]}
    />
  );
}

/** Tribunal rule 14: the RC or the MHA office withholds the report (or part) from the patient. */
export function ReportWithholdForm(props: {
  action: ActionFor<FormState>;
  documentId: string;
  idempotencyKey: string;
  withheld: boolean;
  reason: string | null;
}) {
  return (
    <ActionForm<InputOf<typeof withholdReportSchema>>
      action={props.action}
      hidden={{ documentId: props.documentId }}
      idempotencyKey={props.idempotencyKey}
      idPrefix="withhold"
      submitLabel="Save whether it is withheld"
      submitVariant="secondary"
      fields={[
        {
          radios: 'withheld',
          legend: 'Is this report, or part of it, withheld from the patient?',
          options: { yes: 'Yes, withheld under rule 14', no: 'No' },
          initial: props.withheld ? 'yes' : 'no',
        },
        {
          textarea: 'reason',
          label: 'Which part, and why',
          hint: 'Rule 14: disclosure would be likely to cause the patient or someone else serious harm. The document will say so, and it is sent separately from the bundle.',
          rows: 3,
          initial: props.reason ?? '',
        },
      ]}
    />
  );
}

/** The MHA office names who writes the document: a clinician of the team, or a named person. */
export function ReportAuthorForm(props: {
  action: ActionFor<FormState>;
  documentId: string;
  idempotencyKey: string;
  people: { value: string; label: string }[];
}) {
  return (
    <ActionForm<InputOf<typeof nameReportAuthorSchema>>
      action={props.action}
      hidden={{ documentId: props.documentId }}
      idempotencyKey={props.idempotencyKey}
      idPrefix="author"
      submitLabel="Name the author"
      submitVariant="secondary"
      fields={[
        {
          select: 'authorId',
          label: 'A person of the patient’s team',
          choose: 'Select a person',
          options: props.people,
        },
        {
          text: 'authorName',
          label: 'Or a named person outside the app',
          hint: 'For example, the ward’s named nurse. Leave empty if you chose a person above.',
        },
      ]}
    />
  );
}
