import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteOptions } from '../options.js';
import { createSqliteStore } from '../store/sqlite-store.js';
import type { StatsStore } from '../store/stats-store.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { BROWSER, send } from '../test-support/http-client.js';
import { startTestService, visitor, type TestService } from '../test-support/stats-service.js';
import { createStatsHandler, type StatsHandler } from './handler.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

async function service(options: Parameters<typeof startTestService>[1] = {}, store?: StatsStore) {
  const opened = store ?? createSqliteStore({ file: ':memory:' });
  const started = await startTestService(opened, options);
  cleanups.push(
    () => opened.close(),
    () => started.close(),
  );
  return started;
}

/** A POST as a browser page sends it, with any headers on top. */
function post(target: TestService, route: string, body: string, headers: Record<string, string> = {}) {
  return send(`${target.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'user-agent': BROWSER, ...headers },
    body,
  });
}

/** Sends `request` as written, byte for byte (fetch would correct it), and gives the whole answer. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => {
      resolve(answer);
    });
    socket.on('error', reject);
  });
}

async function listen(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the HTTP API', () => {
  it('takes a JSON body sent as application/json or as text/plain (no preflight)', async () => {
    const stats = await service();
    expect((await post(stats, '/v1/hit', '{"path":"/a.html"}', { 'content-type': 'application/json' })).status).toBe(
      200,
    );
    expect(
      (await post(stats, '/v1/hit', '{"path":"/b.html"}', { 'content-type': 'text/plain;charset=UTF-8' })).body,
    ).toEqual({ as: 'guest' });
    expect((await stats.views()).total).toBe('2');
  });

  it('refuses bad requests with a status, a code and a reason', async () => {
    const stats = await service({ maxBodyBytes: 200, maxPathLength: 20 });
    const cases: [string, Record<string, string>, number, string][] = [
      ['{"path":"/a.html"}', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported-media-type'],
      ['{"path":', {}, 400, 'invalid-json'],
      ['["/a.html"]', {}, 400, 'invalid-json'],
      ['{}', {}, 400, 'invalid-path'],
      ['{"path":"a.html"}', {}, 400, 'invalid-path'],
      ['{"path":"/a\\u0000.html"}', {}, 400, 'invalid-path'],
      [JSON.stringify({ path: `/${'a'.repeat(20)}` }), {}, 400, 'path-too-long'],
      [JSON.stringify({ path: `/${'a'.repeat(300)}` }), {}, 413, 'body-too-large'],
    ];
    for (const [body, headers, status, code] of cases) {
      const answer = await post(stats, '/v1/hit', body, headers);
      expect(answer.status, body).toBe(status);
      expect(answer.body, body).toMatchObject({ error: code, message: expect.any(String) as string });
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    expect((await stats.views()).total).toBe('0');
  });

  it('refuses a body over the limit while it streams in, without a Content-Length', async () => {
    const stats = await service({ maxBodyBytes: 100 });
    const answer = await send(`${stats.url}/v1/hit`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked', 'user-agent': BROWSER },
      body: JSON.stringify({ path: `/${'a'.repeat(5000)}` }),
    });
    expect(answer.status).toBe(413);
  });

  it('answers unknown routes, wrong methods and unknown sites clearly, readable from any page', async () => {
    const stats = await service();
    const fromPage = { headers: { origin: 'https://portal.example' } };
    expect(await send(`${stats.url}/v2/hit`, fromPage)).toMatchObject({
      status: 404,
      headers: { 'access-control-allow-origin': '*' },
      body: { error: 'not-found' },
    });
    expect(await send(`${stats.url}/v1/hit`)).toMatchObject({
      status: 405,
      headers: { allow: 'POST, OPTIONS' },
      body: { error: 'method-not-allowed' },
    });
    expect(await send(`${stats.url}/v1/online?site=elsewhere`, fromPage)).toMatchObject({
      status: 404,
      headers: { 'access-control-allow-origin': '*' },
      body: { error: 'unknown-site' },
    });
    expect(await send(`${stats.url}/v1/health`)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await send(`${stats.url}/v1/online`, { method: 'HEAD' })).toMatchObject({ status: 200, body: '' });
  });

  it('answers a request target no URL parser takes with 400, and keeps serving', async () => {
    const stats = await service();
    const { port } = new URL(stats.url);
    for (const target of ['//[', '//a:99999/v1/online', 'http://[::1/v1/online']) {
      const answer = await rawRequest(Number(port), `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer, target).toMatch(/^HTTP\/1\.1 400 [\s\S]*"error":"invalid-url"/);
    }
    expect(await send(`${stats.url}/v1/health`)).toMatchObject({ status: 200 });
  });

  it('takes a client hanging up mid-body as its own doing: no store error logged', async () => {
    const stats = await service();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { port } = new URL(stats.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /v1/hit HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nUser-Agent: ${BROWSER}\r\nContent-Length: 100\r\n\r\n{"path":`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
    expect(await send(`${stats.url}/v1/health`)).toMatchObject({ status: 200 });
  });

  it('answers 503 with Retry-After when the store fails', async () => {
    const memory = createSqliteStore({ file: ':memory:' });
    const failing: StatsStore = {
      ...memory,
      salts: memory.salts.bind(memory),
      close: memory.close.bind(memory),
      record: () => Promise.reject(new Error('connection lost')),
      online: () => Promise.reject(new Error('connection lost')),
      views: () => Promise.reject(new Error('connection lost')),
      importTotals: memory.importTotals.bind(memory),
    };
    const stats = await service({}, failing);
    for (const answer of [await stats.hit(visitor('203.0.113.7'), '/'), await send(`${stats.url}/v1/online`)]) {
      expect(answer).toMatchObject({
        status: 503,
        headers: { 'retry-after': '5' },
        body: { error: 'store-unavailable' },
      });
    }
  });

  it('answers /v1/health 503 while hits fail though reads work, until one is recorded or a minute passes', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const memory = createSqliteStore({ file: ':memory:' });
    let recording = false;
    const failingHits: StatsStore = {
      ...memory,
      salts: memory.salts.bind(memory),
      online: memory.online.bind(memory),
      views: memory.views.bind(memory),
      importTotals: memory.importTotals.bind(memory),
      close: memory.close.bind(memory),
      // As an embedded store did when its dedupe set was full, or Redis out of memory does.
      record: (visit) =>
        recording ? memory.record(visit) : Promise.reject(new RangeError('Set maximum size exceeded')),
    };
    const stats = await service({}, failingHits);
    const health = () => send(`${stats.url}/v1/health`);
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok' } });

    expect((await stats.hit(visitor('203.0.113.7'), '/')).status).toBe(503);
    stats.clock.advance(5000);
    expect(await health()).toMatchObject({
      status: 503,
      headers: { 'cache-control': 'no-store', 'retry-after': '5' },
      body: {
        error: 'writes-failing',
        message: "recording a hit failed 5 s ago, and none has been recorded since; see the service's log",
      },
    });

    recording = true;
    expect((await stats.hit(visitor('203.0.113.7'), '/')).status).toBe(200);
    expect(await health()).toMatchObject({ status: 200 });

    // Taken out of rotation, an instance gets no hits: a minute on, it may be tried again.
    recording = false;
    await stats.hit(visitor('203.0.113.7'), '/');
    stats.clock.advance(59_999);
    expect((await health()).status).toBe(503);
    stats.clock.advance(1);
    expect((await health()).status).toBe(200);
    errors.mockRestore();
  });

  it('marks reads cacheable by CDNs and writes not', async () => {
    const stats = await service({ cacheSeconds: 5 });
    for (const route of ['/v1/online', '/v1/views', '/v1/views?path=/a.html']) {
      expect((await send(`${stats.url}${route}`)).headers['cache-control']).toBe(
        'public, max-age=5, stale-while-revalidate=5',
      );
    }
    expect((await stats.hit(visitor('203.0.113.7'), '/')).headers['cache-control']).toBe('no-store');
  });

  it('rate-limits writes per client IP with 429 and Retry-After', async () => {
    const stats = await service({ rateLimit: { requests: 3, perSeconds: 60 } });
    const reader = visitor('203.0.113.7');
    for (let n = 0; n < 3; n++) expect((await stats.ping(reader)).status).toBe(200);

    const refused = await stats.ping(reader);
    expect(refused).toMatchObject({ status: 429, headers: { 'retry-after': '20' }, body: { error: 'rate-limited' } });
    expect((await stats.ping(visitor('203.0.113.8'))).status).toBe(200);
    stats.clock.advance(20_000);
    expect((await stats.ping(reader)).status).toBe(200);
  });

  it('rate-limits an IPv6 client by its /64, as it can take any address in it', async () => {
    const stats = await service({ rateLimit: { requests: 2, perSeconds: 60 } });
    expect((await stats.ping(visitor('2001:db8:1:2::a'))).status).toBe(200);
    expect((await stats.ping(visitor('2001:db8:1:2:ffff::b'))).status).toBe(200);
    expect((await stats.ping(visitor('2001:db8:1:2::c'))).status).toBe(429);
    expect((await stats.ping(visitor('2001:db8:1:3::a'))).status).toBe(200);
  });
});

describe('trust in what a request says', () => {
  it('ignores X-Forwarded-For and other address headers from a peer that is not a trusted proxy', async () => {
    const direct = await service({ trustedProxies: [] });
    for (let n = 0; n < 10; n++) {
      await post(direct, '/v1/hit', '{"path":"/"}', {
        'x-forwarded-for': `198.51.100.${n}`,
        'x-real-ip': `198.51.100.${n}`,
        forwarded: `for=198.51.100.${n}`,
        'client-ip': `198.51.100.${n}`,
      });
    }
    expect((await direct.online()).guests).toBe(1);
  });

  it('believes a trusted proxy only about the hop it saw, not what the client wrote before it', async () => {
    const proxied = await service({ trustedProxies: ['127.0.0.1'] });
    for (let n = 0; n < 10; n++) {
      await post(proxied, '/v1/hit', '{"path":"/"}', { 'x-forwarded-for': `198.51.100.${n}, 203.0.113.7` });
    }
    expect((await proxied.online()).guests).toBe(1);
  });

  it('never takes an IP, user agent or time from the body', async () => {
    const stats = await service();
    const clock = stats.clock;
    for (let n = 0; n < 10; n++) {
      const answer = await stats.hit(visitor('203.0.113.7'), '/', {
        ip: `198.51.100.${n}`,
        userAgent: `Browser/${n}`,
        ua: `Browser/${n}`,
        time: new Date(clock.nowMs + 86_400_000).toISOString(),
        timestamp: clock.nowMs + 86_400_000,
      });
      expect(answer.status).toBe(200);
    }
    expect((await stats.online()).guests).toBe(1);
    clock.advance(300_000);
    expect((await stats.online()).guests).toBe(0);
  });
});

describe('CORS', () => {
  const origin = 'https://news.example';

  it('lets the configured origins read and write, and tells CDNs the answer varies by origin', async () => {
    const stats = await service({ sites: [{ id: 'default', origins: [origin] }] });
    const read = await send(`${stats.url}/v1/online`, { headers: { origin } });
    expect(read.headers).toMatchObject({ 'access-control-allow-origin': origin, vary: 'Origin' });
    expect((await post(stats, '/v1/hit', '{"path":"/"}', { origin })).status).toBe(200);

    const preflight = await send(`${stats.url}/v1/hit`, { method: 'OPTIONS', headers: { origin } });
    expect(preflight).toMatchObject({
      status: 204,
      headers: { 'access-control-allow-origin': origin, 'access-control-allow-methods': 'GET, POST, OPTIONS' },
    });
  });

  it('refuses writes from other origins, does not let their pages read, and says so in its log', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stats = await service({ sites: [{ id: 'default', origins: [origin] }] });
    const elsewhere = 'https://elsewhere.example';
    expect(await post(stats, '/v1/hit', '{"path":"/"}', { origin: elsewhere })).toMatchObject({
      status: 403,
      body: { error: 'origin-not-allowed' },
    });
    expect((await send(`${stats.url}/v1/hit`, { method: 'OPTIONS', headers: { origin: elsewhere } })).status).toBe(403);
    const read = await send(`${stats.url}/v1/online`, { headers: { origin: elsewhere } });
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    expect((await stats.online()).guests).toBe(0);
    // The service's log says so, once: the page only sees a request that failed.
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      'portico-stats: site "default" refused a page at https://elsewhere.example, which is not one of its origins ' +
        '(--origin, PORTICO_STATS_ORIGINS): its widgets there can neither count nor read. If the page is the ' +
        "site's, add the origin (www. and the bare name, http and https, are different origins).",
    ]);
  });

  it('allows any origin when none is configured', async () => {
    const stats = await service();
    const read = await send(`${stats.url}/v1/views`, { headers: { origin } });
    expect(read.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('cached, single-flight reads', () => {
  function countingStore() {
    const store = createSqliteStore({ file: ':memory:' });
    const reads = { online: 0, views: 0 };
    const counted: StatsStore = {
      salts: store.salts.bind(store),
      record: store.record.bind(store),
      importTotals: store.importTotals.bind(store),
      close: store.close.bind(store),
      online: async (...args) => {
        reads.online++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return store.online(...args);
      },
      views: async (...args) => {
        reads.views++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return store.views(...args);
      },
    };
    return { store: counted, reads };
  }

  // A thousand requests: seconds on a loaded machine, more than the default 5 s.
  it('turns a thousand polling widgets into one store read per key and cache period', { timeout: 30_000 }, async () => {
    const { store, reads } = countingStore();
    const clock = new FakeClock('2026-11-26T12:00:00Z');
    const stats = await service({ cacheSeconds: 5, clock }, store);

    const answers = await Promise.all([
      ...Array.from({ length: 1000 }, () => send(`${stats.url}/v1/online`)),
      ...Array.from({ length: 10 }, () => send(`${stats.url}/v1/views?path=/a.html`)),
      ...Array.from({ length: 10 }, () => send(`${stats.url}/v1/views?path=/b.html`)),
    ]);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(reads).toEqual({ online: 1, views: 2 });

    clock.advance(4_999);
    await send(`${stats.url}/v1/online`);
    expect(reads.online).toBe(1);
    clock.advance(1);
    await send(`${stats.url}/v1/online`);
    expect(reads.online).toBe(2);
  });
});

describe('mounting the handler', () => {
  it('serves under a basePath in node:http', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    cleanups.push(() => store.close());
    const handler = createStatsHandler({ store, basePath: '/stats/' });
    const url = await listen((req, res) => {
      handler(req, res);
    });
    expect((await send(`${url}/stats/v1/online`)).status).toBe(200);
    expect((await send(`${url}/v1/online`)).status).toBe(404);
  });

  it('passes what is not its own to next(), as Express and Connect expect', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    cleanups.push(() => store.close());
    const handler: StatsHandler = createStatsHandler({ store });
    // What `app.use('/stats', handler)` does: strip the prefix, call with next.
    const url = await listen((req, res) => {
      if (!req.url?.startsWith('/stats/')) {
        res.writeHead(404).end('app 404');
        return;
      }
      req.url = req.url.slice('/stats'.length);
      handler(req, res, () => res.writeHead(200).end('the app'));
    });
    expect(await send(`${url}/stats/v1/views`)).toMatchObject({ status: 200, body: { total: '0' } });
    expect(await send(`${url}/stats/about`)).toMatchObject({ status: 200, body: 'the app' });
  });

  it('refuses options that cannot work, naming them', () => {
    const store = createSqliteStore({ file: ':memory:' });
    expect(() => createStatsHandler({ store, sites: [{ id: 'a b' }] })).toThrow(/site id "a b"/);
    expect(() => createStatsHandler({ store, sites: [{ id: 'a' }, { id: 'a' }] })).toThrow(/listed twice/);
    expect(() => createStatsHandler({ store, sites: [] })).toThrow(/at least one site/);
    // As a JSON config file may have them:
    expect(() => createStatsHandler({ store, sites: [{ origins: ['*'] } as unknown as SiteOptions] })).toThrow(
      /each site needs an id/,
    );
    expect(() => createStatsHandler({ store, sites: [{ id: 42 } as unknown as SiteOptions] })).toThrow(
      /each site needs an id/,
    );
    expect(() => createStatsHandler({ store, sites: ['news'] as unknown as SiteOptions[] })).toThrow(
      /each site must be an object/,
    );
    expect(() => createStatsHandler({ store, sites: 'a' as unknown as SiteOptions[] })).toThrow(/sites must be a list/);
    expect(() => createStatsHandler({ store, trustedProxies: ['10.0.0.0/33'] })).toThrow(/10\.0\.0\.0\/33/);
    expect(() => createStatsHandler({ store, trustedProxies: '10.0.0.0/8' as unknown as string[] })).toThrow(
      'trustedProxies must be a list of IPs and CIDR ranges, such as ["10.0.0.0/8"], not "10.0.0.0/8"',
    );
    expect(() => createStatsHandler({ store, windowSeconds: 0 })).toThrow(/windowSeconds/);
    expect(() => createStatsHandler({ store, basePath: 'stats' })).toThrow(/basePath/);
    expect(() => createStatsHandler({ store, timeZone: 'Asia/Hanoi' })).toThrow(
      'timeZone "Asia/Hanoi" is not a time zone: give an IANA name such as "Asia/Ho_Chi_Minh", or "UTC"',
    );
    expect(() => createStatsHandler({ store, timeZone: 7 as unknown as string })).toThrow(
      'timeZone 7 is not a time zone',
    );
    expect(() => createStatsHandler({ store, timeZone: 'Asia/Ho_Chi_Minh' })).not.toThrow();
    expect(() => createStatsHandler({ store, sites: [{ id: 'a', maxPaths: 0 }] })).toThrow(/maxPaths/);
    expect(() => createStatsHandler({ store, maxNewPathsPerIp: -1 })).toThrow(/maxNewPathsPerIp/);
    expect(() => createStatsHandler({ store, sites: [{ id: 'a', queryParams: 'p' as unknown as string[] }] })).toThrow(
      /queryParams/,
    );
    expect(() => createStatsHandler({ store, sites: [{ id: 'a', queryParams: ['p', ''] }] })).toThrow(/queryParams/);
    // An origin with a path or a trailing slash would match no browser's Origin: every write refused.
    expect(() => createStatsHandler({ store, sites: [{ id: 'a', origins: ['https://a.example/'] }] })).toThrow(
      'site "a": origin "https://a.example/" is not an origin; write "https://a.example"',
    );
    for (const origin of ['a.example', 'file:///x', '', 42])
      expect(
        () => createStatsHandler({ store, sites: [{ id: 'a', origins: [origin as string] }] }),
        String(origin),
      ).toThrow(/is not an origin/);
    expect(() =>
      createStatsHandler({ store, sites: [{ id: 'a', origins: ['*', 'https://a.example', 'http://127.0.0.1:8080'] }] }),
    ).not.toThrow();
  });
});
