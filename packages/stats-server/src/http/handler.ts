import type { IncomingMessage, ServerResponse } from 'node:http';
import { addressGroup, createClientIpResolver } from '../identity/client-ip.js';
import { SaltCache } from '../identity/salt-cache.js';
import { resolveOptions, type ResolvedOptions, type ResolvedSite, type StatsHandlerOptions } from '../options.js';
import { createStatsReads } from '../reads/stats-reads.js';
import { describeHeldWrites } from '../store/stats-store.js';
import { readJsonObject } from './body.js';
import { decideCors, forbiddenOrigin, preflightHeaders, type CorsDecision } from './cors.js';
import { HttpError, sendError, sendJson } from './http-error.js';
import { toPagePath } from './page-path.js';
import { RateLimiter } from './rate-limit.js';
import { recordVisit } from './visits.js';

/** A request handler for `node:http`, Express or Connect; without a route of its own it calls `next`. */
export type StatsHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

interface Route {
  name: 'hit' | 'ping' | 'online' | 'views' | 'health';
  method: 'GET' | 'POST';
}

const ROUTES = new Map<string, Route>([
  ['/v1/hit', { name: 'hit', method: 'POST' }],
  ['/v1/ping', { name: 'ping', method: 'POST' }],
  ['/v1/online', { name: 'online', method: 'GET' }],
  ['/v1/views', { name: 'views', method: 'GET' }],
  ['/v1/health', { name: 'health', method: 'GET' }],
]);

const NO_STORE = { 'cache-control': 'no-store' };
// A wrong route or site id is an embedding mistake: any page may read why (the answer holds
// nothing of any site), so its widget says "no site here", not a CORS failure that points at
// the origins setting.
const READABLE_ANYWHERE = { 'access-control-allow-origin': '*' };
// Unexpected errors (a store gone away) are logged at most this often, not once per request.
const ERROR_LOG_INTERVAL_MS = 10_000;
// After a hit or ping fails in the store, /v1/health answers 503 until one is recorded again,
// or this long without another failure: a load balancer that took the instance out of
// rotation (so no hits come) then tries it again.
const FAILED_WRITES_HEALTH_MS = 60_000;

/**
 * The stats API as a request handler. Mount it at the root, under a prefix with Express
 * (`app.use('/stats', handler)`), or under `basePath` with `node:http`.
 */
