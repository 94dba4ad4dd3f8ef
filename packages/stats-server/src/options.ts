import type { RateLimitOptions } from './http/rate-limit.js';
import type { StatsStore } from './store/stats-store.js';

export interface SiteOptions {
  /** The site's id, chosen with `?site=`: letters, digits, `.`, `_` and `-`. */
  id: string;
  /** Origins whose pages may call the API (`https://example.com`), or `['*']` for any. Default: any. */
  origins?: readonly string[] | undefined;
  /** The shared secret the CMS signs member tokens with. Without it a `member` token counts as a guest. */
  memberSecret?: string | undefined;
}

export interface StatsHandlerOptions {
  /** Where presences and counts live: `createSqliteStore()` or `await createRedisStore()`. */
  store: StatsStore;
  /** The sites served; the first answers requests without `?site=`. Default: one site, `default`. */
  sites?: readonly SiteOptions[] | undefined;
  /** Proxies (IPs, CIDR ranges) whose `X-Forwarded-For` is believed. Default: none. */
  trustedProxies?: readonly string[] | undefined;
  /** How long a visitor counts as online after their last hit or ping. Default 300. */
  windowSeconds?: number | undefined;
  /** How long answers to `GET` are reused, here and by CDNs (`Cache-Control: max-age`). Default 5. */
  cacheSeconds?: number | undefined;
  /** Default 4096. */
  maxBodyBytes?: number | undefined;
  /** Default 1024. */
  maxPathLength?: number | undefined;
  /** Distinct guests one IP may be within the window; more are refused with 429. Default 100. */
  maxGuestsPerIp?: number | undefined;
  /** Writes one client IP may make; more are refused with 429. `false` turns it off. Default 600 per 60 s. */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Member names `GET /v1/online` lists at most. Default 100. */
  maxMemberNames?: number | undefined;
  /** A path prefix to strip when mounted under one in `node:http` (`/stats`). Express strips its own. */
  basePath?: string | undefined;
  /** The clock, in ms since the epoch (tests). */
  now?: (() => number) | undefined;
}

export interface ResolvedSite {
  id: string;
  origins: readonly string[];
  memberSecret: string | undefined;
}

export interface ResolvedOptions {
  store: StatsStore;
  sites: ReadonlyMap<string, ResolvedSite>;
  defaultSite: ResolvedSite;
  trustedProxies: readonly string[];
  windowMs: number;
  cacheSeconds: number;
  maxBodyBytes: number;
  maxPathLength: number;
  maxGuestsPerIp: number;
  rateLimit: RateLimitOptions | false;
  maxMemberNames: number;
  basePath: string;
  now: () => number;
}

const SITE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Fills in defaults and refuses options that cannot work, with a message naming the option. */
export function resolveOptions(options: StatsHandlerOptions): ResolvedOptions {
  const sites = new Map<string, ResolvedSite>();
  // Options often come from a JSON file: a string `sites` would be walked letter by letter.
  const listed: unknown = options.sites ?? [{ id: 'default' }];
  if (!Array.isArray(listed)) throw new Error(`sites must be a list of sites, not ${JSON.stringify(listed)}`);
  for (const site of listed.map(checkSiteShape)) {
    if (!SITE_ID.test(site.id)) throw new Error(`site id "${site.id}" must be 1-64 letters, digits, ".", "_" or "-"`);
    if (sites.has(site.id)) throw new Error(`site "${site.id}" is listed twice`);
    sites.set(site.id, { id: site.id, origins: site.origins ?? ['*'], memberSecret: site.memberSecret || undefined });
  }
  const [defaultSite] = sites.values();
  if (!defaultSite) throw new Error('sites must list at least one site');
  const rateLimit = options.rateLimit ?? { requests: 600, perSeconds: 60 };
  if (rateLimit) {
    positive('rateLimit.requests', rateLimit.requests);
    positive('rateLimit.perSeconds', rateLimit.perSeconds);
  }
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/')) throw new Error(`basePath "${basePath}" must start with "/"`);
  return {
    store: options.store,
    sites,
    defaultSite,
    trustedProxies: options.trustedProxies ?? [],
    windowMs: positive('windowSeconds', options.windowSeconds ?? 300) * 1000,
    cacheSeconds: atLeastZero('cacheSeconds', options.cacheSeconds ?? 5),
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes ?? 4096),
    maxPathLength: positive('maxPathLength', options.maxPathLength ?? 1024),
    maxGuestsPerIp: positive('maxGuestsPerIp', options.maxGuestsPerIp ?? 100),
    rateLimit,
    maxMemberNames: atLeastZero('maxMemberNames', options.maxMemberNames ?? 100),
    basePath,
    now: options.now ?? Date.now,
  };
}

/** A site from JSON may lack its id, or not be an object at all. */
export function checkSiteShape(site: unknown): SiteOptions {
  if (typeof site !== 'object' || site === null || Array.isArray(site)) {
    throw new Error(`each site must be an object with an id, not ${JSON.stringify(site)}`);
  }
  if (typeof (site as { id?: unknown }).id !== 'string') {
    throw new Error(`each site needs an id, a string: ${JSON.stringify(site)}`);
  }
  return site as SiteOptions;
}

function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a number above 0, not ${value}`);
  return value;
}

function atLeastZero(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new Error(`${name} must be a number of 0 or more, not ${value}`);
  return value;
}
