import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { sanitizeHtmlString } from './sanitize.js';

import { ADDRESS_CASES, addressCaseHtml, addressCaseRemovals } from './test-support/address-cases.js';
import { ARTICLE, ATTACKS, BANNER, sanitize, TREE_CASES } from './test-support/sanitize-cases.js';

const NOTHING = { unsafe: [], notKept: [], presentation: [] };

describe('sanitizeHtmlString (the server sanitizer)', () => {
  it('keeps the seed article body as it is', () => {
    const body = seed.articles[0]!.body;
    expect(sanitizeHtmlString(body, ARTICLE)).toEqual({ html: body, removed: 0, removals: NOTHING });
  });

  it('removes script, event handlers, script links, frames, forms and styles, keeping the text', () => {
    const { html, removed } = sanitizeHtmlString(
      [
        '<p>Tin <script>window.__porticoPwned = true</script>mới</p>',
        '<img src="x" onerror="window.__porticoPwned = true" alt="ảnh">',
        '<a href="javascript:window.__porticoPwned = true">bấm</a>',
        '<iframe src="https://example.com"></iframe>',
        '<form action="/steal"><input name="x"></form>',
        '<style>body { display: none }</style>',
        '<p style="position:fixed" onclick="alert(1)" class="x">đoạn</p>',
      ].join(''),
      ARTICLE,
    );
    expect(html).toBe('<p>Tin mới</p><img src="x" alt="ảnh" loading="lazy" decoding="async" /><a>bấm</a><p>đoạn</p>');
    expect(removed).toBeGreaterThan(5);
  });

  it('refuses script addresses however they are written, and keeps web, mail and phone links', () => {
    for (const attack of ATTACKS) {
      // Text is escaped: every `<` left is a tag the sanitizer wrote.
      const tags =
        sanitize(attack)
          .match(/<[^>]*>/g)
          ?.join('') ?? '';
      expect(tags, attack).not.toMatch(/<\/?(script|svg|math|style|iframe|object|embed|form|button|base|template)/i);
      // Attribute names, values aside (the sanitizer writes every value in double quotes).
      expect(tags.replace(/"[^"]*"/g, '""'), attack).not.toMatch(/\s(on\w+|srcdoc|style|formaction)=/i);
      // Addresses as browsers read them (a leading U+2028 makes a relative path, for one).
      for (const [, address] of tags.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const decoded = address!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
        expect(new URL(decoded, 'https://relative.invalid/').protocol, attack).toMatch(/^(https?|mailto|tel|data):$/);
      }
    }
    expect(sanitize('<a href="https://tinhuyangiang.vn/a?b=1&amp;c=2">x</a>')).toBe(
      '<a href="https://tinhuyangiang.vn/a?b=1&amp;c=2">x</a>',
    );
    expect(sanitize('<a href="/van-ban">x</a><a href="#muc-2">y</a><a href="mailto:a@b.vn">z</a>')).toBe(
      '<a href="/van-ban">x</a><a href="#muc-2">y</a><a href="mailto:a@b.vn">z</a>',
    );
    expect(sanitize('<a href="tel:+842963852000">Gọi</a>')).toBe('<a href="tel:+842963852000">Gọi</a>');
    // An unknown reference is no scheme: a relative address, harmless.
    expect(sanitize('<a href="ftp://x">x</a><a href="&unknown;x">y</a>')).toBe(
      '<a>x</a><a href="&amp;unknown;x">y</a>',
    );
  });

  it('keeps and drops each address of the policy table, naming what it drops (the browser does the same)', () => {
    const wrong = ADDRESS_CASES.flatMap((address) => {
      const { html, removals } = sanitizeHtmlString(addressCaseHtml(address), ARTICLE);
      const keeps = new RegExp(`\\s${address.attribute}="`).test(html);
      const right =
        keeps === (address.dropped === undefined) &&
        JSON.stringify(removals) === JSON.stringify(addressCaseRemovals(address));
      return right ? [] : [`${address.attribute}="${address.written}" → ${html} ${JSON.stringify(removals)}`];
    });
    expect(wrong).toEqual([]);
  });

  it('keeps images from the web or data:image, and checks every address of a srcset', () => {
    expect(sanitize('<img src="data:image/png;base64,iVBORw0KGgo=" alt="">')).toBe(
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="" loading="lazy" decoding="async" />',
    );
    expect(sanitize('<img srcset="/a.jpg 1x, /b.jpg 2x" alt="">')).toBe(
      '<img srcset="/a.jpg 1x, /b.jpg 2x" alt="" loading="lazy" decoding="async" />',
    );
    // A script candidate takes the srcset with it, as in the browser.
    expect(sanitize('<img srcset="/a.jpg 1x,javascript:alert(1) 2x" alt="">')).toBe(
      '<img alt="" loading="lazy" decoding="async" />',
    );
    expect(sanitize('<a href="data:image/png;base64,x">x</a>')).toBe('<a>x</a>');
  });

  it('opens new-tab links safely, and keeps data- and aria- attributes as DOMPurify does', () => {
    expect(sanitize('<a href="https://tinhuyangiang.vn" target="_blank" rel="opener">Tỉnh ủy</a>')).toBe(
      '<a href="https://tinhuyangiang.vn" target="_blank" rel="noopener noreferrer">Tỉnh ủy</a>',
    );
    // Any target may open a window, which must not reach back through window.opener.
    expect(sanitize('<a href="https://evil.example/" target="win" rel="nofollow opener">x</a>')).toBe(
      '<a href="https://evil.example/" target="win" rel="nofollow noopener noreferrer">x</a>',
    );
    expect(sanitize('<a href="https://evil.example/" target="_BLANK">x</a>')).toBe(
      '<a href="https://evil.example/" target="_BLANK" rel="noopener noreferrer">x</a>',
    );
    expect(sanitize('<span data-id="7" aria-label="Bảy" id="x" class="y">7</span>')).toBe(
      '<span data-id="7" aria-label="Bảy">7</span>',
    );
  });

  it('keeps a banner to links, images and a few words', () => {
    expect(
      sanitize(
        '<h2>Tiêu đề</h2><table><tr><td>x</td></tr></table><a href="/x"><img src="/b.png" alt="Giải phóng miền Nam"></a>',
        BANNER,
      ),
    ).toBe('Tiêu đềx<a href="/x"><img src="/b.png" alt="Giải phóng miền Nam" loading="lazy" decoding="async" /></a>');
  });

  it('closes what the browser closes, so its tree is the one written', () => {
    expect(sanitize('<p>một<p>hai')).toBe('<p>một</p><p>hai</p>');
    expect(sanitize('<ul><li>a<li>b</ul><p>c<div>d</div>')).toBe('<ul><li>a</li><li>b</li></ul><p>c</p>d');
    expect(sanitize('<table><tr><td>1<td>2<tr><td>3</table>')).toBe(
      '<table><tbody><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></tbody></table>',
    );
    // Text in a table goes before it; a formatting tag closed out of order is opened again.
    expect(sanitize('<table><tr><td>1</td></tr>lạc<tr><td>2</td></tr></table>')).toBe(
      'lạc<table><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>',
    );
    expect(sanitize('<b><i>x</b>y</i>')).toBe('<b><i>x</i></b><i>y</i>');
    expect(sanitize('<b><p>x</b>y</p>')).toBe('<b></b><p><b>x</b>y</p>');
    // A stray </p> opens and closes an empty paragraph, in the browser's parser too; but not
    // before any content, where the browser's sanitizer parses a document's head.
    expect(sanitize('<p>x</p></p>a</b><br/>')).toBe('<p>x</p><p></p>a<br />');
    expect(sanitize('</p>a</b><br/>')).toBe('a<br />');
  });

  it('keeps the HTML after an unclosed <svg> or <math>, as the browser does (it leaves the foreign content)', () => {
    const wrong = TREE_CASES.flatMap(({ html, text }) => {
      const kept = sanitize(html).replace(/<[^>]*>/g, '');
      return kept === text ? [] : [`${html} → ${JSON.stringify(kept)}, the browser keeps ${JSON.stringify(text)}`];
    });
    expect(wrong).toEqual([]);
    expect(
      sanitizeHtmlString('<p>a</p><svg><path d="M0 0"/><p>b</p><table><tr><td>c</td></tr></table>', ARTICLE),
    ).toEqual({
      html: '<p>a</p><p>b</p><table><tbody><tr><td>c</td></tr></tbody></table>',
      removed: 1,
      removals: { ...NOTHING, unsafe: ['<svg>'] },
    });
    expect(sanitize('<math><mi>x</mi><h2>Tiêu đề</h2><ul><li>một</li></ul>')).toBe(
      '<h2>Tiêu đề</h2><ul><li>một</li></ul>',
    );
  });

  it('reads markup nested deeper than any browser builds as before, quickly and without throwing', () => {
    const deep = (depth: number, inside: string) => `${'<span>'.repeat(depth)}${inside}`;
    // As deep as Chromium builds a tree: read as the browser reads it.
    expect(sanitize(deep(400, '<svg><p>x</p>'))).toBe(`${'<span>'.repeat(400)}<p>x</p>${'</span>'.repeat(400)}`);
    // Deeper: as htmlparser2 reads it, sanitized all the same (the standard's parser would take
    // a time growing with the square of the depth, and parse5 writes a tree recursively).
    const deeper = sanitizeHtmlString(deep(20_000, '<p onclick="x()">y</p><script>z()</script>'), ARTICLE);
    expect(deeper.html).toBe(`${'<span>'.repeat(20_000)}<p>y</p>${'</span>'.repeat(20_000)}`);
    expect(deeper.removals).toEqual({ ...NOTHING, unsafe: ['<script>', 'onclick'] });
  });

  it('escapes text and attribute values, keeping character references', () => {
    expect(sanitize('a < b && c > d &amp; &nbsp;&#160;&#xA0; &copy')).toBe(
      'a &lt; b &amp;&amp; c &gt; d &amp; \u00A0\u00A0\u00A0 ©',
    );
    expect(sanitize(`<abbr title='a "b" <c>'>x</abbr>`)).toBe('<abbr title="a &quot;b&quot; &lt;c&gt;">x</abbr>');
    // A comment goes too; harmless, it is not counted as removed content.
    expect(sanitizeHtmlString('<p>x<!-- ghi chú --></p>', ARTICLE)).toEqual({
      html: '<p>x</p>',
      removed: 0,
      removals: NOTHING,
    });
  });

  it('names what it removed, sorted as the browser sorts it: unsafe, not kept, presentation', () => {
    const removalsOf = (html: string, allowed = ARTICLE) => sanitizeHtmlString(html, allowed).removals;
    expect(removalsOf('<p class="has-text-align-justify" id="p1" style="text-align:justify">Một</p>')).toEqual({
      ...NOTHING,
      presentation: ['class', 'id', 'style'],
    });
    expect(
      removalsOf(
        '<p onclick="x()">a</p><iframe src="https://www.youtube.com/embed/x" frameborder="0"></iframe><script>x()</script>',
      ),
    ).toEqual({ ...NOTHING, unsafe: ['<iframe>', '<script>', 'onclick'] });
    // The element, not what it holds; but, as the browser takes them out first, every handler.
    expect(removalsOf('<svg onload="x()"><circle onclick="y()" r="1"/><text>t</text></svg>')).toEqual({
      ...NOTHING,
      unsafe: ['<svg>', 'onclick', 'onload'],
    });
    expect(
      removalsOf(
        '<div class="wp-block-group"><video src="/v.mp4"><source src="/v.webm"></video><font color="red">x</font></div>',
      ),
    ).toEqual({ unsafe: [], notKept: ['<div>', '<font>', '<video>'], presentation: [] });
    expect(
      removalsOf(
        '<a href=" JaVaScRiPt:alert(1)">a</a><a href="//cdn.example/x">b</a><img src="data:text/html,x" alt=""><img srcset="javascript:a() 1x, vbscript:b() 2x" alt=""><img srcset="/a.png 1x, javascript:b() 2x" alt="">',
      ),
    ).toEqual({ ...NOTHING, unsafe: ['href="javascript:…"', 'src="data:…"', 'srcset="javascript:…"'] });
    expect(removalsOf('<h2>Tiêu đề</h2><a href="/x" style="color:red">y</a>', BANNER)).toEqual({
      ...NOTHING,
      notKept: ['<h2>', 'style'],
    });
  });

  it('never lets what the allowlist asks for override its own limits', () => {
    const greedy = { tags: [...ARTICLE.tags, 'script', 'style', 'svg', 'iframe'], attributes: ['onclick', 'style'] };
    expect(
      sanitize('<script>x</script><style>y</style><svg></svg><iframe></iframe><p onclick="z" style="w">t</p>', greedy),
    ).toBe('<p>t</p>');
  });
});
