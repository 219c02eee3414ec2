'use server';
import { recordExtensionAgreement } from '@/lib/server/services/record-extension-agreement';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function extensionAgreementAction(
  _state: FlowState,
  form: FormData,
): Promise<FlowState> {
  return runFlowAction(form, 'extension/agreement', recordExtensionAgreement, (data) => ({
    message:
      data.decision === 'AGREED'
        ? 'You agreed that the patient meets the criteria and that it is appropriate to extend the order. The responsible clinician can now furnish the CTO7 inside the renewal window.'
        : 'You did not agree. The order cannot be renewed (extended) without an AMHP’s agreement.',
    warnings: data.warnings.map((w) => w.message),
  }));
}
