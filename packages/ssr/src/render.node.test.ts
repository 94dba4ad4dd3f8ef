import markupShowingNothing from '../../../fixtures/markup-showing-nothing.json' with { type: 'json' };
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html as litHtml } from 'lit';
import { damaged, oddAttribute, oddJson, oddLang, oddMarkup } from '@portico/test-helpers/odd-input';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { html, renderPage, renderPageToStream, renderWidget, widget } from './index.js';
import { summarizeChildren } from './render.js';

const [article] = seed.articles;
const PAGE_URL = 'https://tinhuyangiang.vn/tien-toi-dai-hoi-dang';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The declarative shadow root's markup, without its styles. */
function shadowOf(output: string): string {
  const shadow = /<template shadowroot="open" shadowrootmode="open">([\s\S]*)<\/template>/.exec(output)?.[1];
  if (shadow === undefined) throw new Error(`no declarative shadow root in ${output.slice(0, 200)}`);
  return shadow.replace(/<style>[\s\S]*?<\/style>/g, '');
}

/** The shadow root's text as a reader gets it, ASCII white space collapsed (no-break spaces kept). */
function shadowText(output: string): string {
  return shadowOf(output)
    .replace(/<!--[\s\S]*?-->|<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? "'")
    .replace(/[ \t\n\r]+/g, ' ')
    .trim();
}

/** The properties block the browser reads, parsed. */
function propertiesIn(output: string): unknown {
  const json = /<script type="application\/json" data-portico-properties>([\s\S]*?)<\/script>/.exec(output)?.[1];
  return json === undefined ? undefined : JSON.parse(json);
}

/** Catches console warnings; call the result for the messages so far. */
function catchWarnings(): () => string[] {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return () => warn.mock.calls.map((call) => call.join(' '));
}

