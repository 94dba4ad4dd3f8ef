/// <reference types="node" />
/* eslint-disable @typescript-eslint/no-non-null-assertion -- a test suite, like the *.test.ts files the rule is off for */
// What both proxies (Node's `createJoomlaProxy` and `php/portico-joomla-proxy.php`) must do,
// run against each by proxy.node.test.ts and php-proxy.node.test.ts.
import { clearCache } from '@portico/plugin-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import seed from '../../../../fixtures/seed-portal.json' with { type: 'json' };
import site from '../fixtures/joomla-site.json' with { type: 'json' };
import { joomla } from '../index.js';
import { startFakeJoomla, type FakeJoomla, type SeenRequest } from './fake-joomla.js';
import { FORBIDDEN, INTERNAL_ERROR, type JoomlaSite, type Row } from './joomla-api.js';

export const TOKEN = 'c2hhMjU2OjQyOjdmM2Q5YjFlNWE4YzRkNmUyZjBhOWI4YzdkNmU1ZjRhM2IyYzFkMGU5ZjhhN2I2YzVkNGUzZjJhMWIw';
export const database = site as unknown as JoomlaSite;

export interface ProxySettings {
  joomlaUrl: string;
  cacheSeconds: number;
  timeoutSeconds: number;
  allowedOrigins?: string[] | undefined;
}

export interface RunningProxy {
  /** Where it mirrors Joomla's API: `http://127.0.0.1:1234/portico-proxy`. */
  base: string;
  /** Everything it logged so far. */
  logs(): string;
  close(): Promise<void>;
}

export interface ProxyUnderTest {
  name: string;
  start(settings: ProxySettings): Promise<RunningProxy>;
}

interface SeenAnswer {
  status: number;
  headers: Headers;
  body: string;
}

export const REFUSED_ROUTES = [
  '/v1/users',
  '/v1/users/42',
  '/v1/config/application',
  '/v1/content/articles/abc',
  '/v1/content/articles/27/',
  '/v1/content/articles/27/extra',
  '/v1/content/articles%2F27',
  '/v1/content/categories/8',
  '/v1/menus/administrator/items',
  '/v1/menus/site',
  '/v1/banners/clients',
  '/v1/banners/contenthistory/1',
  '/v1/plugins',
  '/v1/extensions',
  '/v2/content/articles',
  '/api/index.php/v1/users',
  '/',
  '',
];

/** Joomla's way of writing a time (UTC): `2020-08-25 03:00:00`. */
function joomlaTime(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 19).replace('T', ' ');
}

/** A published, public article row like the fixture's, with other values. */
function articleRow(id: number, values: Row): Row {
  const model = database.articles.find((row) => row.id === 101);
  return { ...model, id, alias: `bai-thu-${String(id)}`, title: `Bài thử ${String(id)} (mẫu)`, ...values };
}

/**
 * The fixture's site and more: articles in hidden categories (unpublished 12; 14 under it;
 * registered-only 13; 16 under 13; trashed 15, which Joomla's category list leaves out),
 * articles whose window is written as Joomla 3's zero date or as empty text, and 150 more
 * categories, so the public ones take two pages of Joomla's category list.
 */
export const HIDDEN_CATEGORIES_SITE: JoomlaSite = {
  ...database,
  categories: [
    ...database.categories,
    {
      ...database.categories.find((row) => row.id === 11),
      id: 16,
      alias: 'con-noi-bo',
      parent_id: 13,
      lft: 20,
      rgt: 21,
    },
    ...Array.from({ length: 150 }, (_, index) => ({
      ...database.categories.find((row) => row.id === 9),
      id: 1000 + index,
      alias: `muc-${String(1000 + index)}`,
      lft: 100 + 2 * index,
      rgt: 101 + 2 * index,
    })),
  ],
  articles: [
    ...database.articles,
    articleRow(901, { catid: 12 }),
    articleRow(902, { catid: 14 }),
    articleRow(903, { catid: 13 }),
    articleRow(904, { catid: 15 }),
    articleRow(907, { catid: 16 }),
    articleRow(905, { catid: 9, publish_up: '0000-00-00 00:00:00', publish_down: '0000-00-00 00:00:00' }),
    articleRow(906, { catid: 9, publish_up: '', publish_down: '' }),
    articleRow(908, { catid: 1149 }),
  ],
};
/** Articles of HIDDEN_CATEGORIES_SITE the public must not see: scheduled (2099), expired, in hidden categories. */
export const HIDDEN_ARTICLES = ['131', '132', '901', '902', '903', '904', '907'];
export const SHOWN_ARTICLES = ['27', '905', '906', '908'];

