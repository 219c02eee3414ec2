import 'server-only';
// Sign-in with NHS Care Identity Service 2 (CIS2) by OpenID Connect, switched on by
// OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: authorization code flow with PKCE, state
// and nonce. CIS2 returns its scope claims (nhsid_useruid, nhsid_nrbac_roles, selected_roleid,
// email...) from the UserInfo endpoint only, so the claims are the UserInfo response over the
// ID token's; the assurance (`acr`) is read from the ID token only. The person's local roles
// follow the national role they selected at sign-in (docs/decisions/641-cis2-sign-in.md).
import type { OIDCConfig } from 'next-auth/providers';
import { z } from 'zod';
import { env, roleMapSchema } from '@/lib/env';
import { db } from '@/lib/server/db';
import { recordAudit, type RequestMeta } from '@/lib/server/audit/record-audit';
import { type Role } from '@/lib/auth/roles';

export const CIS2_PROVIDER_ID = 'cis2';
export const CIS2_CALLBACK_PATH = `/api/auth/callback/${CIS2_PROVIDER_ID}`;

const text = (max: number) => z.string().trim().min(1).max(max);

const nationalRoleSchema = z.object({
  person_roleid: text(100),
  role_code: text(100),
  org_code: text(20).optional(),
  role_name: text(200).optional(),
});

