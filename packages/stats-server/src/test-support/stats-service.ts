import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { createStatsHandler } from '../http/handler.js';
import type { StatsHandlerOptions } from '../options.js';
import type { OnlineAnswer, ViewsAnswer } from '../reads/stats-reads.js';
import type { StatsStore } from '../store/stats-store.js';
import { FakeClock } from './fake-clock.js';
import { BROWSER, send, type Answer } from './http-client.js';

/** A visitor as the service sees them: an address (sent through the trusted local proxy) and a user agent. */
export interface Visitor {
  ip: string;
  userAgent: string;
}

export function visitor(ip: string, userAgent: string = BROWSER): Visitor {
  return { ip, userAgent };
}

/** The `n`th of many distinct visitors: one address each. */
export function nthVisitor(n: number, userAgent: string = BROWSER): Visitor {
  return visitor(`10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, userAgent);
}

export interface TestService {
  url: string;
  clock: FakeClock;
  hit(who: Visitor, path: string, body?: Record<string, unknown>): Promise<Answer>;
  ping(who: Visitor, body?: Record<string, unknown>): Promise<Answer>;
  online(): Promise<OnlineAnswer>;
  views(path?: string): Promise<ViewsAnswer>;
  /** Stops the HTTP server; the store stays open. */
  close(): Promise<void>;
}

/**
 * The handler on a loopback server, as the scenarios need it: a fake clock, the
 * loopback address as the trusted proxy (so each test visitor has an address of their
 * own), no read cache (each read sees the last write) and no rate limit, unless overridden.
 */
export async function startTestService(
  store: StatsStore,
  options: Partial<StatsHandlerOptions> & { clock?: FakeClock } = {},
): Promise<TestService> {
  const clock = options.clock ?? new FakeClock('2026-11-26T12:00:00Z');
  const handler = createStatsHandler({
    trustedProxies: ['127.0.0.1'],
    cacheSeconds: 0,
    rateLimit: false,
    now: clock.now,
    ...options,
    store,
  });
  const server = createServer((req, res) => {
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const post = (route: string, who: Visitor, body: Record<string, unknown>) =>
    send(`${url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': who.userAgent, 'x-forwarded-for': who.ip },
      body: JSON.stringify(body),
    });
  const getOk = async (route: string): Promise<unknown> => {
    const answer = await send(`${url}${route}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };

  return {
    url,
    clock,
    hit: (who, path, body = {}) => post('/v1/hit', who, { path, ...body }),
    ping: (who, body = {}) => post('/v1/ping', who, body),
    online: async () => (await getOk('/v1/online')) as OnlineAnswer,
    views: async (path) =>
      (await getOk(path === undefined ? '/v1/views' : `/v1/views?path=${encodeURIComponent(path)}`)) as ViewsAnswer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
