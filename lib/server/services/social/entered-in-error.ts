import 'server-only';
// Who may mark a contact or a social factors assessment "entered in error": the person who
// recorded it (while the patient is on their list), or the MHA office for any patient in the
// trust. Nothing is deleted: the row keeps its content, the time and the reason.
import { can, type Action } from '@/lib/auth/permissions';
import type { ServiceActor } from '../run-service';

/**
 * The permission a marking runs under: the MHA office's own, or the recorder's permission to
 * record such entries (then the service also checks that the actor recorded it).
 */
export function markingAction(
  actor: ServiceActor,
  recordAction: Action,
): { action: Action; recorderOnly: boolean } {
  return can(actor.roles, 'mark:entered-in-error')
    ? { action: 'mark:entered-in-error', recorderOnly: false }
    : { action: recordAction, recorderOnly: true };
}

export const NOT_RECORDER_MESSAGE =
  'Only the person who recorded this, or the Mental Health Act office, can mark it as entered in error.';