function isArticleRequest(request: SeenRequest): boolean {
  return request.parsed.pathname.includes('/v1/content/articles');
}

function isCategoryListRequest(request: SeenRequest): boolean {
  return request.parsed.pathname.endsWith('/v1/content/categories');
}

export function proxyContract(proxy: ProxyUnderTest): void {
  describe(`${proxy.name}: the proxy contract`, () => {
    let fake: FakeJoomla;
    let main: RunningProxy;
    const answers: SeenAnswer[] = [];
    const started: RunningProxy[] = [];

    async function ask(url: string, init?: RequestInit): Promise<SeenAnswer & { json: () => unknown }> {
      const response = await fetch(url, init);
      const seen = { status: response.status, headers: response.headers, body: await response.text() };
      answers.push(seen);
      return { ...seen, json: () => JSON.parse(seen.body) as unknown };
    }

    async function another(settings: Partial<ProxySettings>): Promise<RunningProxy> {
      const running = await proxy.start({ joomlaUrl: fake.origin, cacheSeconds: 60, timeoutSeconds: 1, ...settings });
      started.push(running);
      return running;
    }

    beforeAll(async () => {
      fake = await startFakeJoomla(database, TOKEN);
      main = await another({});
    });

    afterEach(() => {
      fake.override = undefined;
      fake.delay = 0;
      fake.requests.length = 0;
      clearCache();
    });

    afterAll(async () => {
      await Promise.all(started.map((running) => running.close()));
      await fake.close();
    });

    it('forwards the widgets’ routes with the token and passes on JSON:API without Joomla’s cookies and headers', async () => {
      const answer = await ask(`${main.base}/v1/content/articles?page[limit]=3`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/vnd.api+json; charset=utf-8');
      // The answer's remaining freshness: 60 s, or 59 when the cached copy turned a second old.
      expect(answer.headers.get('cache-control')).toMatch(/^public, max-age=(59|60)$/);
      for (const header of ['set-cookie', 'x-frame-options', 'x-powered-by'])
        expect(answer.headers.get(header)).toBeNull();
      const [upstream] = fake.apiRequests().filter(isArticleRequest);
      expect(upstream?.parsed.pathname).toBe('/api/index.php/v1/content/articles');
      expect(upstream?.headers['x-joomla-token']).toBe(TOKEN);
      expect(upstream?.headers.accept).toBe('application/vnd.api+json');
      expect(upstream?.headers.cookie).toBeUndefined();
      expect(Object.fromEntries(upstream!.parsed.searchParams)).toEqual({ 'filter[state]': '1', 'page[limit]': '3' });
      const document = answer.json() as { data: { id: string }[]; links: Record<string, string>; meta: unknown };
      // Joomla's newest three are 133, 132 (expired) and 131 (scheduled): the page keeps one,
      // and Joomla's page count and links stay as they are.
      expect(document.data.map((article) => article.id)).toEqual(['133']);
      // Joomla's own address stays inside: the links keep the query only.
      expect(document.links.next).toBe('?filter%5Bstate%5D=1&page%5Boffset%5D=3&page%5Blimit%5D=3');
      expect(answer.body).not.toContain(fake.origin);
      expect(document.meta).toEqual({ 'total-pages': 9 });
      for (const path of [
        '/v1/content/articles/27',
        '/v1/content/categories',
        '/v1/menus/site/items?filter[menutype]=mainmenu',
        '/v1/banners',
        '/v1/banners/1',
        '/v1/banners/categories',
      ]) {
        expect((await ask(`${main.base}${path}`)).status, path).toBe(200);
      }
    });

    it('refuses every route it does not allow with 404, without asking Joomla', async () => {
      for (const path of REFUSED_ROUTES) {
        const answer = await ask(`${main.base}${path}`);
        expect(answer.status, path).toBe(404);
        expect(answer.json(), path).toEqual({ errors: [{ title: 'Resource not found' }] });
      }
      expect(fake.apiRequests()).toEqual([]);
    });

    it('refuses every other method on its routes with 405, without asking Joomla', async () => {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        for (const path of ['/v1/content/articles', '/v1/banners/1']) {
          const answer = await ask(`${main.base}${path}`, {
            method,
            body: method === 'POST' || method === 'PATCH' ? JSON.stringify({ title: 'x', state: 1 }) : null,
          });
          expect(answer.status, `${method} ${path}`).toBe(405);
          expect(answer.headers.get('allow')).toBe('GET, HEAD');
        }
      }
      expect(fake.apiRequests()).toEqual([]);
    });

    it('answers HEAD like GET, without a body', async () => {
      const answer = await ask(`${main.base}/v1/content/categories`, { method: 'HEAD' });
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('');
      expect(Number(answer.headers.get('content-length'))).toBeGreaterThan(100);
    });

    it('passes only the query parameters the widgets use, always filter[state]=1, and refuses bad values', async () => {
      const answer = await ask(
        `${main.base}/v1/content/articles?filter[state]=0&filter[search]=x&filter[author]=42&list[fullordering]=a.id&page[limit]=5&page[offset]=5&list[ordering]=a.hits&list[direction]=desc&filter[category]=9`,
      );
      expect(answer.status).toBe(200);
      expect(fake.apiRequests().find(isArticleRequest)?.parsed.search).toBe(
        '?filter[state]=1&filter[category]=9&list[ordering]=a.hits&list[direction]=desc&page[offset]=5&page[limit]=5',
      );
      for (const bad of [
        'page[limit]=1000',
        'page[offset]=-1',
        'list[ordering]=a.id;DROP',
        'filter[category]=8 OR 1=1',
        'filter[language]=<x>',
        // A final line break, which PHP's `$` lets through unless patterns end at the very end.
        'filter[category]=8%0A',
        'list[ordering]=a.id%0A',
        'page[limit]=5%0A',
      ]) {
        const refused = await ask(`${main.base}/v1/content/articles?${bad}`);
        expect(refused.status, bad).toBe(400);
        expect((refused.json() as { errors: { title: string }[] }).errors[0]?.title).toMatch(/^Bad request: /);
      }
      expect(fake.apiRequests().filter(isArticleRequest)).toHaveLength(1);
    });

    it('lets through only published, public items, with only the fields the widgets use', async () => {
      const articles = (await ask(`${main.base}/v1/content/articles?page[limit]=100&filter[state]=0`)).json() as {
        data: { id: string; attributes: Record<string, unknown>; relationships?: Record<string, unknown> }[];
      };
      const ids = articles.data.map((article) => article.id);
      expect(ids).toContain('27');
      for (const hidden of ['103', '107', '111', '130']) expect(ids).not.toContain(hidden);
      const [first] = articles.data;
      for (const field of ['note', 'created_by', 'asset_id', 'metakey', 'urls', 'version'])
        expect(first?.attributes).not.toHaveProperty(field);
      expect(Object.keys(first?.relationships ?? {})).toEqual(['category']);
      expect(Object.keys(first?.attributes.images as object).sort()).toEqual([
        'image_fulltext',
        'image_fulltext_alt',
        'image_intro',
        'image_intro_alt',
      ]);
      for (const hidden of ['103', '130'])
        expect((await ask(`${main.base}/v1/content/articles/${hidden}`)).status, hidden).toBe(404);
      const categories = (await ask(`${main.base}/v1/content/categories`)).json() as {
        data: { id: string; attributes: object }[];
      };
      expect(categories.data.map((category) => category.id)).toEqual(['8', '11', '9', '10', '14']);
      expect(categories.data[0]?.attributes).not.toHaveProperty('author_name');
      const banners = (await ask(`${main.base}/v1/banners`)).json() as { data: { id: string; attributes: object }[] };
      expect(banners.data.map((banner) => banner.id)).not.toContain('5');
      expect(banners.data[0]?.attributes).not.toHaveProperty('clicks');
      expect(banners.data[0]?.attributes).not.toHaveProperty('client_name');
      const banner = (await ask(`${main.base}/v1/banners/3`)).json() as {
        data: { attributes: Record<string, unknown> };
      };
      expect(banner.data.attributes.custombannercode).toBe('<a href="{CLICKURL}" class="mau">{NAME}</a>');
      expect(banner.data.attributes).not.toHaveProperty('cid');
      expect((await ask(`${main.base}/v1/banners/5`)).status).toBe(404);
    });

    it('treats an article outside its publishing window, or in a hidden category, as missing, alone and in lists', async () => {
      const hidden = await startFakeJoomla(HIDDEN_CATEGORIES_SITE, TOKEN);
      try {
        const proxied = await another({ joomlaUrl: hidden.origin });
        const missing = await ask(`${proxied.base}/v1/content/articles/90001`);
        expect(missing.status).toBe(404);
        // The same answer as for an article that does not exist: nothing tells that it does.
        for (const id of HIDDEN_ARTICLES) {
          const answer = await ask(`${proxied.base}/v1/content/articles/${id}`);
          expect(answer.status, id).toBe(404);
          expect(answer.body, id).toBe(missing.body);
          for (const header of ['content-type', 'content-length', 'cache-control', 'retry-after'])
            expect(answer.headers.get(header), `${id}: ${header}`).toBe(missing.headers.get(header));
        }
        for (const id of SHOWN_ARTICLES)
          expect((await ask(`${proxied.base}/v1/content/articles/${id}`)).status, id).toBe(200);
        const listed = (await ask(`${proxied.base}/v1/content/articles?page[limit]=100`)).json() as {
          data: { id: string }[];
        };
        const ids = listed.data.map((article) => article.id);
        for (const id of SHOWN_ARTICLES) expect(ids, id).toContain(id);
        for (const id of HIDDEN_ARTICLES) expect(ids, id).not.toContain(id);
        const inHidden = (await ask(`${proxied.base}/v1/content/articles?filter[category]=12`)).json() as {
          data: unknown[];
        };
        expect(inHidden.data).toEqual([]);
      } finally {
        await hidden.close();
      }
    });

    it('builds the set of shown categories once for many article requests, even with cacheSeconds 0', async () => {
      // 150 more categories: Joomla's category list takes two pages of 100.
      const hidden = await startFakeJoomla(HIDDEN_CATEGORIES_SITE, TOKEN);
      try {
        const uncached = await another({ joomlaUrl: hidden.origin, cacheSeconds: 0 });
        const article = (id: string) => ask(`${uncached.base}/v1/content/articles/${id}`);
        // A category list that could not be read is not remembered: the next request reads it again.
        hidden.override = (request) =>
          isCategoryListRequest(request) ? { status: 500, body: JSON.stringify(INTERNAL_ERROR) } : undefined;
        expect((await article('27')).status).toBe(502);
        hidden.override = undefined;
        hidden.requests.length = 0;
        // A burst of page views at once, then more one by one, of shown and hidden articles and lists.
        const burst = await Promise.all(SHOWN_ARTICLES.map((id) => article(id)));
        expect(burst.map((answer) => answer.status)).toEqual(SHOWN_ARTICLES.map(() => 200));
        for (const id of HIDDEN_ARTICLES) expect((await article(id)).status, id).toBe(404);
        for (const id of SHOWN_ARTICLES) expect((await article(id)).status, id).toBe(200);
        const listed = (await ask(`${uncached.base}/v1/content/articles?page[limit]=100`)).json() as {
          data: { id: string }[];
        };
        expect(listed.data.map((item) => item.id)).toContain('908');
        expect(listed.data.map((item) => item.id)).not.toContain('901');
        // Every article request asked Joomla (nothing is cached), but the category list was read once.
        const asked = hidden.apiRequests();
        expect(asked.filter(isArticleRequest)).toHaveLength(2 * SHOWN_ARTICLES.length + HIDDEN_ARTICLES.length + 1);
        expect(asked.filter(isCategoryListRequest).map((request) => request.parsed.search)).toEqual([
          '?page[limit]=100',
          '?page[offset]=100&page[limit]=100',
        ]);
      } finally {
        await hidden.close();
      }
    });

    it('keeps an answer no longer than until an article in it comes up or goes down', async () => {
      const site: JoomlaSite = { ...database, articles: [...database.articles] };
      const changing = await startFakeJoomla(site, TOKEN);
      try {
        const proxied = await another({ joomlaUrl: changing.origin, cacheSeconds: 60 });
        // The set of shown categories read first, so that only the three requests below have to
        // be answered before the change, however slow the machine was to start the proxy.
        expect((await ask(`${proxied.base}/v1/content/articles/27`)).status).toBe(200);
        // Both on a whole second (Joomla's times have no fractions), 2 to 3 s from now: the time
        // from here on, not from before the proxies started, on a loaded machine.
        const changeAt = Math.ceil((Date.now() + 2000) / 1000) * 1000;
        site.articles.push(
          articleRow(909, { catid: 9, publish_down: joomlaTime(changeAt) }),
          articleRow(910, { catid: 9, publish_up: joomlaTime(changeAt) }),
        );
        const list = `${proxied.base}/v1/content/articles?page[limit]=100`;
        const ids = async (): Promise<string[]> =>
          ((await ask(list)).json() as { data: { id: string }[] }).data.map((article) => article.id);
        const askedAt = Date.now();
        const before = await ask(`${proxied.base}/v1/content/articles/909`);
        expect(before.status).toBe(200);
        // Fresh until the change at most, not for cacheSeconds (60).
        expect(Number(/max-age=(\d+)/.exec(before.headers.get('cache-control') ?? '')?.[1])).toBeLessThanOrEqual(
          Math.ceil((changeAt - askedAt) / 1000),
        );
        expect((await ask(`${proxied.base}/v1/content/articles/910`)).status).toBe(404);
        const listedBefore = await ids();
        expect(listedBefore).toContain('909');
        expect(listedBefore).not.toContain('910');
        await new Promise((resolve) => setTimeout(resolve, changeAt + 1100 - Date.now()));
        expect((await ask(`${proxied.base}/v1/content/articles/909`)).status).toBe(404);
        expect((await ask(`${proxied.base}/v1/content/articles/910`)).status).toBe(200);
        const listedAfter = await ids();
        expect(listedAfter).not.toContain('909');
        expect(listedAfter).toContain('910');
      } finally {
        await changing.close();
      }
    }, 15_000);

    it('answers a refused token, a redirect or an answer that is not JSON:API with 424, which the plugin does not retry', async () => {
      const fresh = await another({});
      fake.override = () => ({ status: 401, body: JSON.stringify(FORBIDDEN) });
      const source = joomla({ baseUrl: fresh.base });
      await expect(source.getCategories!()).rejects.toMatchObject({ code: 'http', status: 424, retryable: false });
      expect(fake.apiRequests()).toHaveLength(1);
      const cases: [
        string,
        (request: SeenRequest) => { status: number; body: string; headers?: Record<string, string> },
      ][] = [
        ['403', () => ({ status: 403, body: JSON.stringify(FORBIDDEN) })],
        ['a redirect', () => ({ status: 301, headers: { location: 'https://example.vn/' }, body: '' })],
        ['an HTML page', () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' })],
        ['JSON that is not JSON:API', () => ({ status: 200, body: '{"data":{"id":1}}' })],
      ];
      for (const [index, [name, override]] of cases.entries()) {
        fake.override = override;
        const answer = await ask(`${fresh.base}/v1/content/categories?page[limit]=${String(index + 50)}`);
        expect(answer.status, name).toBe(424);
        expect((answer.json() as { errors: { code?: string }[] }).errors[0]?.code, name).toBe('joomla-configuration');
        expect(answer.headers.get('cache-control'), name).toBe('no-store');
      }
    });

    it('remembers a configuration error for a few seconds, so a burst asks Joomla once, but asks again after a transient failure', async () => {
      // Two seconds, not one: the burst below must end while the error is remembered, on a
      // loaded machine too.
      const brief = await another({ cacheSeconds: 2 });
      fake.override = () => ({ status: 401, body: JSON.stringify(FORBIDDEN) });
      const url = `${brief.base}/v1/banners?page[limit]=60`;
      const askedAt = Date.now();
      const burst = [...(await Promise.all([ask(url), ask(url), ask(url)])), await ask(url), await ask(url)];
      expect(burst.map((answer) => answer.status)).toEqual([424, 424, 424, 424, 424]);
      expect(fake.apiRequests()).toHaveLength(1);
      // Joomla is fixed; the proxy answers from Joomla again once it forgets the error.
      fake.override = undefined;
      await vi.waitFor(
        async () => {
          expect((await ask(url)).status).toBe(200);
        },
        { timeout: 10_000, interval: 100 },
      );
      // Remembered for cacheSeconds (2 s) from Joomla's answer, which came after askedAt: not
      // forgotten sooner, and forgotten well before the 5 s it would be without the cap.
      const forgottenAfter = Date.now() - askedAt;
      expect(forgottenAfter).toBeGreaterThanOrEqual(2000);
      // (Under 4.9 s, not 4: a loaded machine's requests and polls take their time.)
      expect(forgottenAfter).toBeLessThan(4900);
      expect(fake.apiRequests()).toHaveLength(2);
      fake.override = () => ({ status: 500, body: JSON.stringify(INTERNAL_ERROR) });
      const failing = `${brief.base}/v1/banners?page[limit]=61`;
      expect((await ask(failing)).status).toBe(502);
      expect((await ask(failing)).status).toBe(502);
      expect(fake.apiRequests()).toHaveLength(4);
    }, 20_000);

    it('caches answers for cacheSeconds and asks Joomla once for concurrent equal requests', async () => {
      const cached = await another({ cacheSeconds: 60 });
      fake.delay = 150;
      const url = `${cached.base}/v1/content/categories?page[limit]=7`;
      const together = await Promise.all(Array.from({ length: 10 }, () => ask(url)));
      expect(together.every((answer) => answer.status === 200 && answer.body === together[0]?.body)).toBe(true);
      expect(fake.apiRequests()).toHaveLength(1);
      await ask(url);
      expect(fake.apiRequests()).toHaveLength(1);
      await ask(`${cached.base}/v1/content/categories?page[limit]=8`);
      expect(fake.apiRequests()).toHaveLength(2);
    });

    it('asks again once an answer is older than cacheSeconds, and caches nothing with 0', async () => {
      // Three seconds, not one: on a loaded machine the first two answers may take a second,
      // which would expire a one-second cache between them.
      const brief = await another({ cacheSeconds: 3 });
      await ask(`${brief.base}/v1/banners`);
      await ask(`${brief.base}/v1/banners`);
      expect(fake.apiRequests()).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 4100));
      await ask(`${brief.base}/v1/banners`);
      expect(fake.apiRequests()).toHaveLength(2);
      const none = await another({ cacheSeconds: 0 });
      const answer = await ask(`${none.base}/v1/banners`);
      await ask(`${none.base}/v1/banners`);
      expect(answer.headers.get('cache-control')).toBe('no-cache');
      expect(fake.apiRequests()).toHaveLength(4);
    }, 20_000);

    it('never passes on Joomla’s error bodies, which may echo the token, nor an answer holding it', async () => {
      const echo = (status: number) => (request: { headers: object }) => ({
        status,
        body: JSON.stringify({ errors: [{ title: 'Debug', detail: JSON.stringify(request.headers) }] }),
      });
      const cases: [
        ReturnType<typeof echo> | (() => { status: number; body: string; headers?: Record<string, string> }),
        number,
      ][] = [
        [echo(500), 502],
        [echo(401), 424],
        [echo(403), 424],
        [echo(404), 404],
        [echo(400), 424],
        [
          () => ({
            status: 200,
            body: JSON.stringify({
              data: [
                {
                  type: 'articles',
                  id: '1',
                  attributes: { state: 1, title: `x ${TOKEN}` },
                  relationships: { category: { data: { type: 'categories', id: '8' } } },
                },
              ],
            }),
          }),
          424,
        ],
        [
          () => ({
            status: 200,
            headers: { 'content-type': 'text/html' },
            body: `<html><title>Lỗi</title>${TOKEN}</html>`,
          }),
          424,
        ],
        [() => ({ status: 200, body: '' }), 424],
        [() => ({ status: 200, body: '{"data":[{"type":"articles"' }), 424],
      ];
      for (const [index, [override, status]] of cases.entries()) {
        // Joomla answers the category list, which the proxy checks articles against, as usual.
        fake.override = (request) => (isArticleRequest(request) ? override(request) : undefined);
        const answer = await ask(`${main.base}/v1/content/articles?page[limit]=${String(index + 10)}`);
        expect(answer.status, `case ${String(index)}`).toBe(status);
        expect(answer.body).not.toContain(TOKEN);
        expect(answer.body).not.toContain('Debug');
        expect(answer.headers.get('cache-control')).toBe('no-store');
      }
      expect(main.logs()).toMatch(/refused the token/);
    });

    it('answers 502 when Joomla is down, 504 when it is too slow, 429 when it is busy, and refuses redirects (424)', async () => {
      const down = await another({ joomlaUrl: 'http://127.0.0.1:9' });
      expect((await ask(`${down.base}/v1/banners`)).status).toBe(502);
      // The log says why (curl's, PHP's or Node's own words), for whoever sets the proxy up.
      await vi.waitFor(
        () => {
          expect(down.logs()).toMatch(/127\.0\.0\.1:9\/api\/index\.php\/v1\/banners could not be reached \(\S.*\)\./);
        },
        { timeout: 5000 },
      );
      // Joomla's answer comes long after the proxy's timeout (1 s), however slow the machine; the
      // proxy answers once it gives up, so the test does not wait for Joomla.
      fake.delay = 3000;
      const slow = await ask(`${main.base}/v1/content/categories?page[limit]=30`);
      expect(slow.status).toBe(504);
      fake.delay = 0;
      fake.override = () => ({
        status: 429,
        headers: { 'retry-after': '7' },
        body: '{"errors":[{"title":"Too many"}]}',
      });
      const busy = await ask(`${main.base}/v1/content/categories?page[limit]=31`);
      expect(busy.status).toBe(429);
      expect(busy.headers.get('retry-after')).toBe('7');
      fake.override = (request) =>
        request.url.startsWith('/elsewhere')
          ? undefined
          : { status: 302, headers: { location: `${fake.origin}/elsewhere` }, body: '' };
      expect((await ask(`${main.base}/v1/content/categories?page[limit]=32`)).status).toBe(424);
      expect(fake.requests.filter((request) => request.url.startsWith('/elsewhere'))).toEqual([]);
    }, 10_000);

    it('masks the token in its log, wherever a message would hold it', async () => {
      // A Joomla address holding the token (twice, so masking only the first would show): every
      // message names the address it asked.
      const leaky = await another({ joomlaUrl: `${fake.origin}/${TOKEN}/x${TOKEN}`, cacheSeconds: 0 });
      fake.override = () => ({ status: 500, body: JSON.stringify(INTERNAL_ERROR) });
      expect((await ask(`${leaky.base}/v1/banners`)).status).toBe(502);
      const masked = `${fake.origin}/[token]/x[token]/api/index.php/v1/banners answered 500.`;
      // The PHP server's log arrives through a pipe, maybe just after the answer.
      await vi.waitFor(
        () => {
          expect(leaky.logs()).toContain(masked);
        },
        { timeout: 5000 },
      );
      expect(leaky.logs()).toContain(`Portico Joomla proxy: ${masked}`);
      expect(leaky.logs()).not.toContain(TOKEN);
      // Joomla was asked with the token all the same, at the address as configured.
      expect(fake.requests.at(-1)?.headers['x-joomla-token']).toBe(TOKEN);
      expect(fake.requests.at(-1)?.parsed.pathname).toBe(`/${TOKEN}/x${TOKEN}/api/index.php/v1/banners`);
    });

    it('lets pages on other origins read only when their origin is allowed', async () => {
      const open = await another({ allowedOrigins: ['https://portal.example.vn'] });
      const allowed = await ask(`${open.base}/v1/banners`, { headers: { origin: 'https://portal.example.vn' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.vn');
      expect(allowed.headers.get('vary')).toMatch(/Origin/);
      const other = await ask(`${open.base}/v1/banners`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const closed = await ask(`${main.base}/v1/banners`, { headers: { origin: 'https://portal.example.vn' } });
      expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('feeds the joomla() plugin end to end: articles, paging, categories, menus and banners', async () => {
      const source = joomla({ baseUrl: main.base, siteUrl: 'https://tinh-uy.example.vn/' });
      const article = await source.getArticle!('27');
      expect(article).toMatchObject({
        title: seed.articles[0]!.title,
        lead: seed.articles[0]!.lead,
        body: seed.articles[0]!.body,
        authors: seed.articles[0]!.authors,
        source: 'TUAG',
        published: '2020-08-25T03:00:00Z',
      });
      const first = await source.listArticles!({ pageSize: 10 });
      const third = await source.listArticles!({ pageSize: 10, page: 3 });
      expect(first.hasMore).toBe(true);
      expect(third.hasMore).toBe(false);
      expect(first.items.map((item) => item.id)).not.toContain('130');
      expect((await source.getCategories!()).map((category) => category.title)).toEqual(
        seed.categories.map((category) => category.title),
      );
      const menu = await joomla({ baseUrl: main.base, menuType: 'mainmenu' }).getCategories!();
      expect(menu.map((item) => item.id)).toEqual(['101', '102', '103', '104', '111']);
      const banners = await source.getBanners!('sidebar');
      expect(banners.map((banner) => banner.title)).toEqual([
        'Banner ghim (mẫu)',
        ...seed.banners.map((banner) => banner.title),
        'Quảng cáo HTML (mẫu)',
      ]);
      expect(banners[1]?.image?.src).toBe('https://tinh-uy.example.vn/images/banners/tien-toi-dai-hoi-dang.jpg');
    });

    it('lets the plugin retry through a failing Joomla', async () => {
      let failures = 1;
      fake.override = () =>
        failures-- > 0 ? { status: 500, body: '{"errors":[{"code":500,"title":"Internal server error"}]}' } : undefined;
      const fresh = await another({});
      const menu = await joomla({ baseUrl: fresh.base }).getCategories!({});
      expect(menu).toHaveLength(3);
      expect(fake.apiRequests()).toHaveLength(2);
    });

    it('never showed the token: not in any answer’s body or headers, nor in its logs', async () => {
      // Answers of every kind of its own, so it holds alone (-t) as well as after the tests above,
      // whose answers it checks too.
      const own: SeenAnswer[] = [];
      const askOwn = async (path: string, init?: RequestInit): Promise<void> => {
        own.push(await ask(`${main.base}${path}`, init));
      };
      for (const path of [
        '/v1/content/articles?page[limit]=4',
        '/v1/content/articles/27',
        '/v1/content/categories',
        '/v1/menus/site/items?filter[menutype]=mainmenu',
        '/v1/banners',
        '/v1/banners/3',
        '/v1/banners/categories',
        '/v1/content/articles/103',
        '/v1/content/articles?page[limit]=1000',
        ...REFUSED_ROUTES,
      ]) {
        await askOwn(path);
      }
      await askOwn('/v1/banners', { method: 'HEAD' });
      await askOwn('/v1/banners/1', { method: 'POST', body: '{}' });
      // Joomla echoing the request's headers, the token among them, in an error and in a 200.
      const echo = (status: number) => (request: SeenRequest) =>
        isArticleRequest(request)
          ? {
              status,
              body: JSON.stringify({ errors: [{ title: 'Debug', detail: JSON.stringify(request.headers) }] }),
            }
          : undefined;
      fake.override = echo(401);
      await askOwn('/v1/content/articles?page[limit]=41');
      fake.override = echo(500);
      await askOwn('/v1/content/articles?page[limit]=43');
      fake.override = (request) =>
        isArticleRequest(request)
          ? {
              status: 200,
              body: JSON.stringify({
                data: [
                  {
                    type: 'articles',
                    id: '1',
                    attributes: { state: 1, title: JSON.stringify(request.headers) },
                    relationships: { category: { data: { type: 'categories', id: '8' } } },
                  },
                ],
              }),
            }
          : undefined;
      await askOwn('/v1/content/articles?page[limit]=42');
      expect([...new Set(own.map((answer) => answer.status))].sort((a, b) => a - b)).toEqual([
        200, 400, 404, 405, 424, 502,
      ]);
      for (const answer of answers) {
        expect(answer.body).not.toContain(TOKEN);
        for (const [name, value] of answer.headers) expect(`${name}: ${value}`).not.toContain(TOKEN);
      }
      for (const running of started) expect(running.logs()).not.toContain(TOKEN);
    });
  });
}
