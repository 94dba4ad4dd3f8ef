import { BASE_LOCALE, mergeLocale, type MergedLocale } from './registry.js';
import { canonicalTag, languageForCountryCode } from './tag.js';

export interface ResolvedLocale {
  /**
   * The canonical tag (`vi-VN`, `tlh`), English for a missing or malformed one: the locale
   * phrases and sources are asked in, even where Intl does not know it.
   */
  tag: string;
  /** The tag to give `Intl` (`vi-VN` keeps its own regional formats). */
  intlLocale: string;
  /** Where phrases and formats are looked up, most general first: `['en', 'vi', 'vi-VN']`. */
  chain: readonly string[];
  /** The merged phrases and formats. */
  definition: MergedLocale;
}

function isFormattable(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}

/**
 * Resolves a language tag to what formatting and phrases need. A regional tag uses its
 * language's phrases and its own Intl formats (`en-GB`: English phrases, British dates); a
 * missing, empty or malformed tag gives English; a country code given as the language reads
 * as the language it means (`vn`, `vn-VN`: Vietnamese). Never throws.
 */
export function resolveLocale(tag?: string | null): ResolvedLocale {
  const { canonical, intlLocale, chain } = lookUp(tag ?? '');
  // Merged again only when a locale was defined since (mergeLocale keeps its own cache).
  return { tag: canonical, intlLocale, chain, definition: mergeLocale(chain) };
}

interface LookedUp {
  canonical: string;
  intlLocale: string;
  chain: readonly string[];
}

// Every phrase and format resolves its locale: asking Intl about the tag each time would cost
// more than the formatting. What a tag resolves to never changes; a page has a handful.
const lookedUp = new Map<string, LookedUp>();
const MOST_KEPT = 200;

function lookUp(tag: string): LookedUp {
  let found = lookedUp.get(tag);
  if (found) return found;
  // A country code given as the language (`vn`) is read as the language it means (`vi`).
  const canonical = (tag ? (languageForCountryCode(tag) ?? canonicalTag(tag)) : undefined) ?? BASE_LOCALE;
  const language = canonical.split('-')[0] ?? BASE_LOCALE;
  // Intl falls back to the runtime's default locale for a language it does not know;
  // English formats are the predictable fallback. Phrases still come from the chain, so an
  // integrator's locale works even where Intl lacks it.
  found = {
    canonical,
    intlLocale: isFormattable(canonical) ? canonical : BASE_LOCALE,
    chain: [...new Set([BASE_LOCALE, language, canonical])],
  };
  if (lookedUp.size >= MOST_KEPT) lookedUp.clear();
  lookedUp.set(tag, found);
  return found;
}
