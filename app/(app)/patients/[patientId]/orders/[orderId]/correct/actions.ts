'use server';
import { STATE_LABELS, type OrderState } from '@/lib/cto';
import { markEventEnteredInError } from '@/lib/server/services/mark-event-entered-in-error';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function enteredInErrorAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'correct', markEventEnteredInError, (data) => ({
    message: `The order is back to: ${STATE_LABELS[data.state as OrderState]}. Its dates and deadlines have been worked out again.`,
  }));
}
