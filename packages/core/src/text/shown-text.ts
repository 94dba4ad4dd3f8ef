// Anything but white space, control and format characters (direction marks, zero-width
// joiners, soft hyphens): those alone show nothing.
const SHOWS_SOMETHING = /[^\s\p{Cc}\p{Cf}]/u;

/**
 * CMS text as a reader would see it: a string, trimmed; `undefined` when it is not a string or
 * shows nothing (only spaces, or only invisible characters such as a right-to-left override),
 * so a widget shows its fallback rather than an empty link or box.
 */
export function shownText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return SHOWS_SOMETHING.test(text) ? text : undefined;
}
