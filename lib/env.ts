// The only reader of process.env in the application (scripts/ are tooling and read their own).
// Validated once, at start-up, with clear messages for anything missing or malformed.
import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { parseTrustedProxies } from '@/lib/server/client-address';
import { authUrlSchema, hostSchema } from './listen';

const EMBEDDED_DATABASE_URL =
  'postgresql://postgres:postgres@127.0.0.1:55432/postgres?sslmode=disable';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

/** OIDC_ROLE_MAP: a national RBAC role code (R8000, or a whole S:G:R code) to local roles. */
export const roleMapSchema = z.record(
  z.string().regex(/^[A-Za-z0-9:]{1,64}$/),
  z.array(z.enum(ROLES)).min(1),
);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// connection string')
      .default(EMBEDDED_DATABASE_URL),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
    // The public address of the app (sign-in redirects): required in production, where it
    // cannot be guessed safely behind a proxy; `npm start` sets http://localhost:PORT.
    AUTH_URL: authUrlSchema.optional(),
    // Where the server listens: 127.0.0.1 (this machine only) unless set; Docker sets 0.0.0.0.
    HOST: hostSchema,
    AUTH_TRUST_HOST: flag,
    // Demo accounts (prisma/seed.ts) are refused in production unless DEMO_MODE=true.
    DEMO_MODE: flag,
    DEMO_PASSWORD: z.string().min(8).default('demo-password'),
    // Sign-in with a password can be switched off where single sign-on (NHS CIS2) is used.
    AUTH_CREDENTIALS_ENABLED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    SIGN_IN_LOCK_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    BREAK_GLASS_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    RIGHTS_INFORMATION_TARGET_DAYS: z.coerce.number().int().min(1).max(60).default(7),
    // Issue 8 (decision 701): the trust's default contact frequency for a patient on a CTO.
    CONTACT_FREQUENCY_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    // OpenID Connect (NHS CIS2): all of issuer, client id and secret switch it on.
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPES: z
      .string()
      .default('openid profile email nhsperson nationalrbacaccess associatedorgs selectedrole'),
    OIDC_PROVIDER_NAME: z.string().default('NHS Care Identity Service 2'),
    // How CTO Tracker authenticates at the provider's token endpoint (CIS2: client_secret_post).
    OIDC_TOKEN_AUTH_METHOD: z
      .enum(['client_secret_post', 'client_secret_basic'])
      .default('client_secret_post'),
    // The lowest authenticator assurance level accepted (the `acr` in the ID token), and the
    // acr_values requested (by default CIS2's name for that level or higher).
    OIDC_MIN_ASSURANCE: z.enum(['AAL1', 'AAL2', 'AAL3']).default('AAL3'),
    OIDC_ACR_VALUES: z
      .string()
      .regex(/^[A-Za-z0-9_. -]*$/, 'OIDC_ACR_VALUES: letters, digits, _ . - and spaces only')
      .optional(),
    // JSON object mapping national RBAC role codes to local roles,
    // e.g. {"R8000":["RESPONSIBLE_CLINICIAN"],"R8003":["CARE_COORDINATOR"]}.
    OIDC_ROLE_MAP: z.string().default('{}'),
    TRUST_NAME: z.string().default('CTO Tracker demonstration trust'),
    // Signed checkpoints of the audit trail (lib/server/audit/checkpoints.ts): the HMAC key is
    // never stored in the database; the checkpoints go to an append-only file outside it.
    AUDIT_CHECKPOINT_KEY: z
      .string()
      .min(32, 'AUDIT_CHECKPOINT_KEY must be at least 32 characters')
      .optional(),
    AUDIT_CHECKPOINT_FILE: z.string().min(1).default('.data/audit-checkpoints.jsonl'),
    AUDIT_CHECKPOINT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    // Proxies whose X-Forwarded-For and X-Request-Id are believed: IP addresses or CIDR
    // ranges, comma-separated. Empty: the connection's own address is recorded and those
    // headers, from whoever sent them, are ignored (lib/server/client-address.ts).
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .refine((value) => parseTrustedProxies(value) !== null, {
        message: 'TRUSTED_PROXIES must be IP addresses or CIDR ranges, separated by commas',
      }),
    // Emails through GOV.UK Notify (lib/server/notifications; docs/security.md "Emails name no
    // patient"). Without NOTIFY_API_KEY the emails are written to the log instead.
    NOTIFY_API_KEY: z.string().min(74, 'NOTIFY_API_KEY must be a GOV.UK Notify API key').optional(),
    NOTIFY_BASE_URL: z.url().default('https://api.notifications.service.gov.uk'),
    NOTIFY_TEMPLATE_IMMEDIATE: z.uuid('NOTIFY_TEMPLATE_IMMEDIATE must be a template id').optional(),
    NOTIFY_TEMPLATE_DIGEST: z.uuid('NOTIFY_TEMPLATE_DIGEST must be a template id').optional(),
    // The hour (Europe/London) from which each day's digest is sent.
    NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
    // Tries before an email is left as failed for the system administrator (/admin/notifications).
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    // Set by Next.js itself: the secret is not needed while building.
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (
      value.NODE_ENV === 'production' &&
      !value.AUTH_SECRET &&
      !value.NEXT_PHASE?.includes('build')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'AUTH_SECRET is required in production (npm start generates one in .data/)',
      });
    }
    if (
      value.NODE_ENV === 'production' &&
      !value.AUDIT_CHECKPOINT_KEY &&
      !value.NEXT_PHASE?.includes('build')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUDIT_CHECKPOINT_KEY'],
        message:
          'AUDIT_CHECKPOINT_KEY is required in production (npm start generates one in .data/); see docs/security.md',
      });
    }
    if (
      value.NODE_ENV === 'production' &&
      !value.AUTH_URL &&
      !value.NEXT_PHASE?.includes('build')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_URL'],
        message:
          'AUTH_URL is required in production: the address people use to reach CTO Tracker, e.g. https://cto.example.nhs.uk (npm start sets http://localhost:PORT)',
      });
    }
    if (
      value.NOTIFY_API_KEY &&
      !(value.NOTIFY_TEMPLATE_IMMEDIATE && value.NOTIFY_TEMPLATE_DIGEST)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFY_API_KEY'],
        message:
          'With NOTIFY_API_KEY set, set NOTIFY_TEMPLATE_IMMEDIATE and NOTIFY_TEMPLATE_DIGEST too (README, "Emails")',
      });
    }
    const oidc = [value.OIDC_ISSUER, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'Set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none',
      });
    }
    // Next.js turns 127.0.0.1 into localhost in the addresses it gives route handlers; CTO
    // Tracker rebuilds the address for sign-in (lib/auth/route.ts), so both work. Anything
    // but an origin would put the callback somewhere CIS2 was not told about.
    if (value.AUTH_URL && oidc.every(Boolean)) {
      const url = new URL(value.AUTH_URL);
      if (url.pathname !== '/' || url.search || url.hash) {
        ctx.addIssue({
          code: 'custom',
          path: ['AUTH_URL'],
          message: `AUTH_URL must be an origin only, like https://cto.example.nhs.uk: the address registered with NHS CIS2 is AUTH_URL followed by /api/auth/callback/cis2`,
        });
      }
    }
    let roleMap: unknown;
    try {
      roleMap = JSON.parse(value.OIDC_ROLE_MAP);
    } catch {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ROLE_MAP'],
        message: 'OIDC_ROLE_MAP must be JSON',
      });
      return;
    }
    const roleMapCheck = roleMapSchema.safeParse(roleMap);
    if (!roleMapCheck.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ROLE_MAP'],
        message: `OIDC_ROLE_MAP must map national role codes (like R8000) to lists of these roles: ${ROLES.join(', ')}`,
      });
    }
  });

export type Env = z.infer<typeof schema>;

/** The configuration in `source` (process.env), checked; throws a message naming each problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`CTO Tracker's configuration is invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);
