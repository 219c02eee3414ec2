// Roles waiting for a second system administrator's approval
// (docs/decisions/612-two-administrators-for-a-role.md): on a user's page, with approve and
// refuse for an administrator who may decide; and the table the privacy officer reads.
import Link from 'next/link';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import type { FormState } from '@/lib/schemas/form-state';
import type { RoleRequestItem, RoleRequestStatus } from '@/lib/server/queries/list-role-requests';
import { UserActionButton } from './user-forms';
import { TableHead } from '@/components/ui/table-head';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export const STATUS_LABELS: Record<RoleRequestStatus, string> = {
  PENDING: 'Waiting for approval',
  APPROVED: 'Approved',
  REFUSED: 'Refused',
};

const STATUS_TAGS: Record<RoleRequestStatus, string> = {
  PENDING: 'nhsuk-tag--yellow',
  APPROVED: 'nhsuk-tag--green',
  REFUSED: 'nhsuk-tag--red',
};

export function RoleRequestStatusTag({ status }: { status: RoleRequestStatus }) {
  return <strong className={`nhsuk-tag ${STATUS_TAGS[status]}`}>{STATUS_LABELS[status]}</strong>;
}

/** The user page's section: this user's roles waiting for approval. */
export function PendingRoleRequests({
  requests,
  actorId,
  userId,
  action,
}: {
  requests: readonly RoleRequestItem[];
  actorId: string;
  userId: string;
  action: Action;
}) {
  const pending = requests.filter((r) => r.status === 'PENDING');
  return (
    <section aria-labelledby="role-requests-heading">
      <h2 id="role-requests-heading">Roles waiting for approval</h2>
      <p>
        A role that lets someone see patients, or give roles, takes effect only when a second system
        administrator approves it.
      </p>
      {pending.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="nhsuk-list">
          {pending.map((request) => {
            const label = ROLE_LABELS[request.role];
            return (
              <li key={request.id} className="nhsuk-u-margin-bottom-4">
                <p className="nhsuk-u-margin-bottom-1">
                  <strong>{label}</strong>: asked for by {request.requestedBy.name} on{' '}
                  {formatDateTime(request.requestedAt)}.
                </p>
                {request.requestedBy.id === actorId ? (
                  <p className="nhsuk-body-s">
                    You asked for this role: another system administrator must approve or refuse it.
                  </p>
                ) : request.user.id === actorId ? (
                  <p className="nhsuk-body-s">
                    This role is for you: another system administrator must approve or refuse it.
                  </p>
                ) : (
                  <div className="nhsuk-button-group">
                    <UserActionButton
                      action={action}
                      userId={userId}
                      hidden={{ requestId: request.id, decision: 'approve' }}
                      label={`Approve the role ${label.toLowerCase()}`}
                    />
                    <UserActionButton
                      action={action}
                      userId={userId}
                      hidden={{ requestId: request.id, decision: 'refuse' }}
                      label={`Refuse the role ${label.toLowerCase()}`}
                      secondary
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Every request, with who asked, who decided and when (the privacy officer's view). */
export function RoleRequestTable({
  requests,
  caption,
  linkToUser = false,
}: {
  requests: readonly RoleRequestItem[];
  caption: string;
  linkToUser?: boolean;
}) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption">{caption}</caption>
      <TableHead columns={['For', 'Role', 'Asked for by', 'Status', 'Decided by']} />
      <tbody className="nhsuk-table__body">
        {requests.length === 0 ? (
          <tr>
            <td className="nhsuk-table__cell" colSpan={5}>
              None
            </td>
          </tr>
        ) : (
          requests.map((r) => (
            <tr key={r.id}>
              <td className="nhsuk-table__cell">
                {linkToUser ? (
                  <Link href={`/admin/users/${r.user.id}`}>{r.user.name}</Link>
                ) : (
                  r.user.name
                )}
                <br />
                <span className="nhsuk-body-s">{r.user.email}</span>
              </td>
              <td className="nhsuk-table__cell">{ROLE_LABELS[r.role]}</td>
              <td className="nhsuk-table__cell">
                {r.requestedBy.name}
                <br />
                <span className="nhsuk-body-s">{formatDateTime(r.requestedAt)}</span>
              </td>
              <td className="nhsuk-table__cell">
                <RoleRequestStatusTag status={r.status} />
              </td>
              <td className="nhsuk-table__cell">
                {r.decidedBy ? (
                  <>
                    {r.decidedBy.name}
                    <br />
                    <span className="nhsuk-body-s">{formatDateTime(r.decidedAt)}</span>
                  </>
                ) : (
                  'Not yet'
                )}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