/** The claims CTO Tracker reads; anything else the provider sends is ignored. */
export const cis2ClaimsSchema = z.object({
  sub: text(100),
  nhsid_useruid: text(100).optional(),
  email: text(320).optional(),
  name: text(300).optional(),
  // One malformed role entry must not hide the others: bad entries are dropped.
  nhsid_nrbac_roles: z
    .array(z.unknown())
    .optional()
    .transform((roles) =>
      (roles ?? []).flatMap((r) => {
        const parsed = nationalRoleSchema.safeParse(r);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  selected_roleid: text(100).optional(),
});
export type Cis2Claims = z.infer<typeof cis2ClaimsSchema>;
export type NationalRole = z.infer<typeof nationalRoleSchema>;

export type RoleMap = Record<string, Role[]>;

export function parseRoleMap(raw: string): RoleMap {
  return roleMapSchema.parse(JSON.parse(raw));
}

/** The job role part (R....) of a national RBAC role code such as S8000:G8000:R8000. */
export function jobRoleCode(roleCode: string): string | null {
  return roleCode.split(':').find((part) => /^R\d+$/.test(part)) ?? null;
}

/** The role the person selected at sign-in, if CIS2 said which and it is one of theirs. */
export function selectedRole(claims: Cis2Claims): NationalRole | null {
  if (!claims.selected_roleid) return null;
  return claims.nhsid_nrbac_roles.find((r) => r.person_roleid === claims.selected_roleid) ?? null;
}

/**
 * The local roles the selected national role gives: the map's entry for the whole role code
 * (S8000:G8000:R8000) if there is one, otherwise for its job role (R8000). Only the selected
 * role counts, as CIS2 advises: the person's other national roles give nothing here.
 */
export function mapSelectedRole(role: NationalRole, roleMap: RoleMap): Role[] {
  const exact = roleMap[role.role_code];
  if (exact) return [...new Set(exact)];
  const job = jobRoleCode(role.role_code);
  return job && roleMap[job] ? [...new Set(roleMap[job])] : [];
}

const AAL_LEVEL = { AAL1: 1, AAL2: 2, AAL3: 3 } as const;

/** The assurance level an `acr` value names (CIS2: AAL3_ANY, AAL2_OR_AAL3_ANY, AAL2_ANY...). */
export function assuranceLevel(acr: unknown): number | null {
  if (typeof acr !== 'string') return null;
  // A value offering a choice ("AAL2_OR_AAL3_ANY") is only as strong as its weakest option.
  const levels = [...acr.matchAll(/AAL([1-3])/g)].map((m) => Number(m[1]));
  return levels.length ? Math.min(...levels) : null;
}

/** The acr_values to request: OIDC_ACR_VALUES, or CIS2's name for the minimum level or higher. */
export function requestedAcrValues(
  settings: Pick<typeof env, 'OIDC_ACR_VALUES' | 'OIDC_MIN_ASSURANCE'> = env,
): string | null {
  if (settings.OIDC_ACR_VALUES !== undefined) return settings.OIDC_ACR_VALUES.trim() || null;
  if (settings.OIDC_MIN_ASSURANCE === 'AAL3') return 'AAL3_ANY';
  if (settings.OIDC_MIN_ASSURANCE === 'AAL2') return 'AAL2_OR_AAL3_ANY';
  return null;
}

/** The claims of an ID token that oauth4webapi has already verified (signature, iss, aud, nonce). */
export function idTokenClaims(idToken: unknown): Record<string, unknown> {
  if (typeof idToken !== 'string') return {};
  const payload = idToken.split('.')[1];
  if (!payload) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function cis2Enabled(): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

export function cis2Provider(): OIDCConfig<Record<string, unknown>> | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  const acrValues = requestedAcrValues();
  return {
    id: CIS2_PROVIDER_ID,
    name: env.OIDC_PROVIDER_NAME,
    type: 'oidc',
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    client: { token_endpoint_auth_method: env.OIDC_TOKEN_AUTH_METHOD },
    checks: ['pkce', 'state', 'nonce'],
    // Auth.js verifies the ID token and then, with idToken: false, calls the UserInfo endpoint
    // with the access token (checking that its `sub` is the ID token's): that response is the
    // profile, where CIS2 puts its claims.
    idToken: false,
    authorization: {
      params: {
        scope: env.OIDC_SCOPES,
        response_type: 'code',
        ...(acrValues ? { acr_values: acrValues } : {}),
      },
    },
    profile(userinfo, tokens) {
      const claims = { ...idTokenClaims(tokens.id_token), ...userinfo };
      const uid = typeof claims.nhsid_useruid === 'string' ? claims.nhsid_useruid : claims.sub;
      return {
        id: typeof uid === 'string' ? uid : undefined,
        email: typeof claims.email === 'string' ? claims.email : null,
        name: typeof claims.name === 'string' ? claims.name : null,
      };
    },
  };
}

export type Cis2Refusal =
  | 'invalid-claims'
  | 'assurance-too-low'
  | 'no-local-account'
  | 'inactive'
  | 'linked-to-another'
  | 'no-selected-role'
  | 'role-not-mapped';

export type Cis2SignInResult =
  | { ok: true; userId: string; roles: Role[] }
  | {
      ok: false;
      reason: Cis2Refusal;
      /** The selected national role, for the message (role-not-mapped). */
      role?: { code: string; name: string | null };
    };

export interface Cis2SignInSettings {
  minAssurance: keyof typeof AAL_LEVEL;
  roleMap: RoleMap;
}

function settingsFromEnv(): Cis2SignInSettings {
  return { minAssurance: env.OIDC_MIN_ASSURANCE, roleMap: parseRoleMap(env.OIDC_ROLE_MAP) };
}

/**
 * Decides a CIS2 sign-in from the verified claims (UserInfo over the ID token) and the ID
 * token's own claims (for `acr`), and applies it: links the account, brings the roles that
 * sign-in manages in line with the selected national role, and writes one `auth.sign-in`
 * audit row (plus one row per role given or taken away, like an administrator's change).
 * A refusal changes nothing but the audit trail.
 */
export async function signInWithCis2(
  rawClaims: Record<string, unknown>,
  idToken: Record<string, unknown>,
  meta: RequestMeta,
  now = new Date(),
  settings: Cis2SignInSettings = settingsFromEnv(),
): Promise<Cis2SignInResult> {
  const deny = async (
    reason: Cis2Refusal,
    details: {
      user?: { id: string; email: string; roles: string[] } | null;
      cis2UserId?: string | null;
      email?: string | null;
      extra?: Record<string, string | null>;
    } = {},
  ) => {
    await recordAudit(db, {
      actor: {
        userId: details.user?.id ?? null,
        email: details.user?.email ?? details.email ?? null,
        roles: details.user?.roles ?? [],
      },
      action: 'auth.sign-in',
      outcome: 'DENIED',
      entityType: details.user ? 'User' : null,
      entityId: details.user?.id ?? null,
      reason,
      meta,
      metadata: {
        provider: CIS2_PROVIDER_ID,
        cis2UserId: details.cis2UserId ?? null,
        acr: typeof idToken.acr === 'string' ? idToken.acr.slice(0, 100) : null,
        ...details.extra,
      },
    });
  };

  const parsed = cis2ClaimsSchema.safeParse(rawClaims);
  if (!parsed.success) {
    await deny('invalid-claims', {
      cis2UserId: typeof rawClaims.sub === 'string' ? rawClaims.sub.slice(0, 100) : null,
    });
    return { ok: false, reason: 'invalid-claims' };
  }
  const claims = parsed.data;
  const cis2UserId = claims.nhsid_useruid ?? claims.sub;
  const email = claims.email?.toLowerCase() ?? null;

  const level = assuranceLevel(idToken.acr);
  if (level === null || level < AAL_LEVEL[settings.minAssurance]) {
    await deny('assurance-too-low', { cis2UserId, email });
    return { ok: false, reason: 'assurance-too-low' };
  }

  const include = { roles: { where: { revokedAt: null } } } as const;
  const user =
    (await db.user.findUnique({ where: { oidcSubject: cis2UserId }, include })) ??
    (email ? await db.user.findUnique({ where: { email }, include }) : null);
  const known = user
    ? { id: user.id, email: user.email, roles: user.roles.map((r) => r.role) }
    : null;
  if (!user || !known) {
    await deny('no-local-account', { cis2UserId, email });
    return { ok: false, reason: 'no-local-account' };
  }
  if (user.oidcSubject && user.oidcSubject !== cis2UserId) {
    // The email matches an account already linked to someone else's CIS2 user id.
    await deny('linked-to-another', { user: known, cis2UserId });
    return { ok: false, reason: 'linked-to-another' };
  }
  if (!user.active) {
    await deny('inactive', { user: known, cis2UserId });
    return { ok: false, reason: 'inactive' };
  }

  const manageRoles = Object.keys(settings.roleMap).length > 0;
  const selected = selectedRole(claims);
  let wanted: Role[] = [];
  if (manageRoles) {
    if (!selected) {
      await deny('no-selected-role', {
        user: known,
        cis2UserId,
        extra: { selectedRoleId: claims.selected_roleid ?? null },
      });
      return { ok: false, reason: 'no-selected-role' };
    }
    wanted = mapSelectedRole(selected, settings.roleMap);
    if (wanted.length === 0) {
      const role = { code: selected.role_code, name: selected.role_name ?? null };
      await deny('role-not-mapped', {
        user: known,
        cis2UserId,
        extra: { selectedRoleCode: role.code, selectedRoleName: role.name },
      });
      return { ok: false, reason: 'role-not-mapped', role };
    }
  }

  const roles = await db.$transaction(async (tx) => {
    const actor = { userId: user.id, email: user.email, roles: known.roles };
    const source = {
      source: CIS2_PROVIDER_ID,
      cis2UserId,
      selectedRoleCode: selected?.role_code ?? null,
    };
    if (!user.oidcSubject) {
      await tx.user.update({ where: { id: user.id }, data: { oidcSubject: cis2UserId } });
      await recordAudit(tx, {
        actor,
        action: 'user.cis2.link',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: user.id,
        meta,
        metadata: { cis2UserId, matchedBy: 'email' },
      });
    }
    if (manageRoles) {
      const history = await tx.userRole.findMany({
        where: { userId: user.id },
        orderBy: [{ grantedAt: 'desc' }],
      });
      const held = history.filter((r) => r.revokedAt === null);
      // Sign-in takes away only what sign-in gave; an administrator's grant stays.
      for (const row of held) {
        if (row.grantedVia === 'CIS2' && !wanted.includes(row.role)) {
          await tx.userRole.update({
            where: { id: row.id },
            data: { revokedAt: now, revokedVia: 'CIS2' },
          });
          await recordAudit(tx, {
            actor,
            action: 'user.role.revoke',
            outcome: 'SUCCESS',
            entityType: 'User',
            entityId: user.id,
            meta,
            metadata: { role: row.role, userRoleId: row.id, ...source },
          });
        }
      }
      for (const role of wanted) {
        if (held.some((r) => r.role === role)) continue;
        // An administrator who took this role away has the last word: sign-in does not give
        // it back (they can give it again on the user page).
        const latest = history.find((r) => r.role === role);
        if (latest?.revokedVia === 'ADMIN') continue;
        const row = await tx.userRole.create({
          data: { userId: user.id, role, grantedAt: now, grantedVia: 'CIS2' },
          select: { id: true },
        });
        await recordAudit(tx, {
          actor,
          action: 'user.role.grant',
          outcome: 'SUCCESS',
          entityType: 'User',
          entityId: user.id,
          meta,
          metadata: { role, userRoleId: row.id, ...source },
        });
      }
    }
    await tx.user.update({
      where: { id: user.id },
      data: { lastSignInAt: now, failedSignInCount: 0 },
    });
    const current = await tx.userRole.findMany({
      where: { userId: user.id, revokedAt: null },
      select: { role: true },
    });
    const roleList = current.map((r) => r.role);
    await recordAudit(tx, {
      actor: { userId: user.id, email: user.email, roles: roleList },
      action: 'auth.sign-in',
      outcome: 'SUCCESS',
      entityType: 'User',
      entityId: user.id,
      meta,
      metadata: {
        provider: CIS2_PROVIDER_ID,
        cis2UserId,
        acr: typeof idToken.acr === 'string' ? idToken.acr.slice(0, 100) : null,
        selectedRoleCode: selected?.role_code ?? null,
      },
    });
    return roleList;
  });
  return { ok: true, userId: user.id, roles: roles as Role[] };
}

/**
 * A failed CIS2 sign-in that never reached the claims (cancelled, a changed state, a wrong
 * nonce, the provider unreachable...): one audit row, with the CIS2 user id where known.
 */
export async function recordCis2Failure(
  reason: string,
  meta: RequestMeta,
  details: { cis2UserId?: string | null; providerError?: string | null } = {},
): Promise<void> {
  await recordAudit(db, {
    actor: { userId: null },
    action: 'auth.sign-in',
    outcome: 'FAILURE',
    reason,
    meta,
    metadata: {
      provider: CIS2_PROVIDER_ID,
      cis2UserId: details.cis2UserId ?? null,
      providerError: details.providerError?.slice(0, 200) ?? null,
    },
  });
}
