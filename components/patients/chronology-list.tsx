// The patient's chronology as a table, in the order lib/chronology gives (oldest first unless
// asked): when it happened (the time typed on the form), and on a second line when and by whom
// it was recorded; what kind, what happened, the statutory form, who. Entries entered in error
// are struck through, with the reason.
import type { ChronologyDirection } from '@/lib/chronology/order';
import { STATUTORY_FORM_LABELS } from '@/lib/codes/labels';
import { formatDate, formatDateTime } from '@/lib/format';
import { CHRONOLOGY_KIND_LABELS, type ChronologyEntry } from '@/lib/server/queries/get-chronology';

function When({ at }: { at: ChronologyEntry['at'] }) {
  return <>{typeof at === 'string' ? formatDate(at) : formatDateTime(at)}</>;
}

function Strike({ when, children }: { when: boolean; children: React.ReactNode }) {
  return when ? <s>{children}</s> : <>{children}</>;
}

export function ChronologyList({
  entries,
  direction = 'oldest-first',
}: {
  entries: readonly ChronologyEntry[];
  direction?: ChronologyDirection;
}) {
  if (entries.length === 0) {
    return <p>Nothing matches these filters.</p>;
  }
  return (
    <table className="nhsuk-table app-chronology">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">
        {entries.length} entr{entries.length === 1 ? 'y' : 'ies'},{' '}
        {direction === 'newest-first' ? 'newest first' : 'oldest first'}
      </caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col" className="app-chronology__when">
            When
          </th>
          <th scope="col">What happened</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {entries.map((e) => {
          const error = e.enteredInError;
          return (
            <tr
              key={e.id}
              className={`app-chronology__entry${error ? ' app-chronology__entry--error' : ''}`}
            >
              <td className="nhsuk-table__cell app-table-nowrap">
                <Strike when={Boolean(error)}>
                  <When at={e.at} />
                </Strike>
                {e.recorded?.at || e.recorded?.by ? (
                  <span className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-display-block nhsuk-u-margin-bottom-0 app-chronology__recorded">
                    Recorded
                    {e.recorded.at ? ` on ${formatDateTime(e.recorded.at)}` : ''}
                    {e.recorded.by ? ` by ${e.recorded.by}` : ''}
                  </span>
                ) : null}
              </td>
              <td className="nhsuk-table__cell">
                <span className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-display-block nhsuk-u-margin-bottom-1">
                  {CHRONOLOGY_KIND_LABELS[e.kind]}
                </span>
                <Strike when={Boolean(error)}>
                  <strong>{e.title}</strong>
                  {e.form && !e.title.includes(`(${e.form})`) ? (
                    <>
                      {' '}
                      <span
                        className="nhsuk-tag nhsuk-tag--white"
                        title={STATUTORY_FORM_LABELS[e.form]}
                      >
                        {e.form}
                      </span>
                    </>
                  ) : null}
                  {e.detail ? <span className="nhsuk-u-display-block">{e.detail}</span> : null}
                  {e.by ? (
                    <span className="nhsuk-body-s nhsuk-u-display-block">By {e.by}</span>
                  ) : null}
                </Strike>
                {error ? (
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-1">
                    <strong className="nhsuk-tag nhsuk-tag--grey">Entered in error</strong>{' '}
                    {error.at ? `Marked on ${formatDateTime(error.at)}` : 'Marked'}
                    {error.reason ? `: ${error.reason}` : ''}
                  </p>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
