import 'server-only';
// next-auth v5 configuration: password sign-in (can be switched off) and an OpenID Connect
// provider for NHS CIS2, both backed by a server-side session row (lib/server/sessions.ts).
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { env } from '@/lib/env';
import { authenticate } from '@/lib/server/auth/authenticate';
import { checkSession, openSession, revokeSession } from '@/lib/server/sessions';
import {
  cis2Provider,
  idTokenClaims,
  signInWithCis2,
  CIS2_CALLBACK_PATH,
  CIS2_PROVIDER_ID,
} from '@/lib/server/auth/oidc';
import { currentAuthMeta, reportAuthError } from '@/lib/auth/auth-errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { db } from '@/lib/server/db';
import { stampedMeta } from '@/lib/server/request-stamp';
import type { Role } from '@/lib/auth/roles';

declare module 'next-auth' {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      roles: Role[];
      teamIds: string[];
      sessionId: string;
    };
  }
}

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

function metaFrom(request: Request | undefined) {
  return {
    ...(request ? stampedMeta(request.headers) : { requestId: null, ipAddress: null }),
    userAgent: request?.headers.get('user-agent') ?? null,
    route: '/api/auth/callback/credentials',
  };
}

const providers: NextAuthConfig['providers'] = [];
if (env.AUTH_CREDENTIALS_ENABLED) {
  providers.push(
    Credentials({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email address' }, password: { label: 'Password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused('invalid');
        const result = await authenticate(
          parsed.data.email,
          parsed.data.password,
          metaFrom(request),
        );
        if (!result.ok) throw new SignInRefused(result.code);
        return { id: result.userId, email: result.email, name: result.name };
      },
    }),
  );
}
const cis2 = cis2Provider();
if (cis2) providers.push(cis2);

// The local user each CIS2 sign-in was resolved to by the signIn callback, for the jwt
// callback that follows it in the same request (Auth.js passes the same user object to both).
const cis2Resolved = new WeakMap<object, string>();

/** Where a refused CIS2 sign-in lands: the sign-in page, with the reason (and role) to show. */
function cis2RefusalUrl(reason: string, role?: { code: string; name: string | null }): string {
  const params = new URLSearchParams({ error: `cis2-${reason}` });
  if (role) {
    params.set('role', role.code);
    if (role.name) params.set('roleName', role.name);
  }
  return `/login?${params.toString()}`;
}

export const authConfig: NextAuthConfig = {
  providers,
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: env.SESSION_MAX_HOURS * 3600 },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // Auth.js reports sign-in failures here; lib/auth/route.ts turns them into a message.
    error(error) {
      reportAuthError(error);
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider === CIS2_PROVIDER_ID) {
        const meta = { ...currentAuthMeta(), route: CIS2_CALLBACK_PATH };
        const result = await signInWithCis2(profile ?? {}, idTokenClaims(account.id_token), meta);
        if (!result.ok) return cis2RefusalUrl(result.reason, result.role);
        cis2Resolved.set(user, result.userId);
      }
      return true;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        // First call after a successful sign-in: open the server-side session.
        const cis2Sign = account.provider === CIS2_PROVIDER_ID;
        const userId = cis2Sign ? cis2Resolved.get(user) : user.id;
        if (!userId) return null;
        const meta = currentAuthMeta() ?? {};
        token.sub = userId;
        token.sid = await openSession(userId, account.provider, {
          ipAddress: meta.ipAddress ?? null,
          userAgent: meta.userAgent ?? null,
          idToken: cis2Sign && typeof account.id_token === 'string' ? account.id_token : null,
        });
        return token;
      }
      if (typeof token.sid !== 'string') return null;
      const check = await checkSession(token.sid);
      if (!check.ok) return null;
      token.roles = check.user.roles;
      token.teamIds = check.user.teamIds;
      token.name = check.user.name;
      token.email = check.user.email;
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? '',
        email: typeof token.email === 'string' ? token.email : '',
        name: typeof token.name === 'string' ? token.name : '',
        roles: Array.isArray(token.roles) ? (token.roles as Role[]) : [],
        teamIds: Array.isArray(token.teamIds) ? (token.teamIds as string[]) : [],
        sessionId: typeof token.sid === 'string' ? token.sid : '',
      };
      return session;
    },
  },
  events: {
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      const sid = token?.sid;
      if (typeof sid === 'string') await revokeSession(sid);
      if (!token?.sub) return;
      // ASVS 16.3.1: sign-out is an authentication event too.
      await recordAudit(db, {
        actor: {
          userId: token.sub,
          email: typeof token.email === 'string' ? token.email : null,
          roles: Array.isArray(token.roles) ? (token.roles as string[]) : [],
        },
        action: 'auth.sign-out',
        outcome: 'SUCCESS',
        entityType: 'UserSession',
        entityId: typeof sid === 'string' ? sid : null,
      });
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
