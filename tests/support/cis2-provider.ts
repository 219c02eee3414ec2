// A stand-in for NHS Care Identity Service 2 on localhost, for the end-to-end tests and for
// trying sign-in by hand. It is a real, certified OpenID Connect provider (panva's
// oidc-provider) configured the way CIS2 behaves:
//   - authorization code flow with PKCE, a confidential client (client_secret_post);
//   - CIS2's scopes; the scope claims come ONLY from the UserInfo endpoint, never in the ID
//     token (oidc-provider's conformIdTokenClaims, on by default);
//   - `sub` is the person's CIS2 user id (`nhsid_useruid`), `nhsid_nrbac_roles` lists their
//     national RBAC roles and `selected_roleid` names the one chosen at sign-in;
//   - `acr` in the ID token (per user, so a test can sign in at a lower assurance);
//   - RP-initiated logout at `end_session_endpoint`.
// Its sign-in page is a plain form (a user id, "Sign in", "Cancel"): Cancel returns
// `error=access_denied` to the app, as CIS2 does when someone abandons signing in.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface Cis2Role {
  person_roleid: string;
  role_code: string;
  org_code: string;
  role_name?: string;
}

export interface Cis2TestUser {
  uid: string;
  email: string;
  name: string;
  roles: Cis2Role[];
  /** The person_roleid of the role selected at sign-in. */
  selectedRoleId: string;
  /** The `acr` put in the ID token, e.g. AAL3_ANY or AAL2_ANY. */
  acr?: string;
}

export interface Cis2ProviderOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  /** The app's origins: its callback and post-logout addresses are registered for each. */
  appOrigins: string[];
  users: Cis2TestUser[];
  /** How the app authenticates at the token endpoint (CIS2: client_secret_post). */
  tokenEndpointAuthMethod?: 'client_secret_post' | 'client_secret_basic';
}

export interface RunningCis2Provider {
  issuer: string;
  server: Server;
  stop: () => Promise<void>;
}

export const CIS2_SCOPES = [
  'openid',
  'profile',
  'email',
  'nhsperson',
  'nationalrbacaccess',
  'associatedorgs',
  'selectedrole',
];

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startCis2Provider(
  options: Cis2ProviderOptions,
): Promise<RunningCis2Provider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const users = new Map(options.users.map((u) => [u.uid, u]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'stand-in',
    use: 'sig',
    alg: 'RS256',
  };

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.appOrigins.map((o) => `${o}/api/auth/callback/cis2`),
        post_logout_redirect_uris: options.appOrigins.map((o) => `${o}/login`),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: options.tokenEndpointAuthMethod ?? 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    scopes: CIS2_SCOPES,
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name'],
      email: ['email'],
      nhsperson: ['nhsid_useruid'],
      nationalrbacaccess: ['nhsid_nrbac_roles'],
      associatedorgs: ['nhsid_user_orgs'],
      selectedrole: ['selected_roleid'],
    },
    acrValues: ['AAL1_USERPASS', 'AAL2_ANY', 'AAL2_OR_AAL3_ANY', 'AAL3_ANY'],
    conformIdTokenClaims: true,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // No confirmation step: the app asked for the sign-out, as CIS2 treats it.
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = page(
            'Signing out',
            `${form}<noscript><button form="op.logoutForm" type="submit" name="logout" value="yes">Sign out</button></noscript><script>var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();</script>`,
          );
        },
      },
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The app is the trust's own client: consent is given by the trust, never asked.
    loadExistingGrant: async (ctx) => {
      const clientId = ctx.oidc.client!.clientId;
      const accountId = ctx.oidc.session!.accountId!;
      const existing = ctx.oidc.session!.grantIdFor(clientId);
      if (existing) {
        const found = await ctx.oidc.provider.Grant.find(existing);
        if (found) return found;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope(CIS2_SCOPES.join(' '));
      await grant.save();
      ctx.oidc.session!.ensureClientContainer(clientId);
      ctx.oidc.session!.grantIdFor(clientId, grant.jti);
      return grant;
    },
    findAccount: async (_ctx, id) => {
      const user = users.get(id);
      if (!user) return undefined;
      return {
        accountId: user.uid,
        claims: async () => ({
          sub: user.uid,
          nhsid_useruid: user.uid,
          name: user.name,
          given_name: user.name.split(' ')[0],
          family_name: user.name.split(' ').slice(1).join(' '),
          email: user.email,
          nhsid_nrbac_roles: user.roles,
          nhsid_user_orgs: [...new Set(user.roles.map((r) => r.org_code))].map((org_code) => ({
            org_code,
            org_name: `Organisation ${org_code}`,
          })),
          selected_roleid: user.selectedRoleId,
        }),
      };
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        'Sign-in error',
        `<p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p>`,
      );
    },
  };

  const provider = new Provider(issuer, configuration);
  const oidcCallback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        page(
          'Sign in to the CIS2 stand-in',
          `<form method="post" action="/interaction/${escapeHtml(uid)}">
             <label for="uid">CIS2 user id</label>
             <input id="uid" name="uid" autocomplete="off">
             <button type="submit" name="action" value="sign-in">Sign in</button>
             <button type="submit" name="action" value="cancel">Cancel</button>
           </form>`,
        ),
      );
      return;
    }
    const form = await readForm(req);
    if (form.get('action') === 'cancel') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const user = users.get(form.get('uid') ?? '');
    if (!user) {
      res.statusCode = 200;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page('Sign in to the CIS2 stand-in', '<p role="alert">Unknown CIS2 user id.</p>'));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.uid, acr: user.acr ?? 'AAL3_ANY', amr: ['sc'] } },
      { mergeWithLastSubmission: false },
    );
  }

  const server = createServer((req, res) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(req.url?.split('?')[0] ?? '');
    if (match) {
      interaction(req, res, match[1]!).catch((error: unknown) => {
        res.statusCode = 400;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page('Sign-in error', `<p>${escapeHtml(String(error))}</p>`));
      });
      return;
    }
    void oidcCallback(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    issuer,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
