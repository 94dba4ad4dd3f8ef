import { isbot } from 'isbot';
import type { Visit, VisitorKind } from '../store/stats-store.js';
import { addressGroup } from './client-ip.js';
import { ipKey, viewKey, visitorId } from './keyed-hash.js';
import { verifyMemberToken } from './member-token.js';
import type { DaySalts } from './salt-cache.js';

export interface VisitorRequest {
  site: string;
  /** From the socket, or `X-Forwarded-For` of a trusted proxy; never from the body. */
  ip: string;
  userAgent: string | undefined;
  /** The body's `member`, if any. */
  memberToken: unknown;
  /** The page, for a hit (a ping has none). */
  path: string | undefined;
  nowMs: number;
}

export interface IdentifyOptions {
  windowMs: number;
  memberSecret: string | undefined;
  maxGuestsPerIp: number;
  /** Distinct guests of one IP whose views count in a day; further ones count as the IP's. */
  maxDailyGuestsPerIp: number;
  /** The most paths the site counts views of. */
  maxPaths: number;
  /** New paths one IP (or member) may add per day. */
  maxNewPathsPerIp: number;
}

/**
 * Why a `member` token did not make the visitor a member, told back to the page:
 * `expired` and `not-configured` count the visitor as a guest; `invalid` is refused.
 */
export type MemberTokenProblem = 'expired' | 'not-configured' | 'invalid';

export type Identification =
  { visit: Visit; tokenProblem?: Exclude<MemberTokenProblem, 'invalid'> | undefined } | { tokenProblem: 'invalid' };

/** Turns a request into a `Visit` of hashed ids: a bot, a member (by a valid token) or a guest. */
export function identify(request: VisitorRequest, salts: DaySalts, options: IdentifyOptions): Identification {
  const { site, ip, nowMs } = request;
  const userAgent = request.userAgent ?? '';
  const guestId = (salt: Buffer): string => visitorId(salt, site, ip, userAgent);
  // Caps count by the addresses one client can take at will: an IPv6 /64.
  const ipKeyOf = (salt: Buffer): string => ipKey(salt, site, addressGroup(ip));
  const view = (
    subject: string,
    newPathsBy: string,
    { cappedBy, asGuest }: { cappedBy?: string; asGuest?: string } = {},
  ): Visit['view'] => {
    const { path } = request;
    if (path === undefined) return undefined;
    return {
      path,
      key: viewKey(subject, path),
      day: salts.day,
      guestKey: asGuest === undefined ? undefined : viewKey(asGuest, path),
      cappedKey: cappedBy === undefined ? undefined : viewKey(cappedBy, path),
      maxPaths: options.maxPaths,
      newPaths: { by: newPathsBy, max: options.maxNewPathsPerIp },
    };
  };
  // Just after midnight the visitor may still be online under yesterday's id: it gives way
  // to today's, so the rotation never counts one visitor twice.
  const previousSalt = nowMs - salts.dayStartMs < options.windowMs ? salts.previous : undefined;
  const formerIds = (kind: VisitorKind): Visit['supersedes'] =>
    previousSalt ? [{ kind, id: guestId(previousSalt) }] : [];
  const base = {
    site,
    nowMs,
    windowMs: options.windowMs,
    salt: { day: salts.day, value: salts.currentHex },
    dayEndMs: salts.dayEndMs,
  };

  // A request without a user agent is no browser.
  if (userAgent === '' || isbot(userAgent)) {
    return { visit: { ...base, kind: 'bot', id: guestId(salts.current), supersedes: formerIds('bot') } };
  }

  let tokenProblem: Exclude<MemberTokenProblem, 'invalid'> | undefined;
  if (request.memberToken !== undefined && request.memberToken !== null) {
    if (options.memberSecret === undefined) {
      tokenProblem = 'not-configured';
    } else {
      const check = verifyMemberToken(request.memberToken, options.memberSecret, nowMs);
      if (check.valid) {
        const { id, name } = check.member;
        const subject = `member:${id}`;
        const asGuest = guestId(salts.current);
        return {
          visit: {
            ...base,
            kind: 'member',
            id,
            name,
            // The browser that just signed in was a guest a moment ago, and frees its place among the IP's guests.
            supersedes: [{ kind: 'guest', id: asGuest, ipKey: ipKeyOf(salts.current) }, ...formerIds('guest')],
            // A page this browser read as a guest today is not read again by signing in.
            view: view(subject, subject, { asGuest }),
          },
        };
      }
      if (check.reason !== 'expired') return { tokenProblem: 'invalid' };
      tokenProblem = 'expired';
    }
  }

  const id = guestId(salts.current);
  const guestIpKey = ipKeyOf(salts.current);
  return {
    visit: {
      ...base,
      kind: 'guest',
      id,
      supersedes: formerIds('guest'),
      guestCap: { ipKey: guestIpKey, max: options.maxGuestsPerIp, maxPerDay: options.maxDailyGuestsPerIp },
      view: view(id, guestIpKey, { cappedBy: `ip:${guestIpKey}` }),
    },
    tokenProblem,
  };
}
