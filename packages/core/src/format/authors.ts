import { resolveLocale } from '../locale/resolve.js';
import { sharedIntl } from '../shared-intl.js';

/**
 * Joins author names as the locale's bylines do: `Thúy Vân, Bá Siêu` in vi (the seed's
 * byline), `Thúy Vân and Bá Siêu` in en. Blank names and anything that is not a string are
 * left out; no authors gives `""`.
 */
export function formatAuthors(authors: unknown, locale?: string): string {
  if (!Array.isArray(authors)) return typeof authors === 'string' ? authors.trim() : '';
  const names = authors
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return '';
  const { intlLocale, definition } = resolveLocale(locale);
  const { authorList } = definition;
  return sharedIntl('ListFormat', intlLocale, authorList, () => new Intl.ListFormat(intlLocale, authorList)).format(
    names,
  );
}
