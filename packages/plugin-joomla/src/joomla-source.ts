import {
  SourceError,
  isSourceError,
  type Article,
  type ArticleQuery,
  type Banner,
  type Category,
  type DataSource,
  type Page,
  type RequestOptions,
} from '@portico/core';
import {
  cachedRequest,
  clampPaging,
  consoleWarnOnce,
  fetchJson,
  htmlToText,
  isNonBlankString,
  isWebPageAnswer,
  readEach,
  readingFrom,
  resolveBaseUrl,
  warnOfUnknownOptions,
  type OptionNames,
} from '@portico/plugin-kit';
import { nextPageQuery, readJsonApiDocument, type JsonApiDocument, type JsonApiResource } from './json-api.js';
import { mapArticle, type LinkContext } from './map-article.js';
import { byBannerOrder, hasImpressionsLeft, lacksDetails, mapBanner } from './map-banner.js';
import { categoryTree, isShownInMenu, menuTree } from './map-tree.js';
import { DEFAULT_PUBLIC_ACCESS_LEVELS } from './proxy-rules.js';
import { inLanguage, isShown } from './published.js';

export interface JoomlaSourceOptions {
  /**
   * Where Joomla's API paths are answered: the Portico proxy (`/portico-proxy`), which mirrors
   * them (`/portico-proxy/v1/content/articles`), or a Joomla API opened to the public
   * (`https://example.vn/api/index.php`). Relative to the page in a browser.
   */
  baseUrl: string;
  /** The Joomla site's root, for article, category and banner links. Default: the root of `baseUrl`'s host. */
  siteUrl?: string | undefined;
  /** Take the category tree from this site menu (`mainmenu`) instead of the content categories. */
  menuType?: string | undefined;
  /** Only items in this content language (`vi-VN`) or in all languages (`*`). */
  language?: string | undefined;
  /** Articles per page when a widget does not say. Default 10, at most 100. */
  pageSize?: number | undefined;
  /** Milliseconds one request may take. Default 8000. */
  timeout?: number | undefined;
  /** Milliseconds an answer is reused before it is asked for again. Default 60 000. */
  maxAge?: number | undefined;
  /** An article's address: `{id}`, `{alias}`, `{catid}`, `{language}`. Default: Joomla's non-SEF route, which every site answers. */
  articleUrl?: string | undefined;
  /** A category's address: `{id}`, `{alias}`. Default `index.php?option=com_content&view=category&id={id}`. */
  categoryUrl?: string | undefined;
  /** A menu item's address: `{id}`, `{path}`, `{alias}`. Default `index.php?Itemid={id}`; `{path}` for sites with URL rewriting. */
  menuItemUrl?: string | undefined;
  /** Link banners through Joomla's click counter (`task=click`) rather than straight to the advertiser. Default false. */
  trackBannerClicks?: boolean | undefined;
  /**
   * Joomla access levels the public sees; items at others are left out, as the proxy does.
   * Default `[1, 5]` (Public, Guest). Matters only for a Joomla API used without the proxy.
   */
  publicAccessLevels?: readonly number[] | undefined;
  /** For tests and unusual hosts. */
  fetch?: typeof fetch | undefined;
}

export const DEFAULT_ARTICLE_URL = 'index.php?option=com_content&view=article&id={id}:{alias}&catid={catid}';
export const DEFAULT_CATEGORY_URL = 'index.php?option=com_content&view=category&id={id}';
export const DEFAULT_MENU_ITEM_URL = 'index.php?Itemid={id}';

const DEFAULT_PAGE_SIZE = 10;
/** The proxy's (and a sensible) ceiling for `page[limit]`. */
const LARGEST_PAGE = 100;
/** A list longer than this many pages is a loop or a mistake, not a menu. */
const MOST_PAGES = 50;

/** `filter[state]=1&page[limit]=10`: brackets kept readable, values encoded. */
function queryString(params: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
}

/** Joomla's (or the proxy's) own 404, not a web server's page at an address with no API. */
function isNotFound(error: unknown): boolean {
  return isSourceError(error) && error.code === 'http' && error.status === 404 && !isWebPageAnswer(error);
}

/** Every option `joomla()` takes, for the warning about one it does not. */
const JOOMLA_OPTIONS: OptionNames<JoomlaSourceOptions> = {
  baseUrl: true,
  siteUrl: true,
  menuType: true,
  language: true,
  pageSize: true,
  timeout: true,
  maxAge: true,
  articleUrl: true,
  categoryUrl: true,
  menuItemUrl: true,
  trackBannerClicks: true,
  publicAccessLevels: true,
  fetch: true,
};

