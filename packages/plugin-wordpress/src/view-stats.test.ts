import { sourceErrorOf } from '@portico/core/testing';
import { clearCache } from '@portico/plugin-kit';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import forbidden from './fixtures/error-forbidden.json' with { type: 'json' };
import indexNoViews from './fixtures/index-no-views.json' with { type: 'json' };
import indexPostViewsCounter from './fixtures/index-post-views-counter.json' with { type: 'json' };
import indexWpPostViews from './fixtures/index-wp-postviews.json' with { type: 'json' };
import post from './fixtures/post.json' with { type: 'json' };
import posts from './fixtures/posts.json' with { type: 'json' };
import pvcCount from './fixtures/post-views-counter-get-post-views.json' with { type: 'json' };
import pvcDisabled from './fixtures/post-views-counter-disabled.json' with { type: 'json' };
import bySlug from './fixtures/wp-postviews-posts-by-slug.json' with { type: 'json' };
import idsAndViews from './fixtures/wp-postviews-posts-ids-views.json' with { type: 'json' };
import {
  collectionRoute,
  fakeWordPress,
  samplePosts,
  type FakeRoute,
  type FakeWordPress,
} from './test-support/fake-wordpress.js';
import { installMooToolsArrayFrom } from '../../../tooling/mootools-array-from.mjs';
import { wordpress, type WordPressSourceOptions } from './wordpress-source.js';

const BASE = 'https://example.vn/wp-json';
const PATH = new URL(post.link).pathname;

/** A site with Post Views Counter: its namespace in the index, its count route. */
function postViewsCounterSite(routes: Record<string, FakeRoute> = {}): FakeWordPress {
  return fakeWordPress({
    '': { json: indexPostViewsCounter },
    'wp/v2/posts': collectionRoute(posts),
    'wp/v2/posts/1207': { json: post },
    'post-views-counter/get-post-views/1207': { json: pvcCount },
    'post-views-counter/get-post-views/1180': { json: 43 },
    'post-views-counter/get-post-views/1207,1180': { json: 2791 },
    ...routes,
  });
}

/** A site with WP-PostViews 2: its namespace in the index, a `views` field on every post. */
function wpPostViewsSite(counts: Record<number, number> = { 1207: 2748, 1180: 43 }): FakeWordPress {
  const counted = posts.map((item) => ({ ...structuredClone(item), views: counts[item.id] }));
  return fakeWordPress({
    '': { json: indexWpPostViews },
    'wp/v2/posts': collectionRoute(counted),
    'wp/v2/posts/1207': { json: counted[0] },
  });
}

/** Wraps a fake site's `fetch` to record the most requests under way at once, of those `counted` picks. */
function countingInFlight(
  wp: FakeWordPress,
  counted: (url: string) => boolean = (url) => url.includes('/post-views-counter/'),
): { fetch: typeof fetch; most: () => number } {
  let now = 0;
  let most = 0;
  const counting: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!counted(url)) return wp.fetch(input, init);
    now += 1;
    most = Math.max(most, now);
    try {
      return await wp.fetch(input, init);
    } finally {
      now -= 1;
    }
  };
  return { fetch: counting, most: () => most };
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
  clearCache();
});

