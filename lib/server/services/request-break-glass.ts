import 'server-only';
// Break-glass: a clinician opens a patient who is not on their list, in an emergency, by giving a
// reason. The grant is time-boxed (BREAK_GLASS_MINUTES), every read made through it names it in
// the audit trail, and the privacy officer reviews it (review-break-glass.ts).
// docs/decisions/201-break-glass.md
import type { CallOptions } from './run-service';
import { env } from '@/lib/env';
import { scopeFor } from '@/lib/auth/permissions';
import { patientScopeWhere } from '@/lib/server/scope';
import { requestBreakGlassSchema } from '@/lib/schemas/break-glass';
import { runService, type ServiceActor, type ServiceResult } from './run-service';

export type BreakGlassGranted = {
  patientId: string;
  /** null when the patient was already on the person's list: no grant is needed or made. */
  breakGlassId: string | null;
  expiresAt: string | null;
};

export type { CallOptions };

export function requestBreakGlass(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions & { minutes?: number } = {},
): Promise<ServiceResult<BreakGlassGranted>> {
  const minutes = options.minutes ?? env.BREAK_GLASS_MINUTES;
  return runService({
    ...options,
    action: 'request:break-glass',
    auditAction: 'break-glass.request',
    schema: requestBreakGlassSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      // The 'trust' scope of request:break-glass: find the patient by exact NHS number only.
      const patient = await tx.patient.findUnique({
        where: { nhsNumber: data.nhsNumber },
        select: { id: true },
      });
      if (!patient) {
        return ctx.refuse(
          'NO_SUCH_PATIENT',
          'No patient with this NHS number is registered in this trust.',
          { nhsNumber: 'No patient with this NHS number is registered in this trust' },
        );
      }

      // Already on their list: open the record the ordinary way, without a grant.
      const readScope = scopeFor(actor.roles, 'read:patient');
      if (readScope !== null) {
        const inScope = await tx.patient.count({
          where: { AND: [{ id: patient.id }, patientScopeWhere(actor, readScope, now)] },
        });
        if (inScope > 0) {
          await ctx.audit({
            action: 'break-glass.request',
            outcome: 'SUCCESS',
            reason: 'already-in-scope',
            entityType: 'Patient',
            entityId: patient.id,
            patientId: patient.id,
          });
          return { patientId: patient.id, breakGlassId: null, expiresAt: null };
        }
      }

      // One live grant per person and patient: a new reason replaces the old grant.
      await tx.breakGlassAccess.updateMany({
        where: {
          userId: actor.userId,
          patientId: patient.id,
          endedAt: null,
          expiresAt: { gt: now },
        },
        data: { endedAt: now },
      });
      const expiresAt = new Date(now.getTime() + minutes * 60_000);
      const grant = await tx.breakGlassAccess.create({
        data: {
          userId: actor.userId,
          patientId: patient.id,
          reason: data.reason,
          grantedAt: now,
          expiresAt,
        },
        select: { id: true },
      });
      await ctx.audit({
        action: 'break-glass.request',
        outcome: 'SUCCESS',
        entityType: 'BreakGlassAccess',
        entityId: grant.id,
        patientId: patient.id,
        breakGlassId: grant.id,
        // The break-glass reason belongs in the trail (issue 4); it is the user's own words
        // about why, not clinical content, and recordAudit strips control characters.
        reason: data.reason,
        metadata: { minutes, expiresAt: expiresAt.toISOString() },
      });
      return { patientId: patient.id, breakGlassId: grant.id, expiresAt: expiresAt.toISOString() };
    },
  });
}
