import 'server-only';
// Discharge from the order (s23(2)(c), s72(1)(c)): by the responsible clinician
// (DISCHARGE_BY_RC), by the hospital managers after a hearing of three or more members
// (DISCHARGE_BY_MANAGERS, recorded by the MHA office or a hospital manager, s23(4)), or by the
// tribunal (DISCHARGE_BY_TRIBUNAL, recorded by the MHA office, linked to the case and hearing).
// Each includes the social factors behind the decision (decision point DISCHARGE).
import type { Action } from '@/lib/auth/permissions';
import type { EventType } from '@/lib/cto';
import { toDbDate, londonDateOf } from '@/lib/server/dates';
import { dischargeSchema, type DischargeRouteValue } from '@/lib/schemas/orders/discharge';
import { commit } from '@/lib/server/orders/record-event';
import { decideAt } from './order-flow';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  closeOrderScopedRows,
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';
import { writeSocialAssessment } from './social/write-assessment';

const BY_ROUTE: Record<DischargeRouteValue, { action: Action; event: EventType; audit: string }> = {
  RESPONSIBLE_CLINICIAN: {
    action: 'record:discharge-rc',
    event: 'DISCHARGE_BY_RC',
    audit: 'order.discharge-rc',
  },
  HOSPITAL_MANAGERS: {
    action: 'record:discharge-managers',
    event: 'DISCHARGE_BY_MANAGERS',
    audit: 'order.discharge-managers',
  },
  TRIBUNAL: {
    action: 'record:discharge-tribunal',
    event: 'DISCHARGE_BY_TRIBUNAL',
    audit: 'order.discharge-tribunal',
  },
};

function routeOf(input: unknown): DischargeRouteValue {
  const route = (input as { route?: unknown } | null)?.route;
  return route === 'HOSPITAL_MANAGERS' || route === 'TRIBUNAL' ? route : 'RESPONSIBLE_CLINICIAN';
}

export function dischargeOrder(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  // The permission depends on who discharged: the route is checked again by the schema.
  const route = BY_ROUTE[routeOf(input)];
  return runService({
    ...options,
    action: route.action,
    auditAction: route.audit,
    schema: dischargeSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data } = ctx;
      const spec = BY_ROUTE[data.route];
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const type = spec.event as
        'DISCHARGE_BY_RC' | 'DISCHARGE_BY_MANAGERS' | 'DISCHARGE_BY_TRIBUNAL';
      const outcome = decideAt(
        ctx,
        order,
        { type, at: data.decidedAt },
        { EVENT_IN_FUTURE: 'decidedAt.date', BEFORE_ORDER_EFFECTIVE: 'decidedAt.date' },
      );
      const day = londonDateOf(data.decidedAt);

      let managersHearingId: string | null = null;
      let tribunalHearingId: string | null = null;
      if (data.route === 'HOSPITAL_MANAGERS') {
        const hearing = await tx.managersHearing.create({
          data: {
            patientId: order.patientId,
            orderId: order.id,
            reason: 'OTHER',
            scheduledAt: data.decidedAt,
            heldOn: toDbDate(data.hearingHeldOn ?? day),
            panel: data.panel.join('\n'),
            panelMembers: data.panel,
            outcome: 'DISCHARGE',
            decisionOn: toDbDate(day),
            notes: data.reasons,
          },
          select: { id: true },
        });
        managersHearingId = hearing.id;
      }
      if (data.route === 'TRIBUNAL') {
        let caseId: string;
        if (data.tribunalCaseId && data.tribunalCaseId !== 'new') {
          const found = await tx.tribunalCase.findFirst({
            where: {
              id: data.tribunalCaseId,
              patientId: order.patientId,
              status: 'OPEN',
              enteredInErrorAt: null,
            },
            select: { id: true },
          });
          if (!found) {
            return ctx.refuse(
              'TRIBUNAL_CASE_NOT_FOUND',
              'Choose one of the patient’s open tribunal cases.',
              {
                tribunalCaseId: 'Choose one of the patient’s open tribunal cases',
              },
            );
          }
          caseId = found.id;
        } else {
          const receivedOn = data.tribunalReceivedOn ?? day;
          const applicant = data.tribunalApplicant ?? 'PATIENT';
          const created = await tx.tribunalCase.create({
            data: {
              patientId: order.patientId,
              orderId: order.id,
              kind: applicant === 'HOSPITAL_MANAGERS' ? 'REFERENCE' : 'APPLICATION',
              applicant,
              basis:
                applicant === 'HOSPITAL_MANAGERS'
                  ? 's68'
                  : applicant === 'NEAREST_RELATIVE'
                    ? 's66(1)(g)'
                    : 's66(1)(ca)',
              madeOn: toDbDate(receivedOn),
              receivedOn: toDbDate(receivedOn),
              documentsDueOn: toDbDate(receivedOn),
              tribunalReference: data.tribunalReference ?? null,
            },
            select: { id: true },
          });
          caseId = created.id;
        }
        const hearing = await tx.tribunalHearing.create({
          data: {
            caseId,
            scheduledAt: data.decidedAt,
            heldOn: toDbDate(day),
            outcome: 'DISCHARGED',
            decisionOn: toDbDate(day),
            notes: data.reasons,
          },
          select: { id: true },
        });
        tribunalHearingId = hearing.id;
        await tx.tribunalCase.update({ where: { id: caseId }, data: { status: 'DECIDED' } });
      }

      const discharge = await tx.discharge.create({
        data: {
          orderId: order.id,
          route: data.route,
          orderedAt: data.decidedAt,
          effectiveAt: data.decidedAt,
          decidedById: data.route === 'RESPONSIBLE_CLINICIAN' ? actor.userId : null,
          reasons: data.reasons,
          managersHearingId,
          tribunalHearingId,
        },
        select: { id: true },
      });
      await closeOrderScopedRows(tx, order.id, data.decidedAt);
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: data.decidedAt,
        facts: {
          dischargeId: discharge.id,
          route: data.route,
          managersHearingId,
          tribunalHearingId,
        },
        auditAction: spec.audit,
      });
      await writeSocialAssessment(tx, {
        patientId: order.patientId,
        orderId: order.id,
        decisionPoint: 'DISCHARGE',
        decisionEventId: result.eventId,
        assessedById: actor.userId,
        assessedOn: day,
        input: data.social,
        audit: ctx.audit,
      });
      await ctx.enqueue('notify.order-discharged', {
        orderId: order.id,
        eventId: result.eventId,
        dischargeId: discharge.id,
        route: data.route,
      });
      return {
        orderId: order.id,
        patientId: order.patientId,
        eventId: result.eventId,
        state: result.state,
        expiry: result.expiry,
        warnings: warningMessages(result.warnings),
      };
    },
  });
}
