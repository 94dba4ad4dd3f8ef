/**
 * @portico/plugin-kit: what Portico's data plugins share. For plugin authors; integrators use
 * the plugins (`@portico/plugin-json`, `-joomla`, `-wordpress`, `-stats`).
 */
export { fetchJson, isWebPageAnswer, type FetchJsonOptions, type JsonResponse } from './fetch-json.js';
export { cachedRequest, clearCache, type CachedRequestOptions } from './page-cache.js';
export { createLiveFeed, type LiveFeed, type LiveFeedOptions } from './live-feed.js';
export {
  readArray,
  readCount,
  readId,
  readObject,
  readOptional,
  readOptionalBoolean,
  readOptionalCount,
  readOptionalNumber,
  readOptionalNumeric,
  readOptionalString,
  readString,
} from './validate.js';
export { consoleWarnOnce, readEach, type ReadEachOptions, type Warn } from './read-each.js';
export { warnOfUnknownOptions, type OptionNames } from './unknown-options.js';
export {
  readArticle,
  readBanner,
  readCategory,
  readEachInList,
  readImage,
  readList,
  readViewStats,
  readVisitorStats,
} from './portal-data.js';
export { decodeEntities, htmlToText } from './html-text.js';
export { isNonBlankString, presentFields } from './present.js';
export { readingFrom } from './reading-from.js';
export { resolveBaseUrl, resolveUrl } from './resolve-url.js';
export { clampPaging, type PagingLimits, type PagingQuery } from './paging.js';
export { unusableSource } from './unusable-source.js';
export {
  applyPageConfig,
  configureNowAndWhenParsed,
  type LazySourceFactory,
  type PageConfigOptions,
  type PageConfigResult,
  type SourceFactory,
} from './page-config.js';
