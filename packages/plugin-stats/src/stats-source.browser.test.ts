import { registerSource, type SourceError, type VisitorStats } from '@portico/core';
import { clearCache } from '@portico/plugin-kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stats, type StatsSource } from './stats-source.js';

interface Sent {
  url: string;
  body: string;
  type: string;
}

const started: StatsSource[] = [];
let beacons: Sent[];
let acceptBeacons = true;

async function sendBeacon(url: string, body: Blob): Promise<void> {
  beacons.push({ url, body: await body.text(), type: body.type });
}

function create(options: Partial<Parameters<typeof stats>[0]> = {}): StatsSource {
  const source = stats({
    baseUrl: 'https://stats.example.vn/',
    sendBeacon: (url, body) => {
      if (acceptBeacons) void sendBeacon(url, body);
      return acceptBeacons;
    },
    ...options,
  });
  started.push(source);
  return source;
}

function urlOf(input: string | URL | Request | undefined): string {
  if (input === undefined) return '';
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

function answering(...bodies: unknown[]) {
  const queue = [...bodies];
  return vi.fn((..._request: Parameters<typeof fetch>) => {
    const next = queue.length > 1 ? queue.shift() : queue[0];
    if (next instanceof Error) return Promise.reject(next);
    return Promise.resolve(
      new Response(JSON.stringify(next), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
  });
}

beforeEach(() => {
  beacons = [];
  acceptBeacons = true;
});
afterEach(() => {
  started.splice(0).forEach((source) => {
    source.stop();
  });
  clearCache();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('stats() recording', () => {
  it('records a view of this page as a text/plain beacon', async () => {
    create();
    await vi.waitFor(() => {
      expect(beacons).toHaveLength(1);
    });
    expect(beacons[0]).toMatchObject({ url: 'https://stats.example.vn/v1/hit', type: 'text/plain' });
  });

  it('counts this page by its path and query, without tracking parameters or fragment', async () => {
    const address = location.href;
    history.replaceState(history.state, '', '/tin-t%e1%bb%a9c/?utm_source=zalo&p=123&fbclid=x#comments');
    try {
      create();
    } finally {
      history.replaceState(history.state, '', address);
    }
    await vi.waitFor(() => {
      // The service writes it one way (`/tin-tức/?p=123`): see @portico/stats-server's page paths.
      expect(beacons[0]?.body).toBe(JSON.stringify({ path: '/tin-t%e1%bb%a9c/?p=123' }));
    });
  });

  it('sends hits and heartbeats to the site it names, and reads that site', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const fetch = answering({ guests: 3, members: 0 });
    const source = create({ site: 'tinhuy', heartbeat: 60, fetch });
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => {
      expect(beacons.map((beacon) => beacon.url)).toEqual([
        'https://stats.example.vn/v1/hit?site=tinhuy',
        'https://stats.example.vn/v1/ping?site=tinhuy',
      ]);
    });

    await source.getVisitorStats!();
    await source.getViewStats!({ path: '/a' }).catch(() => undefined);
    expect(fetch.mock.calls.map(([input]) => urlOf(input))).toEqual([
      'https://stats.example.vn/v1/online?site=tinhuy',
      'https://stats.example.vn/v1/views?site=tinhuy&path=%2Fa',
    ]);
  });

  it('says what to do with a baseUrl that carries a query, and refuses a site id the service cannot have', () => {
    expect(() => stats({ baseUrl: 'https://stats.example.vn/?site=tinhuy' })).toThrow(
      'stats({ baseUrl: "https://stats.example.vn/", site: "tinhuy" })',
    );
    expect(() => stats({ baseUrl: 'https://stats.example.vn/stats?x=1' })).toThrow(/baseUrl .* has a query/);
    expect(() => stats({ baseUrl: 'https://stats.example.vn', site: 'tỉnh ủy' })).toThrow(/site "tỉnh ủy"/);
  });

  it('sends the member token the CMS signed, and the path it is given', async () => {
    create({ path: '/tin-tuc/thoai-son', member: 'm.42.abc' });
    await vi.waitFor(() => {
      expect(beacons[0]?.body).toBe('{"path":"/tin-tuc/thoai-son","member":"m.42.abc"}');
    });
  });

  it('falls back to a keepalive fetch with a text/plain body when no beacon is queued', () => {
    acceptBeacons = false;
    const fetch = answering({});
    create({ fetch, path: '/a.html' });
    expect(fetch).toHaveBeenCalledWith('https://stats.example.vn/v1/hit', {
      method: 'POST',
      body: JSON.stringify({ path: '/a.html' }),
      keepalive: true,
      headers: { 'content-type': 'text/plain' },
    });
  });

  it('sends heartbeats while the tab is visible, none while hidden, and one at once when shown again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    create({ heartbeat: 60 });
    await vi.advanceTimersByTimeAsync(120_000);
    await vi.waitFor(() => {
      expect(beacons.map((beacon) => beacon.url.split('/v1/')[1])).toEqual(['hit', 'ping', 'ping']);
    });

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(300_000);
    expect(beacons).toHaveLength(3);

    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => {
      expect(beacons).toHaveLength(4);
    });
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => {
      expect(beacons).toHaveLength(5);
    });
  });

  it('sends no more heartbeats once another source replaces it in the registry', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const sentFrom = (path: string): string[] =>
      beacons
        .filter((beacon) => beacon.body === JSON.stringify({ path }))
        .map((beacon) => beacon.url.split('/v1/')[1] ?? '');
    registerSource('stats-configured-twice', create({ path: '/first', heartbeat: 60 }));
    // The page's configuration applied a second time.
    const unregister = registerSource('stats-configured-twice', create({ path: '/second', heartbeat: 60 }));
    try {
      await vi.advanceTimersByTimeAsync(120_000);
      // The first source's pings, were it still sending, would be in by the time the second's are.
      await vi.waitFor(() => {
        expect(sentFrom('/second')).toEqual(['hit', 'ping', 'ping']);
      });
      expect(sentFrom('/first')).toEqual(['hit']);
    } finally {
      unregister();
    }
  });

  it('keeps the visitor online without counting a view on a page that is not a read', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    create({ countView: false, path: '/cong-tac-dan-van-mat-tran', heartbeat: 60 });
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => {
      expect(beacons.map((beacon) => beacon.url.split('/v1/')[1])).toEqual(['ping', 'ping']);
    });
    expect(beacons[0]?.body).toBe('{"path":"/cong-tac-dan-van-mat-tran"}');
  });

  it('records nothing when asked not to', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const beacon = vi.fn(() => true);
    const fetch = answering({});
    create({ recordHit: false, heartbeat: 60, sendBeacon: beacon, fetch });
    // A source that records, made after it and a heartbeat on: once its hit and ping are in,
    // the first has had every chance to send its own.
    create({ path: '/doi-chung', heartbeat: 60 });
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => {
      expect(beacons.map((sent) => sent.url.split('/v1/')[1])).toEqual(['hit', 'ping']);
    });
    expect(beacon).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('needs a baseUrl', () => {
    expect(() => stats({ baseUrl: '' })).toThrow("stats() needs the stats service's baseUrl");
  });
});

