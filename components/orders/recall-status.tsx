import 'server-only';
// The current recall at a glance (issue 5 part B): when the notice counts as served, when
// detention began, and a live countdown to the end of the 72 hours (C4, computed by lib/cto).
import { currentRecallDeadline, formatInstant } from '@/lib/cto';
import { toSnapshot } from '@/lib/server/orders/snapshot';
import { humanise } from '@/lib/ui/humanise';
import { Countdown } from './countdown';
import type { FlowPage } from './flow-page';

export function recallDeadlineOf(page: FlowPage) {
  const snapshot = toSnapshot(page.view.order);
  if (!snapshot.recall || snapshot.recall.outcome !== 'ONGOING') return null;
  return currentRecallDeadline(snapshot);
}

export function RecallStatus({ page }: { page: FlowPage }) {
  const recall = page.view.order.recalls.at(-1);
  if (!recall || recall.outcome !== 'ONGOING') return null;
  const deadline = recallDeadlineOf(page);
  return (
    <>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Recall notice (CTO3)</dt>
          <dd className="nhsuk-summary-list__value">
            {recall.serviceMethod ? humanise(recall.serviceMethod) : 'Service not recorded'}; counts
            as served {formatInstant(recall.deemedServedAt)}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Detention began (CTO4)</dt>
          <dd className="nhsuk-summary-list__value">
            {recall.detentionBeganAt ? formatInstant(recall.detentionBeganAt) : 'Not recorded yet'}
          </dd>
        </div>
      </dl>
      {deadline && !deadline.awaitingReturn ? (
        <>
          <Countdown deadline={deadline.instant.toISOString()} />
          <p className="nhsuk-body-s">
            {deadline.explain} ({deadline.basis})
          </p>
        </>
      ) : deadline?.awaitingReturn ? (
        <div className="nhsuk-inset-text">
          <p>{deadline.explain}</p>
        </div>
      ) : null}
    </>
  );
}