describe('view counts on articles', () => {
  it('finds Post Views Counter in the REST index once and adds its count to each article', async () => {
    const wp = postViewsCounterSite();
    const site = source(wp);
    await expect(site.getArticle!('1207')).resolves.toMatchObject({ id: '1207', views: 2748 });
    const { items } = await site.listArticles!({});
    expect(items.map((item) => [item.id, item.views])).toEqual([
      ['1207', 2748],
      ['1180', 43],
    ]);
    expect(wp.requests).toContain(`${BASE}/?_fields=namespaces`);
    expect(wp.count('')).toBe(1);
    expect(wp.requests).toContain(`${BASE}/post-views-counter/get-post-views/1207`);
  });

  it('reads the views field of WP-PostViews 2 with the post, without another request', async () => {
    const wp = wpPostViewsSite();
    await expect(source(wp).getArticle!('1207')).resolves.toMatchObject({ views: 2748 });
    expect(wp.requests).toEqual([
      `${BASE}/?_fields=namespaces`,
      `${BASE}/wp/v2/posts/1207?_embed=author,wp:featuredmedia,wp:term`,
    ]);
  });

  it('takes the plugin it is told without looking at the index, and none with views: "none"', async () => {
    const told = postViewsCounterSite({ '': { status: 500, json: {} } });
    await expect(source(told, { views: 'post-views-counter' }).getArticle!('1207')).resolves.toMatchObject({
      views: 2748,
    });
    expect(told.count('')).toBe(0);
    const none = postViewsCounterSite();
    const site = source(none, { views: 'none' });
    expect((await site.getArticle!('1207')).views).toBeUndefined();
    expect('getViewStats' in site).toBe(false);
    expect(none.count('')).toBe(0);
    expect(none.count('post-views-counter/get-post-views/1207')).toBe(0);
  });

  it('asks Post Views Counter for at most 4 counts at a time, and still gives every article its count', async () => {
    const many = samplePosts(posts[0]!, 100);
    const routes: Record<string, FakeRoute> = { 'wp/v2/posts': collectionRoute(many) };
    for (const item of many) {
      routes[`post-views-counter/get-post-views/${String(item.id)}`] = { json: Number(item.id) - 2000, delay: 5 };
    }
    const wp = postViewsCounterSite(routes);
    const counting = countingInFlight(wp);
    const { items } = await wordpress({ baseUrl: BASE, fetch: counting.fetch, retries: 0 }).listArticles!({
      pageSize: 100,
    });
    expect(items).toHaveLength(100);
    expect(items.map((item) => item.views)).toEqual(many.map((item) => Number(item.id) - 2000));
    expect(counting.most()).toBe(4);
    expect(warn).not.toHaveBeenCalled();
  });

  it('leaves articles without views, with one warning, when the count cannot be had', async () => {
    // Older Post Views Counter versions asked for the read_posts capability: visitors get 401.
    const refusing = postViewsCounterSite({
      'post-views-counter/get-post-views/1207': { status: 401, json: forbidden },
    });
    const site = source(refusing);
    expect((await site.getArticle!('1207')).views).toBeUndefined();
    expect((await site.listArticles!({})).items[0]?.views).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('Post Views Counter gave no view counts');
    // An index that cannot be read costs the counts, not the articles.
    const noIndex = postViewsCounterSite({ '': { text: '<html><title>Forbidden</title></html>', status: 403 } });
    await expect(source(noIndex).getArticle!('1207')).resolves.toMatchObject({ id: '1207' });
  });
});

