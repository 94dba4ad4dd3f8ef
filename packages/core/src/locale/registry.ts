import { pageGlobal } from '../page-global.js';
import type { LocaleDefinition, LocaleOverride, Phrases } from './catalogue.js';
import { en } from './en.js';
import { canonicalTag } from './tag.js';
import { vi } from './vi.js';

const BUILT_IN: Readonly<Record<string, LocaleDefinition>> = { en, vi };

/** The locale that fills any phrase or format another locale leaves out. */
export const BASE_LOCALE = 'en';

interface LocaleStore {
  /** Integrator layers per canonical tag, in the order they were defined. */
  readonly layers: Map<string, LocaleOverride[]>;
  readonly events: EventTarget;
  revision: number;
}

// One per page: a phrase override made through one copy of the library applies to all.
const store = pageGlobal<LocaleStore>('locales.v1', () => ({
  layers: new Map(),
  events: new EventTarget(),
  revision: 0,
}));

const CHANGE_EVENT = 'change';

function changed(): void {
  store.revision += 1;
  store.events.dispatchEvent(new Event(CHANGE_EVENT));
}

/**
 * Adds a locale or adjusts one (a built-in one too): phrases merge key by key, date and
 * byline formats replace the whole option object. What a locale leaves out comes from its
 * language (`en-GB` from `en`), then from English. Returns a function that removes exactly
 * this definition again.
 *
 * @throws RangeError when `tag` is not a BCP 47 language tag (a programming error, found
 * at the call site rather than in a widget).
 */
export function defineLocale(tag: string, override: LocaleOverride): () => void {
  const key = canonicalTag(tag);
  if (key === undefined) throw new RangeError(`Not a language tag: ${JSON.stringify(tag)}`);
  const layer = { ...override };
  const layers = store.layers.get(key) ?? [];
  layers.push(layer);
  store.layers.set(key, layers);
  changed();
  return () => {
    const current = store.layers.get(key);
    const index = current?.indexOf(layer) ?? -1;
    if (current && index >= 0) {
      current.splice(index, 1);
      changed();
    }
  };
}

/** Overrides some phrases of a locale: `definePhrases('vi', { VIEW_HITS_TITLE: 'Lượt xem bài viết' })`. */
export function definePhrases(tag: string, phrases: NonNullable<LocaleOverride['phrases']>): () => void {
  return defineLocale(tag, { phrases });
}

/** Calls `listener` after any locale is defined or removed; returns the unsubscribe. */
export function onLocalesChange(listener: () => void): () => void {
  const handler = (): void => {
    listener();
  };
  store.events.addEventListener(CHANGE_EVENT, handler);
  return () => {
    store.events.removeEventListener(CHANGE_EVENT, handler);
  };
}

/** Language tags that have a built-in or integrator-defined locale. */
export function definedLocales(): string[] {
  const tags = new Set([...Object.keys(BUILT_IN), ...store.layers.keys()]);
  return [...tags].filter((tag) => tag in BUILT_IN || (store.layers.get(tag)?.length ?? 0) > 0);
}

/** What a lookup chain yields. */
export interface MergedLocale {
  /** Every phrase, the most specific locale's winning. */
  phrases: Phrases & Record<string, string>;
  /**
   * The phrases of each locale in the chain, most specific first, so a plural lookup can
   * prefer a locale's own bare key over English's `_0` form.
   */
  phraseLevels: readonly Readonly<Record<string, string>>[];
  /**
   * The language the phrases are in: the most specific tag in the chain that gives any
   * (`en` for a page in `fr`, which no locale defines; `vi` for `vi-VN`).
   */
  phraseTag: string;
  dateFormat: Intl.DateTimeFormatOptions;
  authorList: Intl.ListFormatOptions;
}

const mergedCache = new Map<string, { revision: number; merged: MergedLocale }>();

/**
 * Merges the layers for a chain of tags, most general first (`['en', 'vi', 'vi-VN']`):
 * built-in definitions, then the integrator's in the order they were made. Cached until
 * the next change.
 */
export function mergeLocale(chain: readonly string[]): MergedLocale {
  const cacheKey = chain.join('>');
  const cached = mergedCache.get(cacheKey);
  if (cached?.revision === store.revision) return cached.merged;

  const merged: MergedLocale = {
    phrases: { ...en.phrases },
    phraseLevels: [],
    phraseTag: BASE_LOCALE,
    dateFormat: en.dateFormat,
    authorList: en.authorList,
  };
  const levels: Record<string, string>[] = [];
  for (const tag of chain) {
    const builtIn = BUILT_IN[tag];
    const layers: LocaleOverride[] = [...(builtIn ? [builtIn] : []), ...(store.layers.get(tag) ?? [])];
    const level: Record<string, string> = {};
    for (const layer of layers) {
      Object.assign(level, layer.phrases);
      if (layer.dateFormat) merged.dateFormat = layer.dateFormat;
      if (layer.authorList) merged.authorList = layer.authorList;
    }
    Object.assign(merged.phrases, level);
    if (Object.keys(level).length > 0) merged.phraseTag = tag;
    levels.unshift(level);
  }
  merged.phraseLevels = levels;
  mergedCache.set(cacheKey, { revision: store.revision, merged });
  return merged;
}
