import type { Metadata } from 'next';
import { formatInstant } from '@/lib/cto';
import { NoPermission } from '@/components/ui/no-permission';
import { AwolBeginsForm, AwolEndsForm } from '@/components/orders/awol-tribunal-forms';
import { RecallStatus } from '@/components/orders/recall-status';
import {
  FlowPageFrame,
  loadFlowPage,
  unavailableReason,
  type FlowRouteParams,
} from '@/components/orders/flow-page';
import { humanise } from '@/lib/ui/humanise';
import { awolBeginsAction, awolEndsAction } from './actions';

export const metadata: Metadata = { title: 'Absence without leave' };

export default async function AwolPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'awol');
  if ('denied' in page) return <NoPermission what="this order" />;
  const order = page.view.order;
  const common = {
    orderId: order.id,
    version: order.version,
    patientHref: `/patients/${page.patient.id}`,
  };
  const away = order.awolEpisodes.some((e) => e.returnedAt === null);
  return (
    <FlowPageFrame page={page} title="Absence without leave">
      <RecallStatus page={page} />
      {order.awolEpisodes.length > 0 ? (
        <>
          <h2>Absences during this order</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {order.awolEpisodes.map((e) => (
              <li key={e.id}>
                From {formatInstant(e.startedAt)}
                {e.returnedAt
                  ? ` to ${formatInstant(e.returnedAt)} (${humanise(e.returnHow ?? 'RETURNED_SELF').toLowerCase()})`
                  : ': still absent'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{away ? 'The patient has returned' : 'The patient is absent'}</h2>
      {away ? (
        <AwolEndsForm
          {...common}
          action={awolEndsAction}
          idempotencyKey={page.newKey()}
          unavailable={unavailableReason(page, 'AWOL_ENDS')}
        />
      ) : (
        <AwolBeginsForm
          {...common}
          action={awolBeginsAction}
          idempotencyKey={page.newKey()}
          unavailable={unavailableReason(page, 'AWOL_BEGINS')}
        />
      )}
      <p className="nhsuk-body-s">
        If the patient is absent on the day the 72 hours would end, they end 72 hours after the
        return instead (section 21(4)). If they are absent on or in the week before the expiry, the
        order continues as section 21 says.
      </p>
    </FlowPageFrame>
  );
}
