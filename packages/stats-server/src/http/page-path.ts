import { HttpError } from './http-error.js';

/**
 * The query parameters that tell pages apart when a site names none: WordPress plain
 * permalinks (`/?p=123`, `?page_id=`, `?attachment_id=`, `?cat=`, `?tag=`) and Joomla
 * non-SEF links (`/index.php?option=com_content&view=article&id=12`; `catid` and `Itemid`
 * are left out, so an article reached through two menu items is one page, as Joomla counts
 * its hits).
 */
export const DEFAULT_QUERY_PARAMS: readonly string[] = [
  'p',
  'page_id',
  'attachment_id',
  'cat',
  'tag',
  'option',
  'view',
  'id',
];

/**
 * A page's path as it is counted, one way for every way its address is written: the
 * fragment goes; of the query, only the parameters in `queryParams` stay (non-empty, the
 * last of a repeated one), sorted by name; percent-encoding is made canonical (see
 * `canonicalPath`). `/?utm_source=x&p=12#c` → `/?p=12`, `/tin-t%E1%BB%A9c/a` → `/tin-tức/a`.
 * Refuses anything that is not a path, or that is over `maxLength` characters as counted.
 */
export function toPagePath(value: unknown, maxLength: number, queryParams: readonly string[]): string {
  if (typeof value !== 'string' || !value.startsWith('/')) {
    throw new HttpError(400, 'invalid-path', '"path" must be a string that starts with "/", such as "/news/a.html"');
  }
  // Control characters (C0, DEL and C1) have no place in a URL, and would make keys ambiguous.
  // eslint-disable-next-line no-control-regex -- finding them is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) {
    throw new HttpError(400, 'invalid-path', '"path" contains control characters');
  }
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) {
    throw new HttpError(400, 'invalid-path', '"path" is not well-formed Unicode');
  }
  const keep = new Set(queryParams);
  const path = canonicalPath(value, (name) => keep.has(name));
  if (path.length > maxLength) {
    throw new HttpError(400, 'path-too-long', `"path" is ${path.length} characters; the limit is ${maxLength}`);
  }
  return path;
}

// ---------------------------------------------------------------------------------------
// The canonical form of a page address: clients send it as they have it (@portico/plugin-stats
// drops only the fragment and tracking parameters), and it is written one way here.

// Characters that stand for themselves, and whose escapes are decoded: `%7E` is `~`.
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
// What a path keeps as it is; anything else ASCII is escaped (`%20`), an escape of it kept.
const PATH_RAW = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/;
// A query name or value is data (a CMS decodes it whole): the characters that need no
// escape there are written as themselves, everything else ASCII escaped.
const QUERY_RAW = /^[A-Za-z0-9\-._~!$'()*,;:@/?]$/;

/**
 * `raw` (a path, with a query and fragment or not) written one way: escapes of unreserved
 * characters and of UTF-8 text decoded, other escapes in capitals, characters a URL cannot
 * hold escaped, Unicode in NFC; the fragment dropped; the query's parameters that `keep`
 * accepts, by canonical name, non-empty, the last of each name, sorted by name.
 */
export function canonicalPath(raw: string, keep: (name: string) => boolean): string {
  const [beforeFragment = ''] = raw.split('#', 1);
  const queryAt = beforeFragment.indexOf('?');
  const path = canonicalPart(queryAt < 0 ? beforeFragment : beforeFragment.slice(0, queryAt), UNRESERVED, PATH_RAW);
  if (queryAt < 0) return path;
  const params = new Map<string, string>();
  for (const pair of beforeFragment.slice(queryAt + 1).split('&')) {
    const equals = pair.indexOf('=');
    const [name, value] = (equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)]).map((part) =>
      // `+` is a space in a query, as a form sends it.
      canonicalPart(part.replaceAll('+', '%20'), QUERY_RAW, QUERY_RAW),
    ) as [string, string];
    if (value === '' || !keep(name)) continue;
    params.delete(name);
    params.set(name, value);
  }
  const query = [...params]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return query === '' ? path : `${path}?${query}`;
}

function canonicalPart(text: string, decoded: RegExp, raw: RegExp): string {
  let result = '';
  let index = 0;
  while (index < text.length) {
    if (isEscape(text, index)) {
      const bytes: number[] = [];
      for (; isEscape(text, index); index += 3) bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      result += decodeBytes(bytes, decoded);
      continue;
    }
    const code = text.codePointAt(index) ?? 0;
    const character = String.fromCodePoint(code);
    index += character.length;
    result += code >= 0x80 || raw.test(character) ? character : escape(code);
  }
  return result.normalize('NFC');
}

/** A run of escaped bytes: the ASCII ones `decoded` accepts and whole UTF-8 characters as text, the rest escaped. */
function decodeBytes(bytes: readonly number[], decoded: RegExp): string {
  let result = '';
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80) {
      const character = String.fromCharCode(byte);
      result += decoded.test(character) ? character : escape(byte);
      index += 1;
      continue;
    }
    const length =
      byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    const character =
      length > 0 && index + length <= bytes.length ? utf8(bytes.slice(index, index + length)) : undefined;
    // A C1 control character (U+0080–U+009F) stays escaped, as the controls of ASCII do.
    if (character === undefined || /^[\u0080-\u009f]$/.test(character)) {
      result += escape(byte);
      index += 1;
    } else {
      result += character;
      index += length;
    }
  }
  return result;
}

/** One UTF-8 character, or undefined for bytes that are not one (overlong, a surrogate, cut short). */
function utf8(bytes: readonly number[]): string | undefined {
  try {
    return decodeURIComponent(bytes.map(escape).join(''));
  } catch {
    return undefined;
  }
}

function isEscape(text: string, index: number): boolean {
  return text[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(index + 1, index + 3));
}

function escape(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}
