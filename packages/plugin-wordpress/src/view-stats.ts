import { SourceError, isAbortError, type Article, type ViewStats, type ViewStatsQuery } from '@portico/core';
import { readArray, readCount, readId, readObject, readOptionalString } from '@portico/plugin-kit';
import { mapLimited } from './map-limited.js';
import { headerCount, notPublic } from './rest-request.js';
import type { SourceContext } from './source-context.js';
import { addCounts, type ViewsPlugin } from './views-plugins.js';

/**
 * The most view-count requests one answer makes at a time. Each is a whole WordPress run on
 * the server, so a list of 100 articles asks for its counts 4 at a time, not 100 at once.
 */
const REQUESTS_AT_ONCE = 4;

/** Post Views Counter's count for posts: one post's views, or the sum for several. */
async function postViewsCounterCount(
  context: SourceContext,
  ids: readonly string[],
  signal: AbortSignal | undefined,
): Promise<number | string | bigint> {
  const url = context.rest.url(`post-views-counter/get-post-views/${ids.join(',')}`);
  return readCount((await context.get(url, signal)).data, `The answer of ${url}`);
}

/**
 * Adds Post Views Counter's count to each article (WP-PostViews' `views` field is read with
 * the post). One small request per article, cached, at most `REQUESTS_AT_ONCE` at a time:
 * its route answers one sum for several ids, never a count each, so they cannot be asked
 * together. A count that cannot be had leaves the article without one, with a warning,
 * because views are an extra to an article.
 */
export async function withViews(
  context: SourceContext,
  articles: Article[],
  plugin: ViewsPlugin | undefined,
  signal: AbortSignal | undefined,
): Promise<Article[]> {
  if (plugin !== 'post-views-counter') return articles;
  return mapLimited(articles, REQUESTS_AT_ONCE, async (article) => {
    try {
      return { ...article, views: await postViewsCounterCount(context, [article.id], signal) };
    } catch (error) {
      if (signal?.aborted || isAbortError(error)) throw error;
      context.warnOnce('post-views-counter', `Post Views Counter gave no view counts: ${String(error)}`);
      return article;
    }
  });
}

interface PostAtPath {
  id: string;
  views?: number | string | bigint;
}

function pathname(url: string): string {
  return url.replace(/\/+$/, '') || '/';
}

