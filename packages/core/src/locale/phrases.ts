import { formatInteger, parseExactInteger } from '../format/integer.js';
import type { PhraseKey } from './catalogue.js';
import { resolveLocale } from './resolve.js';
import { sharedIntl } from '../shared-intl.js';

/** A value a phrase placeholder takes. */
export type PhraseArgument = string | number | bigint;

// %s, %d, %1$s, %2$d and %% as Joomla's (PHP's) sprintf reads them.
const PLACEHOLDER = /%(?:(\d+)\$)?([sd])|%%/g;

/**
 * Fills a printf-style phrase: `%s` and `%d` take the arguments in order, `%1$s` a given
 * one, `%%` is a percent sign. A missing argument leaves an empty string. Never throws.
 */
export function fillPhrase(template: string, args: readonly PhraseArgument[]): string {
  let next = 0;
  return template.replace(PLACEHOLDER, (match, position: string | undefined) => {
    if (match === '%%') return '%';
    const index = position === undefined ? next++ : Number(position) - 1;
    const value = args[index];
    return value === undefined ? '' : String(value);
  });
}

/**
 * The phrase for `key` in `locale`, filled with `args`. A key the locale lacks comes from
 * its language, then English; a key no locale has comes back as the key itself, so a typo
 * shows up on the page instead of an empty box.
 */
export function translate(key: PhraseKey | (string & {}), locale?: string, ...args: PhraseArgument[]): string {
  const template = resolveLocale(locale).definition.phrases[key];
  return template === undefined ? key : fillPhrase(template, args);
}

/**
 * Joomla's plural lookup (`Text::plural`): for a count of 0 or 1 the `KEY_0` / `KEY_1`
 * phrase, then the locale's plural category (`KEY_FEW`, for locales an integrator adds),
 * else the bare `KEY`; in the most specific locale that has any of them. The count fills the first placeholder, formatted for the locale;
 * `args` fill the rest. An invalid count uses the bare key with a visible fallback number.
 */
export function translatePlural(
  key: PhraseKey | (string & {}),
  count: unknown,
  locale?: string,
  ...args: PhraseArgument[]
): string {
  const resolved = resolveLocale(locale);
  const exact = parseExactInteger(count);
  const formattedCount = formatInteger(exact, { locale: resolved.intlLocale });

  const candidates: string[] = [];
  if (exact !== undefined) {
    if (exact === 0n || exact === 1n) candidates.push(`${key}_${String(exact)}`);
    // PluralRules takes a number; beyond 2^53 only the category matters, which rounding keeps.
    const { intlLocale } = resolved;
    const category = sharedIntl('PluralRules', intlLocale, {}, () => new Intl.PluralRules(intlLocale)).select(
      Number(exact),
    );
    if (category !== 'other') candidates.push(`${key}_${category.toUpperCase()}`);
  }
  candidates.push(key);

  // The most specific locale that has any form wins: a locale with only a bare `GUESTS`
  // says "0 gości" rather than borrowing English's "no guests".
  for (const level of resolved.definition.phraseLevels) {
    for (const candidate of candidates) {
      const template = level[candidate];
      if (template !== undefined) return fillPhrase(template, [formattedCount, ...args]);
    }
  }
  return key;
}
