import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
// The address policy's table, which the server's sanitizer (@portico/ssr) is held to as well.
import { ADDRESS_CASES, addressCaseHtml, addressCaseRemovals } from '../../ssr/src/test-support/address-cases.js';
import { withoutInlineAttributes } from './purify.js';
import { sanitizeHtml } from './sanitize.js';

function html(fragment: DocumentFragment): string {
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

describe('sanitizeHtml', () => {
  it('keeps an article body as it is', async () => {
    const body = seed.articles[0]!.body;
    const { fragment, removed } = await sanitizeHtml(body, 'article');
    expect(removed).toBe(0);
    expect(html(fragment)).toBe(body);
  });

  it('removes script, event handlers, javascript: links, frames, forms and styles, running nothing', async () => {
    const attack = [
      '<p>Tin <script>window.__porticoPwned = true</script>mới</p>',
      '<img src="x" onerror="window.__porticoPwned = true" alt="ảnh">',
      '<a href="javascript:window.__porticoPwned = true">bấm</a>',
      '<iframe src="https://example.com"></iframe>',
      '<form action="/steal"><input name="x"></form>',
      '<style>body { display: none }</style>',
      '<p style="position:fixed" onclick="alert(1)" class="x">đoạn</p>',
    ].join('');
    const { fragment, removed } = await sanitizeHtml(attack, 'article');
    const container = document.createElement('div');
    container.append(fragment);
    document.body.append(container);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __porticoPwned?: boolean }).__porticoPwned).toBeUndefined();
    expect(
      container.querySelector('script, iframe, form, input, style, [onerror], [onclick], [style], [class]'),
    ).toBeNull();
    expect(container.querySelector('a')?.getAttribute('href')).toBeNull();
    expect(container.textContent).toBe('Tin mớibấmđoạn');
    expect(removed).toBeGreaterThan(5);
    container.remove();
  });

  it('takes style and event-handler attributes out of the string before parsing, however written', () => {
    const written = [
      '<p style="text-align: justify;">Một</p>',
      '<p><span style=\'color:#c00\' ONCLICK="alert(1)">Hai</span></p>',
      '<img src="data:," alt="ba" onerror=alert(1) style=width:1px>',
      '<p onmouseover>Bốn</p>',
      '<p title="a>b" onclick="x">Năm</p>',
    ].join('');
    expect(withoutInlineAttributes(written)).toEqual({
      html: '<p data-align="justify">Một</p><p><span>Hai</span></p><img src="data:," alt="ba"><p>Bốn</p><p title="a>b">Năm</p>',
      removed: [
        { attribute: 'style', value: 'text-align: justify;' },
        { attribute: 'style', value: 'color:#c00' },
        { attribute: 'ONCLICK', value: 'alert(1)' },
        { attribute: 'onerror', value: 'alert(1)' },
        { attribute: 'style', value: 'width:1px' },
        { attribute: 'onmouseover', value: '' },
        { attribute: 'onclick', value: 'x' },
      ],
    });
    // A value that only contains such a word is text, and stays (a no-break space is no separator).
    const text =
      '<img alt="Dịch vụ công online tỉnh" title="new style guide" data-onload="giữ"><a title="a\u00A0onclick=x">x</a>';
    expect(withoutInlineAttributes(text)).toEqual({ html: text, removed: [] });
  });

  it('counts what it took out with what DOMPurify removed', async () => {
    const { fragment, removed } = await sanitizeHtml('<p style="color:red" class="x">Một</p>', 'article');
    expect(html(fragment)).toBe('<p>Một</p>');
    expect(removed).toBe(2);
  });

  it('names what it removed, calls unsafe only what is, and leaves presentation out of the warning', async () => {
    const warningFor = async (input: string, profile: 'article' | 'banner' = 'article') =>
      (await sanitizeHtml(input, profile)).warning;
    // What an editor's classes, ids and alignment give: the alignment stays, the rest is restyled.
    const presentation = await sanitizeHtml(
      '<p class="has-text-align-justify" id="p1" style="text-align:justify">Một</p><p style="text-align: center; color: red">Hai</p>',
      'article',
    );
    expect(html(presentation.fragment)).toBe('<p data-align="justify">Một</p><p data-align="center">Hai</p>');
    expect(presentation).toMatchObject({
      removed: 4,
      removals: { unsafe: [], notKept: [], presentation: ['class', 'id', 'style'] },
      warning: undefined,
    });
    expect(await warningFor('<p>x<!-- ghi chú --></p>')).toBeUndefined();
    // What WordPress writes on every image: the card decides how images load.
    expect(
      await warningFor(
        '<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" fetchpriority="high" width="1024" height="683" src="/a.jpg" alt="" class="wp-image-7" srcset="/a.jpg 1024w, /a-300.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px"></figure>',
      ),
    ).toBeUndefined();

    expect(await warningFor('<p><span style="color: #ff0000;">đỏ</span></p>')).toBe(
      'had HTML an article body does not keep, removed style',
    );
    expect(
      await warningFor(
        '<p onclick="x()">a</p><iframe src="https://www.youtube.com/embed/x"></iframe><script>x()</script><p onclick="y()">b</p>',
      ),
    ).toBe('had unsafe HTML, removed <iframe>, <script>, onclick');
    expect(
      await warningFor(
        '<div class="wp-block-group"><video src="/v.mp4"></video><p>x</p></div><a href="javascript:alert(1)" onmouseover="x()">y</a>',
      ),
    ).toBe(
      'had unsafe HTML, removed href="javascript:…", onmouseover, and HTML an article body does not keep, removed <div>, <video>',
    );
    expect(await warningFor('<h2>Tiêu đề</h2><table><tr><td>x</td></tr></table><a href="/x">y</a>', 'banner')).toBe(
      'had HTML a banner does not keep, removed <h2>, <table>, <tbody>, <td>, <tr>',
    );
    expect(
      await warningFor(
        '<center><font color="red" face="Arial" size="3">x</font></center><p align="left" dir="ltr" hidden>y</p>',
      ),
    ).toBe('had HTML an article body does not keep, removed <center>, <font>, align, hidden');
    expect(
      await warningFor(
        '<h1>a</h1><dl><dt>b</dt><dd>c</dd></dl><div><section><aside><nav>d</nav></aside></section></div><header>e</header>',
      ),
    ).toBe(
      'had HTML an article body does not keep, removed <aside>, <dd>, <div>, <dl>, <dt>, <h1>, <header>, <nav> and 1 more',
    );
  });

  it('keeps and drops each address of the policy table, naming what it drops', async () => {
    const wrong: string[] = [];
    for (const address of ADDRESS_CASES) {
      const { fragment, removals } = await sanitizeHtml(addressCaseHtml(address), 'article');
      const kept = fragment.firstElementChild?.hasAttribute(address.attribute);
      if (
        kept !== (address.dropped === undefined) ||
        JSON.stringify(removals) !== JSON.stringify(addressCaseRemovals(address))
      )
        wrong.push(`${address.attribute}="${address.written}" → ${html(fragment)} ${JSON.stringify(removals)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('opens new-tab links safely and loads images lazily', async () => {
    const { fragment } = await sanitizeHtml(
      '<a href="https://tinhuyangiang.vn" target="_blank">Tỉnh ủy</a><img src="/a.jpg" alt="Hội nghị" width="600" height="400">',
      'article',
    );
    const holder = document.createElement('div');
    holder.append(fragment);
    expect(holder.querySelector('a')?.rel).toBe('noopener noreferrer');
    expect(holder.querySelector('img')?.loading).toBe('lazy');
    expect(holder.querySelector('img')?.alt).toBe('Hội nghị');
  });

  it('never lets a page a link opens reach back to this one (window.opener), whatever its target', async () => {
    const rels: (string | null | undefined)[] = [];
    for (const link of [
      '<a href="https://evil.example/" target="_BLANK" rel="opener">x</a>',
      '<a href="https://evil.example/" target="win">x</a>',
      '<a href="https://evil.example/" target="_blank" rel="nofollow Opener">x</a>',
      '<a href="https://tinhuyangiang.vn/" rel="nofollow opener">x</a>',
    ]) {
      const { fragment } = await sanitizeHtml(link, 'article');
      rels.push(fragment.querySelector('a')?.getAttribute('rel'));
    }
    expect(rels).toEqual(['noopener noreferrer', 'noopener noreferrer', 'nofollow noopener noreferrer', 'nofollow']);
  });

  it('keeps a banner to links, images and a few words', async () => {
    const { fragment } = await sanitizeHtml(
      '<h2>Tiêu đề</h2><table><tr><td>x</td></tr></table><a href="/x"><img src="/b.png" alt="Giải phóng miền Nam"></a>',
      'banner',
    );
    expect(html(fragment)).toBe(
      'Tiêu đềx<a href="/x"><img src="/b.png" alt="Giải phóng miền Nam" loading="lazy" decoding="async"></a>',
    );
  });

  it('gives an empty fragment for a value that is not a string', async () => {
    const { fragment } = await sanitizeHtml({ html: '<p>x</p>' }, 'article');
    expect(fragment.childNodes).toHaveLength(0);
  });
});
