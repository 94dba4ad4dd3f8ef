import { DEFAULT_QUERY_PARAMS } from './http/page-path.js';
import { isTimeZone } from './identity/calendar-day.js';
import type { RateLimitOptions } from './http/rate-limit.js';
import type { StatsStore } from './store/stats-store.js';

export interface SiteOptions {
  /** The site's id, chosen with `?site=`: letters, digits, `.`, `_` and `-`. */
  id: string;
  /** Origins whose pages may call the API (`https://example.com`), or `['*']` for any. Default: any. */
  origins?: readonly string[] | undefined;
  /** The shared secret the CMS signs member tokens with. Without it a `member` token counts as a guest. */
  memberSecret?: string | undefined;
  /**
   * The query parameters that tell the site's pages apart, kept in the paths counted (sorted
   * by name); all others (`utm_source`, `fbclid`, a search) are dropped. Default
   * `DEFAULT_QUERY_PARAMS`: WordPress's `p`, `page_id`, `attachment_id`, `cat`, `tag` and
   * Joomla's `option`, `view`, `id`. `[]` keeps none.
   */
  queryParams?: readonly string[] | undefined;
  /**
   * The most paths the site counts views of (imported ones included). Beyond it a view of a
   * new path counts in the site's total only, and the service says so once. Default 100000.
   */
  maxPaths?: number | undefined;
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
  /**
   * Distinct guests one IP may be within the window. Beyond it a guest is not counted as
   * online (a ping is refused with 429); their views still count, once per IP, path and day. Default 100.
   */
  maxGuestsPerIp?: number | undefined;
  /**
   * Distinct guests of one IP whose views count in a day. The views of further new guests that
   * day (a client changing its user agent once the window has passed) count once per IP, path
   * and day, as those beyond `maxGuestsPerIp` do. Default 1000.
   */
  maxDailyGuestsPerIp?: number | undefined;
  /**
   * New paths (not counted before) one client IP, or one member, may add per day; views
   * of further new paths count nowhere, not even in the site's total. Default 200.
   */
  maxNewPathsPerIp?: number | undefined;
  /** Writes one client IP may make; more are refused with 429. `false` turns it off. Default 600 per 60 s. */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Member names `GET /v1/online` lists at most. Default 100. */
  maxMemberNames?: number | undefined;
  /** A path prefix to strip when mounted under one in `node:http` (`/stats`). Express strips its own. */
  basePath?: string | undefined;
  /**
   * The IANA time zone whose calendar days count views once per visitor and page, and rotate
   * the salts (`Asia/Ho_Chi_Minh`: a new day at midnight there, not at 07:00). Default `UTC`.
   * Every instance on one Redis needs the same zone.
   */
  timeZone?: string | undefined;
  /** The clock, in ms since the epoch (tests). */
  now?: (() => number) | undefined;
}

export interface ResolvedSite {
  id: string;
  origins: readonly string[];
  memberSecret: string | undefined;
  queryParams: readonly string[];
  maxPaths: number;
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
  maxDailyGuestsPerIp: number;
  maxNewPathsPerIp: number;
  rateLimit: RateLimitOptions | false;
  maxMemberNames: number;
  basePath: string;
  timeZone: string;
  now: () => number;
}

const SITE_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** `maxPathLength` when none is given: hits, and imports, refuse longer paths. */
export const DEFAULT_MAX_PATH_LENGTH = 1024;

