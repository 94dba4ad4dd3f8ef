/**
 * A WordPress REST API made of fixtures, for tests: the same route table answers an injected
 * `fetch` (tests that run in Node and Chromium) and a local HTTP server (Node tests). It
 * pages, filters and fails the way WordPress does, with WordPress's headers and error bodies.
 */
import noRoute from '../fixtures/error-no-route.json' with { type: 'json' };
import invalidPage from '../fixtures/error-invalid-page-number.json' with { type: 'json' };

export interface FakeAnswer {
  status?: number;
  /** JSON to send, or `text` for a raw body (an HTML page, a cut answer). */
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Milliseconds before the answer. */
  delay?: number;
}

export type FakeRoute = FakeAnswer | ((query: URLSearchParams, route: string) => FakeAnswer);

export interface FakeWordPress {
  /** A `fetch` that answers from the routes. */
  fetch: typeof fetch;
  /** Every address asked for, in order. */
  requests: string[];
  /** How many requests named `route` (`wp/v2/posts`). */
  count(route: string): number;
  /** The answer to an address, for a server to write. */
  answer(url: string): { route: string; answer: FakeAnswer };
}

/** The route and query of an address in either permalink form. */
export function parseRestAddress(url: string): { route: string; query: URLSearchParams } {
  const address = new URL(url);
  const query = new URLSearchParams(address.search);
  const queryRoute = query.get('rest_route');
  query.delete('rest_route');
  const route = queryRoute ?? address.pathname.replace(/^.*?\/wp-json\/?/, '');
  return { route: route.replace(/^\/+|\/+$/g, ''), query };
}

/** Reads like WordPress's collection routes: `per_page` and `page`, with its paging headers. */
export function pagedList(items: readonly unknown[], query: URLSearchParams, defaultPerPage = 10): FakeAnswer {
  const perPage = Number(query.get('per_page') ?? defaultPerPage);
  const page = Number(query.get('page') ?? 1);
  const totalPages = Math.ceil(items.length / perPage);
  const headers = { 'X-WP-Total': String(items.length), 'X-WP-TotalPages': String(totalPages) };
  if (page > totalPages && items.length > 0) return { status: 400, json: invalidPage, headers };
  return { json: items.slice((page - 1) * perPage, page * perPage), headers };
}

export function fakeWordPress(routes: Record<string, FakeRoute>): FakeWordPress {
  const requests: string[] = [];
  function answer(url: string): { route: string; answer: FakeAnswer } {
    const { route, query } = parseRestAddress(url);
    const handler = routes[route];
    if (handler === undefined) return { route, answer: { status: 404, json: noRoute } };
    return { route, answer: typeof handler === 'function' ? handler(query, route) : handler };
  }
  return {
    requests,
    count: (route) => requests.filter((url) => parseRestAddress(url).route === route).length,
    answer,
    async fetch(input, init) {
      const url = input instanceof Request ? input.url : String(input);
      requests.push(url);
      const { answer: reply } = answer(url);
      const signal = init?.signal;
      if (reply.delay) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, reply.delay);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(signal.reason as Error);
          });
        });
      }
      signal?.throwIfAborted();
      const body = reply.text ?? JSON.stringify(reply.json);
      return new Response(body, {
        status: reply.status ?? 200,
        headers: { 'Content-Type': 'application/json; charset=UTF-8', ...reply.headers },
      });
    },
  };
}

/** Keeps the top-level fields `_fields` names, as WordPress does. */
function onlyFields(item: unknown, fields: string | null): unknown {
  if (fields === null || typeof item !== 'object' || item === null) return item;
  const wanted = new Set(fields.split(','));
  return Object.fromEntries(Object.entries(item).filter(([name]) => wanted.has(name)));
}

/**
 * A collection route (`wp/v2/posts`, `wp/v2/categories`) over `posts`: `slug`, `categories`,
 * `_fields` and paging, as WordPress
 * answers them (given newest first, as `orderby=date&order=desc` asks).
 */
export function collectionRoute(posts: readonly Record<string, unknown>[]): (query: URLSearchParams) => FakeAnswer {
  return (query) => {
    const slug = query.get('slug');
    const categories = query.get('categories')?.split(',').map(Number);
    const matching = posts.filter(
      (post) =>
        (slug === null || post.slug === slug) &&
        (categories === undefined || (post.categories as number[]).some((id) => categories.includes(id))),
    );
    return pagedList(
      matching.map((post) => onlyFields(post, query.get('_fields'))),
      query,
    );
  };
}

/** `count` sample posts made from `template` (ids from 2001, one a day back from 2020-08-24). */
export function samplePosts(template: Record<string, unknown>, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => {
    const id = 2001 + index;
    const day = new Date(Date.UTC(2020, 7, 24 - index, 2)).toISOString().slice(0, 19);
    return {
      ...structuredClone(template),
      id,
      slug: `bai-mau-so-${String(id)}`,
      link: `https://example.vn/bai-mau-so-${String(id)}/`,
      date: day,
      date_gmt: day,
      title: { rendered: `Bài mẫu số ${String(id)}` },
    };
  });
}

/** `count` sample top-level categories named `Chuyên mục mẫu <n>`, ids from 101. */
export function sampleCategories(template: Record<string, unknown>, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({
    ...structuredClone(template),
    id: 101 + index,
    name: `Chuyên mục mẫu ${String(101 + index)}`,
    slug: `chuyen-muc-mau-${String(101 + index)}`,
    link: `https://example.vn/category/chuyen-muc-mau-${String(101 + index)}/`,
    parent: 0,
    count: 0,
  }));
}
