import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { signMemberToken, verifyMemberToken } from './member-token.js';

const SECRET = 'shared-with-the-cms';
const NOW = Date.parse('2026-11-26T12:00:00Z');
const IN_AN_HOUR = new Date(NOW + 3_600_000);
const PHP = process.env.PHP ?? '/usr/bin/php';

describe('member tokens', () => {
  it('verify when signed with the secret, before they expire', () => {
    const token = signMemberToken({ id: '42', name: 'Thúy Vân', expiresAt: IN_AN_HOUR }, SECRET);
    expect(verifyMemberToken(token, SECRET, NOW)).toEqual({ valid: true, member: { id: '42', name: 'Thúy Vân' } });
    expect(verifyMemberToken(signMemberToken({ id: '7', expiresAt: IN_AN_HOUR }, SECRET), SECRET, NOW)).toEqual({
      valid: true,
      member: { id: '7' },
    });
  });

  it('expire at their exp, to the second', () => {
    const token = signMemberToken({ id: '42', expiresAt: IN_AN_HOUR }, SECRET);
    expect(verifyMemberToken(token, SECRET, IN_AN_HOUR.getTime() - 1).valid).toBe(true);
    expect(verifyMemberToken(token, SECRET, IN_AN_HOUR.getTime())).toEqual({ valid: false, reason: 'expired' });
  });

  it('refuse another secret, an altered payload, and anything that is not a token', () => {
    const token = signMemberToken({ id: '42', name: 'Thúy Vân', expiresAt: IN_AN_HOUR }, SECRET);
    const [payload = '', signature = ''] = token.split('.');
    const promoted = Buffer.from(JSON.stringify({ id: '1', exp: IN_AN_HOUR.getTime() / 1000 })).toString('base64url');

    expect(verifyMemberToken(token, 'guessed', NOW)).toEqual({ valid: false, reason: 'bad-signature' });
    expect(verifyMemberToken(`${promoted}.${signature}`, SECRET, NOW)).toEqual({
      valid: false,
      reason: 'bad-signature',
    });
    // Other spellings of the right signature: stray characters, padding, standard base64, and
    // a last character that differs only in bits base64url decoding ignores.
    const last = signature.at(-1) ?? '';
    const lastTwin = 'AEIMQUYcgkosw048'.includes(last) ? String.fromCharCode(last.charCodeAt(0) + 1) : last;
    const respelled = [
      `${signature}!!`,
      `${signature}=`,
      Buffer.from(signature, 'base64url').toString('base64'),
      `${signature.slice(0, -1)}${lastTwin}`,
    ].filter((other) => other !== signature);
    expect(respelled.length).toBeGreaterThanOrEqual(3);
    for (const other of respelled) {
      expect(verifyMemberToken(`${payload}.${other}`, SECRET, NOW), other).toEqual({
        valid: false,
        reason: 'bad-signature',
      });
    }
    for (const malformed of [42, null, '', 'abc', `${payload}.${signature}.x`, `${payload}.`, 'x'.repeat(2000)]) {
      expect(verifyMemberToken(malformed, SECRET, NOW), String(malformed)).toMatchObject({ valid: false });
    }
  });

  it('refuse an exp too far ahead to be seconds (milliseconds, by mistake): it would never expire', () => {
    const inMilliseconds = signMemberToken({ id: '42', expiresAt: new Date(IN_AN_HOUR.getTime() * 1000) }, SECRET);
    expect(verifyMemberToken(inMilliseconds, SECRET, NOW)).toEqual({ valid: false, reason: 'malformed' });
    const inNineYears = signMemberToken({ id: '42', expiresAt: new Date(NOW + 9 * 365 * 24 * 3600 * 1000) }, SECRET);
    expect(verifyMemberToken(inNineYears, SECRET, NOW)).toMatchObject({ valid: true });
  });

  it('refuse well-signed payloads of the wrong shape', () => {
    // Signed as the README says a CMS signs: the odd payload passes the signature check.
    const signed = (claims: unknown) => {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
    };
    const exp = IN_AN_HOUR.getTime() / 1000;
    for (const claims of [
      { exp },
      { id: 42, exp },
      { id: '', exp },
      { id: 'x'.repeat(129), exp },
      { id: '42', exp: '1767225600' },
      { id: '42', name: 7, exp },
      ['42', exp],
    ]) {
      expect(verifyMemberToken(signed(claims), SECRET, NOW), JSON.stringify(claims)).toEqual({
        valid: false,
        reason: 'malformed',
      });
    }
  });

  it('cut long display names to 100 characters rather than refuse them, never inside one', () => {
    // `ễ` written as `e` and two combining marks, as some systems store it: 7 characters a word.
    const name = 'Nguye\u0302\u0303n '.repeat(30);
    const token = signMemberToken({ id: '42', name: `  ${name}`, expiresAt: IN_AN_HOUR }, SECRET);
    const check = verifyMemberToken(token, SECRET, NOW);
    expect(check.valid && check.member.name).toBe(`${'Nguye\u0302\u0303n '.repeat(14)}Ng`);
  });

  it('accept a token made in PHP by the README’s function', () => {
    // portico_member_token('shared-with-the-cms', '42', 'Thúy Vân') from the README, run by
    // PHP 8.2 with its exp fixed at 2030-01-01.
    const fromPhp =
      'eyJpZCI6IjQyIiwiZXhwIjoxODkzNDU2MDAwLCJuYW1lIjoiVGjDunkgVsOibiJ9.6h9xrelqykduec6yoZ7ubk2L718dWiRJTvAo-hkVdE8';
    expect(verifyMemberToken(fromPhp, SECRET, NOW)).toEqual({ valid: true, member: { id: '42', name: 'Thúy Vân' } });
  });

  // On CI (which installs php-cli) it always runs, so a missing php fails rather than skips.
  it.runIf(existsSync(PHP) || Boolean(process.env.CI))('accept a token the README’s PHP makes now', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const snippet = /```php\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet).toBeDefined();
    const { stdout } = await promisify(execFile)(PHP, [
      '-r',
      `${snippet ?? ''}\necho portico_member_token('${SECRET}', '42', 'Thúy Vân');`,
    ]);
    expect(verifyMemberToken(stdout.trim(), SECRET)).toEqual({ valid: true, member: { id: '42', name: 'Thúy Vân' } });
  });
});
