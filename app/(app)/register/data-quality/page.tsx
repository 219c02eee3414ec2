import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import {
  DATA_QUALITY_LABELS,
  DATA_QUALITY_PROBLEMS,
  dataQualityQuerySchema,
  listDataQuality,
  type DataQualityList,
} from '@/lib/server/queries/data-quality';
import { queryObject } from '@/lib/schemas/register';
import { formatNhsNumberForDisplay } from '@/lib/format';
import { Pagination } from '@/components/audit/pagination';
import { OrderStateTag } from '@/components/patients/order-state-tag';
import { NoPermission } from '@/components/ui/no-permission';
import { QueryProblem } from '@/components/ui/query-problem';

export const metadata: Metadata = { title: 'Register data quality' };

export default async function DataQualityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const parsed = dataQualityQuerySchema.safeParse(queryObject(await searchParams));
  const query = parsed.success ? parsed.data : { problem: undefined, teamId: undefined, page: 1 };
  let list: DataQualityList;
  try {
    list = await listDataQuality(
      { actor, meta: await getRequestMeta('/register/data-quality') },
      query,
    );
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="the register" />;
    throw error;
  }
  const shown = query.problem ? list.counts[query.problem] : list.counts.any;
  const pages = Math.max(1, Math.ceil(shown / list.pageSize));
  const href = (extra: Record<string, string>) =>
    `/register/data-quality?${new URLSearchParams({
      ...(query.problem ? { problem: query.problem } : {}),
      ...(query.teamId ? { teamId: query.teamId } : {}),
      ...extra,
    }).toString()}`;

  return (
    <>
      <h1>Register data quality</h1>
      {parsed.success ? null : (
        <QueryProblem id="query-problem">
          This filter could not be used: {parsed.error.issues[0]?.message ?? 'it is not valid'}.
          Showing every problem instead.
        </QueryProblem>
      )}
      <p className="nhsuk-body-l">
        Orders in force (or about to be) whose record is missing something. Open the patient to put
        it right.
      </p>
      <p>
        <Link href="/register">Back to the register</Link>
      </p>
      <h2>What is missing</h2>
      <ul className="nhsuk-list">
        <li>
          {query.problem ? (
            <a href="/register/data-quality">Any problem ({list.counts.any})</a>
          ) : (
            <strong>Any problem ({list.counts.any})</strong>
          )}
        </li>
        {DATA_QUALITY_PROBLEMS.map((problem) => (
          <li key={problem}>
            {query.problem === problem ? (
              <strong aria-current="true">
                {DATA_QUALITY_LABELS[problem]} ({list.counts[problem]})
              </strong>
            ) : (
              <a href={href({ problem })}>
                {DATA_QUALITY_LABELS[problem]} ({list.counts[problem]})
              </a>
            )}
          </li>
        ))}
      </ul>
      <p className="nhsuk-body" role="status">
        {shown === 0
          ? 'Nothing to put right.'
          : `${shown} order${shown === 1 ? '' : 's'}${query.problem ? `: ${DATA_QUALITY_LABELS[query.problem].toLowerCase()}` : ' with at least one problem'}.`}
      </p>
      {list.rows.length > 0 ? (
        <table className="nhsuk-table-responsive">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Orders with missing information
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Team</th>
              <th scope="col">State</th>
              <th scope="col">Missing</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {list.rows.map((row) => (
              <tr key={row.orderId} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Patient{' '}
                  </span>
                  <Link href={`/patients/${row.patientId}`}>
                    {row.familyName.toUpperCase()}, {row.givenName}
                  </Link>{' '}
                  <span className="app-table-nowrap">
                    {formatNhsNumberForDisplay(row.nhsNumber)}
                  </span>
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Team{' '}
                  </span>
                  {row.teamName ?? 'None'}
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    State{' '}
                  </span>
                  <OrderStateTag state={row.state} />
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Missing{' '}
                  </span>
                  <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                    {row.problems.map((p) => (
                      <li key={p}>{DATA_QUALITY_LABELS[p]}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination
        page={list.page}
        pages={pages}
        href={(page) => href({ page: String(page) })}
        label="Pages of the data-quality list"
      />
    </>
  );
}
