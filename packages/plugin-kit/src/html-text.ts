/**
 * CMS answers carry HTML in fields that widgets show as plain text: WordPress titles
 * (`title.rendered`, texturized into `&#8220;…&#8221;`) and term names (`&amp;`), Joomla
 * titles and descriptions written by editors that encode Vietnamese letters (`&agrave;`),
 * excerpts (`<p>…</p>`). These turn them into text without a DOM, so they run in Node as
 * well as in browsers, and never render anything as HTML.
 */

// The named references WordPress and common editors produce. Anything else named is left as
// written, which is what a reader would see for an unknown reference anyway.
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  shy: '\u00AD',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201A',
  ldquo: '\u201C',
  rdquo: '\u201D',
  bdquo: '\u201E',
  laquo: '\u00AB',
  raquo: '\u00BB',
  lsaquo: '\u2039',
  rsaquo: '\u203A',
  bull: '\u2022',
  middot: '\u00B7',
  prime: '\u2032',
  copy: '\u00A9',
  reg: '\u00AE',
  trade: '\u2122',
  deg: '\u00B0',
  times: '\u00D7',
  divide: '\u00F7',
  euro: '\u20AC',
  dagger: '\u2020',
  sect: '\u00A7',
  para: '\u00B6',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwj: '\u200D',
  zwnj: '\u200C',
  szlig: '\u00DF',
};

// Editors that write named entities (TinyMCE's "named" encoding on older Joomla sites) spell
// Vietnamese letters as a base letter and an accent: `&agrave;`, `&Ecirc;`, `&otilde;`.
const ACCENTS: Readonly<Record<string, string>> = {
  grave: '\u0300',
  acute: '\u0301',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  ring: '\u030A',
  cedil: '\u0327',
};

function fromName(name: string): string | undefined {
  const named = NAMED[name];
  if (named !== undefined) return named;
  const accented = /^([A-Za-z])([a-z]+)$/.exec(name);
  const accent = accented ? ACCENTS[accented[2] ?? ''] : undefined;
  return accented && accent ? `${accented[1] ?? ''}${accent}`.normalize('NFC') : undefined;
}

// HTML reads &#128;–&#159; as Windows-1252, as old WordPress content still has them
// (`&#150;` for a dash). Unassigned positions keep their code point.
const WINDOWS_1252 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252.charAt(code - 0x80);
  // NUL, surrogates and values beyond Unicode are replaced, as HTML does.
  if (code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return '\uFFFD';
  return String.fromCodePoint(code);
}

/**
 * Turns numeric (`&#8211;`, `&#x2013;`), common named (`&amp;`, `&hellip;`) and accented
 * letter (`&agrave;`) references into characters; unknown names stay as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return (name !== undefined && fromName(name)) || whole;
  });
}

// Tags that separate words: dropping them must leave a space, or "…</p><p>Tại" runs together.
const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|h[1-6]|blockquote|figure|figcaption|table|tr|td|th|section|article|header|footer|pre)\b[^>]*>/gi;

/**
 * HTML to plain text: comments, scripts and styles go with their content, tags are dropped
 * (block tags leave a space), references become characters, white space collapses. Tags are
 * dropped before references are decoded, so an escaped `&lt;b&gt;` stays visible text.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
      .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      .replace(BLOCK_TAG, ' ')
      .replace(/<\/?[a-zA-Z][^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}