/** Fills in defaults and refuses options that cannot work, with a message naming the option. */
export function resolveOptions(options: StatsHandlerOptions): ResolvedOptions {
  const sites = new Map<string, ResolvedSite>();
  // Options often come from a JSON file: a string `sites` would be walked letter by letter.
  const listed: unknown = options.sites ?? [{ id: 'default' }];
  if (!Array.isArray(listed)) throw new Error(`sites must be a list of sites, not ${JSON.stringify(listed)}`);
  for (const site of listed.map(checkSiteShape)) {
    if (!SITE_ID.test(site.id)) throw new Error(`site id "${site.id}" must be 1-64 letters, digits, ".", "_" or "-"`);
    if (sites.has(site.id)) throw new Error(`site "${site.id}" is listed twice`);
    sites.set(site.id, {
      id: site.id,
      origins: originList(site.id, site.origins ?? ['*']),
      memberSecret: site.memberSecret || undefined,
      queryParams: queryParamList(site.id, site.queryParams ?? DEFAULT_QUERY_PARAMS),
      maxPaths: positive(`site "${site.id}": maxPaths`, site.maxPaths ?? 100_000),
    });
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
    trustedProxies: proxyList(options.trustedProxies ?? []),
    windowMs: positive('windowSeconds', options.windowSeconds ?? 300) * 1000,
    cacheSeconds: atLeastZero('cacheSeconds', options.cacheSeconds ?? 5),
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes ?? 4096),
    maxPathLength: positive('maxPathLength', options.maxPathLength ?? DEFAULT_MAX_PATH_LENGTH),
    maxGuestsPerIp: positive('maxGuestsPerIp', options.maxGuestsPerIp ?? 100),
    maxDailyGuestsPerIp: positive('maxDailyGuestsPerIp', options.maxDailyGuestsPerIp ?? 1000),
    maxNewPathsPerIp: positive('maxNewPathsPerIp', options.maxNewPathsPerIp ?? 200),
    rateLimit,
    maxMemberNames: atLeastZero('maxMemberNames', options.maxMemberNames ?? 100),
    basePath,
    timeZone: timeZoneName(options.timeZone ?? 'UTC'),
    now: options.now ?? Date.now,
  };
}

/**
 * A site's origins, each `*` or exactly as a browser sends it in `Origin` (scheme, host and
 * port, no path): `https://a.example/` would match no request and refuse every write.
 */
function originList(site: string, origins: readonly unknown[]): readonly string[] {
  if (!Array.isArray(origins))
    throw new Error(`site "${site}": origins must be a list, not ${JSON.stringify(origins)}`);
  for (const origin of origins) {
    let exact: string | undefined;
    try {
      exact = typeof origin === 'string' && origin !== '*' ? new URL(origin).origin : undefined;
    } catch {
      exact = undefined;
    }
    if (origin === '*' || (exact !== undefined && exact !== 'null' && exact === origin)) continue;
    throw new Error(
      `site "${site}": origin ${JSON.stringify(origin)} is not an origin` +
        (exact && exact !== 'null' ? `; write "${exact}"` : ' (such as "https://news.example", or "*")'),
    );
  }
  return origins as readonly string[];
}

/** From a JSON file, a string would be walked letter by letter, and "1" named as no proxy. */
function proxyList(proxies: unknown): readonly string[] {
  if (!Array.isArray(proxies) || !proxies.every((proxy) => typeof proxy === 'string')) {
    throw new Error(
      `trustedProxies must be a list of IPs and CIDR ranges, such as ["10.0.0.0/8"], not ${JSON.stringify(proxies)}`,
    );
  }
  return proxies;
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

/** From a config file or the environment, a zone's name may be misspelt, or not a string at all. */
function timeZoneName(timeZone: unknown): string {
  if (typeof timeZone === 'string' && isTimeZone(timeZone)) return timeZone;
  throw new Error(
    `timeZone ${JSON.stringify(timeZone)} is not a time zone: give an IANA name such as "Asia/Ho_Chi_Minh", or "UTC"`,
  );
}

function queryParamList(site: string, names: unknown): readonly string[] {
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string' && name !== '')) {
    throw new Error(`site "${site}": queryParams must be a list of parameter names, such as ["p", "id"]`);
  }
  return names as string[];
}

function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a number above 0, not ${value}`);
  return value;
}

function atLeastZero(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new Error(`${name} must be a number of 0 or more, not ${value}`);
  return value;
}
