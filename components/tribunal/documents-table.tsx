// A list of tribunal documents across cases (the MHA office's view, an author's reminders):
// patient, document, author, where it has got to, due date and lateness, with a link to the case.
import Link from 'next/link';
import { formatDate } from '@/lib/format';
import {
  DOCUMENT_AUTHOR_LABELS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  type DocumentRow,
} from '@/lib/server/queries/tribunal-paperwork';

export function TribunalDocumentsTable({
  rows,
  caption,
}: {
  rows: readonly DocumentRow[];
  caption: string;
}) {
  if (rows.length === 0) return <p>There are no documents to show.</p>;
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Patient</th>
          <th scope="col">Document</th>
          <th scope="col">Author</th>
          <th scope="col">Where it has got to</th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((d) => (
          <tr key={d.id}>
            <td className="nhsuk-table__cell">
              {d.patient && d.caseId ? (
                <Link href={`/patients/${d.patient.id}/tribunal/${d.caseId}`}>
                  {d.patient.name}
                </Link>
              ) : (
                d.patient?.name
              )}
            </td>
            <td className="nhsuk-table__cell">
              {d.patient && (d.caseId ?? d.managersHearingId) ? (
                <Link
                  href={`/patients/${d.patient.id}/tribunal/${d.caseId ?? d.managersHearingId}/documents/${d.id}`}
                >
                  {DOCUMENT_KIND_LABELS[d.kind]}
                  <span className="nhsuk-u-visually-hidden"> for {d.patient.name}</span>
                </Link>
              ) : (
                DOCUMENT_KIND_LABELS[d.kind]
              )}
            </td>
            <td className="nhsuk-table__cell">
              {d.author ?? 'Not named yet'} ({DOCUMENT_AUTHOR_LABELS[d.authorRole].toLowerCase()})
            </td>
            <td className="nhsuk-table__cell">
              {DOCUMENT_STATUS_LABELS[d.status]}
              {d.lateness ? (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--red">Late: {d.lateness.describe}</strong>
                </>
              ) : null}
            </td>
            <td className="nhsuk-table__cell app-table-nowrap">
              {d.dueOn ? `5pm, ${formatDate(d.dueOn)}` : 'Not set'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