describe('renderWidget', () => {
  it('renders each widget with its shadow DOM as a declarative shadow root, in the page’s language', async () => {
    const visitors = await renderWidget('portico-online-visitors', {
      attributes: { guests: 69, members: 0 },
      lang: 'vi',
    });
    expect(visitors).toMatch(
      /^<!--lit-part [^>]*--><!--lit-node 0--><portico-online-visitors\s+guests="69" members="0"/,
    );
    expect(visitors).toContain('<template shadowroot="open" shadowrootmode="open"><style>');
    expect(shadowText(visitors)).toBe(`${seed.shown.visitorsTitle} ${seed.shown.visitorsText}`);
    expect(shadowText(visitors)).toContain('Đang có 69\u00A0khách và không thành viên đang online');

    const views = await renderWidget('portico-view-counter', {
      attributes: { value: '18116910', grouping: 'off' },
      lang: 'vi',
    });
    expect(shadowText(views)).toContain(`${seed.shown.viewsTitle} 18116910`);
    const grouped = await renderWidget('portico-view-counter', { attributes: { value: 18116910 }, lang: 'vi' });
    expect(shadowText(grouped)).toContain('18.116.910');

    const menu = await renderWidget('portico-category-menu', {
      properties: { categories: seed.categories },
      lang: 'vi',
      url: PAGE_URL,
    });
    expect(shadowText(menu)).toBe(seed.categories.map((category) => category.title).join(' '));
    expect(shadowOf(menu)).toMatch(/aria-label="Chuyên mục"/);

    const card = await renderWidget('portico-article-card', {
      attributes: { variant: 'full' },
      properties: { article },
      lang: 'vi',
    });
    const text = shadowText(card);
    expect(text).toContain(article!.title);
    expect(text).toContain(seed.shown.articleDate);
    expect(text).toContain(`${seed.shown.leadPrefix}${article!.lead}`);
    expect(text).toContain(`Viết bởi ${seed.shown.articleAuthors}`);
    expect(shadowOf(card)).toMatch(/<div part="body"><!--lit-part [^>]*-->/);
    expect(shadowOf(card)).toContain(article!.body);

    const banners = await renderWidget('portico-sidebar-banners', {
      attributes: { position: 'sidebar' },
      properties: { banners: seed.banners },
      lang: 'vi',
    });
    expect(shadowText(banners)).toBe('Tiến tới đại hội đảngGiải phóng miền Nam');
    expect(shadowOf(banners)).toContain('href="/tien-toi-dai-hoi-dang"');
  });

  it('renders a custom-HTML banner sanitized, and one with nothing left as its link', async () => {
    const warned = catchWarnings();
    const banners = await renderWidget('portico-sidebar-banners', {
      properties: {
        banners: [
          {
            id: 'a',
            title: 'Cổng dịch vụ công',
            html: '<p onclick="steal()">Nộp hồ sơ <strong>trực tuyến</strong><script>steal()</script></p>',
          },
          { id: 'b', title: 'Giải phóng miền Nam', url: '/giai-phong-mien-nam', html: '<script>steal()</script>' },
        ],
      },
      lang: 'vi',
    });
    expect(shadowOf(banners)).toMatch(
      /<div part="html" data-html="\w+"><!--lit-part[^>]*--><p>Nộp hồ sơ <strong>trực tuyến<\/strong><\/p>/,
    );
    expect(shadowOf(banners)).not.toContain('steal');
    // What the browser adds after DOMPurify, the server adds too: paid links that leave the site, images' alt text.
    const linked = await renderWidget('portico-sidebar-banners', {
      properties: {
        banners: [
          {
            id: 'c',
            title: 'Ngân hàng',
            html: '<a href="https://ngan-hang.example/"><img src="/images/nh.png"></a><a href="/noi-bo">Nội bộ</a>',
          },
        ],
      },
      url: 'https://portal.example/tin-tuc',
    });
    expect(shadowOf(linked)).toContain('<a href="https://ngan-hang.example/" rel="sponsored noopener">');
    expect(shadowOf(linked)).toContain('alt="Ngân hàng"');
    expect(shadowOf(linked)).toContain('<a href="/noi-bo">');
    expect(shadowText(banners)).toBe('Nộp hồ sơ trực tuyếnGiải phóng miền Nam');
    expect(warned().join('\n')).toContain('banner a html');
  });

  it('takes the widget’s own lang over the page’s, and English without either', async () => {
    const options = { attributes: { guests: 69, members: 0 } };
    expect(shadowText(await renderWidget('portico-online-visitors', { ...options, lang: 'vi' }))).toContain('khách');
    const own = await renderWidget('portico-online-visitors', {
      attributes: { ...options.attributes, lang: 'en' },
      lang: 'vi',
    });
    expect(shadowText(own)).toContain('We have 69\u00A0guests and no members online');
    expect(own).toContain(' lang="en"');
    expect(shadowText(await renderWidget('portico-online-visitors', options))).toContain('We have 69');
  });

  it('gives the browser the properties in a JSON block that nothing in them can end early', async () => {
    const tricky = { ...article!, title: 'A </script><script>alert(1)</script> <!-- B', views: 12345678901234567890n };
    const output = await renderWidget('portico-article-card', { properties: { article: tricky } });
    expect(output.match(/<\/script>/gi)).toHaveLength(1);
    expect(output).not.toContain('<!-- B');
    expect(propertiesIn(output)).toEqual({ article: { ...tricky, views: '12345678901234567890' } });
    expect(shadowText(output)).toContain('Hits: 12,345,678,901,234,567,890');

    const attributesOnly = await renderWidget('portico-view-counter', { attributes: { value: 5 } });
    expect(attributesOnly).not.toContain('data-portico-properties');
  });

  it('marks the current category from the page’s address, or from current', async () => {
    const menu = (options: { url?: string; current?: string }) =>
      renderWidget('portico-category-menu', {
        properties: { categories: seed.categories },
        attributes: { current: options.current },
        url: options.url,
        lang: 'vi',
      });
    const current = (output: string): string[] =>
      Array.from(
        shadowOf(output).matchAll(/href="([^"]*)"\s*aria-current="(page|true)"/g),
        ([, href, value]) => `${href ?? ''} ${value ?? ''}`,
      );
    expect(current(await menu({ url: PAGE_URL }))).toEqual(['/tien-toi-dai-hoi-dang page']);
    // Named on a page that is not its own (an article of it): the section the page is in.
    expect(current(await menu({ current: 'giai-phong-mien-nam' }))).toEqual(['/giai-phong-mien-nam true']);
    expect(current(await menu({}))).toEqual([]);
  });

  it('tells links that leave the site by the page’s address', async () => {
    const categories = [
      { id: 'a', title: 'Trong', url: 'https://tinhuyangiang.vn/trong' },
      { id: 'b', title: 'Ngoài', url: 'https://chinhphu.vn/' },
    ];
    const output = await renderWidget('portico-category-menu', { properties: { categories }, url: PAGE_URL });
    expect(shadowOf(output)).toMatch(/href="https:\/\/tinhuyangiang.vn\/trong"\s*>/);
    expect(shadowOf(output)).toMatch(/href="https:\/\/chinhphu.vn\/"\s*rel="noopener"/);
  });

  it('renders light-DOM children: a slotted heading, or server fallback through the default slot', async () => {
    const headed = await renderWidget('portico-online-visitors', {
      attributes: { guests: 69, members: 0 },
      children: '<h3 slot="heading">Truy cập hiện tại</h3>',
      lang: 'vi',
    });
    expect(shadowOf(headed)).toMatch(/<slot name="heading"\s*><\/slot>/);
    expect(shadowOf(headed)).not.toContain('role="heading"');
    expect(headed).toMatch(/<\/template><!--lit-part [^>]*--><h3 slot="heading">Truy cập hiện tại<\/h3>/);

    const fallback = await renderWidget('portico-view-counter', { children: '18116910', lang: 'vi' });
    expect(shadowOf(fallback)).toMatch(
      /<div part="status" role="status" aria-live="off">\s*<!--lit-node \d+--><slot\s*><\/slot>/,
    );
    expect(fallback).toMatch(/<\/template><!--lit-part [^>]*-->18116910<!--\/lit-part--><\/portico-view-counter>/);
  });

  it('renders a widget with a source as the browser first shows it: loading, or the page’s numbers', async () => {
    const loading = await renderWidget('portico-online-visitors', { attributes: { source: 'stats' }, lang: 'vi' });
    expect(shadowOf(loading)).toContain('aria-busy="true"');
    expect(shadowText(loading)).toContain('Đang tải');
    const numbers = await renderWidget('portico-online-visitors', {
      attributes: { source: 'stats', guests: 69, members: 0 },
      lang: 'vi',
    });
    expect(shadowText(numbers)).toContain('Đang có 69');
  });

  it('sanitizes article bodies on the server: no script, no event handler, no script link', async () => {
    const warned = catchWarnings();
    const body =
      '<p>Đoạn một<script>window.__porticoPwned = 1</script></p><img src="x" onerror="window.__porticoPwned = 2" alt="ảnh"><p onclick="window.__porticoPwned = 3">Đoạn <a href="javascript:alert(1)">hai</a></p>';
    const output = await renderWidget('portico-article-card', {
      attributes: { variant: 'full' },
      properties: { article: { ...article!, body } },
      lang: 'vi',
    });
    const shadow = shadowOf(output);
    expect(shadow).toContain(
      '<p>Đoạn một</p><img src="x" alt="ảnh" loading="lazy" decoding="async" /><p>Đoạn <a>hai</a></p>',
    );
    expect(shadow).not.toMatch(/<script|onerror|onclick|javascript:/);
    expect(warned().join('\n')).toContain('article.body="<p>Đoạn một<script>');
  });

  it('leaves to the browser a content widget whose data is only in its light-DOM markup', async () => {
    const warned = catchWarnings();
    const list = '<ul><li><a href="/tien-toi-dai-hoi-dang">Tiến tới đại hội đảng</a></li></ul>';
    const output = await renderWidget('portico-category-menu', { children: list, lang: 'vi' });
    expect(output).not.toContain('shadowrootmode');
    expect(output).toContain(list);
    expect(warned()).toContainEqual(
      '<portico-category-menu> is left to the browser: its categories are in its light-DOM markup, which the server cannot read.',
    );
    // With the data as a property, the markup is only for crawlers and the widget renders.
    const both = await renderWidget('portico-category-menu', { children: list, properties: { categories: [] } });
    expect(both).toContain('shadowrootmode');
  });

  it('leaves banners in random order to the browser, which shuffles them', async () => {
    const warned = catchWarnings();
    const output = await renderWidget('portico-sidebar-banners', {
      attributes: { position: 'sidebar', order: 'random' },
      properties: { banners: seed.banners },
    });
    expect(output).not.toContain('shadowrootmode');
    expect(propertiesIn(output)).toEqual({ banners: seed.banners });
    expect(warned().join('\n')).toContain('its banners are shuffled in the browser');
  });

  it('refuses what it cannot render, saying what', async () => {
    await expect(renderWidget('div')).rejects.toThrow('"div" is not a custom element name.');
    // @ts-expect-error: not one of Portico's tags, as TypeScript says before Node does.
    await expect(renderWidget('portico-nothing')).rejects.toThrow('<portico-nothing> is not defined on the server');
    await expect(renderWidget('portico-view-counter', { attributes: { 'a b': 1 } })).rejects.toThrow(
      '"a b" is not an attribute name.',
    );
    await expect(renderWidget('portico-sidebar-banners', { properties: { random: () => 0.5 } })).rejects.toThrow(
      'cannot be sent to the browser as JSON',
    );
  });

  it('types each widget’s properties by its class', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // @ts-expect-error: grouping is 'auto' or 'off'.
    await expect(renderWidget('portico-view-counter', { properties: { grouping: 'never' } })).resolves.toContain('—');
    // @ts-expect-error: a misspelt property.
    await expect(renderWidget('portico-category-menu', { properties: { categores: [] } })).resolves.toContain('nav');
    // Another name for a widget's class is any custom element name, its properties untyped.
    await expect(renderWidget('my-counter', { properties: { value: 1 } })).rejects.toThrow(
      '<my-counter> is not defined',
    );
  });

  it('leaves nothing behind between renders', async () => {
    await renderWidget('portico-online-visitors', { attributes: { guests: 1, members: 1 }, lang: 'vi' });
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('portico.server-render-context')]).toBeUndefined();
    const again = await renderWidget('portico-online-visitors', { attributes: { guests: 1, members: 1 } });
    expect(shadowText(again)).toContain('We have one guest and one member online');
  });
});

