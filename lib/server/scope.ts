import 'server-only';
// Turns a permission scope into a Prisma `where` clause, so that every read and write of
// patient data is limited by the database query itself (architecture.md, step 1).
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Scope } from '@/lib/auth/permissions';
import type { Db, Tx } from '@/lib/server/db';

export interface ScopeActor {
  userId: string;
  teamIds: readonly string[];
}

// An AMHP keeps access to a patient for this long after answering a request.
const AMHP_ACCESS_AFTER_RESPONSE_DAYS = 28;

/**
 * The same scope with the user's current assignments looked up first, so that the database
 * can use its indexes (an OR over a correlated EXISTS makes PostgreSQL scan every patient).
 * For lists; single-record queries can use patientScopeWhere.
 */
export async function indexedPatientScopeWhere(
  client: Db | Tx,
  actor: ScopeActor,
  scope: Scope,
  now: Date,
): Promise<Prisma.PatientWhereInput> {
  if (scope !== 'team') return patientScopeWhere(actor, scope, now);
  const assigned = await client.staffAssignment.findMany({
    where: { userId: actor.userId, endedOn: null },
    select: { patientId: true },
  });
  return {
    OR: [
      { currentTeamId: { in: [...actor.teamIds] } },
      { id: { in: [...new Set(assigned.map((a) => a.patientId))] } },
    ],
  };
}

export function patientScopeWhere(
  actor: ScopeActor,
  scope: Scope,
  now: Date,
  options: { includeBreakGlass?: boolean } = {},
): Prisma.PatientWhereInput {
  const breakGlass: Prisma.PatientWhereInput = {
    breakGlass: { some: { userId: actor.userId, expiresAt: { gt: now }, endedAt: null } },
  };
  const withBreakGlass = (where: Prisma.PatientWhereInput): Prisma.PatientWhereInput =>
    options.includeBreakGlass ? { OR: [where, breakGlass] } : where;

  switch (scope) {
    case 'trust':
      return {};
    case 'team':
      return withBreakGlass({
        OR: [
          { currentTeamId: { in: [...actor.teamIds] } },
          { staffAssignments: { some: { userId: actor.userId, endedOn: null } } },
        ],
      });
    case 'requested': {
      const since = new Date(now.getTime() - AMHP_ACCESS_AFTER_RESPONSE_DAYS * 86_400_000);
      return withBreakGlass({
        orders: {
          some: {
            amhpAgreements: {
              some: {
                amhpId: actor.userId,
                enteredInErrorAt: null,
                OR: [{ decision: 'PENDING' }, { respondedAt: { gte: since } }],
              },
            },
          },
        },
      });
    }
    case 'none':
      // No patient data at all: a condition no row satisfies.
      return { id: { in: [] } };
  }
}
