import { sourceErrorOf } from '@portico/core/testing';
import { clearCache } from '@portico/plugin-kit';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi, type MockInstance } from 'vitest';
import categories from './fixtures/categories.json' with { type: 'json' };
import critical from './fixtures/error-critical.json' with { type: 'json' };
import forbidden from './fixtures/error-forbidden.json' with { type: 'json' };
import invalidId from './fixtures/error-post-invalid-id.json' with { type: 'json' };
import indexNoViews from './fixtures/index-no-views.json' with { type: 'json' };
import menuItems from './fixtures/menu-items.json' with { type: 'json' };
import cannotView from './fixtures/menu-items-cannot-view.json' with { type: 'json' };
import post from './fixtures/post.json' with { type: 'json' };
import posts from './fixtures/posts.json' with { type: 'json' };
import { installMooToolsArrayFrom } from '../../../tooling/mootools-array-from.mjs';
import { readPost } from './read-post.js';
import {
  collectionRoute,
  fakeWordPress,
  sampleCategories,
  samplePosts,
  type FakeRoute,
  type FakeWordPress,
} from './test-support/fake-wordpress.js';
import { wordpress, type WordPressSourceOptions } from './wordpress-source.js';

const BASE = 'https://example.vn/wp-json';

/** A WordPress site answering from the fixtures, with `routes` replacing some of its routes. */
function site(routes: Record<string, FakeRoute> = {}): FakeWordPress {
  return fakeWordPress({
    '': { json: indexNoViews },
    'wp/v2/posts': collectionRoute(posts),
    'wp/v2/posts/1207': { json: post },
    'wp/v2/posts/99': { status: 404, json: invalidId },
    'wp/v2/categories': collectionRoute(categories),
    ...routes,
  });
}

function source(wp: FakeWordPress, options: Partial<WordPressSourceOptions> = {}) {
  return wordpress({ baseUrl: BASE, fetch: wp.fetch, retries: 0, ...options });
}

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
  vi.useRealTimers();
  clearCache();
});

/** A WordPress menu of `count` items, more than one page of 100 when `count` is. */
function longMenu(count: number) {
  const [template] = menuItems;
  return [...Array(count).keys()].map((index) => ({
    ...template,
    id: 1000 + index,
    title: { rendered: `Mục ${String(index + 1)}` },
    url: `https://example.vn/muc-${String(index + 1)}/`,
    menu_order: index + 1,
  }));
}

