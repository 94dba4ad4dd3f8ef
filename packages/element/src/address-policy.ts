// The address rules a widget needs at once (an image field's address), apart from the
// sanitizers' allowlists (`sanitize-allowlists.ts`), which load with the sanitizer.

/** The schemes an image address (`src`, each `srcset` candidate) may have, besides an inline raster image. */
export const IMAGE_SCHEMES: readonly string[] = ['http', 'https'];

/** What is ignored in a value when looking for its scheme: DOMPurify's `ATTR_WHITESPACE`, anywhere. */
// eslint-disable-next-line no-control-regex -- control characters are among them
const ADDRESS_IGNORED = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

export const compact = (value: string): string => value.trim().replace(ADDRESS_IGNORED, '');

/**
 * The scheme of an address, lower case (`javascript` for ` JaVa\tScRiPt:x`), or `undefined` for
 * one without (relative, `#fragment`, `//host/path`). Character references must be decoded
 * first (as an attribute's value is); white space and control characters anywhere do not count.
 */
export function addressScheme(address: string): string | undefined {
  return /^([a-z][a-z\d+.-]*):/i.exec(compact(address))?.[1]?.toLowerCase();
}

/**
 * Whether a widget shows an image from this address (an article's or a banner's `image.src`):
 * http(s), relative, or an inline image (`data:image/…`, SVG too: the widget draws it with an
 * `<img>`, where an SVG runs no script), never `javascript:` or another `data:`.
 */
export function isImageAddress(address: string): boolean {
  const scheme = addressScheme(address);
  return !scheme || IMAGE_SCHEMES.includes(scheme) || /^data:image\//i.test(compact(address));
}

/** What a widget's warning says of an image address `isImageAddress` refuses. */
export const IMAGE_ADDRESS_PROBLEM = 'is not an http(s) address nor an inline image';
