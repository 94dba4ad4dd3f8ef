import type { IncomingMessage } from 'node:http';
import { calendarDay } from '../identity/calendar-day.js';
import { identify, type MemberTokenProblem } from '../identity/identify.js';
import type { SaltCache } from '../identity/salt-cache.js';
import type { ResolvedOptions, ResolvedSite } from '../options.js';
import type { VisitorKind } from '../store/stats-store.js';
import { HttpError } from './http-error.js';

/**
 * What `POST /v1/hit` and `/v1/ping` answer: how the visitor was counted, why not as a
 * member when they sent a token, and why not as online when their IP has too many guests.
 */
export interface VisitAnswer {
  as: VisitorKind;
  memberToken?: Exclude<MemberTokenProblem, 'invalid'>;
  /** The view counted, but the visitor is not counted as online: their IP already has `maxGuestsPerIp` guests online. */
  notOnline?: 'too-many-guests';
}

export interface VisitRequest {
  req: IncomingMessage;
  site: ResolvedSite;
  ip: string;
  memberToken: unknown;
  /** The page viewed, for a hit; a ping only renews presence. */
  path: string | undefined;
}

/**
 * Identifies the visitor and records the presence (and, for a hit, the view).
 * `onPathsFull` hears of a view the site's `maxPaths` kept to the total.
 */
export async function recordVisit(
  { req, site, ip, memberToken, path }: VisitRequest,
  salts: SaltCache,
  { store, windowMs, maxGuestsPerIp, maxDailyGuestsPerIp, maxNewPathsPerIp, timeZone, now }: ResolvedOptions,
  onPathsFull: (site: ResolvedSite) => void,
): Promise<VisitAnswer> {
  const nowMs = now();
  const day = calendarDay(nowMs, timeZone);
  // A second try only when another instance made the day's salt first (after a Redis restart).
  for (let attempt = 1; attempt <= 2; attempt++) {
    const daySalts = await salts.get(site.id, day, nowMs);
    const identification = identify(
      { site: site.id, ip, userAgent: req.headers['user-agent'], memberToken, path, nowMs },
      daySalts,
      {
        windowMs,
        memberSecret: site.memberSecret,
        maxGuestsPerIp,
        maxDailyGuestsPerIp,
        maxPaths: site.maxPaths,
        maxNewPathsPerIp,
      },
    );
    if (!('visit' in identification)) {
      throw new HttpError(400, 'invalid-member-token', '"member" is not a token signed with this site\'s secret');
    }
    const { visit, tokenProblem } = identification;
    const outcome = await store.record(visit);
    if (outcome === 'stale-salt') {
      salts.forget(site.id, day);
      continue;
    }
    if (outcome === 'paths-full') onPathsFull(site);
    if (outcome === 'too-many-guests' && !visit.view) {
      // A ping records nothing else: say so, and when to try again.
      throw new HttpError(
        429,
        'too-many-guests',
        `this IP already has ${maxGuestsPerIp} distinct guests online; try again later`,
        { 'retry-after': String(Math.ceil(windowMs / 1000)) },
      );
    }
    return {
      as: visit.kind,
      ...(tokenProblem && { memberToken: tokenProblem }),
      ...(outcome === 'too-many-guests' && { notOnline: 'too-many-guests' as const }),
    };
  }
  throw new HttpError(503, 'salt-unsettled', "the day's salt is changing; try again", { 'retry-after': '1' });
}
