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
