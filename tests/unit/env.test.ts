// Issue 12 §8: where the server listens (HOST) and the address sign-in sends people back to
// (AUTH_URL), as lib/env.ts checks them, and what npm start derives for a local run.
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { localAuthUrl } from '@/lib/listen';

const production = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'a-secret-of-at-least-thirty-two-characters',
  AUDIT_CHECKPOINT_KEY: 'a-checkpoint-key-of-at-least-thirty-two-characters',
};

function problem(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '';
}

describe('AUTH_URL', () => {
  it('is required in production, with a message that says what to set', () => {
    expect(problem(production)).toContain('AUTH_URL is required in production');
    expect(problem({ ...production, AUTH_URL: 'https://cto.example.nhs.uk' })).toBe('');
  });

  it('is not required while building, in development or in tests', () => {
    expect(problem({ ...production, NEXT_PHASE: 'phase-production-build' })).toBe('');
    expect(problem({ NODE_ENV: 'development' })).toBe('');
    expect(problem({ NODE_ENV: 'test' })).toBe('');
  });

  it('refuses an address to listen on (0.0.0.0, ::) as the address to send people to', () => {
    for (const url of ['http://0.0.0.0:3000', 'http://[::]:3000']) {
      expect(problem({ ...production, AUTH_URL: url })).toContain('not 0.0.0.0');
    }
  });

  it('must be http or https', () => {
    expect(problem({ ...production, AUTH_URL: 'javascript:alert(1)' })).toContain('AUTH_URL');
    expect(problem({ ...production, AUTH_URL: 'ftp://cto.example.nhs.uk' })).toContain('https://');
  });

  it('npm start derives http://localhost:PORT only for a server on this machine alone', () => {
    expect(localAuthUrl('127.0.0.1', 3000)).toBe('http://localhost:3000');
    expect(localAuthUrl('::1', 4000)).toBe('http://localhost:4000');
    expect(localAuthUrl('0.0.0.0', 3000)).toBeNull();
    expect(localAuthUrl('10.1.2.3', 3000)).toBeNull();
  });
});

describe('AUDIT_CHECKPOINT_KEY', () => {
  it('is required in production, and must be long enough', () => {
    const { AUDIT_CHECKPOINT_KEY: _key, ...withoutKey } = production;
    expect(problem({ ...withoutKey, AUTH_URL: 'https://cto.example.nhs.uk' })).toContain(
      'AUDIT_CHECKPOINT_KEY is required in production',
    );
    expect(
      problem({
        ...production,
        AUTH_URL: 'https://cto.example.nhs.uk',
        AUDIT_CHECKPOINT_KEY: 'short',
      }),
    ).toContain('at least 32 characters');
  });
});

describe('HOST', () => {
  it('is 127.0.0.1 unless set', () => {
    expect(parseEnv({ NODE_ENV: 'test' }).HOST).toBe('127.0.0.1');
    expect(parseEnv({ NODE_ENV: 'test', HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(parseEnv({ NODE_ENV: 'test', HOST: 'cto-app.internal' }).HOST).toBe('cto-app.internal');
  });

  it('refuses what is neither an address nor a host name', () => {
    expect(problem({ NODE_ENV: 'test', HOST: 'http://0.0.0.0' })).toContain('HOST must be');
    expect(problem({ NODE_ENV: 'test', HOST: 'a b' })).toContain('HOST must be');
  });
});

describe('GOV.UK Notify', () => {
  const key = `cto_tracker-${'3d844edf-8d35-48ac-975b-e847b4f122b0'}-${'26785a09-ab16-4eb0-8407-a37497a57506'}`;

  it('is optional: without a key, emails go to the log', () => {
    expect(problem({ NODE_ENV: 'development' })).toBe('');
    expect(parseEnv({ NODE_ENV: 'development' }).NOTIFY_BASE_URL).toBe(
      'https://api.notifications.service.gov.uk',
    );
  });

  it('with a key, needs both template ids', () => {
    expect(problem({ NODE_ENV: 'development', NOTIFY_API_KEY: key })).toContain(
      'set NOTIFY_TEMPLATE_IMMEDIATE and NOTIFY_TEMPLATE_DIGEST',
    );
    expect(
      problem({
        NODE_ENV: 'development',
        NOTIFY_API_KEY: key,
        NOTIFY_TEMPLATE_IMMEDIATE: '4c7a1a52-1f7e-4b7e-9f0f-3b7a8e0c1d11',
        NOTIFY_TEMPLATE_DIGEST: '9d2b6e3a-5c4f-4a8d-8e1b-2f6c7a9b0e22',
      }),
    ).toBe('');
    expect(problem({ NODE_ENV: 'development', NOTIFY_API_KEY: 'short' })).toContain(
      'NOTIFY_API_KEY must be a GOV.UK Notify API key',
    );
  });
});