describe('wordpress() articles', () => {
  it('leaves out a post it cannot read, with a warning naming it; the rest of the list still shows', async () => {
    const list = samplePosts(posts[1]!, 3).map((post, index) => (index === 1 ? { ...post, date_gmt: 'soon' } : post));
    const page = await source(site({ 'wp/v2/posts': collectionRoute(list) })).listArticles!({});
    expect(page.items.map((item) => item.id)).toEqual([String(list[0]!.id), String(list[2]!.id)]);
    expect(warn.mock.calls.map((call) => String(call[0])).join('\n')).toMatch(
      /wp\/v2\/posts\[1\]\.date_gmt.*That item is left out\./,
    );
  });

  it('lists published posts newest first, with total and hasMore from X-WP-Total and X-WP-TotalPages', async () => {
    const wp = site({ 'wp/v2/posts': collectionRoute(samplePosts(posts[1]!, 23)) });
    const second = await source(wp).listArticles!({ page: 2 });
    expect(wp.requests.at(-1)).toBe(
      `${BASE}/wp/v2/posts?_embed=author,wp:featuredmedia,wp:term&status=publish&orderby=date&order=desc&per_page=10&page=2`,
    );
    expect(second).toMatchObject({ page: 2, pageSize: 10, total: 23, hasMore: true });
    expect(second.items.map((item) => item.id)).toEqual(Array.from({ length: 10 }, (_, index) => String(2011 + index)));
    expect(second.items[0]).toMatchObject({ title: 'Bài mẫu số 2011', published: '2020-08-14T02:00:00Z' });
    const last = await source(wp, { pageSize: 20 }).listArticles!({ page: 2 });
    expect(last).toMatchObject({ page: 2, pageSize: 20, total: 23, hasMore: false });
    expect(last.items).toHaveLength(3);
  });

  it('asks for one category by its id, or by its slug looked up first', async () => {
    const wp = site();
    const byId = await source(wp).listArticles!({ categoryId: '7', pageSize: 5 });
    expect(wp.requests.at(-1)).toContain('&categories=7&');
    expect(byId.items.map((item) => item.id)).toEqual(['1180']);
    const bySlug = await source(wp).listArticles!({ categoryId: 'chuyen-muc-mau-con' });
    expect(wp.requests).toContain(`${BASE}/wp/v2/categories?slug=chuyen-muc-mau-con&_fields=id`);
    expect(bySlug.items.map((item) => item.id)).toEqual(['1180']);
    expect(await sourceErrorOf(source(wp).listArticles!({ categoryId: 'khong-co' }))).toMatchObject({
      code: 'not-found',
      message: 'No WordPress category with the slug "khong-co".',
    });
  });

  it('guesses hasMore from a full page when a proxy drops the paging headers', async () => {
    const wp = site({ 'wp/v2/posts': { json: posts } });
    expect(await source(wp).listArticles!({ pageSize: 2 })).toMatchObject({ total: undefined, hasMore: true });
    expect(await source(wp).listArticles!({ pageSize: 3 })).toMatchObject({ total: undefined, hasMore: false });
  });

  it('answers a page past the last (rest_post_invalid_page_number) with an empty page', async () => {
    const page = await source(site()).listArticles!({ page: 9 });
    expect(page).toEqual({ items: [], page: 9, pageSize: 10, hasMore: false });
  });

  it('leaves out whatever is not published, even when a site answers it', async () => {
    const draft = { ...structuredClone(post), id: 1300, status: 'draft' };
    const wp = site({ 'wp/v2/posts': { json: [draft, ...posts] }, 'wp/v2/posts/1300': { json: draft } });
    expect((await source(wp).listArticles!({})).items.map((item) => item.id)).toEqual(['1207', '1180']);
    expect(await sourceErrorOf(source(wp).getArticle!('1300'))).toMatchObject({ code: 'not-found' });
  });

  it('gives the newest for most-read, since no views plugin can sort the REST API, and says so once', async () => {
    const wp = site();
    const articles = source(wp);
    await articles.listArticles!({ order: 'most-read' });
    await articles.listArticles!({ order: 'most-read', page: 1, pageSize: 1 });
    expect(
      wp.requests.filter((url) => url.includes('wp/v2/posts?')).every((url) => url.includes('orderby=date&order=desc')),
    ).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('"most-read" lists the newest first');
  });

  it('reads one post by its id, or by its slug', async () => {
    const wp = site();
    const expected = readPost(post, 'post').article;
    await expect(source(wp).getArticle!('1207')).resolves.toEqual(expected);
    expect(wp.requests.at(-1)).toBe(`${BASE}/wp/v2/posts/1207?_embed=author,wp:featuredmedia,wp:term`);
    await expect(source(wp).getArticle!(post.slug)).resolves.toEqual(expected);
    expect(wp.requests.at(-1)).toBe(
      `${BASE}/wp/v2/posts?slug=${post.slug}&status=publish&_embed=author,wp:featuredmedia,wp:term`,
    );
  });

  it('rejects a missing or non-public post with not-found, naming WordPress’s code', async () => {
    const wp = site({ 'wp/v2/posts/1300': { status: 401, json: forbidden } });
    expect(await sourceErrorOf(source(wp).getArticle!('99'))).toMatchObject({
      code: 'not-found',
      retryable: false,
      message: `No published WordPress post with the id "99" at ${BASE} (rest_post_invalid_id: Invalid post ID.)`,
    });
    expect((await sourceErrorOf(source(wp).getArticle!('1300'))).message).toContain(
      '(rest_forbidden: Sorry, you are not allowed to do that.)',
    );
    expect(await sourceErrorOf(source(wp).getArticle!('khong-co-bai-nay'))).toMatchObject({ code: 'not-found' });
  });

  it('tells a wrong baseUrl (404 rest_no_route) from a missing article', async () => {
    // One path segment too many: WordPress answers every route below it with rest_no_route.
    const error = await sourceErrorOf(source(site(), { baseUrl: `${BASE}/wp` }).getArticle!('1207'));
    expect(error).toMatchObject({ code: 'http', status: 404, retryable: false });
    expect(error.message).toBe(
      `${BASE}/wp/wp/v2/posts/1207?_embed=author,wp:featuredmedia,wp:term answered 404 (rest_no_route): No route was found matching the URL and request method.`,
    );
  });
});