export function createStatsHandler(options: StatsHandlerOptions): StatsHandler {
  const config = resolveOptions(options);
  const clientIp = createClientIpResolver(config.trustedProxies);
  const salts = new SaltCache(config.store, config.timeZone);
  const reads = createStatsReads(config);
  const rateLimiter = config.rateLimit ? new RateLimiter(config.rateLimit, config.now) : undefined;
  const readCacheControl =
    config.cacheSeconds > 0
      ? `public, max-age=${config.cacheSeconds}, stale-while-revalidate=${config.cacheSeconds}`
      : 'no-cache';
  let errorLoggedAtMs = -Infinity;
  // When the last hit or ping the store could not record failed, unless one was recorded since.
  let visitFailedAtMs: number | undefined;
  // Sites whose paths reached `maxPaths`, said once each.
  const pathsFull = new Set<string>();
  const sayPathsFull = (site: ResolvedSite): void => {
    if (pathsFull.has(site.id)) return;
    pathsFull.add(site.id);
    console.warn(
      `portico-stats: site "${site.id}" counts the views of ${site.maxPaths} paths, its maxPaths: ` +
        'views of further paths now count in its total only. Raise maxPaths if the site has more pages.',
    );
  };

  // Origins refused, said once each (at most a hundred: any page on the web can send one).
  const refusedOrigins = new Set<string>();
  const sayOriginRefused = (site: ResolvedSite, origin: string): void => {
    const key = `${site.id} ${origin}`;
    if (refusedOrigins.has(key) || refusedOrigins.size >= 100) return;
    refusedOrigins.add(key);
    console.warn(
      `portico-stats: site "${site.id}" refused a page at ${origin}, which is not one of its origins ` +
        '(--origin, PORTICO_STATS_ORIGINS): its widgets there can neither count nor read. If the page is the ' +
        "site's, add the origin (www. and the bare name, http and https, are different origins).",
    );
  };

  async function handle(req: IncomingMessage, res: ServerResponse, route: Route, site: ResolvedSite, url: URL) {
    const cors = decideCors(site.origins, req.headers.origin);
    if (!cors.allowed && req.headers.origin !== undefined) sayOriginRefused(site, req.headers.origin);
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, preflightHeaders(cors)).end();
        return;
      }
      const { name, method } = route;
      if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
        throw new HttpError(405, 'method-not-allowed', `use ${method} for ${url.pathname}`, {
          allow: `${method}, OPTIONS`,
        });
      }
      if (name === 'hit' || name === 'ping') {
        const answer = await handleVisit(req, name, site, cors);
        sendJson(res, 200, answer, { ...cors.headers, ...NO_STORE });
      } else if (name === 'online') {
        sendJson(res, 200, await reads.online(site.id), { ...cors.headers, 'cache-control': readCacheControl });
      } else if (name === 'views') {
        const pathParameter = url.searchParams.get('path');
        const path =
          pathParameter === null ? undefined : toPagePath(pathParameter, config.maxPathLength, site.queryParams);
        sendJson(res, 200, await reads.views(site.id, path), { ...cors.headers, 'cache-control': readCacheControl });
      } else {
        await config.store.views(site.id);
        const heldWrites = config.store.heldWrites?.() ?? config.store.heldViews?.() ?? 0;
        if (heldWrites > 0) {
          // Reads work and hits are taken, but what is counted (or remembered, so a reader
          // counts once) is only in memory: not healthy.
          const held = describeHeldWrites(heldWrites, config.store.heldViews?.() ?? heldWrites);
          throw new HttpError(
            503,
            'writes-failing',
            `the store cannot write: ${held} ${heldWrites === 1 ? 'is' : 'are'} held in memory until it can; ` +
              "see the service's log",
            { 'retry-after': '5' },
          );
        }
        const failedAgoMs = visitFailedAtMs === undefined ? Infinity : config.now() - visitFailedAtMs;
        if (failedAgoMs < FAILED_WRITES_HEALTH_MS) {
          // The store answers reads, but hits fail (Redis out of memory, a store bug): not healthy.
          throw new HttpError(
            503,
            'writes-failing',
            `recording a hit failed ${Math.round(failedAgoMs / 1000)} s ago, and none has been recorded since; ` +
              "see the service's log",
            { 'retry-after': '5' },
          );
        }
        sendJson(res, 200, { status: 'ok' }, { ...cors.headers, ...NO_STORE });
      }
    } catch (error) {
      sendError(res, toHttpError(error), cors.headers);
    }
  }

  async function handleVisit(req: IncomingMessage, route: 'hit' | 'ping', site: ResolvedSite, cors: CorsDecision) {
    if (!cors.allowed) throw forbiddenOrigin();
    const ip = clientIp(req.socket.remoteAddress, headerValue(req.headers['x-forwarded-for']));
    // One client can take any address of an IPv6 /64: it is limited as one.
    const decision = rateLimiter?.take(addressGroup(ip));
    if (decision && !decision.allowed) {
      throw new HttpError(429, 'rate-limited', 'too many requests from this IP; slow down', {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }
    const body = await readJsonObject(req, config.maxBodyBytes);
    // Only `path` and `member` are read: an IP, user agent or time in the body is never believed.
    const path =
      route === 'hit' || body.path !== undefined
        ? toPagePath(body.path, config.maxPathLength, site.queryParams)
        : undefined;
    try {
      const answer = await recordVisit(
        { req, site, ip, memberToken: body.member, path: route === 'hit' ? path : undefined },
        salts,
        config,
        sayPathsFull,
      );
      visitFailedAtMs = undefined;
      return answer;
    } catch (error) {
      // A refusal (a bad token, too many guests) is the request's doing; anything else, the store's.
      if (!(error instanceof HttpError)) visitFailedAtMs = config.now();
      throw error;
    }
  }

  function toHttpError(error: unknown): HttpError {
    if (error instanceof HttpError) return error;
    const nowMs = Date.now();
    if (nowMs - errorLoggedAtMs >= ERROR_LOG_INTERVAL_MS) {
      errorLoggedAtMs = nowMs;
      console.error('portico-stats: a request failed:', error);
    }
    // Nearly always the store (Redis away, the disk full): the client should try again later.
    return new HttpError(503, 'store-unavailable', 'the stats store is not answering; try again shortly', {
      'retry-after': '5',
    });
  }

  return (req, res, next) => {
    const url = requestUrl(req.url);
    if (!url) {
      // A request target no URL parser takes (`//[`): not one of ours, and never a crash.
      if (next) next();
      else sendError(res, new HttpError(400, 'invalid-url', 'the request target is not a valid address'), {});
      return;
    }
    const pathname = stripBasePath(url.pathname, config.basePath);
    const route = pathname === undefined ? undefined : ROUTES.get(pathname);
    if (!route) {
      if (next) next();
      else sendError(res, new HttpError(404, 'not-found', `no such route: ${url.pathname}`), READABLE_ANYWHERE);
      return;
    }
    const site = findSite(config, url.searchParams.get('site'));
    if (!site) {
      sendError(
        res,
        new HttpError(404, 'unknown-site', `no site "${url.searchParams.get('site') ?? ''}" here`),
        READABLE_ANYWHERE,
      );
      return;
    }
    handle(req, res, route, site, url).catch((error: unknown) => {
      console.error('portico-stats: a request failed after its answer began:', error);
      res.destroy();
    });
  };
}

/** The request's address, or `undefined` when its target cannot be parsed. */
function requestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://stats.invalid');
  } catch {
    return undefined;
  }
}

function stripBasePath(pathname: string, basePath: string): string | undefined {
  if (basePath === '') return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}

function findSite(config: ResolvedOptions, id: string | null): ResolvedSite | undefined {
  return id === null ? config.defaultSite : config.sites.get(id);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}
