import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { breakGlassReportQuerySchema, listBreakGlass } from '@/lib/server/queries/list-break-glass';
import { formatDateTime, formatNhsNumberForDisplay } from '@/lib/format';
import { Pagination } from '@/components/audit/pagination';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Emergency access' };

const VIEWS = [
  { status: 'to-review', label: 'To review' },
  { status: 'reviewed', label: 'Reviewed' },
  { status: 'all', label: 'All' },
] as const;

function Heading({ children }: { children: string }) {
  return (
    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
      {children}{' '}
    </span>
  );
}

export default async function BreakGlassReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const raw = await searchParams;
  const query = breakGlassReportQuerySchema.parse({ status: raw.status, page: raw.page });
  let report;
  try {
    report = await listBreakGlass(
      { actor, meta: await getRequestMeta('/audit/break-glass') },
      query,
    );
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="emergency access reviews" />;
    throw error;
  }
  const now = new Date();
  const pages = Math.max(1, Math.ceil(report.total / report.pageSize));

  return (
    <>
      <h1>Emergency access</h1>
      <p>
        Every time someone opened a patient who was not on their list. Check each reason, what they
        did, and mark it as reviewed.
      </p>
      <nav aria-label="Emergency access to show" className="nhsuk-u-margin-bottom-4">
        <ul className="nhsuk-list">
          {VIEWS.map((view) => (
            <li key={view.status} style={{ display: 'inline-block', marginRight: '1.5rem' }}>
              {query.status === view.status ? (
                <strong aria-current="page">
                  {view.label}
                  {view.status === 'to-review' ? ` (${report.toReview})` : ''}
                </strong>
              ) : (
                <Link href={`/audit/break-glass?status=${view.status}`}>
                  {view.label}
                  {view.status === 'to-review' ? ` (${report.toReview})` : ''}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {report.items.length === 0 ? (
        <p role="status">
          {query.status === 'to-review'
            ? 'There is no emergency access waiting for review.'
            : 'No emergency access found.'}
        </p>
      ) : (
        <table className="nhsuk-table-responsive">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Emergency access, newest first
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Opened</th>
              <th scope="col">Who</th>
              <th scope="col">Patient</th>
              <th scope="col">Reason</th>
              <th scope="col">Access ends</th>
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {report.items.map((row) => {
              const ended = row.endedAt ?? (row.expiresAt <= now ? row.expiresAt : null);
              return (
                <tr key={row.id} className="nhsuk-table__row">
                  <td className="nhsuk-table__cell">
                    <Heading>Opened</Heading>
                    {formatDateTime(row.grantedAt)}
                  </td>
                  <td className="nhsuk-table__cell">
                    <Heading>Who</Heading>
                    {row.user.name}
                    <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
                      {row.user.email}
                    </span>
                  </td>
                  <td className="nhsuk-table__cell">
                    <Heading>Patient</Heading>
                    {row.patient.givenName} {row.patient.familyName}
                    <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0 app-table-nowrap">
                      {formatNhsNumberForDisplay(row.patient.nhsNumber)}
                    </span>
                  </td>
                  <td className="nhsuk-table__cell">
                    <Heading>Reason</Heading>
                    {row.reason}
                  </td>
                  <td className="nhsuk-table__cell">
                    <Heading>Access ends</Heading>
                    {ended ? `Ended ${formatDateTime(ended)}` : formatDateTime(row.expiresAt)}
                    <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
                      {row.eventCount} recorded event{row.eventCount === 1 ? '' : 's'}
                    </span>
                  </td>
                  <td className="nhsuk-table__cell">
                    <Heading>Review</Heading>
                    {row.reviewedAt ? (
                      <strong className="nhsuk-tag nhsuk-tag--green">Reviewed</strong>
                    ) : (
                      <strong className="nhsuk-tag nhsuk-tag--orange">To review</strong>
                    )}
                    <Link
                      className="nhsuk-u-display-block nhsuk-u-margin-top-2"
                      href={`/audit/break-glass/${row.id}`}
                    >
                      {row.reviewedAt ? 'See review' : 'Review'}
                      <span className="nhsuk-u-visually-hidden">
                        {' '}
                        emergency access by {row.user.name} to {row.patient.givenName}{' '}
                        {row.patient.familyName}
                      </span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination
        page={report.page}
        pages={pages}
        href={(page) => `/audit/break-glass?status=${query.status}&page=${page}`}
        label="Pages of emergency access"
      />
    </>
  );
}
