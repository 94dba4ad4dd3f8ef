/// <reference types="node" />
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sourceErrorOf } from '@portico/core/testing';
import { clearCache } from '@portico/plugin-kit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import categories from './fixtures/categories.json' with { type: 'json' };
import critical from './fixtures/error-critical.json' with { type: 'json' };
import indexPostViewsCounter from './fixtures/index-post-views-counter.json' with { type: 'json' };
import cannotView from './fixtures/menu-items-cannot-view.json' with { type: 'json' };
import post from './fixtures/post.json' with { type: 'json' };
import posts from './fixtures/posts.json' with { type: 'json' };
import pvcCount from './fixtures/post-views-counter-get-post-views.json' with { type: 'json' };
import { collectionRoute, fakeWordPress, type FakeRoute, type FakeWordPress } from './test-support/fake-wordpress.js';
import { wordpress, type WordPressSourceOptions } from './wordpress-source.js';

/**
 * A local HTTP server playing a WordPress site: the fixtures' answers with WordPress's
 * headers (paging, CORS), in both permalink forms, and whatever a test makes it do wrong.
 */
let server: Server;
let origin = '';
let wp: FakeWordPress;
/** Replaces the fake site's answer for a route, by request, for failures a fixture cannot show. */
let override: ((route: string, attempt: number) => 'reset' | 'cut' | 'hang' | undefined) | undefined;
const attempts = new Map<string, number>();
const requestHeaders: IncomingHttpHeaders[] = [];
const closedEarly: string[] = [];

