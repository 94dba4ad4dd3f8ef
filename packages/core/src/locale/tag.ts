/**
 * The canonical form of a language tag (`vi_VN` → `vi-VN`, `EN-gb` → `en-GB`), or
 * `undefined` when it is not one. The one rule for the registry and for resolving, so a tag
 * that resolves can also be defined.
 */
export function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/**
 * Country codes pages give as their language, and the language each means: `lang="vn"` is
 * common on Vietnamese sites, and no language has the code `vn`.
 */
const COUNTRY_CODE_LANGUAGES = new Map([['vn', 'vi']]);

/**
 * `tag` with a country code in the language's place replaced by the language it means
 * (`vn` → `vi`, `vn-VN` → `vi-VN`); `undefined` when it has none.
 */
export function languageForCountryCode(tag: string): string | undefined {
  const [language = '', ...rest] = tag.trim().split(/[-_]/);
  const meant = COUNTRY_CODE_LANGUAGES.get(language.toLowerCase());
  return meant && canonicalTag([meant, ...rest].join('-'));
}

/**
 * The `lang` attribute for content in its own language (`Article.lang`, `Category.lang`,
 * `Banner.lang`, or `lang` in a widget's server-rendered markup): the canonical tag
 * (`vi_VN` → `vi-VN`). `undefined`, so no attribute, when the value is missing or blank, and
 * when it is not a language tag, which `onInvalid` is told (a widget warns, naming the field).
 * The one check every widget uses.
 */
export function contentLang(value: unknown, onInvalid?: (value: unknown) => void): string | undefined {
  // A blank string is no tag either, but nothing to warn about.
  const tag = typeof value === 'string' ? canonicalTag(value) : undefined;
  if (!tag && (typeof value === 'string' ? value.trim() : value != null)) onInvalid?.(value);
  return tag;
}
