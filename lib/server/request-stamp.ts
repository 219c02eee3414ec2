// Stamps each incoming HTTP request with the client's address as this server saw it.
//
// Next.js gives route handlers, server actions and proxy.ts the request's headers but not its
// connection, and it keeps a client-sent X-Forwarded-For as it is (it fills the header from
// the socket only when it is absent). So the one place that knows the real peer address is
// Node's HTTP server itself. instrumentation.ts installs this wrapper around
// http.Server#emit('request') when the server starts: before Next.js sees a request, it
// - resolves the client's address from the socket and, only from TRUSTED_PROXIES, from
//   X-Forwarded-For (lib/server/client-address.ts), into the header x-cto-client-address;
// - removes X-Request-Id, X-Forwarded-For and X-Real-IP when the connection is not from a
//   trusted proxy, so that proxy.ts issues a fresh request id and nothing later can read a
//   client's claim;
// - adds x-cto-stamp, a random per-process token that getRequestMeta compares, so that a
//   client cannot forge x-cto-client-address on a server where this wrapper is not running.
// See docs/decisions/624-client-address-and-request-id.md.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { resolveClientAddress, type TrustedProxies } from './client-address';

export const CLIENT_ADDRESS_HEADER = 'x-cto-client-address';
export const STAMP_HEADER = 'x-cto-stamp';

const globalForStamp = globalThis as unknown as { ctoRequestStamp?: string };

/** The token of this process's stamp, or undefined when the stamp is not installed. */
export function currentStamp(): string | undefined {
  return globalForStamp.ctoRequestStamp;
}

export function stampRequest(
  request: http.IncomingMessage,
  trusted: TrustedProxies,
  token: string,
): void {
  const headers = request.headers;
  const forwarded = headers['x-forwarded-for'];
  const { address, viaTrustedProxy } = resolveClientAddress({
    peer: request.socket?.remoteAddress,
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
    trusted,
  });
  delete headers['x-cto-client-address'];
  delete headers['x-cto-stamp'];
  if (!viaTrustedProxy) {
    delete headers['x-request-id'];
    delete headers['x-forwarded-for'];
    delete headers['x-real-ip'];
  }
  if (address) headers[CLIENT_ADDRESS_HEADER] = address;
  headers[STAMP_HEADER] = token;
}

export function installRequestStamp(trusted: TrustedProxies): void {
  if (globalForStamp.ctoRequestStamp) return;
  const token = randomBytes(16).toString('hex');
  const original = http.Server.prototype.emit as (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  const stamped = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') stampRequest(args[0] as http.IncomingMessage, trusted, token);
    return original.apply(this, [event, ...args]);
  };
  http.Server.prototype.emit = stamped as typeof http.Server.prototype.emit;
  globalForStamp.ctoRequestStamp = token;
}

/**
 * The request id and client address from a request's headers, believed only when they carry
 * this process's stamp (otherwise null: never a client's claim).
 */
export function stampedMeta(headers: Headers): {
  requestId: string | null;
  ipAddress: string | null;
} {
  const stamp = currentStamp();
  if (stamp === undefined || headers.get(STAMP_HEADER) !== stamp) {
    return { requestId: null, ipAddress: null };
  }
  return { requestId: headers.get('x-request-id'), ipAddress: headers.get(CLIENT_ADDRESS_HEADER) };
}
