import 'server-only';
// The body of every thin server action of the order flows (issue 5 part A): the form as an
// object, the service with the signed-in actor and the request's audit metadata, then either
// the refusal (message, field errors and the values to show again) or `onSuccess` (which
// redirects, or returns a success message).
import { formToObject } from '@/lib/schemas/common';
import type { FormState } from '@/lib/schemas/form-state';
import { allFormValues } from '@/lib/schemas/orders/shared';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import type { ServiceActor, ServiceResult } from './run-service';
import type { OrderServiceOptions } from './order-service-support';

export async function runOrderFormAction<T extends { patientId: string }>(
  form: FormData,
  route: string,
  service: (
    actor: ServiceActor,
    input: unknown,
    options: OrderServiceOptions,
  ) => Promise<ServiceResult<T>>,
  onSuccess: (data: T) => FormState,
): Promise<FormState> {
  const actor = await requireActor();
  const input = formToObject(form);
  const orderId = typeof input.orderId === 'string' ? input.orderId : '';
  const result = await service(actor, input, {
    meta: await getRequestMeta(`/orders/${orderId}/${route}`),
  });
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
      values: allFormValues(form),
    };
  }
  return onSuccess(result.data);
}
