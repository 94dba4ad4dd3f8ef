import { isAbortError, isSourceError, type Category } from '@portico/core';
import { cachedRequest, readArray } from '@portico/plugin-kit';
import { readCategoryTerms, readMenuItems } from './read-terms.js';
import { headerCount, wordPressErrorOf } from './rest-request.js';
import { warnAboutItems, type SourceContext } from './source-context.js';

/**
 * Every item of a collection route, through all its pages of 100 (the first tells how many).
 * Read fresh: `getCategories` caches the tree.
 */
async function allPages(
  context: SourceContext,
  route: string,
  query: Record<string, string | number>,
  signal: AbortSignal,
): Promise<unknown[]> {
  const pageUrl = (page: number): string => context.rest.url(route, { ...query, per_page: 100, page });
  const first = await context.get(pageUrl(1), signal, { fresh: true });
  const pageCount = headerCount(first.headers, 'x-wp-totalpages') ?? 1;
  // Page numbers by a loop, not `Array.from({ length }, …)`, which MooTools 1.4 (Joomla 3) breaks.
  const rest: number[] = [];
  for (let page = 2; page <= pageCount; page += 1) rest.push(page);
  const later = await Promise.all(
    rest.map(async (page) => {
      const url = pageUrl(page);
      return readArray((await context.get(url, signal, { fresh: true })).data, url);
    }),
  );
  return [...readArray(first.data, pageUrl(1)), ...later.flat()];
}

async function categoryTree(context: SourceContext, signal: AbortSignal): Promise<Category[]> {
  const terms = await allPages(context, 'wp/v2/categories', {}, signal);
  return readCategoryTerms(terms, 'wp/v2/categories', warnAboutItems(context));
}

/** Why a menu is not used, when it cannot be; `undefined` for a failure categories would share. */
function menuUnavailable(error: unknown, menu: string): string | undefined {
  const wordPressError = wordPressErrorOf(error);
  const status = isSourceError(error) ? error.status : undefined;
  if (status === 401 || status === 403) {
    return (
      `menu ${menu} is not public (${wordPressError?.code ?? String(status)}): WordPress shows menus over the REST API ` +
      `only to signed-in editors, unless the site allows it (WordPress 6.8's rest_menu_read_access filter). ` +
      `Showing the categories instead.`
    );
  }
  if (wordPressError?.code === 'rest_no_route') {
    return `the site has no menu route (wp/v2/menu-items came with WordPress 5.9). Showing the categories instead.`;
  }
  return undefined;
}

/**
 * The category tree: the categories with their parents and counts, or, given a `menu`, that
 * navigation menu's items when the site lets visitors read them. A menu the site keeps
 * private (401/403 `rest_cannot_view`), an empty one, or no menu route at all falls back to
 * the categories with one console warning. The result is cached as a whole, so ten menus on
 * a page make one set of requests; its reads skip the per-route cache, so that a refresh
 * is not built from that cache's stale answers.
 */
export function getCategories(
  context: SourceContext,
  menu: string | undefined,
  maxAge: number,
  signal: AbortSignal | undefined,
): Promise<Category[]> {
  return cachedRequest(
    `wordpress:categories:${context.rest.root}:${menu ?? ''}`,
    async (requestSignal) => {
      if (menu === undefined) return categoryTree(context, requestSignal);
      try {
        const all = await allPages(context, 'wp/v2/menu-items', { menus: menu }, requestSignal);
        const items = readMenuItems(all, 'wp/v2/menu-items', warnAboutItems(context));
        if (items.length > 0) return items;
        context.warnOnce('menu', `menu ${menu} has no published items. Showing the categories instead.`);
      } catch (error) {
        const reason = requestSignal.aborted || isAbortError(error) ? undefined : menuUnavailable(error, menu);
        if (reason === undefined) throw error;
        context.warnOnce('menu', reason);
      }
      return categoryTree(context, requestSignal);
    },
    { signal, maxAge },
  );
}
