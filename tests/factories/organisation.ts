/** Trusts, hospitals, teams and users (with roles, team memberships and a hashed password). */
import { hashPassword } from '@/lib/auth/password';
import type { Prisma, Role, TeamKind } from '@/lib/generated/prisma/client';
import { toDbDate, type IsoDate } from '@/lib/server/dates';
import { newId, unique, type FactoryDb } from './db';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

// Argon2id is deliberately slow: hash each distinct password once per process.
const hashes = new Map<string, Promise<string>>();

export function hashedPassword(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

// --- Trust -----------------------------------------------------------------------------------

export function buildTrust(
  overrides: Partial<Prisma.TrustCreateManyInput> = {},
): Prisma.TrustCreateManyInput {
  const u = unique();
  return {
    id: newId(),
    odsCode: `T${u.toUpperCase()}`,
    name: `Test Mental Health NHS Foundation Trust ${u}`,
    ...overrides,
  };
}

/** A new trust row: fails if the database already has one (one trust per deployment). */
export function createTrust(db: FactoryDb, overrides: Partial<Prisma.TrustCreateManyInput> = {}) {
  return db.trust.create({ data: buildTrust(overrides) });
}

/**
 * The deployment's one trust (docs/decisions/611-one-trust-per-deployment.md): the row already
 * there, or a new one in an empty database. Test worlds share it, as a trust's teams do.
 */
export async function theTrust(db: FactoryDb) {
  const existing = await db.trust.findFirst({ orderBy: { createdAt: 'asc' } });
  return existing ?? createTrust(db);
}

// --- Hospital --------------------------------------------------------------------------------

export type HospitalInput = { trustId: string } & Partial<Prisma.HospitalCreateManyInput>;

export function buildHospital(input: HospitalInput): Prisma.HospitalCreateManyInput {
  const u = unique();
  return {
    id: newId(),
    siteCode: `S${u.toUpperCase()}`,
    name: `Test Hospital ${u}`,
    managersName: 'Test Mental Health NHS Foundation Trust',
    underOurManagers: true,
    address: '1 Example Road, Testtown NX1 1AA',
    ...input,
  };
}

export function createHospital(db: FactoryDb, input: HospitalInput) {
  return db.hospital.create({ data: buildHospital(input) });
}

// --- Team ------------------------------------------------------------------------------------

export type TeamInput = { trustId: string; kind?: TeamKind } & Partial<Prisma.TeamCreateManyInput>;

export function buildTeam(input: TeamInput): Prisma.TeamCreateManyInput {
  const u = unique();
  return {
    id: newId(),
    code: `TEAM-${u.toUpperCase()}`,
    name: `Test Community Team ${u}`,
    kind: 'COMMUNITY',
    ...input,
  };
}

export function createTeam(db: FactoryDb, input: TeamInput) {
  return db.team.create({ data: buildTeam(input) });
}

// --- User ------------------------------------------------------------------------------------

export interface UserInput {
  id?: string;
  email?: string;
  name?: string;
  jobTitle?: string | null;
  professionalRegistration?: string | null;
  /** Plain password to hash; null for a user who cannot sign in with a password. */
  password?: string | null;
  roles?: readonly Role[];
  /** Team ids (membership from `memberSince`) or explicit memberships. */
  teams?: readonly (string | { teamId: string; startedOn?: IsoDate; endedOn?: IsoDate | null })[];
  memberSince?: IsoDate;
  active?: boolean;
}

export interface BuiltUser {
  user: Omit<Prisma.UserCreateManyInput, 'passwordHash'> & { id: string };
  roles: Prisma.UserRoleCreateManyInput[];
  memberships: Prisma.TeamMembershipCreateManyInput[];
  password: string | null;
}

/** Plain data for a user, their roles and memberships (the password is hashed on create). */
export function buildUser(input: UserInput = {}): BuiltUser {
  const u = unique();
  const id = input.id ?? newId();
  const since = input.memberSince ?? '2020-01-01';
  return {
    user: {
      id,
      email: (input.email ?? `user-${u}@cto-tracker.example`).toLowerCase(),
      name: input.name ?? `Test User ${u}`,
      jobTitle: input.jobTitle ?? null,
      professionalRegistration: input.professionalRegistration ?? null,
      active: input.active ?? true,
    },
    roles: (input.roles ?? ['CARE_COORDINATOR']).map((role) => ({ id: newId(), userId: id, role })),
    memberships: (input.teams ?? []).map((t) => {
      const m = typeof t === 'string' ? { teamId: t } : t;
      return {
        id: newId(),
        userId: id,
        teamId: m.teamId,
        startedOn: toDbDate(m.startedOn ?? since),
        endedOn: m.endedOn ? toDbDate(m.endedOn) : null,
      };
    }),
    password: input.password === undefined ? TEST_PASSWORD : input.password,
  };
}

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  teamIds: string[];
}

export async function createUser(db: FactoryDb, input: UserInput = {}): Promise<CreatedUser> {
  const built = buildUser(input);
  const passwordHash = built.password === null ? null : await hashedPassword(built.password);
  await db.user.create({ data: { ...built.user, passwordHash } });
  if (built.roles.length > 0) await db.userRole.createMany({ data: built.roles });
  if (built.memberships.length > 0) await db.teamMembership.createMany({ data: built.memberships });
  return {
    id: built.user.id,
    email: built.user.email,
    name: built.user.name,
    roles: built.roles.map((r) => r.role),
    teamIds: built.memberships.map((m) => m.teamId),
  };
}

/** Many users in three round trips (roles and memberships batched): the seed's path. */
export async function createUsers(
  db: FactoryDb,
  inputs: readonly UserInput[],
): Promise<CreatedUser[]> {
  const built = inputs.map((i) => buildUser(i));
  const users = await Promise.all(
    built.map(async (b) => ({
      ...b.user,
      passwordHash: b.password === null ? null : await hashedPassword(b.password),
    })),
  );
  await db.user.createMany({ data: users });
  const roles = built.flatMap((b) => b.roles);
  const memberships = built.flatMap((b) => b.memberships);
  if (roles.length > 0) await db.userRole.createMany({ data: roles });
  if (memberships.length > 0) await db.teamMembership.createMany({ data: memberships });
  return built.map((b) => ({
    id: b.user.id,
    email: b.user.email,
    name: b.user.name,
    roles: b.roles.map((r) => r.role),
    teamIds: b.memberships.map((m) => m.teamId),
  }));
}
