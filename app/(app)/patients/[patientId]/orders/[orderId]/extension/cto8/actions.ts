'use server';
import { formatDate } from '@/lib/cto';
import { furnishCto8 } from '@/lib/server/services/furnish-cto8';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function furnishCto8Action(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'extension/cto8', furnishCto8, (data) => ({
    message: data.newExpiry
      ? `The order now runs until the end of ${formatDate(data.newExpiry)}.`
      : 'The CTO8 is recorded.',
    warnings: data.warnings.map((w) => w.message),
  }));
}