/**
 * A data source for a Joomla 4 or 5 site's Web Services:
 * `registerSource('site', joomla({ baseUrl: '/portico-proxy' }))`. Only published items are
 * asked for and kept; every widget on the page shares each request and its cache.
 */
export function joomla(options: JoomlaSourceOptions): DataSource {
  warnOfUnknownOptions('joomla', options, JOOMLA_OPTIONS);
  if (!isNonBlankString(options.baseUrl)) {
    throw new TypeError('joomla() needs a baseUrl: the address of the Portico proxy, such as "/portico-proxy".');
  }
  const base = resolveBaseUrl(options.baseUrl);
  const links: LinkContext = {
    siteUrl: new URL(options.siteUrl ?? '/', base).href,
    articleUrl: options.articleUrl ?? DEFAULT_ARTICLE_URL,
    categoryUrl: options.categoryUrl ?? DEFAULT_CATEGORY_URL,
    menuItemUrl: options.menuItemUrl ?? DEFAULT_MENU_ITEM_URL,
  };
  const { language, menuType } = options;
  const publicLevels = options.publicAccessLevels ?? DEFAULT_PUBLIC_ACCESS_LEVELS;
  // Lists are read item by item: one item that cannot be read (a date that is not one, a
  // title that is not text) is left out with a warning rather than failing the whole list;
  // when none can be read, the first problem is the list's.
  const warn = consoleWarnOnce('Portico joomla');
  const reading = (route: string) => ({ where: new URL(route, base).href, warn });

  function load(route: string, query: string, signal: AbortSignal | undefined): Promise<JsonApiDocument> {
    const url = `${new URL(route, base).href}${query ? `?${query}` : ''}`;
    return cachedRequest(
      `joomla:${url}`,
      async (requestSignal) => {
        try {
          const { data } = await fetchJson(url, {
            signal: requestSignal,
            timeout: options.timeout,
            fetch: options.fetch,
          });
          return readingFrom(url, () => readJsonApiDocument(data));
        } catch (error) {
          if (isSourceError(error) && error.code === 'http' && (error.status === 401 || error.status === 403)) {
            throw new SourceError(
              'http',
              `${error.message} Joomla's API needs a token even to read: point baseUrl at the Portico proxy, which holds it.`,
              { status: error.status, retryable: false, cause: error },
            );
          }
          throw error;
        }
      },
      { signal, maxAge: options.maxAge },
    );
  }

  /** Every item of a list route, following `links.next`. */
  async function loadAll(route: string, params: Record<string, string | undefined>, signal?: AbortSignal) {
    const resources: JsonApiResource[] = [];
    let query: string | undefined = queryString({ ...params, 'page[limit]': LARGEST_PAGE });
    for (let pages = 0; query !== undefined && pages < MOST_PAGES; pages += 1) {
      const url = new URL(route, base).href;
      const document = await load(route, query, signal);
      resources.push(...document.resources);
      query = nextPageQuery(document, url);
    }
    return resources;
  }

  async function categoryIdFor(categoryId: string, signal: AbortSignal | undefined): Promise<string> {
    if (/^\d+$/.test(categoryId)) return categoryId;
    // A category named by its alias, as in a site's addresses.
    const found = (await loadAll('v1/content/categories', {}, signal)).find(
      (category) => category.attributes.alias === categoryId,
    );
    if (!found) {
      throw new SourceError('not-found', `No Joomla category with the id or alias "${categoryId}".`, {
        retryable: false,
      });
    }
    return found.id;
  }

  async function bannerCategoryIds(position: string, signal: AbortSignal | undefined): Promise<Set<string>> {
    if (/^\d+$/.test(position)) return new Set([position]);
    const wanted = position.trim().toLowerCase();
    const route = 'v1/banners/categories';
    const named = (category: JsonApiResource): boolean =>
      String(category.attributes.alias).toLowerCase() === wanted ||
      htmlToText(String(category.attributes.title)).toLowerCase() === wanted;
    // Named first: another position's category with a bad date has no say in this one.
    const shownIds = readEach(
      await loadAll(route, {}, signal),
      (category) =>
        named(category) && isShown(category, 'published', Date.now(), publicLevels) ? category.id : undefined,
      reading(route),
    );
    return new Set(shownIds);
  }

  return {
    kind: 'joomla',

    async listArticles(query: ArticleQuery, request?: RequestOptions): Promise<Page<Article>> {
      const signal = request?.signal;
      const { page: pageNumber, pageSize } = clampPaging(query, {
        defaultPageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
        largestPageSize: LARGEST_PAGE,
      });
      const route = 'v1/content/articles';
      const search = queryString({
        'filter[state]': 1,
        'filter[category]': query.categoryId === undefined ? undefined : await categoryIdFor(query.categoryId, signal),
        'list[ordering]': query.order === 'most-read' ? 'a.hits' : 'a.publish_up',
        'list[direction]': 'desc',
        'page[offset]': (pageNumber - 1) * pageSize,
        'page[limit]': pageSize,
      });
      // No filter[language]: Joomla's filter is exact, and the site shows articles "for all
      // languages" (`*`) too; those are kept below.
      let document: JsonApiDocument;
      try {
        document = await load(route, search, signal);
      } catch (error) {
        // Joomla answers 404 for an offset past the last article: an empty page, not a failure.
        if (pageNumber > 1 && isNotFound(error)) return { items: [], page: pageNumber, pageSize, hasMore: false };
        throw error;
      }
      const url = `${new URL(route, base).href}?${search}`;
      const now = Date.now();
      const items = readEach(
        document.resources,
        (resource) =>
          isShown(resource, 'state', now, publicLevels) && inLanguage(resource, language)
            ? mapArticle(resource, links, 'intro')
            : undefined,
        { where: url, warn },
      );
      return { items, page: pageNumber, pageSize, hasMore: nextPageQuery(document, url) !== undefined };
    },

    async getArticle(id: string, request?: RequestOptions): Promise<Article> {
      const missing = new SourceError('not-found', `No published Joomla article with the id "${id}".`, {
        retryable: false,
      });
      if (!/^\d+$/.test(id)) throw missing;
      const route = `v1/content/articles/${id}`;
      let document: JsonApiDocument;
      try {
        document = await load(route, '', request?.signal);
      } catch (error) {
        throw isNotFound(error) ? missing : error;
      }
      const [resource] = document.resources;
      const shown = readingFrom(
        new URL(route, base).href,
        () => resource && isShown(resource, 'state', Date.now(), publicLevels),
      );
      if (!resource || !shown) throw missing;
      return readingFrom(new URL(route, base).href, () => mapArticle(resource, links, 'fulltext'));
    },

    async getCategories(request?: RequestOptions): Promise<Category[]> {
      const signal = request?.signal;
      const now = Date.now();
      if (menuType !== undefined) {
        const route = 'v1/menus/site/items';
        const items = await loadAll(route, { 'filter[menutype]': menuType }, signal);
        const shown = readEach(
          items,
          (item) =>
            isShown(item, 'published', now, publicLevels) && isShownInMenu(item) && inLanguage(item, language)
              ? item
              : undefined,
          reading(route),
        );
        return menuTree(shown, links, reading(route));
      }
      const route = 'v1/content/categories';
      const categories = await loadAll(route, {}, signal);
      const shown = readEach(
        categories,
        (category) =>
          isShown(category, 'published', now, publicLevels) && inLanguage(category, language) ? category : undefined,
        reading(route),
      );
      return categoryTree(shown, links, reading(route));
    },

    /**
     * Joomla banners have no module position: `position` names a banner category, by alias
     * (`sidebar`), title or id. The list route leaves out each banner's image, link and code,
     * so each banner's own route is asked for them (once per page, through the shared cache).
     */
    async getBanners(position: string, request?: RequestOptions): Promise<Banner[]> {
      const signal = request?.signal;
      const now = Date.now();
      const [categoryIds, listed] = await Promise.all([
        bannerCategoryIds(position, signal),
        loadAll('v1/banners', {}, signal),
      ]);
      // In the position first: another position's banner with a bad date has no say in this one.
      const inPosition = readEach(
        listed,
        (banner) =>
          categoryIds.has(String(banner.attributes.catid)) &&
          isShown(banner, 'state', now, publicLevels) &&
          hasImpressionsLeft(banner) &&
          inLanguage(banner, language)
            ? banner
            : undefined,
        reading('v1/banners'),
      );
      const detailed = await Promise.all(
        inPosition.map(async (banner): Promise<JsonApiResource | undefined> => {
          if (!lacksDetails(banner)) return banner;
          try {
            const [details] = (await load(`v1/banners/${banner.id}`, '', signal)).resources;
            return details && { ...banner, attributes: { ...banner.attributes, ...details.attributes } };
          } catch (error) {
            // Unpublished since the list was read: the proxy answers 404.
            if (isNotFound(error)) return undefined;
            throw error;
          }
        }),
      );
      const bannerLinks = { siteUrl: links.siteUrl, trackClicks: options.trackBannerClicks === true };
      const found = detailed.filter((banner): banner is JsonApiResource => banner !== undefined);
      return readEach(found, (banner) => mapBanner(banner, position, bannerLinks), reading('v1/banners')).sort(
        byBannerOrder,
      );
    },
  };
}
