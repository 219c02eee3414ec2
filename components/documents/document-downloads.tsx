// A patient's documents with their download links (issue 9, part 3), on the patient page and
// on a tribunal case page. Documents withheld from the patient under tribunal rule 14 are listed
// in a table of their own, which says so. Links go to GET /api/v1/documents/{id}?format=…
import { downloadHref, FORMAT_LABELS, formatsForKind } from '@/lib/documents/kinds';
import { humanise } from '@/lib/ui/humanise';

export interface DownloadableDocument {
  id: string;
  kind: string;
  status: string;
  title: string;
  withheldFromPatient: boolean;
}

function DocumentTable({ caption, items }: { caption: string; items: DownloadableDocument[] }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Document</th>
          <th scope="col">Status</th>
          <th scope="col">Download</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {items.map((d) => (
          <tr key={d.id}>
            <td className="nhsuk-table__cell">{d.title}</td>
            <td className="nhsuk-table__cell">{humanise(d.status)}</td>
            <td className="nhsuk-table__cell">
              {formatsForKind(d.kind).map((f, i) => (
                <span key={f}>
                  {i > 0 ? ' · ' : null}
                  <a href={downloadHref(d.id, f)} download>
                    {FORMAT_LABELS[f]}
                    <span className="nhsuk-u-visually-hidden"> of {d.title}</span>
                  </a>
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DocumentDownloads({
  items,
  heading = 'Documents',
}: {
  items: DownloadableDocument[];
  heading?: string;
}) {
  const open = items.filter((d) => !d.withheldFromPatient);
  const withheld = items.filter((d) => d.withheldFromPatient);
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{heading}</h2>
      {items.length === 0 ? <p>There are no documents to download yet.</p> : null}
      {open.length > 0 ? <DocumentTable caption="Documents to download" items={open} /> : null}
      {withheld.length > 0 ? (
        <>
          <div className="nhsuk-warning-callout">
            <h3 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>Withheld from the
                patient
              </span>
            </h3>
            <p>
              The tribunal has been asked not to disclose these documents to the patient (rule 14).
              They are kept out of the bundle and say so on every page.
            </p>
          </div>
          <DocumentTable caption="Withheld from the patient (rule 14)" items={withheld} />
        </>
      ) : null}
    </section>
  );
}