describe('stats() reading', () => {
  it('gives the visitor and view stats, per path too', async () => {
    const fetch = vi.fn((input: string | URL | Request) =>
      Promise.resolve(
        new Response(
          urlOf(input).includes('/v1/online')
            ? '{"guests":69,"members":1,"bots":3,"windowSeconds":300,"asOf":"2026-11-26T10:00:00Z","memberNames":["Thúy Vân"]}'
            : urlOf(input).includes('path=')
              ? '{"total":"18116910","path":"/a","views":"12","asOf":"2026-11-26T10:00:00Z"}'
              : '{"total":"18116910","asOf":"2026-11-26T10:00:00Z"}',
        ),
      ),
    );
    const source = create({ recordHit: false, fetch });
    await expect(source.getVisitorStats!()).resolves.toEqual({
      guests: 69,
      members: 1,
      bots: 3,
      windowSeconds: 300,
      asOf: '2026-11-26T10:00:00Z',
      memberNames: ['Thúy Vân'],
    });
    await expect(source.getViewStats!()).resolves.toEqual({ total: '18116910', asOf: '2026-11-26T10:00:00Z' });
    await expect(source.getViewStats!({ path: '/a' })).resolves.toMatchObject({ path: '/a', views: '12' });
    expect(urlOf(fetch.mock.calls.at(-1)?.[0])).toBe('https://stats.example.vn/v1/views?path=%2Fa');
  });

  it('says to check the service’s origins when a request to it fails as a browser stops a refused one', async () => {
    // What a browser makes of a cross-origin answer without the CORS header it needs.
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const source = create({ recordHit: false, fetch });
    const failed = source.getVisitorStats!().then(
      () => undefined,
      (caught: unknown) => caught as SourceError,
    );
    // Past its retries.
    await vi.advanceTimersByTimeAsync(60_000);
    const error = (await failed)!;
    expect(error).toMatchObject({ code: 'network' });
    expect(error.message).toBe(
      'Could not reach https://stats.example.vn/v1/online: Failed to fetch. If the stats service is running, ' +
        `check that it lists this page's origin, ${location.origin}, in its --origin (PORTICO_STATS_ORIGINS).`,
    );
  });

  it('asks for a page as it is counted', async () => {
    const fetch = answering({ total: '7', path: '/?p=12', views: '2' });
    const source = create({ recordHit: false, fetch });
    await source.getViewStats!({ path: '/?utm_source=zalo&p=12#top' });
    expect(urlOf(fetch.mock.calls.at(-1)?.[0])).toBe('https://stats.example.vn/v1/views?path=%2F%3Fp%3D12');
  });

  it('follows the visitor stats live, through a failure, to recovery', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const fetch = answering(
      { guests: 69, members: 0 },
      new TypeError('Failed to fetch'),
      new TypeError('Failed to fetch'),
      new TypeError('Failed to fetch'),
      { guests: 70, members: 0 },
    );
    const source = create({ recordHit: false, fetch });
    const seen: string[] = [];
    source.subscribeVisitorStats!(
      {
        next: (value: VisitorStats) => seen.push(String(value.guests)),
        error: (error: SourceError) => seen.push(error.code),
      },
      { interval: 30_000 },
    );
    await vi.waitFor(() => {
      expect(seen).toEqual(['69']);
    });
    // The poll after 30 s fails three times (the first try and two retries, with up to
    // 1.2 s of backoff between them) before the feed reports it.
    await vi.advanceTimersByTimeAsync(30_000);
    for (let step = 0; step < 20 && seen.length < 2; step += 1) await vi.advanceTimersByTimeAsync(500);
    expect(seen).toEqual(['69', 'network']);
    // After a failure the feed waits twice the interval, sparing a service that is down.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(seen).toEqual(['69', 'network']);
    await vi.advanceTimersByTimeAsync(30_000);
    for (let step = 0; step < 20 && seen.length < 3; step += 1) await vi.advanceTimersByTimeAsync(500);
    expect(seen).toEqual(['69', 'network', '70']);
  });
});
