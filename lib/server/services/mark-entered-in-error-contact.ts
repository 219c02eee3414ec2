import 'server-only';
// Marks a contact (and the care activities recorded with it) "entered in error", with the
// reason. Never deleted: the chronology shows it struck through with the reason.
import type { CallOptions } from './run-service';
import { enteredInErrorSchema } from '@/lib/schemas/contact';
import { markingAction, NOT_RECORDER_MESSAGE } from './social/entered-in-error';
import { Refusal, runService, type ServiceActor, type ServiceResult } from './run-service';

export type { CallOptions };

export function markContactEnteredInError(
  actor: ServiceActor,
  contactId: string,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ contactId: string; patientId: string }>> {
  const { action, recorderOnly } = markingAction(actor, 'record:contact');
  return runService({
    ...options,
    action,
    auditAction: 'contact.mark-entered-in-error',
    schema: enteredInErrorSchema,
    actor,
    input,
    subject: { entityType: 'Contact', entityId: contactId },
    ids: [{ value: contactId, what: 'The contact' }],
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const contact = /^[0-9a-f-]{36}$/i.test(contactId)
        ? await tx.contact.findFirst({
            where: { id: contactId, patient: ctx.patientWhere },
            select: { id: true, patientId: true, staffId: true, enteredInErrorAt: true },
          })
        : null;
      if (!contact) return ctx.notFound('The contact');
      if (recorderOnly && contact.staffId !== actor.userId) {
        throw new Refusal('NOT_RECORDER', NOT_RECORDER_MESSAGE, undefined, 'FORBIDDEN');
      }
      if (contact.enteredInErrorAt) {
        return ctx.refuse(
          'ALREADY_IN_ERROR',
          'This contact is already marked as entered in error.',
        );
      }
      await tx.contact.update({
        where: { id: contact.id },
        data: { enteredInErrorAt: now, enteredInErrorReason: data.reason },
      });
      await tx.careActivity.updateMany({
        where: { contactId: contact.id, enteredInErrorAt: null },
        data: { enteredInErrorAt: now },
      });
      await ctx.audit({
        action: 'contact.mark-entered-in-error',
        outcome: 'SUCCESS',
        entityType: 'Contact',
        entityId: contact.id,
        patientId: contact.patientId,
      });
      return { contactId: contact.id, patientId: contact.patientId };
    },
  });
}
