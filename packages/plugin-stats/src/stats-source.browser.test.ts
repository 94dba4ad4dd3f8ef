import type { SourceError, VisitorStats } from '@portico/core';
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
    expect(beacons[0]).toEqual({
      url: 'https://stats.example.vn/v1/hit',
      body: JSON.stringify({ path: location.pathname }),
      type: 'text/plain',
    });
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
    create({ fetch });
    expect(fetch).toHaveBeenCalledWith('https://stats.example.vn/v1/hit', {
      method: 'POST',
      body: JSON.stringify({ path: location.pathname }),
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
    await vi.advanceTimersByTimeAsync(30_000);
    for (let step = 0; step < 20 && seen.length < 3; step += 1) await vi.advanceTimersByTimeAsync(500);
    expect(seen).toEqual(['69', 'network', '70']);
  });
});
