'use server';
// Thin server action: the catchment population behind the statistics' rates.
import { revalidatePath } from 'next/cache';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { uploadStatisticsPopulation } from '@/lib/server/services/upload-statistics-population';
import { formValues, type FormState } from '@/lib/schemas/form-state';

export async function uploadPopulationAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['source', 'csv']);
  const file = form.get('file');
  // A chosen file wins over the pasted text (the form works without JavaScript either way).
  if (file instanceof File && file.size > 0 && file.size <= 200_000) {
    values.csv = await file.text();
  }
  const result = await uploadStatisticsPopulation(actor, values, {
    meta: await getRequestMeta('/statistics/population'),
  });
  if (!result.ok) {
    return { message: result.message, fieldErrors: result.fieldErrors, values };
  }
  revalidatePath('/statistics/population');
  return {
    ok: true,
    message: `Saved: ${result.data.rows} rows, ${result.data.total.toLocaleString('en-GB')} people. The statistics' rates now use it.`,
  };
}
