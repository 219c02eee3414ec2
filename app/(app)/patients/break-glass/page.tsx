import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { can } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { BreakGlassForm } from '@/components/forms/break-glass-form';
import { NoPermission } from '@/components/ui/no-permission';
import { requestBreakGlassAction } from './actions';

export const metadata: Metadata = { title: 'Emergency access to a patient’s record' };

export default async function BreakGlassPage() {
  const actor = await requireActor();
  if (!can(actor.roles, 'request:break-glass')) {
    return <NoPermission what="emergency access" />;
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href="/patients">
          Back to patients
        </Link>
        <h1>Open a patient who is not on your list</h1>
        <p>
          Use emergency access only when you need a patient’s record now to care for them safely,
          and they are not on your list. For example, when you are covering another team’s duty
          desk.
        </p>
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Your access is recorded
            </span>
          </h2>
          <p>
            Your access lasts {env.BREAK_GLASS_MINUTES} minutes. Everything you view is recorded
            with your reason, and the privacy officer reviews every emergency access.
          </p>
        </div>
        <BreakGlassForm action={requestBreakGlassAction} />
      </div>
    </div>
  );
}