describe('renderPage', () => {
  it('renders a whole page with several widgets in the page’s language, as a string or a stream', async () => {
    const page = html`<!doctype html>
      <html lang="vi">
        <body>
          <main>${widget('portico-article-card', { properties: { article } })}</main>
          <aside>
            ${widget('portico-online-visitors', { attributes: { guests: 69, members: 0 } })}
            ${widget('portico-view-counter', { attributes: { value: 18116910, grouping: 'off' } })}
          </aside>
        </body>
      </html>`;
    const output = await renderPage(page, { lang: 'vi', url: PAGE_URL });
    expect(output).toMatch(/^<!doctype html>\s*<html lang="vi">/);
    expect(output.match(/shadowrootmode="open"/g)).toHaveLength(3);
    expect(output).toContain('Đang có 69\u00A0khách');
    expect(output).toContain('25/8/2020');

    let streamed = '';
    for await (const chunk of renderPageToStream(page, { lang: 'vi', url: PAGE_URL })) streamed += String(chunk);
    expect(streamed).toBe(output);
  });

  it('renders widgets written as tags in a Lit template too', async () => {
    const output = await renderPage(
      litHtml`<portico-view-counter value="18116910" grouping="off"></portico-view-counter>`,
      { lang: 'vi' },
    );
    expect(shadowText(output)).toBe('Số lần xem các bài viết 1811691018116910');
  });
});

