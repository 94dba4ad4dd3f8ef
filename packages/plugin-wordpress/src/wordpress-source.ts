import type { DataSource } from '@portico/core';
import { isNonBlankString, warnOfUnknownOptions, type OptionNames } from '@portico/plugin-kit';
import { getArticle, LARGEST_PAGE, listArticles } from './articles.js';
import { getCategories } from './categories.js';
import { createContext } from './source-context.js';
import { getViewStats } from './view-stats.js';
import { VIEWS_OPTIONS, type ViewsOption } from './views-plugins.js';

export interface WordPressSourceOptions {
  /**
   * The REST API root: `https://example.vn/wp-json`, `/wp-json` on the page's own origin, or
   * `https://example.vn/?rest_route=` for a site without pretty permalinks.
   */
  baseUrl: string;
  /**
   * A navigation menu's id (Appearance → Menus shows it as `menu=3` in the address) to use as
   * the category tree instead of the categories, when the site lets visitors read menus.
   */
  menu?: number | string | undefined;
  /** Where view counts come from. Default `auto`: the plugin the site's REST index reveals. */
  views?: ViewsOption | undefined;
  /** Articles per page when a widget asks for none. Default 10, at most 100. */
  pageSize?: number | undefined;
  /** Milliseconds one request may take. Default 8000. */
  timeout?: number | undefined;
  /** Further attempts after a failure that may pass (network, timeout, 5xx, 429). Default 2. */
  retries?: number | undefined;
  /** The first retry's delay ceiling in milliseconds, doubling each time, with jitter. Default 400. */
  retryDelay?: number | undefined;
  /** Milliseconds an answer is used before it is asked again. Default 60 000. */
  maxAge?: number | undefined;
  /**
   * The most posts whose views are added up for a site-wide total (two requests per 100
   * posts). Default 1000; beyond it `getViewStats()` without a path is `unsupported`.
   */
  viewTotalMaxPosts?: number | undefined;
  /** For tests and unusual hosts. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
}

function optionError(problem: string): TypeError {
  return new TypeError(`wordpress(): ${problem}`);
}

function wholeNumber(value: unknown, name: string, least: number, most = Infinity): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < least || value > most) {
    throw optionError(
      `${name} must be a whole number from ${String(least)}${most < Infinity ? ` to ${String(most)}` : ''}.`,
    );
  }
  return value;
}

function menuOption(menu: unknown): string | undefined {
  if (menu === undefined) return undefined;
  const text = typeof menu === 'number' ? String(menu) : menu;
  if (typeof text !== 'string' || !/^[1-9]\d*$/.test(text.trim())) {
    throw optionError(`menu must be a menu's id (a whole number such as 3), got ${JSON.stringify(menu)}.`);
  }
  return text.trim();
}

/** Every option `wordpress()` takes, for the warning about one it does not. */
const WORDPRESS_OPTIONS: OptionNames<WordPressSourceOptions> = {
  baseUrl: true,
  menu: true,
  views: true,
  pageSize: true,
  timeout: true,
  retries: true,
  retryDelay: true,
  maxAge: true,
  viewTotalMaxPosts: true,
  fetch: true,
};

/**
 * A data source for a WordPress site's public REST API: articles from `wp/v2/posts` (with
 * their author, featured image and categories embedded), the category tree from
 * `wp/v2/categories` or a navigation menu, and view counts from Post Views Counter or
 * WP-PostViews when the site runs one. Requests carry no credentials, so no proxy is needed.
 *
 * ```ts
 * registerSource('site', wordpress({ baseUrl: 'https://example.vn/wp-json' }));
 * ```
 *
 * There are no banners: WordPress has no banner type of its own (`getBanners` is absent).
 */
export function wordpress(options: WordPressSourceOptions): DataSource {
  warnOfUnknownOptions('wordpress', options, WORDPRESS_OPTIONS);
  if (!isNonBlankString(options.baseUrl)) {
    throw optionError('baseUrl must be the REST API root, such as https://example.vn/wp-json.');
  }
  const views = options.views ?? 'auto';
  if (!VIEWS_OPTIONS.includes(views)) {
    throw optionError(`views must be one of ${VIEWS_OPTIONS.join(', ')}, got ${JSON.stringify(views)}.`);
  }
  const menu = menuOption(options.menu);
  const pageSize = wholeNumber(options.pageSize, 'pageSize', 1, LARGEST_PAGE) ?? 10;
  const maxAge = wholeNumber(options.maxAge, 'maxAge', 0) ?? 60_000;
  const viewTotalMaxPosts = wholeNumber(options.viewTotalMaxPosts, 'viewTotalMaxPosts', 0) ?? 1000;
  const context = createContext({
    baseUrl: options.baseUrl.trim(),
    views,
    maxAge,
    timeout: wholeNumber(options.timeout, 'timeout', 1),
    retries: wholeNumber(options.retries, 'retries', 0),
    retryDelay: wholeNumber(options.retryDelay, 'retryDelay', 0),
    fetch: options.fetch,
  });

  const source: DataSource = {
    kind: 'wordpress',
    listArticles: (query, request) => listArticles(context, query, pageSize, request?.signal),
    getArticle: (id, request) => getArticle(context, id, request?.signal),
    getCategories: (request) => getCategories(context, menu, maxAge, request?.signal),
  };
  if (views !== 'none') {
    source.getViewStats = (query, request) => getViewStats(context, query, viewTotalMaxPosts, request?.signal);
  }
  return source;
}
