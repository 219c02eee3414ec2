// One tribunal (or managers' hearing) report (issue 9 §2): its sections pre-filled from the
// record with their sources, each saved on its own (every version kept with who and when);
// then ready for sign-off, signed (name, role, date) and, for an RC report written by someone
// else, countersigned by the RC. Anyone who may read the case reads the report.
import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDate, formatDateTime } from '@/lib/format';
import { requireActor } from '@/lib/server/actor';
import { londonDateOf } from '@/lib/server/dates';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import {
  DOCUMENT_AUTHOR_LABELS,
  DOCUMENT_STATUS_LABELS,
} from '@/lib/server/queries/tribunal-paperwork';
import { getReportDraft } from '@/lib/server/queries/tribunal-report';
import { PatientCaption } from '@/components/social/patient-caption';
import { NoPermission } from '@/components/ui/no-permission';
import {
  ReportAuthorForm,
  ReportReadyForm,
  ReportSectionForm,
  ReportSignForm,
  ReportWithholdForm,
} from '@/components/tribunal/report-forms';
import {
  countersignAction,
  markReadyAction,
  nameAuthorAction,
  saveSectionAction,
  signAction,
  withholdAction,
} from './actions';

export const metadata: Metadata = { title: 'Tribunal report' };

const DONE: Record<string, string> = {
  saved: 'Section saved.',
  ready: 'The report is ready for sign-off.',
  signed: 'The report has been signed.',
  countersigned: 'The report has been countersigned.',
  withheld: 'Whether the report is withheld from the patient has been saved.',
  author: 'The author has been named.',
};

