import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/server/actor';
import { getEmailPreference } from '@/lib/server/queries/notifications';
import { NoPermission } from '@/components/ui/no-permission';
import { EmailPreferenceForm } from '@/components/notifications/inbox-forms';
import { savePreferencesAction } from '../actions';

export const metadata: Metadata = { title: 'When you are emailed' };

export default async function PreferencesPage() {
  const actor = await requireActor();
  if (!can(actor.roles, 'read:inbox')) return <NoPermission what="an inbox" />;
  const current = await getEmailPreference(actor.userId);
  return (
    <>
      <Link className="nhsuk-back-link" href="/inbox">
        Back to your inbox
      </Link>
      <h1>When you are emailed</h1>
      <p>
        Everything sent to you appears in your inbox in CTO Tracker. You can also be emailed at{' '}
        <strong>{actor.email}</strong>.
      </p>
      <EmailPreferenceForm action={savePreferencesAction} current={current} />
    </>
  );
}
