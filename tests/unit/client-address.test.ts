import { describe, expect, it } from 'vitest';
import type http from 'node:http';
import { parseTrustedProxies, resolveClientAddress } from '@/lib/server/client-address';
import { stampRequest } from '@/lib/server/request-stamp';

const trusted = (text: string) => {
  const parsed = parseTrustedProxies(text);
  if (!parsed) throw new Error(`invalid: ${text}`);
  return parsed;
};

describe('parseTrustedProxies', () => {
  it('reads addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(trusted('')).toHaveLength(0);
    expect(trusted('10.0.0.1, 172.16.0.0/12,::1, fd00::/8')).toHaveLength(4);
  });
  it('refuses anything else', () => {
    expect(parseTrustedProxies('10.0.0.1, proxy.internal')).toBeNull();
    expect(parseTrustedProxies('10.0.0.0/33')).toBeNull();
    expect(parseTrustedProxies('*')).toBeNull();
  });
});

describe('resolveClientAddress', () => {
  it('ignores X-Forwarded-For from a connection that is not a trusted proxy', () => {
    expect(
      resolveClientAddress({ peer: '203.0.113.9', forwardedFor: '6.6.6.6', trusted: [] }),
    ).toEqual({ address: '203.0.113.9', viaTrustedProxy: false });
    expect(
      resolveClientAddress({
        peer: '::ffff:203.0.113.9',
        forwardedFor: '6.6.6.6',
        trusted: trusted('10.0.0.0/8'),
      }),
    ).toEqual({ address: '203.0.113.9', viaTrustedProxy: false });
  });

  it('takes the nearest untrusted hop when the connection is a trusted proxy', () => {
    // The client forged the left-most entry; the proxy appended what it saw.
    expect(
      resolveClientAddress({
        peer: '10.0.0.5',
        forwardedFor: '6.6.6.6, 198.51.100.7',
        trusted: trusted('10.0.0.0/8'),
      }),
    ).toEqual({ address: '198.51.100.7', viaTrustedProxy: true });
    // Two proxies in a row.
    expect(
      resolveClientAddress({
        peer: '10.0.0.5',
        forwardedFor: '198.51.100.7, 10.0.0.9',
        trusted: trusted('10.0.0.0/8'),
      }),
    ).toEqual({ address: '198.51.100.7', viaTrustedProxy: true });
  });

  it('stops at a malformed hop, and falls back to the proxy with no header', () => {
    expect(
      resolveClientAddress({
        peer: '10.0.0.5',
        forwardedFor: '198.51.100.7, nonsense, 10.0.0.9',
        trusted: trusted('10.0.0.0/8'),
      }).address,
    ).toBe('10.0.0.9');
    expect(
      resolveClientAddress({ peer: '10.0.0.5', forwardedFor: null, trusted: trusted('10.0.0.5') })
        .address,
    ).toBe('10.0.0.5');
    expect(resolveClientAddress({ peer: undefined, forwardedFor: '6.6.6.6', trusted: [] })).toEqual(
      { address: null, viaTrustedProxy: false },
    );
  });
});

describe('stampRequest', () => {
  function request(peer: string, headers: Record<string, string>): http.IncomingMessage {
    return {
      headers: { ...headers },
      socket: { remoteAddress: peer },
    } as unknown as http.IncomingMessage;
  }

  it("drops a direct client's X-Forwarded-For, X-Request-Id and forged stamp", () => {
    const req = request('203.0.113.9', {
      'x-forwarded-for': '6.6.6.6',
      'x-real-ip': '6.6.6.6',
      'x-request-id': 'chosen-by-the-client',
      'x-cto-client-address': '6.6.6.6',
      'x-cto-stamp': 'guess',
    });
    stampRequest(req, [], 'token');
    expect(req.headers).toEqual({
      'x-cto-client-address': '203.0.113.9',
      'x-cto-stamp': 'token',
    });
  });

  it("keeps a trusted proxy's request id and resolves its client", () => {
    const req = request('10.0.0.5', {
      'x-forwarded-for': '198.51.100.7',
      'x-request-id': 'from-the-proxy',
    });
    stampRequest(req, trusted('10.0.0.0/8'), 'token');
    expect(req.headers).toMatchObject({
      'x-cto-client-address': '198.51.100.7',
      'x-request-id': 'from-the-proxy',
      'x-cto-stamp': 'token',
    });
  });
});
