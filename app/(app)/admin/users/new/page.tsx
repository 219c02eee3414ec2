import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { AccessDenied } from '@/lib/server/queries/access';
import { listTeams } from '@/lib/server/queries/list-users';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { NoPermission } from '@/components/ui/no-permission';
import { createUserAction } from '../actions';

export const metadata: Metadata = { title: 'Add a user' };

export default async function NewUserPage() {
  const actor = await requireActor();
  let teams;
  try {
    teams = await listTeams({ actor });
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="users" />;
    throw error;
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href="/admin/users">
          Back to users
        </Link>
        <h1>Add a user</h1>
        <CreateUserForm action={createUserAction} teams={teams} />
      </div>
    </div>
  );
}
