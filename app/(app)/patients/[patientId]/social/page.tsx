import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getSocialHistory } from '@/lib/server/queries/get-social-history';
import { can } from '@/lib/auth/permissions';
import { DECISION_POINT_LABELS } from '@/lib/codes/labels';
import { formatDate, formatDateTime } from '@/lib/format';
import {
  SIGNIFICANCE_SHORT_LABELS,
  SOCIAL_DOMAIN_LABELS,
  SOCIAL_RATING_LABELS,
  SOCIAL_RATING_STYLE,
} from '@/lib/ui/social-labels';
import { PatientNav } from '@/components/patients/patient-nav';
import { PatientCaption } from '@/components/social/patient-caption';
import { SocialDomainChart, SocialDomainTable } from '@/components/social/social-domain-chart';
import { socialChartData } from '@/components/social/social-chart-data';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Social factors' };

export default async function SocialFactorsPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  const { recorded, marked } = await searchParams;
  let history;
  try {
    history = await getSocialHistory(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/social`) },
      patientId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="this patient’s social factors" />;
    throw error;
  }
  const { patient, assessments } = history;
  const latest = assessments.find((a) => !a.enteredInError);
  const chart = socialChartData(assessments);
  const canRecord = can(actor.roles, 'record:social-assessment');
  const isMhaOffice = can(actor.roles, 'mark:entered-in-error');

  return (
    <>
      <PatientCaption patient={patient} />
      <h1>Social factors</h1>
      <PatientNav patientId={patient.id} current="social" />

      {recorded ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>The social factors review has been saved.</p>
        </div>
      ) : null}
      {marked ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>The assessment has been marked as entered in error.</p>
        </div>
      ) : null}

      <p>
        How housing, relationships, activities, isolation and the other parts of the patient’s life
        stand, and how much each weighed in the decisions about their order.
      </p>
      {canRecord ? (
        <p className="app-no-print">
          <Link
            className="nhsuk-button nhsuk-button--secondary"
            href={`/patients/${patient.id}/social/new`}
          >
            Record a social factors review
          </Link>
        </p>
      ) : null}

      <h2>Latest assessment</h2>
      {latest ? (
        <>
          <dl className="nhsuk-summary-list">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Assessed on</dt>
              <dd className="nhsuk-summary-list__value">{formatDate(latest.assessedOn)}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">For</dt>
              <dd className="nhsuk-summary-list__value">
                {DECISION_POINT_LABELS[latest.decisionPoint]}
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">By</dt>
              <dd className="nhsuk-summary-list__value">{latest.assessedByName ?? 'Not known'}</dd>
            </div>
            {latest.summary ? (
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Summary</dt>
                <dd className="nhsuk-summary-list__value">{latest.summary}</dd>
              </div>
            ) : null}
          </dl>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">
              Ratings on {formatDate(latest.assessedOn)}
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Social factor</th>
                <th scope="col">Rating</th>
                <th scope="col">Significance</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {latest.ratings.map((r) => (
                <tr key={r.domain}>
                  <th scope="row">{SOCIAL_DOMAIN_LABELS[r.domain]}</th>
                  <td className="nhsuk-table__cell app-table-nowrap">
                    <span aria-hidden="true">{SOCIAL_RATING_STYLE[r.rating].symbol} </span>
                    {SOCIAL_RATING_LABELS[r.rating]}
                  </td>
                  <td className="nhsuk-table__cell">{SIGNIFICANCE_SHORT_LABELS[r.significance]}</td>
                  <td className="nhsuk-table__cell">{r.notes ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>No social factors have been assessed for this patient yet.</p>
      )}

      <h2>How each factor has moved</h2>
      <SocialDomainChart data={chart} />
      {chart.columns.length > 0 ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Show the chart as a table</span>
          </summary>
          <div className="nhsuk-details__text">
            <SocialDomainTable data={chart} />
          </div>
        </details>
      ) : null}

      <h2>All assessments</h2>
      {assessments.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {assessments.map((a) => {
            const mayMark =
              !a.enteredInError && (isMhaOffice || (canRecord && a.assessedById === actor.userId));
            return (
              <li key={a.id}>
                {a.enteredInError ? (
                  <>
                    <s>
                      {formatDate(a.assessedOn)}: {DECISION_POINT_LABELS[a.decisionPoint]}
                      {a.assessedByName ? `, by ${a.assessedByName}` : ''}
                    </s>{' '}
                    <strong className="nhsuk-tag nhsuk-tag--grey">Entered in error</strong>
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                      Marked on {formatDateTime(a.enteredInError.at)}
                      {a.enteredInError.reason ? `: ${a.enteredInError.reason}` : ''}
                    </p>
                  </>
                ) : (
                  <>
                    <strong>{formatDate(a.assessedOn)}</strong>:{' '}
                    {DECISION_POINT_LABELS[a.decisionPoint]}
                    {a.assessedByName ? `, by ${a.assessedByName}` : ''}
                    {a.summary ? (
                      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{a.summary}</p>
                    ) : null}
                    {mayMark ? (
                      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0 app-no-print">
                        <Link href={`/patients/${patient.id}/social/${a.id}/entered-in-error`}>
                          Mark as entered in error
                          <span className="nhsuk-u-visually-hidden">
                            : assessment of {formatDate(a.assessedOn)}
                          </span>
                        </Link>
                      </p>
                    ) : null}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
