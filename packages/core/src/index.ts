/**
 * @portico/core: the portal's data types, Intl formatting, Joomla-compatible phrases in
 * Vietnamese and English, text helpers and the data-source plugin contract.
 * No DOM and no Lit: it runs in Node and in browsers.
 */
export type { Article, Banner, Category, ExactCount, Image, ViewStats, VisitorStats } from './types.js';
export { pageGlobal } from './page-global.js';

export {
  formatInteger,
  parseCount,
  parseExactInteger,
  INVALID_NUMBER_FALLBACK,
  type Grouping,
  type IntegerFormatOptions,
  type Notation,
} from './format/integer.js';
export {
  formatDate,
  isKnownTimeZone,
  parsePortalDate,
  toDateTimeAttribute,
  INVALID_DATE_FALLBACK,
  type DateFormatOptions,
  type PortalDate,
} from './format/date.js';
export { formatRelativeTime, type RelativeTimeOptions } from './format/relative-time.js';
export { formatAuthors } from './format/authors.js';
export { formatVisitorPhrase } from './format/visitors.js';

export {
  PHRASE_KEYS,
  type LocaleDefinition,
  type LocaleOverride,
  type PhraseKey,
  type Phrases,
} from './locale/catalogue.js';
export { en } from './locale/en.js';
export { vi } from './locale/vi.js';
export { defineLocale, definePhrases, definedLocales, onLocalesChange, BASE_LOCALE } from './locale/registry.js';
export { resolveLocale, type ResolvedLocale } from './locale/resolve.js';
export { canonicalTag, contentLang, languageForCountryCode } from './locale/tag.js';
export { fillPhrase, translate, translatePlural, type PhraseArgument } from './locale/phrases.js';

export { slugify, type SlugOptions } from './text/slug.js';
export { excerpt, type ExcerptOptions } from './text/excerpt.js';
export { estimateReadingMinutes, type ReadingTimeOptions } from './text/reading-time.js';
export { shownText } from './text/shown-text.js';
export { closestName, didYouMean, quotedNames } from './text/did-you-mean.js';

export {
  SOURCE_CAPABILITIES,
  type ArticleQuery,
  type DataSource,
  type LiveObserver,
  type LiveOptions,
  type Page,
  type RequestOptions,
  type SourceCapability,
  type Unsubscribe,
  type ViewStatsQuery,
} from './sources/contract.js';
export {
  SourceError,
  isAbortError,
  isSourceError,
  toSourceError,
  unsupportedCapabilityError,
  type SourceErrorCode,
  type SourceErrorOptions,
} from './sources/errors.js';
export {
  registerSource,
  unregisterSource,
  getSource,
  onSourceRegistered,
  registeredSources,
  whenSourceRegistered,
  requireCapability,
  DEFAULT_REGISTRATION_TIMEOUT,
  type BoundCapability,
  type WaitForSourceOptions,
} from './sources/registry.js';
