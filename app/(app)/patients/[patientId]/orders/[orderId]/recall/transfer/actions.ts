'use server';
import { formatInstant } from '@/lib/cto';
import { transferRecalledPatient } from '@/lib/server/services/transfer-recalled-patient';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function transferAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'recall/transfer', transferRecalledPatient, (data) => ({
    message: `The patient is now detained in ${data.toHospitalName}.`,
    details: data.deadlineAt
      ? [
          `The transfer does not restart the 72 hours (section 17F(3)): they still end ${formatInstant(new Date(data.deadlineAt))}.`,
        ]
      : [],
    warnings: data.warnings.map((w) => w.message),
  }));
}
