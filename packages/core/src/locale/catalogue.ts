/**
 * The shape of a locale: its phrases (Joomla-compatible keys and printf-style strings) and
 * the Intl options that make its dates and bylines look as its portals print them.
 */

/** The phrase keys Portico ships in every built-in locale. */
export const PHRASE_KEYS = [
  'ONLINE_TITLE',
  'GUESTS',
  'GUESTS_1',
  'GUESTS_0',
  'MEMBERS',
  'MEMBERS_1',
  'MEMBERS_0',
  'WE_HAVE',
  'VIEW_HITS_TITLE',
  'ARTICLE_HITS',
  'WRITTEN_BY',
  'READ_MORE',
  'LOADING',
  'OUT_OF_DATE',
  'UNAVAILABLE',
  'MEMBERS_ONLINE',
  'EMPTY',
  'CONTENT_UNAVAILABLE',
  'CONTENT_NOT_FOUND',
  'CATEGORIES',
  'MENU',
  'SUBCATEGORIES_OF',
  'ARTICLES',
  'ARTICLES_1',
  'ARTICLES_0',
  'PUBLISHED_ON',
  'READING_TIME',
  'OPENS_NEW_TAB',
  'FEATURED_LINKS',
  'PREVIOUS',
  'NEXT',
  'PAUSE_ROTATION',
  'START_ROTATION',
  'SLIDE_OF',
  'CAROUSEL',
  'SLIDE',
] as const;

export type PhraseKey = (typeof PHRASE_KEYS)[number];

/** A complete catalogue: every built-in key has a string. */
export type Phrases = Record<PhraseKey, string>;

export interface LocaleDefinition {
  phrases: Phrases;
  /** How a date shows (`25/8/2020` in vi, `Aug 25, 2020` in en). */
  dateFormat: Intl.DateTimeFormatOptions;
  /** How a list of authors joins (`Thúy Vân, Bá Siêu` in vi, `Thúy Vân and Bá Siêu` in en). */
  authorList: Intl.ListFormatOptions;
}

/**
 * What an integrator gives to add or adjust a locale: any subset. Keys beyond the built-in
 * ones are allowed, for phrases of their own.
 */
export interface LocaleOverride {
  phrases?: Partial<Phrases> & Record<string, string>;
  dateFormat?: Intl.DateTimeFormatOptions;
  authorList?: Intl.ListFormatOptions;
}
