import 'server-only';
// Turns a permission scope into a Prisma `where` clause, so that every read and write of
// patient data is limited by the database query itself (architecture.md, step 1).
import { Prisma } from '@/lib/generated/prisma/client';
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

/**
 * The scope as SQL for the lists written in SQL (the patients list): the `from` that yields
 * the patients as `p`, and a `where` on them. The team scope starts from a UNION of two indexed
 * lookups (the team's patients, and those assigned to me) and fetches each patient by its key
 * (a LATERAL join, so PostgreSQL never reads every patient to find a team's few hundred);
 * the AMHP's narrow scope is looked up first through patientScopeWhere.
 * See docs/decisions/723-patients-list-in-one-query.md.
 */
export async function patientScopeSql(
  client: Db | Tx,
  actor: ScopeActor,
  scope: Scope,
  now: Date,
): Promise<{ from: Prisma.Sql; where: Prisma.Sql }> {
  const all = Prisma.sql`"Patient" p`;
  switch (scope) {
    case 'trust':
      return { from: all, where: Prisma.sql`TRUE` };
    case 'team':
      return {
        from: Prisma.sql`(SELECT tp.id FROM "Patient" tp
            WHERE tp."currentTeamId" = ANY(${[...actor.teamIds]}::text[])
          UNION
          SELECT sa."patientId" FROM "StaffAssignment" sa
           WHERE sa."userId" = ${actor.userId} AND sa."endedOn" IS NULL) scoped
          CROSS JOIN LATERAL (SELECT * FROM "Patient" sp WHERE sp.id = scoped.id OFFSET 0) p`,
        where: Prisma.sql`TRUE`,
      };
    case 'requested':
    case 'none': {
      const ids = await client.patient.findMany({
        where: patientScopeWhere(actor, scope, now),
        select: { id: true },
      });
      return {
        from: all,
        where: ids.length
          ? Prisma.sql`p.id IN (${Prisma.join(ids.map((r) => r.id))})`
          : Prisma.sql`FALSE`,
      };
    }
  }
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
