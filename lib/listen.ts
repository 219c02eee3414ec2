// Where the server listens (HOST) and the public address sign-in uses (AUTH_URL): the checks
// shared by lib/env.ts (the app) and scripts/start.ts (npm start). Reads no environment.
import { isIP } from 'node:net';
import { z } from 'zod';

const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** HOST: an IP address or a host name; 127.0.0.1 unless set (Docker sets 0.0.0.0). */
export const hostSchema = z
  .string()
  .trim()
  .refine((value) => isIP(value) !== 0 || HOSTNAME.test(value), {
    message: 'HOST must be an IP address (127.0.0.1, 0.0.0.0, ::1) or a host name',
  })
  .default('127.0.0.1');

/** Addresses that mean "every interface": never an address a browser should be sent to. */
export function isWildcard(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === '0.0.0.0' || h === '::' || h === '0:0:0:0:0:0:0:0';
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** AUTH_URL: an http(s) address people can reach, never a wildcard such as 0.0.0.0. */
export const authUrlSchema = z
  .url()
  .refine((value) => ['http:', 'https:'].includes(new URL(value).protocol), {
    message: 'AUTH_URL must start with https:// (or http:// for a local run)',
  })
  .refine((value) => !isWildcard(new URL(value).hostname), {
    message:
      'AUTH_URL must be the address people use to reach CTO Tracker, not 0.0.0.0 or :: (addresses to listen on)',
  });

/**
 * The public address `npm start` can give sign-in itself: only for a server that listens on
 * this machine alone. Listening on other interfaces, the address must be told (AUTH_URL).
 */
export function localAuthUrl(host: string, port: number): string | null {
  return isLoopback(host) ? `http://localhost:${port}` : null;
}
