import { resolveLocale } from '../locale/resolve.js';
import { sharedIntl } from '../shared-intl.js';
import { isolateDirection } from '../text/isolate-direction.js';

/**
 * Joins author names as the locale's bylines do: `Thúy Vân, Bá Siêu` in vi (the seed's
 * byline), `Thúy Vân and Bá Siêu` in en. Blank names and anything that is not a string are
 * left out; no authors gives `""`. A name that could turn the byline's direction is isolated.
 */
export function formatAuthors(authors: unknown, locale?: string): string {
  if (!Array.isArray(authors)) return typeof authors === 'string' ? authors.trim() : '';
  const names = authors
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.trim())
    .filter(Boolean)
    .map(isolateDirection);
  if (names.length === 0) return '';
  const { intlLocale, definition } = resolveLocale(locale);
  const { authorList } = definition;
  return sharedIntl('ListFormat', intlLocale, authorList, () => new Intl.ListFormat(intlLocale, authorList)).format(
    names,
  );
}
