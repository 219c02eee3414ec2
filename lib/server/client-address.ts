// Who is on the other end of a request, for the audit trail (issue 12, section 3).
//
// X-Forwarded-For and X-Request-Id are only as trustworthy as whoever sent them. They are
// believed only when the connection comes from a configured proxy (TRUSTED_PROXIES); then the
// client is the nearest address in X-Forwarded-For that is not itself a trusted proxy (read
// from the right, as each proxy appends the address it saw). Otherwise the connection's own
// address is the client, and those headers are ignored. Pure functions: no I/O.
import ipaddr from 'ipaddr.js';

type Ip = ipaddr.IPv4 | ipaddr.IPv6;
export type TrustedProxies = readonly [Ip, number][];

/** Parses the address itself, an IPv4-mapped IPv6 address as the IPv4 address it carries. */
function parseIp(text: string): Ip | null {
  const trimmed = text.trim();
  if (!ipaddr.isValid(trimmed)) return null;
  const ip = ipaddr.parse(trimmed);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (ip as ipaddr.IPv6).toIPv4Address();
  }
  return ip;
}

/** TRUSTED_PROXIES ("10.0.0.1, 172.16.0.0/12, ::1"); null when any entry is not valid. */
export function parseTrustedProxies(text: string): TrustedProxies | null {
  const ranges: [Ip, number][] = [];
  for (const entry of text.split(',')) {
    const item = entry.trim();
    if (item === '') continue;
    if (item.includes('/')) {
      if (!ipaddr.isValidCIDR(item)) return null;
      const [ip, bits] = ipaddr.parseCIDR(item);
      ranges.push([ip, bits]);
    } else {
      const ip = parseIp(item);
      if (!ip) return null;
      ranges.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
    }
  }
  return ranges;
}

function isTrusted(ip: Ip, trusted: TrustedProxies): boolean {
  return trusted.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits));
}

export interface ClientAddress {
  /** The client's address as best known, or null when the connection's address is unknown. */
  address: string | null;
  /** Whether the request came through a trusted proxy, whose X-Request-Id may then be kept. */
  viaTrustedProxy: boolean;
}

export function resolveClientAddress(input: {
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  trusted: TrustedProxies;
}): ClientAddress {
  const peer = input.peer ? parseIp(input.peer) : null;
  if (!peer) return { address: null, viaTrustedProxy: false };
  if (!isTrusted(peer, input.trusted)) {
    return { address: peer.toString(), viaTrustedProxy: false };
  }
  const hops = (input.forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  let client: Ip = peer;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = parseIp(hops[i] ?? '');
    // A malformed entry: nothing to its left can be believed; the last good hop is the client.
    if (!hop) break;
    client = hop;
    if (!isTrusted(hop, input.trusted)) break;
  }
  return { address: client.toString(), viaTrustedProxy: true };
}
