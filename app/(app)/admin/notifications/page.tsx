import type { Metadata } from 'next';
import { env } from '@/lib/env';
import { requireActor } from '@/lib/server/actor';
import { formatLondonInstant } from '@/lib/server/dates';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { listDeliveryProblems, type DeliveryProblem } from '@/lib/server/queries/notifications';
import { NoPermission } from '@/components/ui/no-permission';
import { RetryEmailForm } from '@/components/notifications/retry-email-form';
import { retryEmailAction } from './actions';

export const metadata: Metadata = { title: 'Emails and notifications' };

function Problems({ rows, retry }: { rows: DeliveryProblem[]; retry: boolean }) {
  return (
    <table className="nhsuk-table">
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            What
          </th>
          <th scope="col" className="nhsuk-table__header">
            To
          </th>
          <th scope="col" className="nhsuk-table__header">
            Tries
          </th>
          <th scope="col" className="nhsuk-table__header">
            Last error
          </th>
          <th scope="col" className="nhsuk-table__header">
            {retry ? 'Queued' : 'Next try'}
          </th>
          {retry ? (
            <th scope="col" className="nhsuk-table__header">
              <span className="nhsuk-u-visually-hidden">Action</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((p) => (
          <tr className="nhsuk-table__row" key={p.id}>
            <td className="nhsuk-table__cell">
              {p.what === 'email' ? `${p.kind} email` : `Queued item (${p.kind})`}
              <br />
              <span className="nhsuk-body-s">{p.id}</span>
            </td>
            <td className="nhsuk-table__cell">{p.to ?? '-'}</td>
            <td className="nhsuk-table__cell">{p.attempts}</td>
            <td className="nhsuk-table__cell">{p.lastError ?? '-'}</td>
            <td className="nhsuk-table__cell">{formatLondonInstant(new Date(p.at))}</td>
            {retry ? (
              <td className="nhsuk-table__cell">
                {p.what === 'email' ? (
                  <RetryEmailForm action={retryEmailAction} deliveryId={p.id} />
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function NotificationsAdminPage() {
  const actor = await requireActor();
  let problems;
  try {
    problems = await listDeliveryProblems(
      { actor, meta: await getRequestMeta('/admin/notifications') },
      env.NOTIFY_MAX_ATTEMPTS,
    );
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="emails and notifications" />;
    throw error;
  }
  return (
    <>
      <h1>Emails and notifications</h1>
      <p>
        {env.NOTIFY_API_KEY
          ? 'Emails are sent through GOV.UK Notify.'
          : 'NOTIFY_API_KEY is not set: emails are written to the server log, not sent.'}{' '}
        {problems.sentToday} sent in the last 24 hours.
      </p>
      <h2>Failed</h2>
      {problems.failed.length === 0 ? (
        <p>Nothing has failed.</p>
      ) : (
        <>
          <p>
            These were tried {env.NOTIFY_MAX_ATTEMPTS} times, or refused by GOV.UK Notify. Put the
            cause right (the API key, a template id), then try again.
          </p>
          <Problems rows={problems.failed} retry />
        </>
      )}
      <h2>Being tried again</h2>
      {problems.retrying.length === 0 ? (
        <p>Nothing is waiting to be tried again.</p>
      ) : (
        <Problems rows={problems.retrying} retry={false} />
      )}
    </>
  );
}
