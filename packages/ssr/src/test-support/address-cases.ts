// The address policy (`keepsValue` of `@portico/element/sanitize-allowlists`) as a table: each
// address written into a link or an image as a CMS would write it, and whether it stays. The
// browser's sanitizer (DOMPurify, tested in Chromium by @portico/element and here) and the
// server's (`sanitizeHtmlString`) must both do what the table says.

export interface AddressCase {
  /** Where the address goes. */
  attribute: 'href' | 'src' | 'srcset';
  /** The attribute's value as written in the HTML (character references and all; never a `"`). */
  written: string;
  /** What the sanitizer names when it drops the value (`href="javascript:…"`), or `undefined` when it stays. */
  dropped: string | undefined;
}

const kept = (attribute: AddressCase['attribute'], ...written: string[]): AddressCase[] =>
  written.map((value) => ({ attribute, written: value, dropped: undefined }));
const dropped = (attribute: AddressCase['attribute'], scheme: string, ...written: string[]): AddressCase[] =>
  written.map((value) => ({ attribute, written: value, dropped: `${attribute}="${scheme}:…"` }));

export const ADDRESS_CASES: readonly AddressCase[] = [
  // Links: web, mail, phone, and addresses without a scheme.
  ...kept('href', 'https://tinhuyangiang.vn/a?b=1&amp;c=2', 'http://x.vn', 'HTTPS://X.VN/', ' https://x.vn '),
  ...kept('href', 'mailto:toasoan@x.vn', 'tel:+842963852000', 'MAILTO:a@b.vn'),
  ...kept('href', '/van-ban/2020', 'van-ban.html', '#muc-2', '?trang=2', '//cdn.example/x', '', '&unknown;x'),
  // Not for an article: schemes DOMPurify keeps by default, and FTP, which browsers dropped.
  ...dropped('href', 'sms', 'sms:+84912345678'),
  ...dropped('href', 'xmpp', 'xmpp:toasoan@x.vn'),
  ...dropped('href', 'callto', 'callto:toasoan'),
  ...dropped('href', 'cid', 'cid:part1@x.vn'),
  ...dropped('href', 'matrix', 'matrix:r/toasoan:x.vn'),
  ...dropped('href', 'ftp', 'ftp://x.vn/a.pdf'),
  // Script, however written: case, character references, white space and control characters.
  ...dropped(
    'href',
    'javascript',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' \t\njavascript:alert(1)',
    'java\tscript:alert(1)',
    'java&Tab;script:alert(1)',
    'java&#x0A;script:alert(1)',
    '&#x01;&#x1F;javascript:alert(1)',
    '&nbsp;javascript:alert(1)',
    '\u2028javascript:alert(1)',
    'java\u200Bscript:alert(1)',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
    '&#106avascript:alert(1)',
    '&#x6A;avascript&colon;alert(1)',
  ),
  // A comment's end goes from any attribute (DOMPurify's rule), so a comment cannot hide a scheme.
  { attribute: 'href', written: 'java<!--x-->script:alert(1)', dropped: 'href' },
  ...dropped('href', 'vbscript', 'vbscript:msgbox(1)'),
  // Never data: in a link, not even an image.
  ...dropped(
    'href',
    'data',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/png;base64,iVBORw0KGgo=',
  ),

  // Images: from the web, without a scheme, or inline raster data.
  ...kept('src', 'https://x.vn/a.jpg', '/images/a.jpg', 'a.jpg', '//cdn.example/a.jpg'),
  ...kept(
    'src',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/jpeg;base64,/9j/4AAQSkZJRg==',
    'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
    'data:image/webp;base64,UklGRhoAAABXRUJQ',
    'DATA:IMAGE/PNG;base64,iVBORw0KGgo=',
    ' data:image/png;base64,iVBORw0KGgo=',
    'data:image/gif,GIF89a',
  ),
  // Not an image address: SVG and other data, script, mail.
  ...dropped(
    'src',
    'data',
    "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
    'data:text/html,<script>alert(1)</script>',
    'data:,x',
    'data:application/octet-stream;base64,AAAA',
  ),
  ...dropped('src', 'javascript', 'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'jav&#x09;ascript:alert(1)'),
  ...dropped('src', 'mailto', 'mailto:a@b.vn'),
  ...dropped('src', 'ftp', 'ftp://x.vn/a.jpg'),
  // A srcset: every candidate as an image's address.
  ...kept('srcset', '/a.jpg 1x, /b.jpg 2x', 'https://x.vn/a.jpg 600w,https://x.vn/b.jpg 1200w'),
  ...kept('srcset', 'data:image/png;base64,iVBORw0KGgo= 1x, /b.png 2x'),
  ...dropped('srcset', 'javascript', '/a.jpg 1x, javascript:alert(1) 2x', 'javascript:alert(1) 1x'),
  ...dropped('srcset', 'data', '/a.jpg 1x, data:image/svg+xml;base64,PHN2Zz4= 2x'),
];

/** The case as HTML: a link, or an image (the `src` attribute is the case's own, if it is one). */
export function addressCaseHtml({ attribute, written }: AddressCase): string {
  return attribute === 'href' ? `<a href="${written}">liên kết</a>` : `<img ${attribute}="${written}" alt="ảnh">`;
}

/** What a sanitizer says it removed for the case: the dropped value, named as unsafe, or nothing. */
export function addressCaseRemovals({ dropped }: AddressCase): { unsafe: string[]; notKept: []; presentation: [] } {
  return { unsafe: dropped === undefined ? [] : [dropped], notKept: [], presentation: [] };
}
