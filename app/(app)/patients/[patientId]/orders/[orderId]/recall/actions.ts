'use server';
import { formatInstant } from '@/lib/cto';
import { serveRecallNotice } from '@/lib/server/services/serve-recall-notice';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function serveRecallAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'recall', serveRecallNotice, (data) => ({
    message: `The notice counts as served ${formatInstant(new Date(data.deemedServedAt))}.`,
    details: [
      data.servedExplain,
      `Hospital of recall: ${data.hospitalName}. Send a copy of the CTO3 to its managers as soon as possible.`,
      'Detention by virtue of the notice cannot begin before it counts as served.',
    ],
    warnings: data.warnings.map((w) => w.message),
  }));
}
