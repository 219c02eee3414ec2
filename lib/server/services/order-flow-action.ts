import 'server-only';
// The body of every thin order-flow server action (issue 5 part B): the signed-in actor, the
// form as the schema reads it, the service (which parses, checks and writes), then either the
// refusal beside the fields or the confirmation - and the patient's pages refreshed, so the
// new state and clocks show at once.
import { revalidatePath } from 'next/cache';
import { formToObject } from '@/lib/schemas/common';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { refusedState, type FlowState } from '@/lib/schemas/flow-state';
import type { ServiceActor, ServiceResult } from './run-service';
import type { CallOptions } from './order-flow';

export async function runFlowAction<T>(
  form: FormData,
  route: string,
  service: (actor: ServiceActor, input: unknown, options: CallOptions) => Promise<ServiceResult<T>>,
  success: (data: T) => FlowState,
): Promise<FlowState> {
  const actor = await requireActor();
  const result = await service(actor, formToObject(form), {
    meta: await getRequestMeta(route),
  });
  if (!result.ok) return refusedState(result, form);
  revalidatePath('/patients/[patientId]', 'layout');
  return { ok: true, ...success(result.data) };
}
