'use client';
// The MHA office's forms for importing its register (issue 10 §2): upload a file, fix how its
// columns are mapped, answer the preview's questions and commit. Each field through the binding.
import type { ReactNode } from 'react';
import { ActionForm, type ActionFor } from '@/components/forms/action-form';
import type { BoundText, InputOf } from '@/components/forms/bind';
import { RadiosField, SelectField } from '@/components/forms/fields';
import type { FormState } from '@/lib/schemas/form-state';
import type {
  importDecisionsFormSchema,
  importMappingFormSchema,
  importUploadFormSchema,
} from '@/lib/schemas/register-import';

function FileField(props: BoundText & { label: ReactNode; hint: ReactNode; accept: string }) {
  const { id, name, error, label, hint, accept } = props;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        {hint}
      </div>
      {error ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <input
        className={`nhsuk-file-upload${error ? ' nhsuk-file-upload--error' : ''}`}
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
    </div>
  );
}

export function UploadRegisterForm({ action }: { action: ActionFor<FormState> }) {
  return (
    <ActionForm<InputOf<typeof importUploadFormSchema>>
      action={action}
      submitLabel="Preview the import"
    >
      {(f) => (
        <FileField
          {...f.text('file')}
          label="Register file"
          hint="A CSV or Excel (.xlsx) file of up to 20 MB. Nothing is imported until you have checked the preview."
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
      )}
    </ActionForm>
  );
}

export interface MappingColumn {
  index: number;
  header: string;
  field: string | null;
}

export function MappingForm({
  action,
  importId,
  columns,
  fields,
}: {
  action: ActionFor<FormState>;
  importId: string;
  columns: readonly MappingColumn[];
  fields: readonly { value: string; label: string }[];
}) {
  return (
    <ActionForm<InputOf<typeof importMappingFormSchema>>
      action={action}
      hidden={{ importId }}
      idPrefix="mapping"
      submitLabel="Preview again with this mapping"
      submitVariant="secondary"
    >
      {(f) => (
        <>
          {columns.map((c) => (
            <SelectField
              key={c.index}
              {...f.select(`mapping.${c.index}`, { initial: c.field ?? '' })}
              label={`Column “${c.header}”`}
              options={[{ value: '', label: 'Not mapped (not imported)' }, ...fields]}
            />
          ))}
        </>
      )}
    </ActionForm>
  );
}

export interface Question {
  key: string;
  row: number;
  column: string | null;
  message: string;
  choices: readonly { value: string; label: string }[];
}

export function DecisionsForm({
  action,
  importId,
  questions,
  canImport,
}: {
  action: ActionFor<FormState>;
  importId: string;
  questions: readonly Question[];
  canImport: number;
}) {
  return (
    <ActionForm<InputOf<typeof importDecisionsFormSchema>>
      action={action}
      hidden={{ importId }}
      idPrefix="decide"
      submitLabel={
        questions.length > 0
          ? 'Import the accepted rows and those decided'
          : `Import ${canImport === 1 ? 'the accepted row' : `the ${canImport} accepted rows`}`
      }
    >
      {(f) => (
        <>
          {questions.map((q) => (
            <RadiosField
              key={q.key}
              {...f.radios(`decisions.${q.key}`)}
              legend={`Row ${q.row}${q.column ? `, ${q.column}` : ''}`}
              hint={q.message}
              options={q.choices}
            />
          ))}
          {questions.length > 0 ? (
            <p className="nhsuk-body">
              A row whose questions are not all answered is left out; you can come back to it.
            </p>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}
