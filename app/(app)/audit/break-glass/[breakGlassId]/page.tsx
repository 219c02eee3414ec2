import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getBreakGlassForReview } from '@/lib/server/queries/list-break-glass';
import { formatDateTime, formatNhsNumberForDisplay } from '@/lib/format';
import { actionLabel, OutcomeTag } from '@/components/audit/audit-labels';
import { ReviewBreakGlassForm } from '@/components/forms/review-break-glass-form';
import { NoPermission } from '@/components/ui/no-permission';
import { reviewBreakGlassAction } from './actions';

export const metadata: Metadata = { title: 'Review emergency access' };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

export default async function BreakGlassReviewPage({
  params,
}: {
  params: Promise<{ breakGlassId: string }>;
}) {
  const actor = await requireActor();
  const { breakGlassId } = await params;
  let detail;
  try {
    detail = await getBreakGlassForReview(
      { actor, meta: await getRequestMeta(`/audit/break-glass/${breakGlassId}`) },
      breakGlassId,
    );
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="emergency access reviews" />;
    if (error instanceof NotFound) notFound();
    throw error;
  }
  const { grant, events } = detail;
  const now = new Date();
  const ended = grant.endedAt ?? (grant.expiresAt <= now ? grant.expiresAt : null);

  return (
    <>
      <Link className="nhsuk-back-link" href="/audit/break-glass">
        Back to emergency access
      </Link>
      <h1>Review emergency access</h1>
      <dl className="nhsuk-summary-list">
        <Row label="Who">
          {grant.user.name} ({grant.user.email})
          {grant.user.jobTitle ? (
            <span className="nhsuk-u-display-block nhsuk-body-s nhsuk-u-margin-bottom-0">
              {grant.user.jobTitle}
            </span>
          ) : null}
        </Row>
        <Row label="Patient">
          {grant.patient.givenName} {grant.patient.familyName}, NHS number{' '}
          {formatNhsNumberForDisplay(grant.patient.nhsNumber)}
          <span className="nhsuk-u-display-block nhsuk-body-s nhsuk-u-margin-bottom-0">
            <Link href={`/audit?patient=${grant.patient.id}`}>
              Everyone who has viewed or changed this record
            </Link>
          </span>
        </Row>
        <Row label="Reason given">{grant.reason}</Row>
        <Row label="Opened">{formatDateTime(grant.grantedAt)}</Row>
        <Row label="Access ends">
          {ended ? `Ended ${formatDateTime(ended)}` : `Ends ${formatDateTime(grant.expiresAt)}`}
        </Row>
      </dl>

      <h2>What they did with this access</h2>
      {events.length === 0 ? (
        <p>Nothing has been recorded through this access.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Events recorded through this emergency access, oldest first
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {events.map((event) => (
              <tr key={event.id}>
                <td className="nhsuk-table__cell">{formatDateTime(event.occurredAt)}</td>
                <td className="nhsuk-table__cell">{actionLabel(event.action, event.outcome)}</td>
                <td className="nhsuk-table__cell">
                  <OutcomeTag outcome={event.outcome} />
                </td>
                <td className="nhsuk-table__cell">
                  <code>{event.route ?? ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Review</h2>
      {grant.reviewedAt ? (
        <dl className="nhsuk-summary-list">
          <Row label="Reviewed by">{grant.reviewedBy?.name ?? 'Unknown'}</Row>
          <Row label="Reviewed on">{formatDateTime(grant.reviewedAt)}</Row>
          <Row label="Notes">{grant.reviewNotes}</Row>
        </dl>
      ) : (
        <ReviewBreakGlassForm breakGlassId={grant.id} action={reviewBreakGlassAction} />
      )}
    </>
  );
}
