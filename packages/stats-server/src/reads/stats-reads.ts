import type { ResolvedOptions } from '../options.js';
import { createCachedRead } from './cached-read.js';

/** `GET /v1/online`'s answer. */
export interface OnlineAnswer {
  guests: number;
  members: number;
  bots: number;
  windowSeconds: number;
  asOf: string;
  memberNames: string[];
}

/** `GET /v1/views`'s answer: counts as exact decimal strings. */
export interface ViewsAnswer {
  total: string;
  path?: string;
  views?: string;
  asOf: string;
}

// Enough for every page a widget on a big site polls at once.
const MAX_CACHED_ANSWERS = 10_000;

/** The two `GET` answers, each read from the store at most once per key and `cacheSeconds`. */
export function createStatsReads({ store, windowMs, maxMemberNames, cacheSeconds, now }: ResolvedOptions) {
  const cache = { ttlMs: cacheSeconds * 1000, now, maxEntries: MAX_CACHED_ANSWERS };

  const online = createCachedRead<OnlineAnswer>(async (site) => {
    const nowMs = now();
    const counts = await store.online(site, nowMs, windowMs, maxMemberNames);
    return {
      guests: counts.guests,
      members: counts.members,
      bots: counts.bots,
      windowSeconds: windowMs / 1000,
      asOf: new Date(nowMs).toISOString(),
      memberNames: counts.memberNames,
    };
  }, cache);

  const views = createCachedRead<ViewsAnswer>(async (key) => {
    const [site = '', path] = key.split('\n');
    const nowMs = now();
    const counts = await store.views(site, path);
    const asOf = new Date(nowMs).toISOString();
    if (path === undefined) return { total: counts.total.toString(), asOf };
    return { total: counts.total.toString(), path, views: (counts.views ?? 0n).toString(), asOf };
  }, cache);

  return {
    online,
    /** The site's total, with one path's views when `path` is given. */
    views: (site: string, path: string | undefined) => views(path === undefined ? site : `${site}\n${path}`),
  };
}
