import 'server-only';
// OpenID Connect sign-in for NHS Care Identity Service 2 (CIS2), switched on by
// OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. Authorization code flow with PKCE,
// state and nonce. National RBAC role codes map to local roles through OIDC_ROLE_MAP.
import type { OIDCConfig } from 'next-auth/providers';
import { z } from 'zod';
import { env } from '@/lib/env';
import { db } from '@/lib/server/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { isRole, type Role } from '@/lib/auth/roles';

interface Cis2Profile extends Record<string, unknown> {
  sub: string;
  email?: string;
  name?: string;
  nhsid_useruid?: string;
  nhsid_nrbac_roles?: { role_code?: string; person_roleid?: string; org_code?: string }[];
  selected_roleid?: string;
}

const roleMapSchema = z.record(z.string(), z.array(z.string()));

export function parseRoleMap(raw: string): Record<string, Role[]> {
  const parsed = roleMapSchema.parse(JSON.parse(raw));
  return Object.fromEntries(
    Object.entries(parsed).map(([code, roles]) => [code, roles.filter(isRole)]),
  );
}

/** The local roles that a CIS2 profile's national RBAC roles map to (selected role only, if given). */
export function mapNationalRoles(profile: Cis2Profile, roleMap: Record<string, Role[]>): Role[] {
  const roles = profile.nhsid_nrbac_roles ?? [];
  const chosen = profile.selected_roleid
    ? roles.filter((r) => r.person_roleid === profile.selected_roleid)
    : roles;
  const codes = chosen.flatMap((r) => (r.role_code ? r.role_code.split(':') : []));
  return [...new Set(codes.flatMap((code) => roleMap[code] ?? []))];
}

export function cis2Provider(): OIDCConfig<Cis2Profile> | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    id: 'cis2',
    name: env.OIDC_PROVIDER_NAME,
    type: 'oidc',
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: env.OIDC_SCOPES, response_type: 'code' } },
    profile(profile) {
      return {
        id: profile.nhsid_useruid ?? profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? null,
      };
    },
  };
}

/**
 * The local user for a CIS2 profile: matched by subject, or by e-mail on first use (then
 * linked). Only existing, active users may sign in: accounts are created by an
 * administrator (joiners), never by signing in. When OIDC_ROLE_MAP is set, the local roles
 * follow the national ones.
 */
export async function resolveOidcUser(
  raw: Record<string, unknown>,
): Promise<{ id: string } | null> {
  const profile = raw as Cis2Profile;
  const subject = profile.nhsid_useruid ?? profile.sub;
  if (!subject) return null;
  const email = profile.email?.toLowerCase();
  const user =
    (await db.user.findUnique({ where: { oidcSubject: subject } })) ??
    (email ? await db.user.findUnique({ where: { email } }) : null);
  if (!user?.active) {
    await recordAudit(db, {
      actor: { userId: user?.id ?? null, email: email ?? null },
      action: 'auth.sign-in',
      outcome: 'DENIED',
      reason: user ? 'inactive' : 'no-local-account',
      metadata: { provider: 'cis2' },
    });
    return null;
  }
  const roleMap = parseRoleMap(env.OIDC_ROLE_MAP);
  await db.$transaction(async (tx) => {
    if (!user.oidcSubject) {
      await tx.user.update({ where: { id: user.id }, data: { oidcSubject: subject } });
    }
    if (Object.keys(roleMap).length > 0) {
      const wanted = new Set(mapNationalRoles(profile, roleMap));
      const current = await tx.userRole.findMany({ where: { userId: user.id, revokedAt: null } });
      for (const held of current) {
        if (!wanted.has(held.role)) {
          await tx.userRole.update({ where: { id: held.id }, data: { revokedAt: new Date() } });
        }
      }
      for (const role of wanted) {
        if (!current.some((held) => held.role === role)) {
          await tx.userRole.create({ data: { userId: user.id, role } });
        }
      }
    }
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, {
      actor: { userId: user.id, email: user.email },
      action: 'auth.sign-in',
      outcome: 'SUCCESS',
      entityType: 'User',
      entityId: user.id,
      metadata: { provider: 'cis2' },
    });
  });
  return { id: user.id };
}