describe('wordpress() categories', () => {
  it('pages through every page of categories and builds one tree', async () => {
    const many = [...categories, ...sampleCategories(categories[1]!, 226)];
    const wp = site({ 'wp/v2/categories': collectionRoute(many) });
    const tree = await source(wp).getCategories!();
    expect(wp.requests.filter((url) => url.includes('wp/v2/categories'))).toEqual([
      `${BASE}/wp/v2/categories?per_page=100&page=1`,
      `${BASE}/wp/v2/categories?per_page=100&page=2`,
      `${BASE}/wp/v2/categories?per_page=100&page=3`,
    ]);
    expect(tree).toHaveLength(229);
    expect(tree[0]).toMatchObject({ id: '4', children: [{ id: '7', title: 'Chuyên mục mẫu & con' }] });
    expect(tree.at(-1)).toMatchObject({ id: '326', title: 'Chuyên mục mẫu 326', count: 0 });
  });

  it('leaves out a category it cannot read, warning once with its place and why; the others still show', async () => {
    const broken = categories.map((term) => (term.id === 5 ? { ...term, name: null } : term));
    const categoriesSource = source(site({ 'wp/v2/categories': collectionRoute(broken) }));
    expect((await categoriesSource.getCategories!()).map((item) => item.id)).toEqual(['4', '6']);
    expect(warn.mock.calls).toEqual([
      [
        `Portico wordpress(${BASE}): wp/v2/categories[${String(broken.findIndex((term) => term.id === 5))}].name must be a string, got null. That item is left out.`,
      ],
    ]);
  });

  it('leaves out a menu item it cannot read, with a warning; the rest of the menu still shows', async () => {
    const broken = menuItems.map((item, index) => (index === 2 ? { ...item, url: 42 } : item));
    const tree = await source(site({ 'wp/v2/menu-items': { json: broken } }), { menu: 2 }).getCategories!();
    expect(tree.map((item) => item.title)).toEqual([
      'Trang chủ',
      'Công tác dân vận - mặt trận',
      'Tiến tới đại hội đảng',
      'Giải phóng miền Nam',
    ]);
    expect(tree[1]).not.toHaveProperty('children');
    expect(warn.mock.calls).toEqual([
      [`Portico wordpress(${BASE}): wp/v2/menu-items[2].url must be a string, got a number. That item is left out.`],
    ]);
  });

  it('uses a menu the site lets visitors read', async () => {
    const wp = site({ 'wp/v2/menu-items': { json: menuItems } });
    const tree = await source(wp, { menu: 2 }).getCategories!();
    expect(wp.requests).toEqual([`${BASE}/wp/v2/menu-items?menus=2&per_page=100&page=1`]);
    expect(tree.map((item) => item.title)).toEqual([
      'Trang chủ',
      'Công tác dân vận - mặt trận',
      'Tiến tới đại hội đảng',
      'Giải phóng miền Nam',
    ]);
  });

  it('reads every item of a menu longer than one page of 100', async () => {
    const wp = site({ 'wp/v2/menu-items': collectionRoute(longMenu(150)) });
    const tree = await source(wp, { menu: 2 }).getCategories!();
    expect(wp.requests).toEqual([
      `${BASE}/wp/v2/menu-items?menus=2&per_page=100&page=1`,
      `${BASE}/wp/v2/menu-items?menus=2&per_page=100&page=2`,
    ]);
    expect(tree).toHaveLength(150);
    expect(tree.at(-1)?.title).toBe('Mục 150');
  });

  it('reads every page of a long menu on a Joomla 3 page, whose MooTools 1.4 replaced Array.from', async () => {
    const long = longMenu(150);
    const wp = site({ 'wp/v2/menu-items': collectionRoute(long) });
    const restore = installMooToolsArrayFrom();
    let tree;
    try {
      tree = await source(wp, { menu: 2 }).getCategories!();
    } finally {
      restore();
    }
    expect(wp.count('wp/v2/menu-items')).toBe(2);
    expect(tree.map((item) => item.title)).toEqual(long.map((item) => item.title.rendered));
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back to the categories when menus are private (401 rest_cannot_view), warning once', async () => {
    const wp = site({ 'wp/v2/menu-items': { status: 401, json: cannotView } });
    const categoriesSource = source(wp, { menu: '2' });
    const tree = await categoriesSource.getCategories!();
    expect(tree.map((item) => item.id)).toEqual(['4', '6', '5']);
    await categoriesSource.getCategories!();
    expect(wp.count('wp/v2/menu-items')).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      `Portico wordpress(${BASE}): menu 2 is not public (rest_cannot_view): WordPress shows menus over the REST API only to ` +
        `signed-in editors, unless the site allows it (WordPress 6.8's rest_menu_read_access filter). Showing the categories instead.`,
    );
  });

  it('falls back to the categories without a menu route (before WordPress 5.9) or for an empty menu', async () => {
    const old = site();
    expect((await source(old, { menu: 2 }).getCategories!()).map((item) => item.id)).toEqual(['4', '6', '5']);
    expect(warn.mock.calls[0]?.[0]).toContain('the site has no menu route');
    clearCache();
    const empty = site({ 'wp/v2/menu-items': { json: [] } });
    expect((await source(empty, { menu: 9 }).getCategories!()).map((item) => item.id)).toEqual(['4', '6', '5']);
    expect(warn.mock.calls[1]?.[0]).toContain('menu 9 has no published items');
  });

  it('does not hide a failure the categories would share behind the fallback', async () => {
    const wp = site({ 'wp/v2/menu-items': { status: 500, json: critical } });
    expect(await sourceErrorOf(source(wp, { menu: 2 }).getCategories!())).toMatchObject({ code: 'http', status: 500 });
    expect(wp.count('wp/v2/categories')).toBe(0);
  });

  it('shows a changed category within one maxAge, not built again from stale pages', async () => {
    let current = categories;
    const wp = site({ 'wp/v2/categories': (query) => collectionRoute(current)(query) });
    const categoriesSource = source(wp, { maxAge: 1000 });
    const start = Date.now();
    vi.setSystemTime(start);
    expect((await categoriesSource.getCategories!()).map((item) => item.id)).toEqual(['4', '6', '5']);
    current = categories.filter((category) => category.id !== 6);
    vi.setSystemTime(start + 1500);
    expect(await categoriesSource.getCategories!(), 'stale, at once, while revalidating').toHaveLength(3);
    // Date stands still: only a refresh that asked WordPress again can show the change.
    await vi.waitFor(async () => {
      expect((await categoriesSource.getCategories!()).map((item) => item.id)).toEqual(['4', '5']);
    });
  });

  it('makes one request for ten widgets asking for the categories at once', async () => {
    const wp = site({ 'wp/v2/categories': (query) => ({ ...collectionRoute(categories)(query), delay: 20 }) });
    const sources = [source(wp), source(wp)];
    const trees = await Promise.all(Array.from({ length: 10 }, (_, index) => sources[index % 2]!.getCategories!()));
    expect(trees.every((tree) => tree.length === 3)).toBe(true);
    expect(wp.count('wp/v2/categories')).toBe(1);
  });
});

