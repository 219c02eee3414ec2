'use server';
import { formatDate } from '@/lib/cto';
import { furnishCto7 } from '@/lib/server/services/furnish-cto7';
import { recordExtensionConsultation } from '@/lib/server/services/record-extension-consultation';
import { recordExtensionExamination } from '@/lib/server/services/record-extension-examination';
import { requestAmhpAgreement } from '@/lib/server/services/request-amhp-agreement';
import { runFlowAction } from '@/lib/server/services/order-flow-action';
import type { FlowState } from '@/components/orders/flow-state';

export async function examinationAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'extension', recordExtensionExamination, (data) => ({
    message: `Examination on ${formatDate(data.examinedOn)} recorded (CTO7 Part 1). Next: consult another professional and ask an AMHP to agree.`,
    warnings: data.warnings.map((w) => w.message),
  }));
}

export async function consultationAction(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'extension', recordExtensionConsultation, (data) => ({
    message: 'Consultation recorded (section 20A(9)).',
    warnings: data.warnings.map((w) => w.message),
  }));
}

export async function requestExtensionAgreementAction(
  _state: FlowState,
  form: FormData,
): Promise<FlowState> {
  return runFlowAction(form, 'extension', requestAmhpAgreement, (data) => ({
    message: `${data.amhpName} has been asked to agree to the renewal (extension) (CTO7 Part 2).`,
  }));
}

export async function furnishCto7Action(_state: FlowState, form: FormData): Promise<FlowState> {
  return runFlowAction(form, 'extension', furnishCto7, (data) => ({
    message: `The order now runs until the end of ${formatDate(data.newPeriod.end)}.`,
    details: [
      data.explain,
      ...(data.newPeriod.alternativeEnd
        ? [
            `Another reading of the Act gives ${formatDate(data.newPeriod.alternativeEnd)}; the earlier date is used because it is lawful under either reading.`,
          ]
        : []),
      `The hospital managers should record receipt (Part 4) and review the renewal by ${formatDate(data.previousExpiry)} (Code of Practice 38.14).`,
    ],
    warnings: data.warnings.map((w) => w.message),
  }));
}
