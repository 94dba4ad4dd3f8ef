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
