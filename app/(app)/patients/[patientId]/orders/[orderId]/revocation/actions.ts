'use server';
import { formatDate } from '@/lib/cto';
import { requestAmhpAgreement } from '@/lib/server/services/request-amhp-agreement';
import { revokeOrder } from '@/lib/server/services/revoke-order';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function requestRevocationAgreementAction(
  _state: FlowState,
  form: FormData,
): Promise<FlowState> {
  return runFlowAction(form, 'revocation', requestAmhpAgreement, (data) => ({
    message: `${data.amhpName} has been asked to agree to revocation (CTO5 Part 2). They must answer before the 72 hours end.`,
  }));
}

export async function revokeAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'revocation', revokeOrder, (data) => {
    const periods = data.detentionPeriods
      .map((p) => `${formatDate(p.start)} to ${formatDate(p.end)} (${p.months} months)`)
      .join('; then, if renewed, ');
    return {
      message: `The order was revoked on ${formatDate(data.revokedOn)}. The patient is detained in ${data.hospitalName} as before the order was made (section 17G).`,
      details: [
        `Detention periods (section 20): ${periods}.`,
        `The patient may apply to the tribunal from ${formatDate(data.tribunalWindow.opens)} until ${formatDate(data.tribunalWindow.closes)} (section 66(1)(cb)).`,
        `The hospital managers must refer the case to the tribunal as soon as possible (section 68(7)): target ${formatDate(data.managersReference.dueOn)}, overdue after ${formatDate(data.managersReference.overdueAfter)}.`,
        'Send the CTO5 to the managers of the hospital where the patient is detained as soon as practicable.',
      ],
      warnings: data.warnings.map((w) => w.message),
    };
  });
}
