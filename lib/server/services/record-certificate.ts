import 'server-only';
// Part 4A certificates (s64C(4), (4A); reg 28): CTO11 given by a SOAD (recorded by the MHA office
// or the RC), with the treatments, whether ECT is covered, whether treatment may be given on
// recall, and the two people consulted (s64H(3)); CTO12 given by the approved clinician in charge
// for a patient with capacity who consents (lib/cto refuses a CTO12 from anyone else).
import { randomUUID } from 'node:crypto';
import { recordCertificateSchema } from '@/lib/schemas/orders/certificates';
import { toDbDate } from '@/lib/server/dates';
import { commit, decide } from '@/lib/server/orders/record-event';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  createForm,
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

export function recordCertificate(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'record:certificate',
    auditAction: 'order.certificate',
    schema: recordCertificateSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const certificateId = randomUUID();
      const onRecall = data.type === 'CTO11' && data.appliesOnRecall === 'yes';
      const outcome = decide(ctx, order, {
        type: 'CERTIFICATE_GIVEN',
        certificateId,
        certificate: data.type,
        givenOn: data.givenOn,
        coversRecall: onRecall,
      });
      const formId = await createForm(tx, order, data.type, {
        facts: {
          certifierName: data.certifierName,
          givenOn: data.givenOn,
          treatments: data.treatments,
          includesEct: data.includesEct,
          ...(data.type === 'CTO11'
            ? {
                appliesOnRecall: onRecall,
                onRecallTreatments: onRecall ? (data.onRecallTreatments ?? null) : null,
                consultees: data.consultees ?? null,
              }
            : { capacityAndConsent: data.capacityAndConsent }),
        },
        signedById: data.type === 'CTO12' ? actor.userId : null,
        receivedAt: now,
        receivedById: actor.userId,
      });
      await tx.treatmentCertificate.create({
        data: {
          id: certificateId,
          patientId: order.patientId,
          orderId: order.id,
          type: data.type,
          givenOn: toDbDate(data.givenOn),
          certifierName: data.certifierName,
          certifierId: data.type === 'CTO12' ? actor.userId : null,
          treatments: data.treatments,
          includesEct: data.includesEct,
          appliesOnRecall: onRecall,
          onRecallTreatments: onRecall ? (data.onRecallTreatments ?? null) : null,
          consultees: data.type === 'CTO11' ? (data.consultees ?? null) : null,
          status: 'ACTIVE',
          formId,
          recordedById: actor.userId,
        },
      });
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: now,
        formId,
        facts: { certificateId, type: data.type, givenOn: data.givenOn, appliesOnRecall: onRecall },
        auditAction: 'order.certificate',
      });
      return {
        orderId: order.id,
        patientId: order.patientId,
        eventId: result.eventId,
        state: result.state,
        expiry: result.expiry,
        warnings: warningMessages(result.warnings),
        certificateId,
      };
    },
  });
}
