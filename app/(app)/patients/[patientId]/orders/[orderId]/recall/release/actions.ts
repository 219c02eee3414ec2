'use server';
import { formatDate } from '@/lib/cto';
import { releaseFromRecall } from '@/lib/server/services/release-from-recall';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function releaseAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'recall/release', releaseFromRecall, (data) => ({
    message: 'The patient remains on the community treatment order (section 17F(7)).',
    details: data.expiry
      ? [`The order is in force until the end of ${formatDate(data.expiry)}.`]
      : [],
    warnings: data.warnings.map((w) => w.message),
  }));
}
