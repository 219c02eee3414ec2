// Shown at the top of a patient's page opened through emergency (break-glass) access: the
// reason the person gave and when their access ends.
import { formatDateTime } from '@/lib/format';
import type { Actor } from '@/lib/server/actor';
import { getOwnBreakGlass } from '@/lib/server/queries/get-break-glass';

export async function BreakGlassBanner({
  actor,
  breakGlassId,
}: {
  actor: Actor;
  breakGlassId: string;
}) {
  const grant = await getOwnBreakGlass({ actor }, breakGlassId);
  if (!grant) return null;
  return (
    <div className="nhsuk-warning-callout" data-testid="break-glass-banner">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>You are using emergency access
        </span>
      </h2>
      <p>
        This patient is not on your list. You opened their record on{' '}
        {formatDateTime(grant.grantedAt)} because: “{grant.reason}”
      </p>
      <p>
        Your access ends at <strong>{formatDateTime(grant.expiresAt)}</strong>. Everything you view
        is recorded, and the privacy officer will review it.
      </p>
    </div>
  );
}
