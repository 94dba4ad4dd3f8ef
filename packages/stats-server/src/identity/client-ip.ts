import { BlockList, isIP } from 'node:net';

/** Finds a request's client IP from its socket, trusting `X-Forwarded-For` only from the given proxies. */
export type ClientIpResolver = (socketAddress: string | undefined, forwardedFor: string | undefined) => string;

/**
 * `trustedProxies`: IP addresses and CIDR ranges (`127.0.0.1`, `10.0.0.0/8`, `::1`,
 * `fd00::/8`). Throws on an entry that is neither, so a typo cannot silently trust nobody.
 */
export function createClientIpResolver(trustedProxies: readonly string[]): ClientIpResolver {
  const trusted = new BlockList();
  for (const entry of trustedProxies) addTrusted(trusted, entry);
  const isTrusted = (address: string): boolean => trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

  return (socketAddress, forwardedFor) => {
    let client = normalizeAddress(socketAddress ?? '') ?? 'unknown';
    if (trustedProxies.length === 0 || !forwardedFor || !isTrusted(client)) return client;
    // Each trusted proxy appends the address it received the request from: walk back from the
    // right, through our own proxies, to the first address none of them vouches for.
    const hops = forwardedFor.split(',');
    for (let index = hops.length - 1; index >= 0; index--) {
      const hop = normalizeAddress(hops[index] ?? '');
      if (!hop) break;
      client = hop;
      if (!isTrusted(hop)) break;
    }
    return client;
  };
}

function addTrusted(list: BlockList, entry: string): void {
  const [address = '', prefix, extra] = entry.trim().split('/');
  const type = isIP(address);
  const bits = prefix === undefined ? undefined : Number(prefix);
  const maxBits = type === 6 ? 128 : 32;
  if (
    type === 0 ||
    extra !== undefined ||
    (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))
  ) {
    throw new Error(`trusted proxy "${entry}" is neither an IP address nor a CIDR range (10.0.0.0/8, fd00::/8)`);
  }
  const family = type === 6 ? 'ipv6' : 'ipv4';
  if (bits === undefined) list.addAddress(address, family);
  else list.addSubnet(address, bits, family);
}

/** An address as one form for every way it arrives: `::ffff:1.2.3.4`, `1.2.3.4:5678` and `[::1]:80` included. */
function normalizeAddress(raw: string): string | undefined {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

/**
 * The addresses one client can take at will, as one key: an IPv6 address's /64
 * (`2001:db8:1:2::/64`: a home or a phone gets a whole /64 and may use any address in it),
 * an IPv4 address alone. Rate limits and per-IP caps count by it.
 */
export function addressGroup(address: string): string {
  if (isIP(address) !== 6) return address;
  let text = address.toLowerCase();
  // An IPv4 tail (`64:ff9b::203.0.113.7`) as its two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? headGroups
      : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
