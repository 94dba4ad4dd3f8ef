import type { VisitorKind } from './stats-store.js';

/**
 * A site's Redis keys. The site id in braces is the cluster hash tag: every key of a site
 * lands in one slot, so each script may touch them all in one round trip.
 */
export function siteKeys(prefix: string, site: string) {
  const base = `${prefix}:{${site}}`;
  return {
    salt: (day: string) => `${base}:salt:${day}`,
    presence: {
      guest: `${base}:online:guest`,
      member: `${base}:online:member`,
      bot: `${base}:online:bot`,
    } satisfies Record<VisitorKind, string>,
    memberNames: `${base}:member-names`,
    guestsOfIp: (ipKey: string) => `${base}:ip:${ipKey}`,
    guestsOfIpOnDay: (day: string, ipKey: string) => `${base}:ip-day:${day}:${ipKey}`,
    seenViews: (day: string) => `${base}:seen:${day}`,
    newPaths: (day: string) => `${base}:new-paths:${day}`,
    total: `${base}:total`,
    pathViews: `${base}:path-views`,
    importStaging: (id: string) => `${base}:import:${id}`,
  };
}
