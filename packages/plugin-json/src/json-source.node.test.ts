/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VisitorStats } from '@portico/core';
import { clearCache } from '@portico/plugin-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import { json } from './json-source.js';

let server: Server;
let origin = '';
const requests = new Map<string, number>();
let guests = 69;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    if (path === '/portal.json') {
      // A little slow, so concurrent widgets really overlap.
      setTimeout(() => {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ...seed, visitorStats: { guests, members: 0 } }));
      }, 30);
    } else if (path === '/login.json') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><head><title>Đăng nhập</title></head></html>');
    } else if (path === '/wrong-types.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          categories: [{ id: 1, title: null, url: '/x' }],
          visitorStats: { guests: '12', members: 0 },
        }),
      );
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(() => {
  server.close();
});

afterEach(() => {
  requests.clear();
  clearCache();
});

describe('json() with a url', () => {
  it('makes one request for ten widgets asking for the categories at once', async () => {
    const sources = [json({ url: `${origin}/portal.json` }), json({ url: `${origin}/portal.json` })];
    const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => sources[index % 2]!.getCategories!()));
    expect(answers.every((categories) => categories.length === 3)).toBe(true);
    expect(requests.get('/portal.json')).toBe(1);
  });

  it('follows live visitor stats by re-reading the document, one request per interval for all widgets', async () => {
    const source = json({ url: `${origin}/portal.json` });
    const seen: number[][] = [[], []];
    const stops = [0, 1].map((index) =>
      source.subscribeVisitorStats!(
        {
          next: (stats: VisitorStats) => {
            seen[index]!.push(stats.guests);
          },
        },
        { interval: 5000 },
      ),
    );
    await expect.poll(() => seen[1]!.length).toBe(1);
    expect(requests.get('/portal.json')).toBe(1);
    guests = 70;
    await expect.poll(() => seen[0]!.at(-1), { timeout: 8000, interval: 200 }).toBe(70);
    expect(requests.get('/portal.json')).toBe(2);
    stops.forEach((stop) => {
      stop();
    });
  }, 15_000);

  it('explains a login page where the document belongs, and names a field of the wrong type', async () => {
    await expect(json({ url: `${origin}/login.json` }).getCategories!()).rejects.toThrow(
      'answered with an HTML page ("Đăng nhập") instead of JSON',
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const wrongTypes = json({ url: `${origin}/wrong-types.json` });
      await expect(wrongTypes.getCategories!()).rejects.toThrow(
        `In ${origin}/wrong-types.json: categories[0].title must be a string, got null.`,
      );
      // The rest of the document still serves its widgets.
      await expect(wrongTypes.getVisitorStats!()).resolves.toEqual({ guests: 12, members: 0 });
    } finally {
      warn.mockRestore();
    }
  });
});
