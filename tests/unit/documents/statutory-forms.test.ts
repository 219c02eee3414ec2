// Each prescribed form is drawn from its layout and filled with recorded values; the PDF's
// text is read back. The exact wording of CTO1, 3, 4, 5 and 7 is on the form; the others say
// "Wording to be checked". A "delete as appropriate" choice keeps what was chosen.
import { describe, expect, it } from 'vitest';
import { FORM_LAYOUTS, FORM_TYPES, formTitle } from '@/lib/documents/statutory-forms/layouts';
import { renderStatutoryForm, WORDING_TO_BE_CHECKED } from '@/lib/documents/statutory-forms/render';
import { pdfPages } from '../../support/documents';

const patient = { name: 'Ada Lovelace', dateOfBirth: '1980-03-04', nhsNumber: '9434765919' };
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('statutory form layouts', () => {
  it('has all twelve forms, the five known word for word marked checked and no others', () => {
    expect(FORM_TYPES).toHaveLength(12);
    const checked = FORM_TYPES.filter((t) => FORM_LAYOUTS[t].wordingChecked);
    expect(checked).toEqual(['CTO1', 'CTO3', 'CTO4', 'CTO5', 'CTO7']);
    expect(formTitle(FORM_LAYOUTS.CTO1)).toBe(
      'Form CTO1 - Regulation 6(1)(a), (b) and 6(2)(a) Mental Health Act 1983',
    );
  });

  it.each(FORM_TYPES)(
    '%s renders, with its heading and the patient on every page',
    async (type) => {
      const pages = await pdfPages(
        await renderStatutoryForm({
          type,
          values: { patient: 'Ada Lovelace, 1 Road, Leeds' },
          patient,
          recordedLine: 'Copy',
        }),
      );
      const all = squash(pages.join('\n'));
      expect(all).toContain(`Form ${type} - ${FORM_LAYOUTS[type].regulation}`);
      expect(all).toContain(squash(FORM_LAYOUTS[type].heading.replace('—', '—')));
      expect(all.includes(WORDING_TO_BE_CHECKED)).toBe(!FORM_LAYOUTS[type].wordingChecked);
      pages.forEach((p, i) => {
        expect(p).toContain('Ada Lovelace');
        expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      });
    },
  );

  it('CTO1 is filled with what was recorded and keeps only the chosen phrases of (b)', async () => {
    const pages = await pdfPages(
      await renderStatutoryForm({
        type: 'CTO1',
        patient,
        recordedLine: 'Copy of the form recorded in CTO Tracker on 4 March 2025',
        values: {
          rc: 'Dr Grace Hopper, Consultant psychiatrist, St Elsewhere, grace@example.nhs.uk',
          patient: 'Ada Lovelace, 1 Road, Leeds',
          necessaryFor: ['health', 'protection of others'],
          grounds: 'Relapses within weeks of stopping depot medication.',
          conditions: ['1. To live at 1 Road, Leeds'],
          amhp: 'Sam Smith, AMHP',
          amhpSigned: 'Sam Smith',
          amhpSignedOn: '4 March 2025',
          effectiveOn: '4 March 2025',
          effectiveTime: '14:00',
          rcSigned: 'Dr Grace Hopper',
          rcSignedOn: '4 March 2025',
        },
      }),
    );
    const all = squash(pages.join('\n'));
    expect(all).toContain('Dr Grace Hopper, Consultant psychiatrist, St Elsewhere');
    expect(all).toContain('Relapses within weeks of stopping depot medication.');
    expect(all).toContain('1. To live at 1 Road, Leeds');
    expect(all).toContain('This community treatment order is to be effective from [date]');
    expect(all).toContain('14:00');
    expect(all).toContain('the patient’s safety (deleted)');
    expect(all).not.toContain('the patient’s health (deleted)');
    expect(all).not.toContain('the protection of other persons (deleted)');
    expect(all).toContain(
      'THIS COMMUNITY TREATMENT ORDER IS NOT VALID UNLESS ALL THREE PARTS ARE COMPLETED AND SIGNED',
    );
    // A fill-in with nothing recorded says so rather than printing a blank.
    expect(all).toContain('Not recorded');
  });

  it('CTO1 and CTO7 print their own wording of criterion (d)', async () => {
    const text = async (type: 'CTO1' | 'CTO7') =>
      squash(
        (
          await pdfPages(
            await renderStatutoryForm({ type, values: {}, patient, recordedLine: 'Copy' }),
          )
        ).join('\n'),
      );
    expect(await text('CTO1')).toContain(
      'it is necessary that the responsible clinician should be able to exercise the power under section 17E(1)',
    );
    expect(await text('CTO7')).toContain(
      'it is necessary that the responsible clinician should continue to be able to exercise the power under section 17E(1)',
    );
    expect(await text('CTO7')).toContain('<delete any indent which is not applicable>');
  });

  it('a choice with nothing recorded keeps every option and says it is not known', async () => {
    const pages = await pdfPages(
      await renderStatutoryForm({ type: 'CTO8', values: {}, patient, recordedLine: 'Copy' }),
    );
    const all = squash(pages.join('\n'));
    expect(all).toContain('Not recorded which of these applies.');
    expect(all).not.toContain('(deleted)');
  });
});
