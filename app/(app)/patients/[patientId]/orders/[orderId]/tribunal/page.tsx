import type { Metadata } from 'next';
import { formatDate } from '@/lib/cto';
import { NoPermission } from '@/components/ui/no-permission';
import { TribunalCaseForm, TribunalHearingForm } from '@/components/orders/awol-tribunal-forms';
import {
  FlowPageFrame,
  loadFlowPage,
  unavailableReason,
  type FlowRouteParams,
} from '@/components/orders/flow-page';
import { db } from '@/lib/server/db';
import { humanise } from '@/lib/ui/humanise';
import { tribunalCaseAction, tribunalHearingAction } from './actions';

export const metadata: Metadata = { title: 'Tribunal' };

export default async function TribunalPage({ params }: { params: FlowRouteParams }) {
  const page = await loadFlowPage(params, 'tribunal');
  if ('denied' in page) return <NoPermission what="this order" />;
  const order = page.view.order;
  // The patient's cases (the order was read in scope above).
  const cases = await db.tribunalCase.findMany({
    where: { patientId: order.patientId, enteredInErrorAt: null },
    orderBy: { receivedOn: 'desc' },
    select: {
      id: true,
      kind: true,
      applicant: true,
      basis: true,
      receivedOn: true,
      documentsDueOn: true,
      status: true,
      nursingReportRequired: true,
    },
  });
  const day = (d: Date) => formatDate(d.toISOString().slice(0, 10));
  const common = {
    orderId: order.id,
    version: order.version,
    patientHref: `/patients/${page.patient.id}`,
  };
  return (
    <FlowPageFrame page={page} title="Tribunal applications, references and hearings">
      {cases.length > 0 ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Cases</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Received</th>
              <th scope="col">Reports due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {cases.map((c) => (
              <tr key={c.id}>
                <td className="nhsuk-table__cell">
                  {humanise(c.kind)} by {humanise(c.applicant).toLowerCase()} ({c.basis})
                </td>
                <td className="nhsuk-table__cell">{day(c.receivedOn)}</td>
                <td className="nhsuk-table__cell">
                  {day(c.documentsDueOn)}
                  {c.nursingReportRequired ? ' (with nursing report)' : ''}
                </td>
                <td className="nhsuk-table__cell">{humanise(c.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="nhsuk-body">No tribunal case is recorded for this patient.</p>
      )}
      <h2>Record an application or reference</h2>
      <TribunalCaseForm
        {...common}
        action={tribunalCaseAction}
        idempotencyKey={page.newKey()}
        unavailable={unavailableReason(page, 'TRIBUNAL_CASE_OPENED')}
      />
      <h2>Record a hearing</h2>
      <TribunalHearingForm
        {...common}
        action={tribunalHearingAction}
        idempotencyKey={page.newKey()}
        cases={cases
          .filter((c) => c.status === 'OPEN')
          .map((c) => ({
            value: c.id,
            label: `${humanise(c.kind)} received ${day(c.receivedOn)} (${c.basis})`,
          }))}
        unavailable={unavailableReason(page, 'TRIBUNAL_HEARING_HELD')}
      />
    </FlowPageFrame>
  );
}
