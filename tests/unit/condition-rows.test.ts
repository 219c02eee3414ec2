// The Propose form's discretionary condition rows: named by position, so the server's field
// errors (`conditions.1.purpose`) land beside the right row and in the error summary.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { conditionRow, FIRST_NEW_ROW, rowsFrom } from '@/components/orders/condition-rows';
import { ProposeOrderForm } from '@/components/orders/propose-order-form';
import { formToObject } from '@/lib/schemas/common';
import { proposeOrderSchema } from '@/lib/schemas/orders/making';
import { allFormValues } from '@/lib/schemas/orders/shared';
import { zodFieldErrors } from '@/lib/server/services/run-service';

/** What the browser sends for rows with these ids, as the form names them. */
function submit(rows: { id: number; category: string; wording: string; purpose?: string }[]) {
  const form = new FormData();
  rows.forEach((r, position) => {
    const row = conditionRow(r.id, position);
    form.set(row.name('category'), r.category);
    form.set(row.name('wording'), r.wording);
    if (r.purpose) form.set(row.name('purpose'), r.purpose);
  });
  return form;
}

describe('discretionary condition rows', () => {
  it('are named by position, whatever their ids', () => {
    const form = submit([
      { id: FIRST_NEW_ROW + 3, category: 'RESIDENCE', wording: 'A', purpose: 'ENSURE_TREATMENT' },
      { id: FIRST_NEW_ROW + 7, category: 'MEDICATION', wording: 'B', purpose: 'PROTECT_OTHERS' },
    ]);
    expect([...form.keys()]).toEqual([
      'conditions.0.category',
      'conditions.0.wording',
      'conditions.0.purpose',
      'conditions.1.category',
      'conditions.1.wording',
      'conditions.1.purpose',
    ]);
  });

  it('show the server’s error for the second row beside it and in the summary', () => {
    const form = submit([
      { id: FIRST_NEW_ROW, category: 'RESIDENCE', wording: 'A', purpose: 'ENSURE_TREATMENT' },
      { id: FIRST_NEW_ROW + 1, category: 'MEDICATION', wording: 'B' },
    ]);
    const parsed = proposeOrderSchema.safeParse(formToObject(form));
    expect(parsed.success).toBe(false);
    const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
    expect(errors['conditions.1.purpose']).toBe(
      'Choose what the condition is for (section 17B(2))',
    );

    // The form after the refusal: rows rebuilt from the echoed values.
    const values = allFormValues(form);
    const rows = rowsFrom(values);
    expect(rows).toEqual([0, 1]);
    const second = conditionRow(rows[1] ?? -1, 1);
    expect(errors[second.key('purpose')]).toBe('Choose what the condition is for (section 17B(2))');
    expect(values[second.key('category')]).toBe('MEDICATION');

    // Drawn: the summary links to the second row's first option, the error stands beside it,
    // and the row keeps its choice under the name the server numbers it by.
    const html = renderToStaticMarkup(
      createElement(ProposeOrderForm, {
        action: async (state) => state,
        patientId: '00000000-0000-4000-8000-000000000001',
        idempotencyKey: 'k',
        legalStatuses: [],
        amhps: [],
        initialState: { ok: false, message: 'Check the form', fieldErrors: errors, values },
      }),
    );
    const summary = html.slice(0, html.indexOf('</ul>'));
    expect(summary).toContain(
      'href="#conditions-1-purpose-option">Choose what the condition is for (section 17B(2))',
    );
    expect(html).toContain('Discretionary condition 2');
    expect(html).toMatch(/id="conditions-1-purpose-error"/);
    expect(html).toMatch(/name="conditions\.1\.purpose"/);
    expect(html).toMatch(/<option value="MEDICATION" selected="">/);
  });

  it('keep their ids (and errors) when a row above is removed, and are renamed by position', () => {
    // After a refusal the rows are [0, 1]; the person removes row 0.
    const row = conditionRow(1, 0);
    expect(row.key('purpose')).toBe('conditions.1.purpose');
    expect(row.id('purpose')).toBe('conditions-1-purpose');
    expect(row.name('purpose')).toBe('conditions.0.purpose');
  });
});