function site(routes: Record<string, FakeRoute> = {}): FakeWordPress {
  return fakeWordPress({
    '': { json: indexPostViewsCounter },
    'wp/v2/posts': collectionRoute(posts),
    'wp/v2/posts/1207': { json: post },
    'wp/v2/categories': collectionRoute(categories),
    'wp/v2/menu-items': { status: 401, json: cannotView },
    'post-views-counter/get-post-views/1207': { json: pvcCount },
    'post-views-counter/get-post-views/1180': { json: 43 },
    ...routes,
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const { route, answer } = wp.answer(`${origin}${request.url ?? '/'}`);
    const attempt = (attempts.get(route) ?? 0) + 1;
    attempts.set(route, attempt);
    requestHeaders.push(request.headers);
    response.on('close', () => {
      if (!response.writableFinished) closedEarly.push(route);
    });
    const trouble = override?.(route, attempt);
    if (trouble === 'reset') {
      request.socket.destroy();
      return;
    }
    if (trouble === 'hang') return;
    const body = answer.text ?? JSON.stringify(answer.json);
    const headers = {
      'Content-Type': 'application/json; charset=UTF-8',
      // What WordPress sends every REST answer (rest_send_cors_headers, serve_request).
      'Access-Control-Allow-Origin': request.headers.origin ?? '*',
      'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
      'Access-Control-Allow-Headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
      ...answer.headers,
    };
    const timer = setTimeout(() => {
      if (response.destroyed) return;
      if (trouble === 'cut') {
        // Promises the whole body, sends the headers and half of it, and hangs up once they are out.
        response.writeHead(200, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
        response.write(body.slice(0, Math.floor(body.length / 2)), () => {
          response.destroy();
        });
        return;
      }
      response.writeHead(answer.status ?? 200, headers).end(body);
    }, answer.delay ?? 0);
    response.on('close', () => {
      clearTimeout(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(() => {
  server.close();
});

beforeEach(() => {
  wp = site();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  override = undefined;
  attempts.clear();
  requestHeaders.length = 0;
  closedEarly.length = 0;
  clearCache();
});

function source(options: Partial<WordPressSourceOptions> = {}) {
  return wordpress({ baseUrl: `${origin}/wp-json`, retryDelay: 10, ...options });
}

describe('wordpress() against a local WordPress-like server', () => {
  it('reads posts, categories and view counts over HTTP with WordPress’s paging headers', async () => {
    const site = source({ pageSize: 1 });
    const page = await site.listArticles!({});
    expect(page).toMatchObject({ page: 1, pageSize: 1, total: 2, hasMore: true });
    expect(page.items[0]).toMatchObject({ id: '1207', authors: ['Thúy Vân'], categoryId: '4', views: 2748 });
    expect((await site.getCategories!()).map((category) => category.id)).toEqual(['4', '6', '5']);
  });

  it('sends simple GETs only, so a cross-origin page needs no preflight and no credentials', async () => {
    await source().getArticle!('1207');
    expect(requestHeaders.length).toBeGreaterThan(0);
    for (const headers of requestHeaders) {
      expect(headers.accept).toBe('application/json');
      expect(headers).not.toHaveProperty('authorization');
      expect(headers).not.toHaveProperty('x-wp-nonce');
      expect(headers).not.toHaveProperty('content-type');
      expect(headers).not.toHaveProperty('cookie');
    }
  });

  it('serves a site without pretty permalinks through ?rest_route=', async () => {
    const plain = wordpress({ baseUrl: `${origin}/?rest_route=` });
    await expect(plain.getArticle!('1207')).resolves.toMatchObject({ id: '1207', views: 2748 });
    expect([...attempts.keys()].sort()).toEqual(['', 'post-views-counter/get-post-views/1207', 'wp/v2/posts/1207']);
  });

  it('makes one request for ten widgets at once, however many sources ask', async () => {
    wp = site({ 'wp/v2/categories': (query) => ({ ...collectionRoute(categories)(query), delay: 30 }) });
    const sources = [source(), source(), source()];
    const trees = await Promise.all(Array.from({ length: 10 }, (_, index) => sources[index % 3]!.getCategories!()));
    expect(new Set(trees.map((tree) => tree.length))).toEqual(new Set([3]));
    expect(attempts.get('wp/v2/categories')).toBe(1);
  });

  it('falls back from a private menu to the categories over HTTP', async () => {
    const tree = await source({ menu: 2 }).getCategories!();
    expect(tree.map((category) => category.id)).toEqual(['4', '6', '5']);
    expect(attempts.get('wp/v2/menu-items')).toBe(1);
    expect(console.warn).toHaveBeenCalledTimes(1);
  });
});

describe('wordpress() on slow and failing servers', () => {
  it('gives up on a slow server after its timeout and retries, as a retryable timeout', async () => {
    // It would answer only after a minute: nothing but the timeout can end the request sooner.
    wp = site({ 'wp/v2/posts/1207': { json: post, delay: 60_000 } });
    const error = await sourceErrorOf(source({ timeout: 100, retries: 1, views: 'none' }).getArticle!('1207'));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toContain('within 100 ms');
    expect(attempts.get('wp/v2/posts/1207')).toBe(2);
    // Both attempts hung up on the server before its answer.
    await vi.waitFor(() => {
      expect(closedEarly).toEqual(['wp/v2/posts/1207', 'wp/v2/posts/1207']);
    });
  });

  it('retries a server that fails for a moment and then answers', async () => {
    override = (route, attempt) => (route === 'wp/v2/categories' && attempt === 1 ? 'reset' : undefined);
    wp = site({
      'wp/v2/categories': (query) =>
        (attempts.get('wp/v2/categories') ?? 0) < 3
          ? {
              status: 503,
              json: { code: 'service_unavailable', message: 'Quá tải, thử lại sau.', data: { status: 503 } },
            }
          : collectionRoute(categories)(query),
    });
    const tree = await source({ retries: 3 }).getCategories!();
    expect(tree).toHaveLength(3);
    expect(attempts.get('wp/v2/categories')).toBe(4);
  });

  it('reports a server that keeps failing with WordPress’s own message, after its retries', async () => {
    wp = site({ 'wp/v2/posts/1207': { status: 500, json: critical } });
    const error = await sourceErrorOf(source({ retries: 2 }).getArticle!('1207'));
    expect(error).toMatchObject({ code: 'http', status: 500 });
    expect(error.message).toContain('(internal_server_error): <p>There has been a critical error on this website.</p>');
    expect(attempts.get('wp/v2/posts/1207')).toBe(3);
  });

  it('reports a dropped connection, and an answer cut off halfway, as retryable network failures', async () => {
    override = (route) => (route === 'wp/v2/categories' ? 'reset' : undefined);
    expect(await sourceErrorOf(source({ retries: 1 }).getCategories!())).toMatchObject({
      code: 'network',
      retryable: true,
    });
    expect(attempts.get('wp/v2/categories')).toBe(2);
    clearCache();
    attempts.clear();
    override = (route) => (route === 'wp/v2/categories' ? 'cut' : undefined);
    const cut = await sourceErrorOf(source({ retries: 0 }).getCategories!());
    // The headers and half the body arrived; fetch reads the rest as a connection lost, not as JSON.
    expect(cut).toMatchObject({ code: 'network', retryable: true });
    expect(cut.message).toMatch(/: terminated\.$/);
    expect(attempts.get('wp/v2/categories')).toBe(1);
  });

  it('explains an HTML error page, a 200 with an empty body, and wrong types', async () => {
    wp = site({
      'wp/v2/posts/1207': {
        status: 200,
        text: '<!DOCTYPE html><html lang="vi"><head><title>Trang không tồn tại</title></head><body></body></html>',
        headers: { 'Content-Type': 'text/html; charset=UTF-8' },
      },
      'wp/v2/categories': { text: '' },
      'wp/v2/menu-items': { json: [{ ...structuredClone(post), title: 'Trang chủ' }] },
    });
    const html = await sourceErrorOf(source({ views: 'none' }).getArticle!('1207'));
    expect(html.message).toContain('answered with an HTML page ("Trang không tồn tại") instead of JSON');
    expect((await sourceErrorOf(source().getCategories!())).message).toContain(
      'answered with an empty body instead of JSON',
    );
    expect((await sourceErrorOf(source({ menu: 2 }).getCategories!())).message).toBe(
      'wp/v2/menu-items[0].title must be an object, got the text "Trang chủ".',
    );
  });

  it('stops a request under way when the widget leaves the page', async () => {
    override = (route) => (route === 'wp/v2/posts/1207' ? 'hang' : undefined);
    const controller = new AbortController();
    const pending = source({ views: 'none' }).getArticle!('1207', { signal: controller.signal });
    await vi.waitFor(() => {
      expect(attempts.get('wp/v2/posts/1207')).toBe(1);
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    // The connection is closed too, not left to finish in the background.
    await vi.waitFor(() => {
      expect(closedEarly).toContain('wp/v2/posts/1207');
    });
  });
});
