// One tribunal case (issue 9, part 1): the documents it needs, who writes each, where each has
// got to (with dates) and whether it is late; the hearing diarised; whether a paper decision is
// possible (HESC r35(3), the rule text marked for legal review). The MHA office moves any
// document and marks it sent; an author moves their own up to signed.
import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { TRIBUNAL_DOCUMENT_STATUSES, moveTribunalDocument } from '@/lib/cto';
import { formatDate, formatDateTime } from '@/lib/format';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import {
  DOCUMENT_AUTHOR_LABELS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  getTribunalCase,
} from '@/lib/server/queries/tribunal-paperwork';
import { PatientCaption } from '@/components/social/patient-caption';
import { NoPermission } from '@/components/ui/no-permission';
import {
  DiariseHearingForm,
  DocumentStatusForm,
  WrittenStatementForm,
} from '@/components/tribunal/paperwork-forms';
import { listPatientDocuments } from '@/lib/server/documents/documents';
import { DocumentDownloads } from '@/components/documents/document-downloads';
import { diariseHearingAction, updateDocumentAction, writtenStatementAction } from './actions';

export const metadata: Metadata = { title: 'Tribunal case' };

export default async function TribunalCasePage({
  params,
}: {
  params: Promise<{ patientId: string; caseId: string }>;
}) {
  const actor = await requireActor();
  const { patientId, caseId } = await params;
  let view;
  try {
    view = await getTribunalCase(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/tribunal/${caseId}`) },
      patientId,
      caseId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="this tribunal case" />;
    throw error;
  }
  const office = can(actor.roles, 'manage:tribunal');
  // The bundle, this case's reports and the chronology, to download (issue 9, part 3).
  const downloads = (
    await listPatientDocuments(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/tribunal/${caseId}`) },
      patientId,
    )
  ).items.filter((d) => d.tribunalCaseId === caseId || d.kind === 'CHRONOLOGY');
  const c = view.tribunalCase;
  const title =
    c.kind === 'REFERENCE'
      ? `Reference to the tribunal (${c.basis})`
      : `Application to the tribunal (${c.basis})`;
  const bound = (fn: typeof updateDocumentAction) => fn.bind(null, patientId, caseId);
  return (
    <>
      <PatientCaption patient={view.patient} />
      <h1>{title}</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Received or made</dt>
          <dd className="nhsuk-summary-list__value">{formatDate(c.receivedOn)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Statement and reports due</dt>
          <dd className="nhsuk-summary-list__value">
            By 5pm on {formatDate(c.documentsDueOn)} (HESC Rules r32(6))
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Case</dt>
          <dd className="nhsuk-summary-list__value">
            {c.status === 'OPEN' ? 'Open' : c.status === 'WITHDRAWN' ? 'Withdrawn' : 'Decided'}
            {c.tribunalReference ? `, tribunal reference ${c.tribunalReference}` : ''}
          </dd>
        </div>
      </dl>

      <h2>Documents</h2>
      {view.allSent ? (
        <div className="nhsuk-inset-text">
          <p>Every document has been sent to the tribunal. The deadline is closed.</p>
        </div>
      ) : null}
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">
          The documents this case needs
        </caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Author</th>
            <th scope="col">Where it has got to</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {view.documents.map((d) => (
            <tr key={d.id}>
              <td className="nhsuk-table__cell">
                <Link href={`/patients/${patientId}/tribunal/${c.id}/documents/${d.id}`}>
                  {DOCUMENT_KIND_LABELS[d.kind]}
                </Link>
              </td>
              <td className="nhsuk-table__cell">
                {d.author ?? 'Not named yet'}
                <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">
                  {DOCUMENT_AUTHOR_LABELS[d.authorRole]}
                </span>
              </td>
              <td className="nhsuk-table__cell">
                <strong className="nhsuk-tag nhsuk-tag--white">
                  {DOCUMENT_STATUS_LABELS[d.status]}
                </strong>
                {d.lateness ? (
                  <>
                    {' '}
                    <strong className="nhsuk-tag nhsuk-tag--red">
                      Late: {d.lateness.describe}
                    </strong>
                  </>
                ) : null}
                <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                  {d.steps.map((s) => (
                    <li key={s.status}>
                      {DOCUMENT_STATUS_LABELS[s.status]}: {formatDateTime(s.at)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.documents
        .filter((d) => d.status !== 'SENT' && (office || d.authorId === actor.userId))
        .map((d) => {
          const options = TRIBUNAL_DOCUMENT_STATUSES.filter(
            (s) =>
              (office || (s !== 'SENT' && s !== 'SIGNED')) && moveTribunalDocument(d.status, s).ok,
          ).map((s) => ({ value: s, label: DOCUMENT_STATUS_LABELS[s] }));
          if (options.length === 0) return null;
          return (
            <DocumentStatusForm
              key={d.id}
              action={bound(updateDocumentAction)}
              documentId={d.id}
              idempotencyKey={randomUUID()}
              label={`${DOCUMENT_KIND_LABELS[d.kind]}: move to`}
              options={options}
            />
          );
        })}

      <DocumentDownloads heading="Download the bundle and documents" items={downloads} />

      <h2>Hearing</h2>
      {view.hearings.length === 0 ? <p>No hearing has been diarised yet.</p> : null}
      <ul className="nhsuk-list">
        {view.hearings.map((h) => (
          <li key={h.id}>
            {h.heldOn
              ? `Held on ${formatDate(h.heldOn)}`
              : `Listed for ${formatDateTime(h.scheduledAt)}`}
            {h.mode === 'VIDEO' ? ', by video' : h.mode === 'IN_PERSON' ? ', in person' : ''}
            {h.venue ? ` (${h.venue})` : ''}
          </li>
        ))}
      </ul>
      {office && c.status === 'OPEN' ? (
        <DiariseHearingForm
          action={bound(diariseHearingAction)}
          caseId={c.id}
          idempotencyKey={randomUUID()}
        />
      ) : null}

      <h2>Decision without a hearing (rule 35)</h2>
      <p>
        {view.paperDecision.possible
          ? 'A paper decision may be possible for this case.'
          : `A paper decision is not possible: ${view.paperDecision.missing.join('; ')}.`}
      </p>
      <div className="nhsuk-warning-callout">
        <h3 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>For legal review
          </span>
        </h3>
        <p>{view.paperDecision.ruleText}</p>
        <p>{view.paperDecision.legalReview}</p>
      </div>
      {office && c.writtenStatementReceivedOn === null && c.kind === 'REFERENCE' ? (
        <WrittenStatementForm
          action={bound(writtenStatementAction)}
          caseId={c.id}
          idempotencyKey={randomUUID()}
        />
      ) : null}
      {c.writtenStatementReceivedOn ? (
        <p>Written statement received on {formatDate(c.writtenStatementReceivedOn)}.</p>
      ) : null}
      <p>
        <Link href={`/patients/${patientId}/chronology`}>The patient’s chronology</Link>
        {office ? (
          <>
            {' · '}
            <Link href="/tribunal">Every case’s documents</Link>
          </>
        ) : null}
      </p>
    </>
  );
}
