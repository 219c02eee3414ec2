'use server';
import { formatDate } from '@/lib/cto';
import { recordAwolBegins, recordAwolEnds } from '@/lib/server/services/record-awol';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { AwolRecorded } from '@/lib/server/services/record-awol';
import type { FlowState } from '@/components/orders/flow-state';

function effects(data: AwolRecorded): FlowState {
  return {
    message: data.inForceUntil
      ? `The order is in force until the end of ${formatDate(data.inForceUntil)}.`
      : 'Recorded.',
    details: data.effects,
    warnings: data.warnings.map((w) => w.message),
  };
}

export async function awolBeginsAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'awol', recordAwolBegins, effects);
}

export async function awolEndsAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'awol', recordAwolEnds, effects);
}