describe('getViewStats', () => {
  it('gives a page’s views from Post Views Counter, finding its post by slug', async () => {
    const wp = postViewsCounterSite();
    await expect(source(wp).getViewStats!({ path: PATH })).resolves.toEqual({ total: 2748, path: PATH, views: 2748 });
    expect(wp.requests).toContain(`${BASE}/wp/v2/posts?slug=${post.slug}&status=publish&_fields=id,link`);
  });

  it('gives a page’s views from WP-PostViews’ field, and finds /?p=<id> without pretty permalinks', async () => {
    const wp = fakeWordPress({
      '': { json: indexWpPostViews },
      'wp/v2/posts': collectionRoute(bySlug.map((item) => ({ ...item, slug: post.slug }))),
      'wp/v2/posts/1207': { json: bySlug[0] },
    });
    await expect(source(wp).getViewStats!({ path: PATH })).resolves.toEqual({ total: 2748, path: PATH, views: 2748 });
    await expect(source(wp).getViewStats!({ path: '/?p=1207' })).resolves.toMatchObject({ views: 2748 });
    expect(wp.requests).toContain(`${BASE}/wp/v2/posts/1207?_fields=id,link,views`);
  });

  it('rejects a path with no published post as not-found', async () => {
    const wp = postViewsCounterSite({ 'wp/v2/posts/1300': { status: 401, json: forbidden } });
    expect(await sourceErrorOf(source(wp).getViewStats!({ path: '/khong-co-bai-nay/' }))).toMatchObject({
      code: 'not-found',
      message: 'No published WordPress post at /khong-co-bai-nay/.',
    });
    expect((await sourceErrorOf(source(wp).getViewStats!({ path: '/?p=1300' }))).code).toBe('not-found');
  });

  it('adds up every published post’s views for the site-wide total', async () => {
    const counter = postViewsCounterSite();
    await expect(source(counter).getViewStats!()).resolves.toEqual({ total: 2791 });
    expect(counter.requests.slice(1)).toEqual([
      `${BASE}/wp/v2/posts?status=publish&per_page=100&page=1&_fields=id`,
      `${BASE}/post-views-counter/get-post-views/1207,1180`,
    ]);
    const field = fakeWordPress({ '': { json: indexWpPostViews }, 'wp/v2/posts': collectionRoute(idsAndViews) });
    await expect(source(field).getViewStats!()).resolves.toEqual({ total: 2791 });
  });

  it('adds up a large site with at most 4 requests at a time', async () => {
    const many = samplePosts(posts[0]!, 950);
    const routes: Record<string, FakeRoute> = { 'wp/v2/posts': collectionRoute(many) };
    for (let start = 0; start < many.length; start += 100) {
      const ids = many.slice(start, start + 100).map((item) => String(item.id));
      routes[`post-views-counter/get-post-views/${ids.join(',')}`] = { json: 10, delay: 5 };
    }
    const wp = postViewsCounterSite(routes);
    const counting = countingInFlight(wp, (url) => !url.includes('_fields=namespaces'));
    await expect(wordpress({ baseUrl: BASE, fetch: counting.fetch, retries: 0 }).getViewStats!()).resolves.toEqual({
      total: 100,
    });
    expect(wp.count('wp/v2/posts')).toBe(10);
    expect(counting.most()).toBeLessThanOrEqual(4);
  });

  it('adds up every page on a Joomla 3 page, whose MooTools 1.4 replaced Array.from', async () => {
    const many = samplePosts(posts[0]!, 250);
    const routes: Record<string, FakeRoute> = { 'wp/v2/posts': collectionRoute(many) };
    for (let start = 0; start < many.length; start += 100) {
      const ids = many.slice(start, start + 100).map((item) => String(item.id));
      routes[`post-views-counter/get-post-views/${ids.join(',')}`] = { json: 10 };
    }
    const wp = postViewsCounterSite(routes);
    const restore = installMooToolsArrayFrom();
    try {
      await expect(source(wp).getViewStats!()).resolves.toEqual({ total: 30 });
    } finally {
      restore();
    }
    expect(wp.count('wp/v2/posts')).toBe(3);
  });

  it('keeps a total beyond 2^53 exact', async () => {
    const wp = wpPostViewsSite({ 1207: Number.MAX_SAFE_INTEGER, 1180: 43 });
    await expect(source(wp).getViewStats!()).resolves.toEqual({ total: '9007199254741034' });
  });

  it('refuses a site-wide total that would take more requests than viewTotalMaxPosts allows', async () => {
    const error = await sourceErrorOf(source(postViewsCounterSite(), { viewTotalMaxPosts: 1 }).getViewStats!());
    expect(error).toMatchObject({ code: 'unsupported', retryable: false });
    expect(error.message).toContain(
      'adding up the views of 2 or more posts takes more requests than viewTotalMaxPosts (1) allows',
    );
  });

  it('is unsupported on a site with neither plugin, and an error when the plugin refuses', async () => {
    const plain = fakeWordPress({ '': { json: indexNoViews } });
    const error = await sourceErrorOf(source(plain).getViewStats!({ path: PATH }));
    expect(error).toMatchObject({ code: 'unsupported' });
    expect(error.message).toBe(
      `${BASE} runs neither Post Views Counter nor WP-PostViews 2 (its REST index lists neither "post-views-counter" nor "postviews/v1"), so it has no view counts to give.`,
    );
    clearCache(); // The page-wide cache holds the first site's index under the same address.
    const disabled = postViewsCounterSite({
      'post-views-counter/get-post-views/1207': { status: 404, json: pvcDisabled },
    });
    const refused = await sourceErrorOf(source(disabled).getViewStats!({ path: PATH }));
    expect(refused).toMatchObject({ code: 'http', status: 404 });
    expect(refused.message).toContain('(pvc_rest_api_disabled): REST API method is disabled.');
  });

  it('names a count of the wrong type', async () => {
    const wp = postViewsCounterSite({ 'post-views-counter/get-post-views/1207': { json: '2.748' } });
    expect((await sourceErrorOf(source(wp).getViewStats!({ path: PATH }))).message).toBe(
      `The answer of ${BASE}/post-views-counter/get-post-views/1207 must be a whole number of 0 or more, got the text "2.748".`,
    );
  });
});
