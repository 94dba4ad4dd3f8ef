// Letters that Unicode decomposition leaves whole: Vietnamese `đ` above all.
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(LETTERS_WITHOUT_DECOMPOSITION).join('')}]`, 'gu');

export interface SlugOptions {
  /** Longest slug, cut at a word break where one fits. Default 80. */
  maxLength?: number | undefined;
}

/**
 * A URL slug in ASCII, as Vietnamese portals make them: tone marks and diacritics dropped,
 * `đ` as `d`, words joined by `-`.
 *
 * `slugify('Thoại Sơn: Hội nghị giao ban')` → `thoai-son-hoi-nghi-giao-ban`.
 *
 * Idempotent (a slug slugifies to itself). Text with no Latin letters or digits, and a
 * value that is not a string, gives `""`; the caller chooses a fallback such as the id.
 */
export function slugify(text: unknown, options: SlugOptions = {}): string {
  if (typeof text !== 'string') return '';
  const maxLength = Math.max(1, Math.floor(options.maxLength ?? 80));
  const slug = text
    .toLowerCase()
    .replace(UNDECOMPOSED, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? '-')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastBreak = cut.lastIndexOf('-');
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : slug.slice(0, maxLength)).replace(/-+$/, '');
}