/** The published post a page path belongs to: `/…/<slug>/`, or `/?p=<id>` without pretty permalinks. */
async function postAtPath(
  context: SourceContext,
  path: string,
  plugin: ViewsPlugin,
  signal: AbortSignal | undefined,
): Promise<PostAtPath> {
  const address = new URL(path, context.rest.root);
  const fields = plugin === 'wp-postviews' ? 'id,link,views' : 'id,link';
  const postId = address.searchParams.get('p');
  const slug = address.pathname.split('/').filter(Boolean).at(-1);
  const notFound = new SourceError('not-found', `No published WordPress post at ${path}.`, { retryable: false });
  let url: string;
  if (postId !== null && /^\d+$/.test(postId)) {
    url = context.rest.url(`wp/v2/posts/${postId}`, { _fields: fields });
  } else if (slug !== undefined) {
    url = context.rest.url('wp/v2/posts', { slug: safeDecode(slug), status: 'publish', _fields: fields });
  } else {
    throw notFound;
  }
  let data: unknown;
  try {
    data = (await context.get(url, signal)).data;
  } catch (error) {
    throw notPublic(error, notFound);
  }
  const candidates = (Array.isArray(data) ? data : [data]).map((item, index) =>
    readObject(item, `${url}[${String(index)}]`),
  );
  // Slugs are unique per post type; the link decides should a site have made them clash.
  const post =
    candidates.find((candidate) => {
      const link = readOptionalString(candidate.link, `${url}.link`);
      return link !== undefined && pathname(new URL(link, address).pathname) === pathname(address.pathname);
    }) ?? candidates[0];
  if (!post) throw notFound;
  const found: PostAtPath = { id: readId(post.id, `${url}.id`) };
  if (plugin === 'wp-postviews') found.views = readCount(post.views, `${url}.views`);
  return found;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The site-wide total, added up over every published post: one `wp/v2/posts` page of 100 ids
 * at a time (with their `views` for WP-PostViews; for Post Views Counter, one summing request
 * per page), `REQUESTS_AT_ONCE` at a time. Neither plugin publishes a total, so this is the
 * only exact one; it costs about two requests per 100 posts, which is why `maxPosts` bounds it.
 */
async function siteTotal(
  context: SourceContext,
  plugin: ViewsPlugin,
  maxPosts: number,
  signal: AbortSignal | undefined,
): Promise<number | string> {
  const fields = plugin === 'wp-postviews' ? 'id,views' : 'id';
  const pageUrl = (page: number): string =>
    context.rest.url('wp/v2/posts', { status: 'publish', per_page: 100, page, _fields: fields });
  const tooMany = (count: number): SourceError =>
    new SourceError(
      'unsupported',
      `Neither WordPress nor its views plugins give a site-wide view total; adding up the views of ${String(count)} or more posts ` +
        `takes more requests than viewTotalMaxPosts (${String(maxPosts)}) allows. Raise it, show one page's views (path), ` +
        `or take the total from the stats service.`,
      { retryable: false },
    );
  const first = await context.get(pageUrl(1), signal);
  const postCount = headerCount(first.headers, 'x-wp-total');
  const pageCount = headerCount(first.headers, 'x-wp-totalpages');
  if (postCount !== undefined && postCount > maxPosts) throw tooMany(postCount);
  const pages: unknown[][] = [readArray(first.data, pageUrl(1))];
  if (pageCount !== undefined) {
    // Page numbers by a loop, not `Array.from({ length }, …)`, which MooTools 1.4 (Joomla 3) breaks.
    const rest: number[] = [];
    for (let page = 2; page <= pageCount; page += 1) rest.push(page);
    pages.push(
      ...(await mapLimited(rest, REQUESTS_AT_ONCE, async (page) =>
        readArray((await context.get(pageUrl(page), signal)).data, pageUrl(page)),
      )),
    );
  } else {
    // Without the paging headers (a proxy that drops them), read on until a short page.
    while (pages.at(-1)?.length === 100) {
      if (pages.length * 100 >= maxPosts) throw tooMany(pages.length * 100);
      pages.push(readArray((await context.get(pageUrl(pages.length + 1), signal)).data, pageUrl(pages.length + 1)));
    }
  }
  const posts = pages.map((page, pageIndex) =>
    page.map((item, index) => readObject(item, `${pageUrl(pageIndex + 1)}[${String(index)}]`)),
  );
  if (plugin === 'wp-postviews') {
    return addCounts(posts.flat().map((post, index) => readCount(post.views, `wp/v2/posts[${String(index)}].views`)));
  }
  const ids = posts.map((page) => page.map((post, index) => readId(post.id, `wp/v2/posts[${String(index)}].id`)));
  const pagesWithPosts = ids.filter((page) => page.length > 0);
  return addCounts(
    await mapLimited(pagesWithPosts, REQUESTS_AT_ONCE, (page) => postViewsCounterCount(context, page, signal)),
  );
}

/**
 * View stats from the site's views plugin. With a `path`, that page's post and its count:
 * `views` is the count, and `total` repeats it, because the site-wide total costs a request
 * per 100 posts and a page's counter has no use for it. Without one, the site-wide total.
 */
export async function getViewStats(
  context: SourceContext,
  query: ViewStatsQuery | undefined,
  maxPosts: number,
  signal: AbortSignal | undefined,
): Promise<ViewStats> {
  const plugin = await context.viewsPlugin(signal);
  if (plugin === undefined) {
    throw new SourceError(
      'unsupported',
      `${context.rest.root} runs neither Post Views Counter nor WP-PostViews 2 (its REST index lists neither ` +
        `"post-views-counter" nor "postviews/v1"), so it has no view counts to give.`,
      { retryable: false },
    );
  }
  if (query?.path === undefined) return { total: await siteTotal(context, plugin, maxPosts, signal) };
  const post = await postAtPath(context, query.path, plugin, signal);
  const views = post.views ?? (await postViewsCounterCount(context, [post.id], signal));
  return { total: views, path: query.path, views };
}
