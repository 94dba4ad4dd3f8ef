import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A member as the host CMS vouches for them. The token is
 * `base64url(JSON {"id","name"?,"exp"}) + "." + base64url(HMAC-SHA-256(secret, that first part))`,
 * `exp` in seconds since the Unix epoch (README: "Member tokens", with a PHP version).
 */
export interface Member {
  id: string;
  name?: string | undefined;
}

export interface MemberTokenClaims extends Member {
  /** When the token stops being accepted. */
  expiresAt: Date;
}

export type MemberTokenCheck =
  { valid: true; member: Member } | { valid: false; reason: 'malformed' | 'bad-signature' | 'expired' };

export const MAX_MEMBER_ID_LENGTH = 128;
export const MAX_MEMBER_NAME_LENGTH = 100;
export const MAX_MEMBER_TOKEN_LENGTH = 1024;
/** The furthest ahead a token's `exp` may be: ten years. */
export const MAX_MEMBER_TOKEN_LIFETIME_MS = 10 * 366 * 24 * 3600 * 1000;

/** Signs a member token, as the host CMS does (in PHP, see the README). */
export function signMemberToken(claims: MemberTokenClaims, secret: string): string {
  const body: { id: string; name?: string; exp: number } = {
    id: claims.id,
    exp: Math.floor(claims.expiresAt.getTime() / 1000),
  };
  if (claims.name) body.name = claims.name;
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** Checks a token's signature, shape and expiry at `nowMs`. Never throws. */
export function verifyMemberToken(token: unknown, secret: string, nowMs: number = Date.now()): MemberTokenCheck {
  if (typeof token !== 'string' || token.length > MAX_MEMBER_TOKEN_LENGTH) return { valid: false, reason: 'malformed' };
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { valid: false, reason: 'malformed' };
  // Compared as written, not decoded: base64url decoding skips stray characters and ignores
  // the last character's spare bits, so other spellings of the signature would pass.
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { valid: false, reason: 'bad-signature' };
  }
  const claims = parseClaims(payload);
  if (!claims) return { valid: false, reason: 'malformed' };
  if (claims.exp * 1000 <= nowMs) return { valid: false, reason: 'expired' };
  // An `exp` in milliseconds (a common slip) would make a token that never expires.
  if (claims.exp * 1000 > nowMs + MAX_MEMBER_TOKEN_LIFETIME_MS) return { valid: false, reason: 'malformed' };
  return { valid: true, member: claims.name ? { id: claims.id, name: claims.name } : { id: claims.id } };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A CMS's display names can be long: they are cut, not refused, and never inside a character (`ễ` and its marks stay whole). */
function cutToCharacters(text: string, max: number): string {
  let cut = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (count++ === max) break;
    cut += segment;
  }
  return cut;
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

function parseClaims(payload: string): { id: string; name?: string; exp: number } | undefined {
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null) return undefined;
  const { id, name, exp } = claims as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || id.length > MAX_MEMBER_ID_LENGTH) return undefined;
  if (typeof exp !== 'number' || !Number.isSafeInteger(exp)) return undefined;
  if (name === undefined || name === null) return { id, exp };
  if (typeof name !== 'string') return undefined;
  const shown = cutToCharacters(name.trim(), MAX_MEMBER_NAME_LENGTH);
  return shown === '' ? { id, exp } : { id, name: shown, exp };
}
