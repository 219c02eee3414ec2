'use server';
import { formatInstant } from '@/lib/cto';
import { recordRecallDetention } from '@/lib/server/services/record-recall-detention';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function recordDetentionAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'recall/detention', recordRecallDetention, (data) => ({
    message: `Release the patient, or revoke the order, before ${formatInstant(new Date(data.deadlineAt))}.`,
    // The page above shows the live countdown and its explanation (RecallStatus).
    warnings: data.warnings.map((w) => w.message),
  }));
}
