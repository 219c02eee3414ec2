'use client';
// The catchment population form: a CSV file or the CSV pasted (docs/statistics-population.md).
import { ActionForm, type ActionFor } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import { TextAreaField, TextField } from '@/components/forms/fields';
import type { FormState } from '@/lib/schemas/form-state';
import type { populationUploadSchema } from '@/lib/schemas/statistics';

export function PopulationForm({ action }: { action: ActionFor<FormState> }) {
  return (
    <ActionForm<InputOf<typeof populationUploadSchema>>
      action={action}
      rekey
      showSuccess
      submitLabel="Save the population"
    >
      {(f) => (
        <>
          <TextField
            {...f.text('source')}
            label="Where the figures come from"
            hint="For example, Census 2021, Brighton and Hove and West Sussex"
            width={30}
          />
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="population-file">
              CSV file (optional)
            </label>
            <div className="nhsuk-hint" id="population-file-hint">
              If you choose a file, it is used instead of the text below.
            </div>
            <input
              className="nhsuk-file-upload"
              id="population-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="population-file-hint"
            />
          </div>
          <TextAreaField
            {...f.text('csv')}
            label="Or paste the CSV"
            hint="First line: census_ethnic_group,sex,age_band,population"
            rows={10}
          />
        </>
      )}
    </ActionForm>
  );
}
