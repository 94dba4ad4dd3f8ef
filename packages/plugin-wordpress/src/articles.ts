import { SourceError, type Article, type ArticleQuery, type Page } from '@portico/core';
import { clampPaging, readArray, readEach, readId, readObject } from '@portico/plugin-kit';
import { readPost, type ReadPost } from './read-post.js';
import { headerCount, notPublic, wordPressErrorOf } from './rest-request.js';
import { warnAboutItems, type SourceContext } from './source-context.js';
import { withViews } from './view-stats.js';

/** The links `_embed` follows: the byline, the image and the categories, not the comments. */
const EMBED = 'author,wp:featuredmedia,wp:term';

/** WordPress answers at most 100 posts a page. */
export const LARGEST_PAGE = 100;

function isPublished(post: ReadPost): boolean {
  return post.status === undefined || post.status === 'publish';
}

/** A category id for `categories=`: WordPress's numeric term id, or a slug looked up once. */
async function categoryTermId(context: SourceContext, categoryId: string, signal: AbortSignal | undefined) {
  if (/^\d+$/.test(categoryId)) return categoryId;
  const url = context.rest.url('wp/v2/categories', { slug: categoryId, _fields: 'id' });
  const [term] = readArray((await context.get(url, signal)).data, url);
  if (term === undefined) {
    throw new SourceError('not-found', `No WordPress category with the slug "${categoryId}".`, { retryable: false });
  }
  return readId(readObject(term, `${url}[0]`).id, `${url}[0].id`);
}

/**
 * A page of published posts, newest first: `wp/v2/posts?_embed&per_page&page&categories`,
 * `total` from `X-WP-Total`, `hasMore` from `X-WP-TotalPages`. Neither views plugin lets the
 * REST API sort by views, so `most-read` gives the newest too, with a warning.
 */
export async function listArticles(
  context: SourceContext,
  query: ArticleQuery,
  defaultPageSize: number,
  signal: AbortSignal | undefined,
): Promise<Page<Article>> {
  const { page, pageSize } = clampPaging(query, { defaultPageSize, largestPageSize: LARGEST_PAGE });
  if (query.order === 'most-read') {
    context.warnOnce(
      'most-read',
      'the REST API cannot sort posts by views (neither Post Views Counter nor WP-PostViews adds that), so "most-read" lists the newest first.',
    );
  }
  const [categories, plugin] = await Promise.all([
    query.categoryId === undefined ? undefined : categoryTermId(context, query.categoryId, signal),
    context.viewsPluginIfKnown(signal),
  ]);
  const url = context.rest.url('wp/v2/posts', {
    _embed: EMBED,
    status: 'publish',
    categories,
    orderby: 'date',
    order: 'desc',
    per_page: pageSize,
    page,
  });
  let answer;
  try {
    answer = await context.get(url, signal);
  } catch (error) {
    // A page past the last is an empty page, not a failure.
    if (wordPressErrorOf(error)?.code === 'rest_post_invalid_page_number')
      return { items: [], page, pageSize, hasMore: false };
    throw error;
  }
  const list = readArray(answer.data, url);
  // Each post on its own: one that cannot be read is left out with a warning, not the whole list.
  const posts = readEach(
    list,
    (item, index) => readPost(item, `wp/v2/posts[${String(index)}]`, { viewsField: plugin === 'wp-postviews' }),
    { warn: warnAboutItems(context) },
  ).filter(isPublished);
  const total = headerCount(answer.headers, 'x-wp-total');
  const pageCount = headerCount(answer.headers, 'x-wp-totalpages');
  return {
    items: await withViews(
      context,
      posts.map((post) => post.article),
      plugin,
      signal,
    ),
    page,
    pageSize,
    total,
    // Without the paging headers (a proxy or CDN that drops them), a full page may have a next.
    hasMore: pageCount === undefined ? list.length === pageSize : page < pageCount,
  };
}

/**
 * One published post with its author, image and categories: `wp/v2/posts/<id>?_embed`, or
 * by slug (`?slug=`) for an id that is not a number. A missing or non-public post
 * (`rest_post_invalid_id`, `rest_forbidden`) is `not-found`.
 */
export async function getArticle(
  context: SourceContext,
  id: string,
  signal: AbortSignal | undefined,
): Promise<Article> {
  const notFound = new SourceError(
    'not-found',
    `No published WordPress post with the id "${id}" at ${context.rest.root}.`,
    {
      retryable: false,
    },
  );
  const byNumber = /^\d+$/.test(id);
  const url = byNumber
    ? context.rest.url(`wp/v2/posts/${id}`, { _embed: EMBED })
    : context.rest.url('wp/v2/posts', { slug: id, status: 'publish', _embed: EMBED });
  const [plugin, data] = await Promise.all([
    context.viewsPluginIfKnown(signal),
    context.get(url, signal).then(
      (answer) => answer.data,
      (error: unknown) => {
        throw notPublic(error, notFound);
      },
    ),
  ]);
  const item = byNumber ? data : readArray(data, url)[0];
  if (item === undefined) throw notFound;
  const post = readPost(item, byNumber ? `wp/v2/posts/${id}` : 'wp/v2/posts[0]', {
    viewsField: plugin === 'wp-postviews',
  });
  if (!isPublished(post)) throw notFound;
  const [article] = await withViews(context, [post.article], plugin, signal);
  return article ?? post.article;
}
