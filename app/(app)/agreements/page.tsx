import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDateTime, formatNhsNumberForDisplay } from '@/lib/format';
import { formatDate } from '@/lib/cto/dates';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { listAmhpAgreements } from '@/lib/server/queries/list-amhp-agreements';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Agreements requested' };

export default async function AgreementsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const answered = (await searchParams).answered === '1';
  let items;
  try {
    items = await listAmhpAgreements({ actor, meta: await getRequestMeta('/agreements') });
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="agreements requested" />;
    throw error;
  }
  return (
    <>
      <h1>Agreements requested</h1>
      {answered ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>Your answer has been recorded and the responsible clinician told.</p>
        </div>
      ) : null}
      <p className="nhsuk-body-l">
        Requests for your written agreement as an approved mental health professional: to make a
        community treatment order (section 17A(4)(b)), to extend it (section 20A(4)(b)) or to revoke
        it (section 17F(4)(b)).
      </p>
      {items.length === 0 ? (
        <p>No agreement is waiting for you.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Waiting for your answer</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Agreement to</th>
              <th scope="col">Deadline</th>
              <th scope="col">Asked</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {items.map((item) => (
              <tr key={item.id}>
                <td className="nhsuk-table__cell">
                  {item.href ? <Link href={item.href}>{item.patientName}</Link> : item.patientName}
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                    NHS number {formatNhsNumberForDisplay(item.nhsNumber)}
                  </p>
                </td>
                <td className="nhsuk-table__cell">{item.purposeLabel}</td>
                <td className="nhsuk-table__cell">
                  {/* Issue 8: the deadline of every request (decision 704). */}
                  {item.dueAt ? (
                    <strong>
                      {item.dueAt.length === 10
                        ? `By the end of ${formatDate(item.dueAt)}`
                        : `Before ${formatDateTime(new Date(item.dueAt))}`}
                    </strong>
                  ) : (
                    'Not known: ask the responsible clinician'
                  )}
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                    {item.purpose === 'REVOCATION' ? 'The 72 hours end. ' : ''}
                    {item.dueBasis}
                  </p>
                </td>
                <td className="nhsuk-table__cell">
                  {formatDateTime(item.requestedAt)}
                  {item.requestedBy ? (
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">by {item.requestedBy}</p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
