import 'server-only';
// A contact with the patient and the care activities done with it (issue 5, part 2): care
// coordinators and responsible clinicians, for patients on their team's list.
import type { CallOptions } from './run-service';
import { recordContactSchema } from '@/lib/schemas/contact';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { runService, type ServiceActor, type ServiceResult } from './run-service';

export type { CallOptions };

// A little slack for clocks that run fast, not a way to record the future.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function recordContact(
  actor: ServiceActor,
  patientId: string,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ contactId: string; activityIds: string[] }>> {
  const parsed = recordContactSchema.safeParse(input);
  return runService({
    ...options,
    action: 'record:contact',
    auditAction: 'contact.record',
    schema: recordContactSchema,
    actor,
    input,
    subject: { entityType: 'Patient', entityId: patientId, patientId },
    ids: [{ value: patientId, what: 'The patient' }],
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const patient = await tx.patient.findFirst({
        where: { AND: [{ id: patientId }, ctx.patientWhere] },
        select: { id: true, dateOfBirth: true },
      });
      if (!patient) return ctx.notFound('The patient');
      if (data.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        return ctx.refuse('DATE_IN_FUTURE', 'A contact cannot be recorded before it happens.', {
          'occurredAt.date': 'The date and time of the contact must be now or in the past',
        });
      }
      if (data.occurredAt.getTime() < patient.dateOfBirth.getTime()) {
        return ctx.refuse(
          'DATE_BEFORE_BIRTH',
          'The contact is dated before the patient was born.',
          {
            'occurredAt.date': 'The date of the contact must be after the patient’s date of birth',
          },
        );
      }
      const contact = await tx.contact.create({
        data: {
          patientId: patient.id,
          staffId: actor.userId,
          occurredAt: data.occurredAt,
          mode: data.mode,
          durationMinutes: data.durationMinutes ?? null,
          withCarer: data.withCarer === 'yes',
          summary: data.summary,
        },
        select: { id: true },
      });
      const startedOn = toDbDate(londonDateOf(data.occurredAt));
      const activityIds: string[] = [];
      for (const activity of data.activities) {
        const row = await tx.careActivity.create({
          data: {
            patientId: patient.id,
            contactId: contact.id,
            kind: activity.kind,
            description: activity.description,
            startedOn,
            recordedById: actor.userId,
          },
          select: { id: true },
        });
        activityIds.push(row.id);
      }
      await ctx.audit({
        action: 'contact.record',
        outcome: 'SUCCESS',
        entityType: 'Contact',
        entityId: contact.id,
        patientId: patient.id,
        metadata: { mode: data.mode, activities: data.activities.map((a) => a.kind) },
      });
      return { contactId: contact.id, activityIds };
    },
  });
}