describe('the widgets under plain @lit-labs/ssr', () => {
  it('render without a DOM, each guarded on its own: no body without a sanitizer', async () => {
    const output = await collectResult(
      render(litHtml`
        <portico-online-visitors guests="69" members="0" lang="vi"></portico-online-visitors>
        <portico-view-counter value="18116910" lang="vi"></portico-view-counter>
        <portico-category-menu .categories=${seed.categories} current="giai-phong-mien-nam"></portico-category-menu>
        <portico-article-card variant="full" .article=${article}></portico-article-card>
        <portico-sidebar-banners position="sidebar" rotate="5" .banners=${seed.banners}></portico-sidebar-banners>`),
    );
    expect(output.match(/shadowrootmode="open"/g)).toHaveLength(5);
    expect(output).toContain('Đang có 69\u00A0khách');
    expect(output).toContain('18.116.910');
    expect(output).toContain('aria-current="true"');
    expect(output).not.toContain('<div part="body">');
    expect(output).toContain('aria-roledescription="carousel"');
  });
});

describe('summarizeChildren', () => {
  it('tells the slots child elements fill from content for the default slot', () => {
    expect(summarizeChildren('')).toEqual({ slots: [], content: false, links: false });
    expect(summarizeChildren(' <!-- x -->\n ')).toEqual({ slots: [], content: false, links: false });
    expect(summarizeChildren('<h3 slot="heading">Tiêu đề</h3>')).toEqual({
      slots: ['heading'],
      content: false,
      links: false,
    });
    expect(summarizeChildren('<h3 slot="heading"><span>x</span></h3> 69 khách')).toEqual({
      slots: ['heading'],
      content: true,
      links: false,
    });
    expect(summarizeChildren('<p>một<p>hai<h3 slot="heading">x</h3>')).toEqual({
      slots: ['heading'],
      content: true,
      links: false,
    });
    expect(summarizeChildren('<template shadowrootmode="open"><p>x</p></template>')).toEqual({
      slots: [],
      content: false,
      links: false,
    });
    // As the browser's widget judges its light DOM: a script is never shown.
    expect(summarizeChildren('<script type="application/ld+json">{"@type":"Article"}</script>')).toEqual({
      slots: [],
      content: false,
      links: false,
    });
  });

  it('counts only content that shows something, as the browser’s widget does', () => {
    for (const shows of ['<a href="/x"><img src="/a.png"></a>', '<img src="/a.png">', '<ul><li><a>Tin</a></li></ul>']) {
      expect(summarizeChildren(shows).content, shows).toBe(true);
    }
    // An empty link with an address: not content, but a link the menu and the banners read.
    expect(summarizeChildren('<ul><li><a href="/khong-ten"> </a></li></ul>')).toEqual({
      slots: [],
      content: false,
      links: true,
    });
    for (const blank of markupShowingNothing) {
      expect(summarizeChildren(blank).content, blank).toBe(false);
    }
  });
});

