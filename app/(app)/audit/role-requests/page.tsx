import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { AccessDenied } from '@/lib/server/queries/access';
import {
  listRoleRequests,
  roleRequestQuerySchema,
  ROLE_REQUEST_STATUSES,
  ROLE_REQUESTS_LIMIT,
} from '@/lib/server/queries/list-role-requests';
import { RoleRequestTable, STATUS_LABELS } from '@/components/admin/role-requests';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Roles given' };

// The privacy officer's oversight of who gave whom which role, and who approved it
// (docs/decisions/612-two-administrators-for-a-role.md).
export default async function RoleRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const raw = await searchParams;
  const query = roleRequestQuerySchema.parse({
    status: typeof raw.status === 'string' ? raw.status : undefined,
  });
  let requests;
  try {
    requests = await listRoleRequests({ actor }, { status: query.status });
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="the roles given" />;
    throw error;
  }
  return (
    <>
      <Link className="nhsuk-back-link" href="/audit">
        Back to the audit trail
      </Link>
      <h1>Roles given</h1>
      <p>
        Every role that lets someone see patients, or give roles, is asked for by one system
        administrator and takes effect only when a second one approves it. Nobody can give
        themselves a role. Each step is also in the audit trail.
      </p>
      <form method="get" action="/audit/role-requests" className="nhsuk-u-margin-bottom-5">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="status">
            Show
          </label>
          <select
            className="nhsuk-select"
            id="status"
            name="status"
            defaultValue={query.status ?? ''}
          >
            <option value="">All requests</option>
            {ROLE_REQUEST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show requests
        </button>
      </form>
      <RoleRequestTable
        requests={requests}
        caption={
          requests.length === ROLE_REQUESTS_LIMIT
            ? `The latest ${String(ROLE_REQUESTS_LIMIT)} requests`
            : 'Requests for roles'
        }
      />
    </>
  );
}
