/**
 * One Intl object per kind, locale and options for the whole page. Making one looks the
 * locale's data up each time, which a widget rendering a sentence (two plural rules, a number
 * format) would otherwise do on every render; Intl objects never change once made, so sharing
 * them is safe.
 */
const made = new Map<string, object>();
/** A page sees a handful of locales; a bound keeps a stream of odd `lang` values from piling up. */
const MOST_KEPT = 200;

/**
 * The Intl object `make` gives for `kind`, `locale` and `options`, made once:
 * `sharedIntl('PluralRules', 'vi', {}, () => new Intl.PluralRules('vi'))`.
 * Options must be plain JSON data (no functions), as Intl's are.
 */
export function sharedIntl<T extends object>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let shared = made.get(key) as T | undefined;
  if (shared === undefined) {
    shared = make();
    if (made.size >= MOST_KEPT) made.clear();
    made.set(key, shared);
  }
  return shared;
}
