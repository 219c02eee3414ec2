'use server';
import { recordRevocationAgreement } from '@/lib/server/services/record-revocation-agreement';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function revocationAgreementAction(
  _state: FlowState,
  form: FormData,
): Promise<FlowState> {
  return runFlowAction(form, 'revocation/agreement', recordRevocationAgreement, (data) => ({
    message:
      data.decision === 'AGREED'
        ? 'You agreed that the patient meets the criteria for detention and that it is appropriate to revoke the order. The responsible clinician can now revoke it, before the 72 hours end.'
        : 'You did not agree to revocation. The order cannot be revoked without an AMHP’s agreement.',
    warnings: data.warnings.map((w) => w.message),
  }));
}
