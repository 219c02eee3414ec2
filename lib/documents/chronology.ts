// The chronology as a document (issue 9, parts 3 and 4): the entries the chronology query
// already dated and ordered (lib/chronology), as one table, oldest first, each dated when it
// happened with when and by whom it was recorded beside it. Nothing is re-dated here. Pure.
import { formatDate, formatDateTime } from '@/lib/format';
import type { DocumentContent, DocumentPatient } from './content';

export interface ChronologyRow {
  /** An instant, or a calendar day ('YYYY-MM-DD') when only the day is known. */
  at: Date | string;
  title: string;
  detail: string | null;
  by?: string | null;
  recorded?: { at: Date | null; by: string | null } | null;
  enteredInError?: { at: Date | null; reason: string | null } | null;
}

export function whenText(at: Date | string): string {
  return typeof at === 'string' ? formatDate(at) : formatDateTime(at);
}

function recordedText(row: ChronologyRow): string {
  const r = row.recorded;
  if (!r || (!r.at && !r.by)) return '';
  return [r.at ? formatDateTime(r.at) : null, r.by ? `by ${r.by}` : null].filter(Boolean).join(' ');
}

export function chronologyContent(input: {
  patient: DocumentPatient;
  rows: readonly ChronologyRow[];
  /** ISO date the document was produced. */
  producedOn: string;
}): DocumentContent {
  const rows = input.rows.map((row) => {
    const what = [row.title, row.detail, row.by ? `By ${row.by}` : null]
      .filter((s): s is string => Boolean(s))
      .join('\n');
    const error = row.enteredInError
      ? `\nENTERED IN ERROR${row.enteredInError.reason ? `: ${row.enteredInError.reason}` : ''}`
      : '';
    return [whenText(row.at), `${what}${error}`, recordedText(row)];
  });
  return {
    title: 'Chronology',
    subtitle: `Produced on ${formatDate(input.producedOn)}. Oldest first; each entry is dated when it happened, with when and by whom it was recorded.`,
    patient: input.patient,
    sections: [
      {
        heading: 'Chronology of events',
        paragraphs: [
          rows.length
            ? `This chronology lists ${rows.length} ${rows.length === 1 ? 'entry' : 'entries'} from the patient’s record, oldest first. Entries entered in error are kept and marked.`
            : 'Nothing has been recorded for this patient yet.',
        ],
        sources: [
          'The patient’s record in CTO Tracker (orders, forms, recalls, hearings, contacts and assessments)',
        ],
        table: { headers: ['When it happened', 'What happened', 'Recorded'], rows },
      },
    ],
    signatures: [],
  };
}
