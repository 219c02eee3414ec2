'use server';
import { formatDate } from '@/lib/cto';
import { recordTribunalCase } from '@/lib/server/services/record-tribunal-case';
import { recordTribunalHearing } from '@/lib/server/services/record-tribunal-hearing';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function tribunalCaseAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'tribunal', recordTribunalCase, (data) => ({
    message: `The statement and reports are due by 5pm on ${formatDate(data.documentsDueOn)}${data.nursingReportRequired ? ', including a nursing report' : ''}.`,
    details: [data.explain],
    warnings: data.warnings.map((w) => w.message),
  }));
}

export async function tribunalHearingAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'tribunal', recordTribunalHearing, (data) => ({
    message: data.periodicReferenceDue
      ? `If the case is not considered again, the managers must refer it on ${formatDate(data.periodicReferenceDue)} (section 68(6)).`
      : 'Hearing recorded.',
    warnings: data.warnings.map((w) => w.message),
  }));
}
