import { createHash, createHmac } from 'node:crypto';

// 128 bits: collisions between a day's visitors are out of reach, and ids stay short in the store.
const ID_BYTES = 16;

/** A visitor's id for a day: HMAC-SHA-256 of site, IP and user agent under the day's salt. */
export function visitorId(salt: Buffer, site: string, ip: string, userAgent: string): string {
  return keyedHash(salt, `visitor\n${site}\n${ip}\n${userAgent}`);
}

/** An IP's key for a day, to cap the guests one IP makes; the IP itself is never stored. */
export function ipKey(salt: Buffer, site: string, ip: string): string {
  return keyedHash(salt, `ip\n${site}\n${ip}`);
}

/** The view-dedupe key of a visitor (a visitor id, or `member:<id>`) and a path. */
export function viewKey(subject: string, path: string): string {
  return createHash('sha256').update(`${subject}\n${path}`).digest().subarray(0, ID_BYTES).toString('base64url');
}

function keyedHash(salt: Buffer, message: string): string {
  return createHmac('sha256', salt).update(message).digest().subarray(0, ID_BYTES).toString('base64url');
}