describe('wordpress() answers and failures', () => {
  it('explains an HTML page, a cut answer and an empty 200 instead of JSON', async () => {
    const maintenance =
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Maintenance</title></head><body>Briefly unavailable for scheduled maintenance. Check back in a minute.</body></html>';
    const cases: [FakeRoute, string][] = [
      [
        { text: maintenance, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
        'answered with an HTML page ("Maintenance") instead of JSON',
      ],
      [{ text: JSON.stringify(categories).slice(0, 700) }, 'answered with JSON that does not parse'],
      [{ text: '' }, 'answered with an empty body instead of JSON'],
    ];
    for (const [route, message] of cases) {
      clearCache();
      const error = await sourceErrorOf(source(site({ 'wp/v2/categories': route })).getCategories!());
      expect(error.code).toBe('invalid-data');
      expect(error.message).toContain(message);
    }
  });

  it('names a field of the wrong type', async () => {
    const wrong = [{ ...categories[0], link: 7 }];
    expect((await sourceErrorOf(source(site({ 'wp/v2/categories': { json: wrong } })).getCategories!())).message).toBe(
      'wp/v2/categories[0].link must be a string, got a number.',
    );
    const notAList = { json: { code: 'x' } };
    expect((await sourceErrorOf(source(site({ 'wp/v2/posts': notAList })).listArticles!({}))).message).toContain(
      'must be a list, got an object.',
    );
  });

  it('reports WordPress’s own error bodies: a critical error (500), a refusal (403)', async () => {
    const crashed = await sourceErrorOf(
      source(site({ 'wp/v2/posts/1207': { status: 500, json: critical } })).getArticle!('1207'),
    );
    expect(crashed).toMatchObject({ code: 'http', status: 500, retryable: true });
    expect(crashed.message).toContain(
      'answered 500 (internal_server_error): <p>There has been a critical error on this website.</p>',
    );
    const refused = await sourceErrorOf(
      source(site({ 'wp/v2/categories': { status: 403, json: { ...forbidden, data: { status: 403 } } } }))
        .getCategories!(),
    );
    expect(refused).toMatchObject({ code: 'http', status: 403, retryable: false });
  });

  it('stops when the widget leaves: an aborted request rejects with the signal’s reason', async () => {
    // The post would come only after a minute: nothing but the abort can end the request sooner.
    const wp = site({ 'wp/v2/posts/1207': { json: post, delay: 60_000 } });
    const controller = new AbortController();
    const pending = source(wp).getArticle!('1207', { signal: controller.signal });
    await vi.waitFor(() => {
      expect(wp.count('wp/v2/posts/1207')).toBe(1);
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('works the same through ?rest_route= on a site without pretty permalinks', async () => {
    const wp = site();
    const plain = wordpress({ baseUrl: 'https://example.vn/?rest_route=', fetch: wp.fetch, retries: 0 });
    expect((await plain.listArticles!({ pageSize: 1 })).items[0]?.id).toBe('1207');
    expect((await plain.getCategories!()).map((item) => item.id)).toEqual(['4', '6', '5']);
    expect(wp.requests).toContain('https://example.vn/?rest_route=/&_fields=namespaces');
    expect(wp.requests).toContain('https://example.vn/?rest_route=/wp/v2/categories&per_page=100&page=1');
    expect(wp.requests.every((url) => url.startsWith('https://example.vn/?rest_route=/'))).toBe(true);
  });
});

describe('wordpress() options', () => {
  it('is a WordPress source without banners', () => {
    const site = wordpress({ baseUrl: BASE });
    expect(site.kind).toBe('wordpress');
    expect('getBanners' in site).toBe(false);
    expect(typeof site.getViewStats).toBe('function');
  });

  it('rejects options it cannot use, naming them', () => {
    const bad: [Record<string, unknown>, string][] = [
      [{}, 'wordpress(): baseUrl must be the REST API root, such as https://example.vn/wp-json.'],
      [
        { baseUrl: BASE, views: 'jetpack' },
        'views must be one of auto, post-views-counter, wp-postviews, none, got "jetpack".',
      ],
      [{ baseUrl: BASE, menu: 'main' }, 'menu must be a menu\'s id (a whole number such as 3), got "main".'],
      [{ baseUrl: BASE, pageSize: 500 }, 'pageSize must be a whole number from 1 to 100.'],
      [{ baseUrl: BASE, timeout: -1 }, 'timeout must be a whole number from 1.'],
    ];
    for (const [options, message] of bad) {
      expect(() => wordpress(options as unknown as WordPressSourceOptions)).toThrow(message);
    }
  });
});

describe('wordpress() options', () => {
  it('warns of menus for menu', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => {
      warn.mockRestore();
    });
    wordpress({ baseUrl: 'https://example.vn/wp-json', menus: 3 } as unknown as Parameters<typeof wordpress>[0]);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /^Portico: wordpress\(\) does not take the option "menus", which is ignored; it takes "baseUrl", "menu", .* Did you mean "menu"\?$/,
    );
  });
});
