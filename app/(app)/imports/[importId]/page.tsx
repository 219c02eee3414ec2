import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getRegisterImport } from '@/lib/server/queries/register-imports';
import { formatLondonInstant } from '@/lib/server/dates';
import { isId } from '@/lib/server/services/run-service';
import { FIELD_LABELS, IMPORT_FIELDS } from '@/lib/import/fields';
import { NoPermission } from '@/components/ui/no-permission';
import { DecisionsForm, MappingForm, type Question } from '@/components/imports/import-forms';
import { commitRegisterAction, remapRegisterAction } from '../actions';

export const metadata: Metadata = { title: 'Register import' };

const SHOWN_ROWS = 1000;

const TAGS = {
  ACCEPTED: ['nhsuk-tag nhsuk-tag--green', 'Accepted'],
  WARNING: ['nhsuk-tag nhsuk-tag--yellow', 'To decide'],
  REJECTED: ['nhsuk-tag nhsuk-tag--red', 'Rejected'],
} as const;

export default async function ImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ importId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { importId } = await params;
  const query = await searchParams;
  if (!isId(importId)) notFound();
  let detail;
  try {
    detail = await getRegisterImport({ actor }, importId);
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="imports" />;
    if (error instanceof NotFound) notFound();
    throw error;
  }
  const questions: Question[] = detail.rows.flatMap((r) =>
    r.imported
      ? []
      : r.messages
          .filter((m) => m.severity === 'question')
          .map((m, n) => ({
            key: `q${r.row}_${n}`,
            row: r.row,
            column: m.column,
            message: m.message,
            choices: m.choices ?? [],
          })),
  );
  const waiting = detail.rows.filter((r) => !r.imported && r.outcome === 'ACCEPTED').length;
  const imported = typeof query.imported === 'string' ? Number(query.imported) : null;
  const fields = IMPORT_FIELDS.map((f) => ({ value: f, label: FIELD_LABELS[f] }));

  return (
    <>
      <p>
        <Link href="/imports" className="nhsuk-back-link">
          All imports
        </Link>
      </p>
      <h1>Import of {detail.fileName}</h1>
      {imported !== null && Number.isFinite(imported) ? (
        <div className="nhsuk-inset-text" role="status">
          <p>
            {imported === 1 ? '1 order was imported.' : `${imported} orders were imported.`} Their
            patients are in the register, and every clock has started.
          </p>
        </div>
      ) : null}
      {query.remapped ? (
        <div className="nhsuk-inset-text" role="status">
          <p>The file was read again with your mapping. The mapping is kept for the next file.</p>
        </div>
      ) : null}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Uploaded</dt>
          <dd className="nhsuk-summary-list__value">
            {formatLondonInstant(detail.createdAt)} by {detail.createdBy}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">File</dt>
          <dd className="nhsuk-summary-list__value">
            {detail.fileName} ({detail.fileKind}
            {detail.sheetName ? `, sheet “${detail.sheetName}”` : ''}; SHA-256{' '}
            <code>{detail.fileSha256.slice(0, 16)}…</code>)
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Rows</dt>
          <dd className="nhsuk-summary-list__value">
            {detail.rowCount}: {detail.accepted} accepted, {detail.warnings} to decide,{' '}
            {detail.rejected} rejected
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Imported</dt>
          <dd className="nhsuk-summary-list__value">
            {detail.importedCount > 0 && detail.committedAt
              ? `${detail.importedCount} orders; last on ${formatLondonInstant(detail.committedAt)} by ${detail.committedBy ?? 'Unknown'}`
              : 'Nothing yet: this is a preview'}
          </dd>
        </div>
      </dl>
      <p>
        <a href={`/api/v1/imports/${detail.id}/outcomes`} download>
          Download every row’s outcome (CSV)
        </a>
      </p>

      {detail.notes.length > 0 ? (
        <>
          <h2>What we noticed about the file</h2>
          <ul>
            {detail.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Decide and import</h2>
      {questions.length === 0 && waiting === 0 ? (
        <p>There is nothing left to import from this file.</p>
      ) : (
        <DecisionsForm
          action={commitRegisterAction}
          importId={detail.id}
          questions={questions}
          canImport={waiting}
        />
      )}

      <h2>Columns</h2>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Fix how the columns are mapped</span>
        </summary>
        <div className="nhsuk-details__text">
          <MappingForm
            action={remapRegisterAction}
            importId={detail.id}
            columns={detail.columns.map((c) => ({
              index: c.index,
              header: c.header,
              field: c.field,
            }))}
            fields={fields}
          />
        </div>
      </details>

      <h2>Every row</h2>
      {detail.rows.length > SHOWN_ROWS ? (
        <p>
          The first {SHOWN_ROWS} of {detail.rows.length} rows are shown; download the CSV for all.
        </p>
      ) : null}
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
          Each row of the file and its outcome
        </caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Patient</th>
            <th scope="col">Outcome</th>
            <th scope="col">What we found</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {detail.rows.slice(0, SHOWN_ROWS).map((r) => {
            const [className, label] = TAGS[r.outcome];
            return (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>
                  {r.patientId ? (
                    <Link href={`/patients/${r.patientId}`}>{r.name}</Link>
                  ) : (
                    (r.name ?? '')
                  )}
                </td>
                <td>
                  <strong className={className}>{r.imported ? 'Imported' : label}</strong>
                </td>
                <td>
                  {r.messages.length === 0 ? null : (
                    <ul className="nhsuk-list">
                      {r.messages.map((m, i) => (
                        <li key={`${m.code}-${i}`}>
                          {m.column ? <strong>{m.column}: </strong> : null}
                          {m.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
