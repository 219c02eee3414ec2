import 'server-only';
// CTO1 Part 1 (s17A, s17B): the responsible clinician proposes a community treatment order
// from an eligible legal status period, with their opinion on each criterion and the
// conditions, and asks an AMHP for their agreement (Part 2). The order starts PROPOSED with a
// PENDING AmhpAgreement (purpose MAKING).
import { randomUUID } from 'node:crypto';
import { applyEvent, type ConditionInput } from '@/lib/cto';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { proposeOrderSchema, MANDATORY_CONDITION_WORDING } from '@/lib/schemas/orders/making';
import { ctoActor, orderInclude } from '@/lib/server/orders/snapshot';
import { decide } from '@/lib/server/orders/record-event';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { writeSocialAssessment } from './social/write-assessment';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import { createForm, type OrderServiceOptions, keyOf } from './order-service-support';

export interface ProposeOrderResult {
  [key: string]: string;
  orderId: string;
  patientId: string;
  eventId: string;
  agreementId: string;
}

const TERMINAL = ['DECLINED', 'REVOKED', 'DISCHARGED', 'EXPIRED', 'DIED'] as const;

export function proposeOrder(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<ProposeOrderResult>> {
  return runService({
    ...options,
    action: 'propose:order',
    auditAction: 'order.propose',
    schema: proposeOrderSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const patient = await tx.patient.findFirst({
        where: { AND: [{ id: data.patientId }, ctx.patientWhere] },
        select: {
          id: true,
          currentTeamId: true,
          dateOfDeath: true,
          staffAssignments: {
            where: { kind: 'RESPONSIBLE_CLINICIAN', endedOn: null },
            select: { userId: true },
          },
        },
      });
      if (!patient) return ctx.notFound('The patient');
      // One proposal at a time per patient: the second of two concurrent proposals waits here
      // and then sees the first one's order.
      await tx.$executeRaw`SELECT 1 FROM "Patient" WHERE id = ${patient.id} FOR UPDATE`;

      const conditions: (ConditionInput & {
        category: string;
        wording: string;
        purpose: string | null;
      })[] = [
        ...MANDATORY_CONDITION_WORDING.map((c) => ({
          id: randomUUID(),
          kind: 'MANDATORY' as const,
          text: c.wording,
          category: c.category,
          wording: c.wording,
          purpose: null,
        })),
        ...data.conditions.map((c) => ({
          id: randomUUID(),
          kind: 'DISCRETIONARY' as const,
          text: c.wording,
          category: c.category,
          wording: c.wording,
          purpose: c.purpose,
        })),
      ];

      const lsp = await tx.legalStatusPeriod.findFirst({
        where: { id: data.legalStatusPeriodId, patientId: patient.id, enteredInErrorAt: null },
        select: { id: true, legalStatusCode: true, hospitalId: true, endDate: true },
      });
      if (!lsp) {
        return ctx.refuse(
          'LEGAL_STATUS_NOT_FOUND',
          'Choose one of this patient’s legal statuses.',
          {
            legalStatusPeriodId: 'Choose one of this patient’s legal statuses',
          },
        );
      }
      const event = {
        type: 'PROPOSE' as const,
        legalStatusCode: lsp.legalStatusCode,
        conditions: conditions.map(({ id, kind, text }) => ({ id, kind, text })),
      };

      // An order that is proposed, agreed or in force: lib/cto refuses a second one.
      const live = await tx.communityTreatmentOrder.findFirst({
        where: { patientId: patient.id, state: { notIn: [...TERMINAL] } },
        include: orderInclude,
      });
      if (live) decide(ctx, live, event);

      const rcId = patient.staffAssignments[0]?.userId ?? null;
      const outcome = applyEvent(
        null,
        event,
        ctoActor(actor, { responsibleClinicianId: rcId }),
        now,
        { rightsInformationTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS },
      );
      if (!outcome.ok) {
        return ctx.refuse(
          outcome.code,
          outcome.message,
          outcome.code === 'INELIGIBLE_LEGAL_STATUS'
            ? { legalStatusPeriodId: outcome.message }
            : undefined,
        );
      }
      if (lsp.endDate !== null) {
        return ctx.refuse(
          'LEGAL_STATUS_ENDED',
          'This legal status has ended: a community treatment order can be made only for a patient who is still liable to be detained (s17A(1)).',
          { legalStatusPeriodId: 'This legal status has ended' },
        );
      }
      const hospitalId = lsp.hospitalId;
      if (!hospitalId) {
        return ctx.refuse(
          'NO_RESPONSIBLE_HOSPITAL',
          'The hospital where the patient is liable to be detained is not recorded for this legal status; the MHA office must record it first (it becomes the responsible hospital).',
          { legalStatusPeriodId: 'The hospital is not recorded for this legal status' },
        );
      }

      const amhp = await tx.user.findFirst({
        where: {
          id: data.amhpId,
          active: true,
          roles: { some: { role: 'AMHP', revokedAt: null } },
        },
        select: { id: true, name: true },
      });
      if (!amhp) {
        return ctx.refuse('NOT_AN_AMHP', 'Choose an approved mental health professional (AMHP).', {
          amhpId: 'Choose an AMHP from the list',
        });
      }

      const order = await tx.communityTreatmentOrder.create({
        data: {
          patientId: patient.id,
          legalStatusPeriodId: lsp.id,
          responsibleHospitalId: hospitalId,
          responsibleClinicianId: actor.userId,
          teamId: patient.currentTeamId,
          state: outcome.state,
          version: 1,
          proposedAt: now,
        },
        select: { id: true, patientId: true },
      });
      // The proposer becomes the patient's responsible clinician on the order; with none assigned
      // yet, the care team records it too (the dashboards, the scope and the patient page read
      // StaffAssignment), from today, in the same transaction.
      if (rcId === null) {
        await tx.staffAssignment.create({
          data: {
            patientId: patient.id,
            userId: actor.userId,
            kind: 'RESPONSIBLE_CLINICIAN',
            startedOn: toDbDate(londonDateOf(now)),
            recordedById: actor.userId,
            recordedAt: now,
          },
        });
      }

      const facts = {
        part1: {
          responsibleClinicianId: actor.userId,
          responsibleClinicianName: actor.name ?? null,
          signedAt: now.toISOString(),
          legalStatusPeriodId: lsp.id,
          legalStatusCode: lsp.legalStatusCode,
          criteria: Object.fromEntries(
            Object.entries(data.criteria).map(([k, c]) => [
              k,
              { met: c.met === 'yes', reasons: c.reasons ?? null },
            ]),
          ),
          necessaryFor: data.necessaryFor,
          grounds: data.grounds,
          deteriorationRiskConsidered: data.deteriorationRiskConsidered,
          mandatoryConditions: MANDATORY_CONDITION_WORDING.map((c) => c.wording),
          discretionaryConditions: conditions
            .filter((c) => c.kind === 'DISCRETIONARY')
            .map((c) => ({
              conditionId: c.id,
              category: c.category,
              wording: c.wording,
              purpose: c.purpose,
            })),
          amhpRequestedId: amhp.id,
        },
      } satisfies Prisma.InputJsonValue;
      const formId = await createForm(tx, order, 'CTO1', {
        facts,
        signedById: actor.userId,
        signedAt: now,
      });

      await tx.condition.createMany({
        data: conditions.map((c) => ({
          id: c.id,
          orderId: order.id,
          kind: c.kind,
          category: c.category as Prisma.ConditionCreateManyInput['category'],
          wording: c.wording,
          purpose: c.purpose as Prisma.ConditionCreateManyInput['purpose'],
          status: 'ACTIVE' as const,
          amhpAgreed: false,
          startedAt: now,
        })),
      });
      await tx.conditionChange.createMany({
        data: conditions.map((c) => ({
          conditionId: c.id,
          orderId: order.id,
          kind: 'ADDED' as const,
          occurredAt: now,
          byId: actor.userId,
          newWording: c.wording,
          reason: c.kind === 'MANDATORY' ? 'Section 17B(3): every order contains it.' : null,
          formId,
        })),
      });
      const agreement = await tx.amhpAgreement.create({
        data: {
          orderId: order.id,
          purpose: 'MAKING',
          requestedAt: now,
          requestedById: actor.userId,
          amhpId: amhp.id,
          decision: 'PENDING',
          formId,
        },
        select: { id: true },
      });
      const ctoEvent = await tx.ctoEvent.create({
        data: {
          orderId: order.id,
          patientId: order.patientId,
          type: 'PROPOSE',
          occurredAt: now,
          recordedById: actor.userId,
          formId,
          stateBefore: null,
          stateAfter: outcome.state,
          facts: {
            legalStatusPeriodId: lsp.id,
            legalStatusCode: lsp.legalStatusCode,
            amhpId: amhp.id,
            agreementId: agreement.id,
            discretionaryConditions: data.conditions.length,
          },
        },
        select: { id: true },
      });
      await writeSocialAssessment(tx, {
        patientId: order.patientId,
        orderId: order.id,
        decisionPoint: 'MAKING',
        decisionEventId: ctoEvent.id,
        assessedById: actor.userId,
        assessedOn: londonDateOf(now),
        input: data.social,
        audit: ctx.audit,
      });
      await recomputeOrderDeadlines(tx, order.id, londonDateOf(now), now, {
        rightsTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS,
      });
      await ctx.audit({
        action: 'order.propose',
        outcome: 'SUCCESS',
        entityType: 'CommunityTreatmentOrder',
        entityId: order.id,
        patientId: order.patientId,
        metadata: { eventId: ctoEvent.id, type: 'PROPOSE', to: outcome.state },
      });
      // The AMHP is told a request waits for them (no patient details in the notification).
      await ctx.enqueue('notify.amhp-agreement-requested', {
        agreementId: agreement.id,
        eventId: ctoEvent.id,
        amhpId: amhp.id,
        orderId: order.id,
        purpose: 'MAKING',
      });
      return {
        orderId: order.id,
        patientId: order.patientId,
        eventId: ctoEvent.id,
        agreementId: agreement.id,
      };
    },
  });
}