export default async function TribunalReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; caseId: string; documentId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const actor = await requireActor();
  const { patientId, caseId, documentId } = await params;
  const { done } = await searchParams;
  const path = `/patients/${patientId}/tribunal/${caseId}/documents/${documentId}`;
  let view;
  try {
    view = await getReportDraft(
      { actor, meta: await getRequestMeta(path) },
      patientId,
      caseId,
      documentId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="this report" />;
    throw error;
  }
  const d = view.document;
  const bound = <A extends typeof saveSectionAction>(fn: A) => fn.bind(null, patientId, caseId);
  const s = view.signatures;
  const casePath = d.caseId ? `/patients/${patientId}/tribunal/${d.caseId}` : null;
  return (
    <>
      <PatientCaption patient={view.patient} />
      <h1>{d.title}</h1>
      {done && DONE[done] ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{DONE[done]}</p>
        </div>
      ) : null}
      {view.withheldFromPatient ? (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Withheld from the patient
              (rule 14)
            </span>
          </h2>
          <p>{view.withheldReason}</p>
          {view.withheldBy ? <p>Marked by {view.withheldBy}.</p> : null}
        </div>
      ) : null}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Where it has got to</dt>
          <dd className="nhsuk-summary-list__value">
            {DOCUMENT_STATUS_LABELS[d.status]}
            {view.countersignRequired && s.signed && !s.countersigned
              ? ': waiting for the responsible clinician’s countersignature'
              : ''}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Author</dt>
          <dd className="nhsuk-summary-list__value">
            {d.author ?? 'Not named yet'} ({DOCUMENT_AUTHOR_LABELS[d.authorRole].toLowerCase()})
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Due</dt>
          <dd className="nhsuk-summary-list__value">
            {d.dueOn ? `By 5pm on ${formatDate(d.dueOn)}` : 'Not set'}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Template</dt>
          <dd className="nhsuk-summary-list__value">
            {view.template.title}, version {view.template.version}
            {view.drafted
              ? ` (kept with the draft; pre-filled from the record on ${formatDate(view.prefilledOn)})`
              : ' (pre-filled from the record today; kept when you first save)'}
          </dd>
        </div>
      </dl>
      {view.may.nameAuthor ? (
        <>
          <h2>Who writes it</h2>
          <ReportAuthorForm
            action={bound(nameAuthorAction)}
            documentId={d.id}
            idempotencyKey={randomUUID()}
            people={view.possibleAuthors}
          />
        </>
      ) : null}
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">What the report must be</span>
        </summary>
        <div className="nhsuk-details__text">
          <ul>
            {view.template.generalNote.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <p>{view.template.legalReviewNote}</p>
        </div>
      </details>

      <h2>Sections</h2>
      <ol className="nhsuk-list">
        {view.sections.map((section) => {
          const label = `${section.number}. ${section.heading}`;
          const latest = section.history[0];
          const hint = (
            <>
              {section.guidance ? (
                <span className="nhsuk-u-display-block">{section.guidance}</span>
              ) : null}
              {section.sources.length ? (
                <span className="nhsuk-u-display-block">
                  Pre-filled from: {section.sources.join('; ')}.
                </span>
              ) : (
                <span className="nhsuk-u-display-block">Nothing in the record to pre-fill.</span>
              )}
              {section.legalReview ? (
                <span className="nhsuk-u-display-block">
                  Wording to be checked against the Practice Direction.
                </span>
              ) : null}
              <span className="nhsuk-u-display-block">
                {latest
                  ? `Version ${latest.version}, saved by ${latest.savedByName} on ${formatDateTime(latest.savedAt)}.`
                  : 'Not saved yet.'}
              </span>
            </>
          );
          return (
            <li key={section.key} id={section.key}>
              {view.may.write ? (
                <ReportSectionForm
                  action={bound(saveSectionAction)}
                  documentId={d.id}
                  sectionKey={section.key}
                  baseVersion={section.version}
                  idempotencyKey={randomUUID()}
                  label={label}
                  hint={hint}
                  text={section.text}
                />
              ) : (
                <>
                  <h3 className="nhsuk-heading-s">{label}</h3>
                  {section.text ? (
                    section.text.split(/\n\s*\n/).map((p, i) => <p key={i}>{p}</p>)
                  ) : (
                    <p className="nhsuk-u-secondary-text-colour">Not written yet.</p>
                  )}
                  <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{hint}</p>
                </>
              )}
              {section.history.length > 1 ? (
                <details className="nhsuk-details nhsuk-u-margin-bottom-4">
                  <summary className="nhsuk-details__summary">
                    <span className="nhsuk-details__summary-text">
                      Earlier versions of section {section.number}
                    </span>
                  </summary>
                  <div className="nhsuk-details__text">
                    <ul>
                      {section.history.slice(1).map((h) => (
                        <li key={h.version}>
                          Version {h.version}, saved by {h.savedByName} on{' '}
                          {formatDateTime(h.savedAt)}
                        </li>
                      ))}
                    </ul>
                  </div>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>

      <h2>Sign-off</h2>
      {s.signed ? (
        <p>
          Signed by {s.signed.name}, {s.signed.role}, on {formatDate(s.signed.on)}.
        </p>
      ) : (
        <p>Not signed yet.</p>
      )}
      {s.countersigned ? (
        <p>
          Countersigned by {s.countersigned.name}, {s.countersigned.role}, on{' '}
          {formatDate(s.countersigned.on)}.
        </p>
      ) : null}
      {view.may.write && (d.status === 'REQUESTED' || d.status === 'DRAFTING') ? (
        <ReportReadyForm
          action={bound(markReadyAction)}
          documentId={d.id}
          idempotencyKey={randomUUID()}
        />
      ) : null}
      {view.may.sign ? (
        <ReportSignForm
          action={bound(signAction)}
          documentId={d.id}
          idempotencyKey={randomUUID()}
          countersign={false}
          name={actor.name ?? ''}
          today={londonDateOf(new Date())}
        />
      ) : null}
      {view.may.countersign ? (
        <ReportSignForm
          action={bound(countersignAction)}
          documentId={d.id}
          idempotencyKey={randomUUID()}
          countersign
          name={actor.name ?? ''}
          today={londonDateOf(new Date())}
        />
      ) : null}
      {view.may.withhold ? (
        <>
          <h2>Withholding from the patient</h2>
          <ReportWithholdForm
            action={bound(withholdAction)}
            documentId={d.id}
            idempotencyKey={randomUUID()}
            withheld={view.withheldFromPatient}
            reason={view.withheldReason}
          />
        </>
      ) : null}
      <p>
        {casePath ? <Link href={casePath}>Back to the tribunal case</Link> : null}
        {casePath ? ' · ' : null}
        <Link href="/tribunal/mine">Your tribunal documents</Link>
      </p>
    </>
  );
}
