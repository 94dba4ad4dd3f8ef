import { describe, expect, it } from 'vitest';
import { addressGroup, createClientIpResolver } from './client-ip.js';

describe('the client IP', () => {
  it('is the connection’s address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const clientIp = createClientIpResolver([]);
    expect(clientIp('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
    expect(clientIp('::ffff:203.0.113.7', undefined)).toBe('203.0.113.7');
    expect(clientIp(undefined, undefined)).toBe('unknown');
  });

  it('is the last address a trusted proxy saw, read from the right past every trusted hop', () => {
    const clientIp = createClientIpResolver(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(clientIp('127.0.0.1', '203.0.113.7')).toBe('203.0.113.7');
    expect(clientIp('127.0.0.1', '198.51.100.66, 203.0.113.7, 10.1.2.3')).toBe('203.0.113.7');
    expect(clientIp('::ffff:10.0.0.5', '2001:db8::7, fd00::1')).toBe('2001:db8::7');
    expect(clientIp('127.0.0.1', '203.0.113.7:51234')).toBe('203.0.113.7');
    expect(clientIp('127.0.0.1', '[2001:DB8::7]:443')).toBe('2001:db8::7');
    // Everyone on the way is ours: the first address is the client.
    expect(clientIp('127.0.0.1', '10.9.9.9, 10.1.1.1')).toBe('10.9.9.9');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    const clientIp = createClientIpResolver(['10.0.0.0/8']);
    expect(clientIp('203.0.113.7', '10.1.1.1')).toBe('203.0.113.7');
  });

  it('stops at an entry that is not an address, keeping the hop that vouched for it', () => {
    const clientIp = createClientIpResolver(['127.0.0.1']);
    expect(clientIp('127.0.0.1', 'not-an-ip')).toBe('127.0.0.1');
    expect(clientIp('127.0.0.1', 'unknown, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('refuses a trusted proxy that is neither an address nor a range', () => {
    for (const entry of ['localhost', '10.0.0.0/33', '10.0.0.0/8/1', 'fd00::/129', '10.0.0.0/x']) {
      expect(() => createClientIpResolver([entry]), entry).toThrow(entry);
    }
  });

  it('groups an IPv6 address by its /64 (one client can take any address in it), an IPv4 address alone', () => {
    expect(addressGroup('203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:0DB8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
    expect(addressGroup('unknown')).toBe('unknown');
  });
});
