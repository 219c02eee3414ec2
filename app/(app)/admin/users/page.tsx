import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { AccessDenied } from '@/lib/server/queries/access';
import { listUsers, listUsersQuerySchema } from '@/lib/server/queries/list-users';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { Pagination } from '@/components/audit/pagination';
import { NoPermission } from '@/components/ui/no-permission';
import { RoleRequestTable } from '@/components/admin/role-requests';
import { listRoleRequests } from '@/lib/server/queries/list-role-requests';

export const metadata: Metadata = { title: 'Users' };

function Heading({ children }: { children: string }) {
  return (
    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
      {children}{' '}
    </span>
  );
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const raw = await searchParams;
  const parsed = listUsersQuerySchema.safeParse({
    q: typeof raw.q === 'string' ? raw.q : undefined,
    page: raw.page,
  });
  const query = parsed.success ? parsed.data : { q: undefined, page: 1 };
  let list;
  let waiting;
  try {
    list = await listUsers({ actor }, query);
    waiting = await listRoleRequests({ actor }, { status: 'PENDING' });
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="users" />;
    throw error;
  }
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));

  return (
    <>
      <h1>Users</h1>
      <p>
        <Link className="nhsuk-button" href="/admin/users/new" role="button" draggable={false}>
          Add a user
        </Link>
      </p>
      {waiting.length > 0 ? (
        <RoleRequestTable
          requests={waiting}
          caption="Roles waiting for a second administrator’s approval"
          linkToUser
        />
      ) : null}
      <form method="get" action="/admin/users" role="search" className="nhsuk-u-margin-bottom-5">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="q">
            Search by name or email address
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-20"
            id="q"
            name="q"
            type="search"
            defaultValue={query.q ?? ''}
          />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Search
        </button>
      </form>
      <p role="status">
        {list.total === 0 ? 'No users found.' : `${list.total} user${list.total === 1 ? '' : 's'}.`}
      </p>
      {list.items.length > 0 ? (
        <table className="nhsuk-table-responsive">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Users</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email address</th>
              <th scope="col">Roles</th>
              <th scope="col">Team</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {list.items.map((user) => (
              <tr key={user.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  <Heading>Name</Heading>
                  <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                  {user.jobTitle ? (
                    <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
                      {user.jobTitle}
                    </span>
                  ) : null}
                </td>
                <td className="nhsuk-table__cell">
                  <Heading>Email address</Heading>
                  {user.email}
                </td>
                <td className="nhsuk-table__cell">
                  <Heading>Roles</Heading>
                  {user.roles.length ? user.roles.map((r) => ROLE_LABELS[r]).join(', ') : 'None'}
                </td>
                <td className="nhsuk-table__cell">
                  <Heading>Team</Heading>
                  {user.teams.length ? user.teams.map((t) => t.name).join(', ') : 'None'}
                </td>
                <td className="nhsuk-table__cell">
                  <Heading>Status</Heading>
                  {user.active ? (
                    <strong className="nhsuk-tag nhsuk-tag--green">Active</strong>
                  ) : (
                    <strong className="nhsuk-tag nhsuk-tag--grey">Deactivated</strong>
                  )}
                  {user.locked ? (
                    <strong className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-1">
                      Locked
                    </strong>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination
        page={list.page}
        pages={pages}
        href={(page) =>
          `/admin/users?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) }).toString()}`
        }
        label="Pages of users"
      />
    </>
  );
}