describe('renderWidget with any bad input', () => {
  // 300 renders: seconds on a loaded machine, so more than the default 5 s to finish.
  it('never throws for damaged attributes, properties and light-DOM children', { timeout: 60_000 }, async () => {
    const samples: Record<string, [string, unknown]> = {
      'portico-online-visitors': ['stats', seed.visitorStats],
      'portico-view-counter': ['value', seed.viewStats.total],
      'portico-category-menu': ['categories', seed.categories],
      'portico-article-card': ['article', seed.articles[0]],
      'portico-sidebar-banners': ['banners', seed.banners],
    };
    // One list for all: a widget ignores the attributes it does not have.
    const names = ['guests', 'members', 'value', 'grouping', 'notation', 'digits', 'orientation', 'current'];
    names.push('variant', 'heading', 'heading-level', 'lead-lines', 'time-zone', 'rotate', 'limit', 'position');
    names.push('order', 'label', 'source', 'mode', 'max-depth', 'collapse-below', 'article-id');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const [tag, [property, sample]] of Object.entries(samples)) {
      const input = fc.record({
        lang: oddLang,
        attributes: fc.dictionary(fc.constantFrom(...names), oddAttribute),
        value: damaged(sample, oddJson),
        children: oddMarkup,
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ lang, attributes, value, children }) => {
          const rendered = await renderWidget(tag, { lang, attributes, properties: { [property]: value }, children });
          expect(rendered).toContain(`<${tag}`);
        }),
        { numRuns: 60, seed: 20_261_127 },
      );
    }
  });
});
