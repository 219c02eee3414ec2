import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getUserForAdmin, listTeams } from '@/lib/server/queries/list-users';
import { ROLES, ROLE_LABELS, isRole } from '@/lib/auth/roles';
import { formatDate, formatDateTime } from '@/lib/format';
import { GrantRoleForm, MoveTeamForm, UserActionButton } from '@/components/admin/user-forms';
import { NoPermission } from '@/components/ui/no-permission';
import { PendingRoleRequests } from '@/components/admin/role-requests';
import { listRoleRequests } from '@/lib/server/queries/list-role-requests';
import { Cis2Section } from '@/components/admin/cis2-section';
import { linkCis2Action } from '../cis2-actions';
import {
  decideRoleRequestAction,
  deactivateUserAction,
  grantRoleAction,
  moveTeamAction,
  reactivateUserAction,
  revokeRoleAction,
  unlockUserAction,
} from '../actions';

export const metadata: Metadata = { title: 'User' };

const DONE: Record<string, string> = {
  added: 'User added.',
  'added-requested':
    'User added. Their roles take effect when another system administrator approves them.',
  'role-added': 'Role added.',
  'role-requested':
    'Role requested. It takes effect when another system administrator approves it.',
  'role-approved': 'Role approved. It applies from their next page.',
  'role-refused': 'Role refused. They have not been given it.',
  'role-removed': 'Role removed.',
  'team-changed': 'Team changed.',
  deactivated: 'Account deactivated. They have been signed out everywhere.',
  reactivated: 'Account reactivated.',
  unlocked: 'Account unlocked. They can sign in again now.',
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<{ added?: string; done?: string }>;
}) {
  const actor = await requireActor();
  const { userId } = await params;
  const { added, done: doneCode } = await searchParams;
  const done =
    added === '1'
      ? DONE.added
      : added === 'requested'
        ? DONE['added-requested']
        : doneCode
          ? DONE[doneCode]
          : undefined;
  let user;
  let teams;
  let requests;
  try {
    user = await getUserForAdmin({ actor }, userId);
    teams = await listTeams({ actor });
    requests = await listRoleRequests({ actor }, { userId: user.id, status: 'PENDING' });
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="users" />;
    if (error instanceof NotFound) notFound();
    throw error;
  }
  const self = user.id === actor.userId;
  const currentRoles = user.currentRoles.filter(isRole);
  const waiting = requests.map((r) => r.role);
  const available = ROLES.filter((role) => !currentRoles.includes(role) && !waiting.includes(role));

  return (
    <>
      <Link className="nhsuk-back-link" href="/admin/users">
        Back to users
      </Link>
      {done ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>{done}</p>
        </div>
      ) : null}
      <span className="nhsuk-caption-l">{user.email}</span>
      <h1>{user.name}</h1>

      <dl className="nhsuk-summary-list">
        <Row label="Job title">{user.jobTitle ?? 'Not recorded'}</Row>
        <Row label="Status">
          {user.active ? (
            <strong className="nhsuk-tag nhsuk-tag--green">Active</strong>
          ) : (
            <strong className="nhsuk-tag nhsuk-tag--grey">
              Deactivated {user.deactivatedAt ? formatDate(user.deactivatedAt) : ''}
            </strong>
          )}
          {user.locked && user.lockedUntil ? (
            <p className="nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
              <strong className="nhsuk-tag nhsuk-tag--red">Locked</strong> after too many failed
              attempts to sign in, until {formatDateTime(user.lockedUntil)}.
            </p>
          ) : null}
        </Row>
        <Row label="Signs in with">
          {user.passwordSet
            ? 'A password, or NHS CIS2 where it is set up'
            : 'NHS CIS2 only (no password)'}
        </Row>
        <Row label="Last signed in">
          {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}
        </Row>
        <Row label="Signed in now">
          {user.openSessions === 0
            ? 'No'
            : `Yes, ${user.openSessions} session${user.openSessions === 1 ? '' : 's'}`}
        </Row>
      </dl>

      <h2>Roles</h2>
      {currentRoles.length === 0 ? (
        <p>No roles: they can sign in but see nothing.</p>
      ) : (
        <ul className="nhsuk-list">
          {currentRoles.map((role) => (
            <li key={role}>
              <p className="nhsuk-u-margin-bottom-1">
                <strong>{ROLE_LABELS[role]}</strong>
              </p>
              {self && role === 'SYSTEM_ADMINISTRATOR' ? (
                <p className="nhsuk-body-s">You cannot remove your own administrator role.</p>
              ) : (
                <UserActionButton
                  action={revokeRoleAction}
                  userId={user.id}
                  hidden={{ role }}
                  label={`Remove the role ${ROLE_LABELS[role].toLowerCase()}`}
                  secondary
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {self ? (
        <p>You cannot give yourself a role: ask another system administrator.</p>
      ) : (
        <GrantRoleForm action={grantRoleAction} userId={user.id} available={available} />
      )}
      <PendingRoleRequests
        requests={requests}
        actorId={actor.userId}
        userId={user.id}
        action={decideRoleRequestAction}
      />

      <Cis2Section
        action={linkCis2Action}
        userId={user.id}
        cis2UserId={user.cis2UserId}
        cis2Roles={user.roles
          .filter((r) => r.revokedAt === null && r.grantedVia === 'CIS2' && isRole(r.role))
          .map((r) => ROLE_LABELS[r.role].toLowerCase())}
      />

      <h2>Team</h2>
      <p>
        {user.currentTeams.length
          ? `Currently in ${user.currentTeams.map((t) => t.name).join(', ')}.`
          : 'Not in a team.'}
      </p>
      <MoveTeamForm
        action={moveTeamAction}
        userId={user.id}
        teams={teams}
        currentTeamIds={user.currentTeams.map((t) => t.id)}
      />

      <h2>Account</h2>
      {user.locked || user.failedSignInCount > 0 ? (
        <UserActionButton action={unlockUserAction} userId={user.id} label="Unlock account" />
      ) : null}
      {self ? (
        <p>You cannot deactivate your own account.</p>
      ) : user.active ? (
        <>
          <p>
            Deactivate the account when someone leaves. They are signed out everywhere at once.
            Their roles and history are kept.
          </p>
          <UserActionButton
            action={deactivateUserAction}
            userId={user.id}
            label="Deactivate account"
            warning
          />
        </>
      ) : (
        <>
          <p>
            This account is deactivated. Reactivate it to let them sign in again, with the roles and
            team shown here.
          </p>
          <UserActionButton
            action={reactivateUserAction}
            userId={user.id}
            label="Reactivate account"
          />
        </>
      )}

      <h2>History</h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Roles held</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Role</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">Given by</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {user.roles.map((row) => (
            <tr key={row.id}>
              <td className="nhsuk-table__cell">
                {isRole(row.role) ? ROLE_LABELS[row.role] : row.role}
              </td>
              <td className="nhsuk-table__cell">{formatDateTime(row.grantedAt)}</td>
              <td className="nhsuk-table__cell">
                {row.revokedAt ? formatDateTime(row.revokedAt) : 'Now'}
              </td>
              <td className="nhsuk-table__cell">
                {row.grantedVia === 'CIS2' ? 'NHS CIS2 sign-in' : (row.grantedBy?.name ?? 'Set up')}
                {row.request?.decidedBy ? `, approved by ${row.request.decidedBy.name}` : ''}
                {row.revokedVia === 'CIS2' ? '; removed by NHS CIS2 sign-in' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Team memberships</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Team</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {user.memberships.length === 0 ? (
            <tr>
              <td className="nhsuk-table__cell" colSpan={3}>
                None
              </td>
            </tr>
          ) : (
            user.memberships.map((row) => (
              <tr key={row.id}>
                <td className="nhsuk-table__cell">{row.team.name}</td>
                <td className="nhsuk-table__cell">{formatDate(row.startedOn)}</td>
                <td className="nhsuk-table__cell">
                  {row.endedOn ? formatDate(row.endedOn) : 'Now'}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </>
  );
}
