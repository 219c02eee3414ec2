'use server';
import { recordCto7Receipt } from '@/lib/server/services/record-cto7-receipt';
import { recordManagersReview } from '@/lib/server/services/record-managers-review';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function cto7ReceiptAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'extension/managers', recordCto7Receipt, (data) => ({
    message: 'Receipt of the CTO7 recorded (Part 4, regulation 13(7)).',
    warnings: data.warnings.map((w) => w.message),
  }));
}

export async function managersReviewAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'extension/managers', recordManagersReview, (data) => ({
    message:
      'The hospital managers’ review of the renewal (extension) is recorded: the order continues.',
    warnings: data.warnings.map((w) => w.message),
  }));
}
