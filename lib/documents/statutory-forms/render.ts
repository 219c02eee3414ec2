// A statutory form as a PDF, laid out like the prescribed form (layouts.ts) and filled with
// what was recorded. A "delete as appropriate" choice keeps what was chosen and strikes the
// rest through; a fill-in with nothing recorded says so. A form whose wording has not been
// checked against the published form says "Wording to be checked" at its head. Pure.
import type { DocumentPatient } from '../content';
import { PdfWriter } from '../pdf';
import { FORM_LAYOUTS, formTitle, type FormItem, type FormType, type FormValues } from './layouts';

export const WORDING_TO_BE_CHECKED =
  'Wording to be checked: this layout follows the regulation that prescribes the form; its printed wording has not yet been checked against the published form.';

export interface FormCopy {
  type: FormType;
  values: FormValues;
  patient: DocumentPatient;
  /** "Copy of the form recorded in CTO Tracker on …, by …". */
  recordedLine: string;
  enteredInError?: string | null;
}

function valueText(v: FormValues[string]): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() ? v : null;
  return v.length ? v.join('\n') : null;
}

function chosen(v: FormValues[string]): Set<string> {
  if (v === null || v === undefined) return new Set();
  return new Set((typeof v === 'string' ? [v] : v).map((s) => s.toLowerCase()));
}

function drawItem(writer: PdfWriter, item: FormItem, values: FormValues): void {
  switch (item.kind) {
    case 'text':
      writer.text(item.text, {
        indent: item.indent ?? (item.hang ? 28 : 0),
        hang: item.hang,
        bold: item.bold,
        italic: item.italic,
        size: 10,
      });
      return;
    case 'field':
      writer.text(item.prompt, { size: 10, indent: item.indent ?? 0, after: 2 });
      writer.field('', valueText(values[item.key]), { indent: item.indent ?? 0 });
      return;
    case 'choice': {
      const picked = chosen(values[item.key]);
      const indent = item.indent ?? 28;
      if (item.instruction) writer.text(item.instruction, { size: 9, italic: true, indent });
      // Nothing recorded: every option stays, and the form says which one applies is not known.
      const known = picked.size > 0;
      if (!known)
        writer.text('Not recorded which of these applies.', {
          size: 9,
          italic: true,
          indent,
          colour: 'grey',
        });
      for (const o of item.options) {
        const kept = !known || picked.has(o.value);
        writer.text(kept ? o.text : `${o.text} (deleted)`, {
          size: 10,
          indent,
          hang: o.hang,
          strike: !kept,
          colour: kept ? 'black' : 'grey',
        });
      }
      return;
    }
    case 'signature': {
      writer.ensure(70);
      writer.field(`Signed (${item.as})`, valueText(values[item.name]));
      writer.field('Date', valueText(values[item.date]));
      if (item.time) writer.field('Time', valueText(values[item.time]));
      return;
    }
    case 'notice':
      writer.text(item.text, { size: 9, bold: true, after: 8 });
      return;
  }
}

export async function renderStatutoryForm(copy: FormCopy): Promise<Uint8Array> {
  const layout = FORM_LAYOUTS[copy.type];
  const writer = await PdfWriter.create(`Form ${copy.type}`);
  writer.text(formTitle(layout), { size: 10, bold: true, after: 2 });
  writer.heading(layout.heading, 2);
  if (layout.completedBy) writer.text(layout.completedBy, { size: 10, italic: true });
  if (!layout.wordingChecked)
    writer.text(WORDING_TO_BE_CHECKED, { size: 10, bold: true, colour: 'blue' });
  if (copy.enteredInError) {
    writer.text(`ENTERED IN ERROR: ${copy.enteredInError}`, { bold: true, size: 11 });
  }
  writer.text(copy.recordedLine, { size: 9, colour: 'grey', after: 10 });
  for (const part of layout.parts) {
    if (part.title) writer.heading(part.title, 3);
    for (const item of part.items) drawItem(writer, item, copy.values);
  }
  writer.stamp({
    patient: copy.patient,
    footerTitle: `Form ${copy.type}: copy of what was recorded`,
  });
  return writer.save();
}
