/// <reference types="node" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbortError } from '@portico/core';
import { sourceErrorOf } from '@portico/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchJson, isWebPageAnswer } from './fetch-json.js';

// A local server whose every route misbehaves in one of the ways real CMS hosts do.
let server: Server;
let origin = '';
const hits = new Map<string, number>();
/** Requests to /slow whose client hung up before the answer, by their query string. */
const closedEarly = new Map<string, number>();

const routes: Record<string, (request: IncomingMessage, response: ServerResponse, hit: number) => void> = {
  '/ok': (_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"title":"Thoại Sơn"}'),
  '/html-error-page': (_, response) =>
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><html><head><title>Database Error</title></head><body>…</body></html>'),
  '/truncated': (_, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"articles":[{"id":1,"ti'),
  '/empty': (_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(''),
  '/flaky': (_, response, hit) =>
    hit === 1 ? response.writeHead(500).end('Internal error') : response.writeHead(200).end('[1,2,3]'),
  '/busy': (_, response, hit) =>
    hit === 1 ? response.writeHead(503, { 'retry-after': '0' }).end() : response.writeHead(200).end('{"ok":true}'),
  '/missing': (_, response) =>
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"title":"Resource not found"}]}'),
  '/down': (_, response) => response.writeHead(502).end('Bad gateway'),
  '/no-api-here': (_, response) =>
    response
      .writeHead(404, { 'content-type': 'text/html' })
      .end('<!doctype html><html><head><title>404 Not Found</title></head><body>…</body></html>'),
  '/slow': (request, response) => {
    const query = new URL(request.url ?? '/', 'http://localhost').search;
    request.on('close', () => {
      if (!response.writableEnded) closedEarly.set(query, (closedEarly.get(query) ?? 0) + 1);
    });
    // Answers long after any test here gives up: only a request cut short ends before it.
    const late = setTimeout(() => {
      if (!response.destroyed) response.writeHead(200).end('{"late":true}');
    }, 60_000);
    response.on('close', () => {
      clearTimeout(late);
    });
  },
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const route = routes[path];
    if (route) route(request, response, hit);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  hits.clear();
});

const noWait = { retryDelay: 1, random: () => 0 };

describe('fetchJson against a real server', () => {
  it('parses JSON', async () => {
    const { data, status } = await fetchJson(`${origin}/ok`);
    expect(status).toBe(200);
    expect(data).toEqual({ title: 'Thoại Sơn' });
  });

  it('explains an HTML page where JSON belongs, naming its title', async () => {
    const error = await sourceErrorOf(fetchJson(`${origin}/html-error-page`, { source: 'site' }));
    expect(error).toMatchObject({ code: 'invalid-data', source: 'site', retryable: false });
    expect(error.message).toContain('answered with an HTML page ("Database Error") instead of JSON');
    expect(hits.get('/html-error-page')).toBe(1);
  });

  it('explains truncated JSON and an empty 200', async () => {
    expect((await sourceErrorOf(fetchJson(`${origin}/truncated`))).message).toMatch(/does not parse .* cut short/);
    expect((await sourceErrorOf(fetchJson(`${origin}/empty`))).message).toContain(
      'answered with an empty body instead of JSON',
    );
  });

  it('retries a server error and succeeds', async () => {
    const { data } = await fetchJson(`${origin}/flaky`, noWait);
    expect(data).toEqual([1, 2, 3]);
    expect(hits.get('/flaky')).toBe(2);
  });

  it('honours Retry-After on 503', async () => {
    await expect(fetchJson(`${origin}/busy`, { retryDelay: 60_000 })).resolves.toMatchObject({ data: { ok: true } });
    expect(hits.get('/busy')).toBe(2);
  });

  it('does not retry a 404, and says what the server said', async () => {
    const error = await sourceErrorOf(fetchJson(`${origin}/missing`, noWait));
    expect(error).toMatchObject({ code: 'http', status: 404, retryable: false });
    expect(error.message).toContain('Resource not found');
    expect(hits.get('/missing')).toBe(1);
  });

  it('tells a web server’s error page from the API’s 404, and suggests checking the address', async () => {
    const page = await sourceErrorOf(fetchJson(`${origin}/no-api-here`, noWait));
    expect(page).toMatchObject({ code: 'http', status: 404, retryable: false });
    expect(page.message).toBe(
      `${origin}/no-api-here answered 404 Not Found ("404 Not Found"), a web page rather than the API’s answer: is the address (baseUrl) right, with the API or proxy in place there?`,
    );
    expect(isWebPageAnswer(page)).toBe(true);
    expect(isWebPageAnswer(await sourceErrorOf(fetchJson(`${origin}/missing`, noWait)))).toBe(false);
  });

  it('gives up after its retries on a failing server', async () => {
    const error = await sourceErrorOf(fetchJson(`${origin}/down`, { ...noWait, retries: 2 }));
    expect(error).toMatchObject({ code: 'http', status: 502, retryable: true });
    expect(hits.get('/down')).toBe(3);
  });

  it('times out a slow server, attempt by attempt', async () => {
    const error = await sourceErrorOf(fetchJson(`${origin}/slow?timed-out`, { ...noWait, timeout: 100, retries: 1 }));
    expect(error.code).toBe('timeout');
    expect(hits.get('/slow')).toBe(2);
    // Both attempts hung up before the answer (which comes only after a minute).
    await vi.waitFor(() => {
      expect(closedEarly.get('?timed-out')).toBe(2);
    });
  });

  it('cancels the request when the widget leaves', async () => {
    const controller = new AbortController();
    const request = fetchJson(`${origin}/slow?cancelled`, { signal: controller.signal });
    // The request has reached the server: the abort cuts it short, not before it left.
    await vi.waitFor(() => {
      expect(hits.get('/slow')).toBe(1);
    });
    controller.abort();
    const error: unknown = await request.catch((caught: unknown) => caught);
    expect(isAbortError(error)).toBe(true);
    await vi.waitFor(() => {
      expect(closedEarly.get('?cancelled')).toBe(1);
    });
  });

  it('cancels between attempts too', async () => {
    const controller = new AbortController();
    // Only the wait between attempts listens to the caller's signal itself.
    const listening = vi.spyOn(controller.signal, 'addEventListener');
    const request = fetchJson(`${origin}/down`, { signal: controller.signal, retryDelay: 10_000, random: () => 1 });
    // The first 502 is in, and the 10 s wait before the next attempt has begun.
    await vi.waitFor(() => {
      expect(listening).toHaveBeenCalledWith('abort', expect.any(Function), { once: true });
    });
    expect(hits.get('/down')).toBe(1);
    controller.abort();
    expect(isAbortError(await request.catch((caught: unknown) => caught))).toBe(true);
    expect(hits.get('/down')).toBe(1);
  });

  it('reports an unreachable server as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    const error = await sourceErrorOf(fetchJson(`http://127.0.0.1:${String(port)}/`, { ...noWait, retries: 0 }));
    expect(error.code).toBe('network');
  });
});
