// Server rendering end to end: every widget rendered in Node, the page loaded in real Chromium,
// then hydrated with `@portico/ssr/hydrate` and the widgets' modules, and compared before and
// after: the same shadow DOM, node for node, the same text, nothing moved, nothing logged.
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../../tooling/chromium.mjs';
import { consoleOf } from '../../../tooling/page-console.mjs';
import { html, renderPage, widget, type WidgetOptions } from './index.js';
import { startPageServer, type PageServer } from './test-support/page-server.js';

const [article] = seed.articles;
const PATH = '/tien-toi-dai-hoi-dang';
const IMAGE = { src: '/images/hoi-nghi.png', alt: 'Hội nghị giao ban công tác dân vận', width: 600, height: 400 };
const ATTACK =
  '<p>Đoạn ba<script>window.__porticoPwned = 1</script><img src="/images/x.png" onerror="window.__porticoPwned = 2" alt="ảnh"></p>';
/** A custom-HTML banner, with markup the sanitizer removes. */
const HTML_BANNER = {
  id: 'html',
  title: 'Cổng dịch vụ công',
  html: '<a href="/dich-vu-cong"><img src="/images/dvc.png" alt="Dịch vụ công" width="300" height="200"></a><p>Nộp hồ sơ <strong>trực tuyến</strong><script>window.__porticoPwned = 3</script></p>',
};
const BEFORE_UPGRADE = readFileSync(new URL('../../element/before-upgrade.css', import.meta.url), 'utf8');

interface Shown {
  tag: string;
  options: WidgetOptions;
}

/** The widgets on the page, by id: each as the seed portal shows it, in the column it sits in. */
const MAIN: Record<string, Shown> = {
  menu: { tag: 'portico-category-menu', options: { properties: { categories: seed.categories } } },
  article: {
    tag: 'portico-article-card',
    options: {
      attributes: { variant: 'full' },
      properties: { article: { ...article!, image: IMAGE, body: article!.body + ATTACK } },
    },
  },
  card: {
    tag: 'portico-article-card',
    options: {
      attributes: { variant: 'list', 'reading-time': true },
      properties: { article: { ...article!, image: IMAGE, views: 1234 } },
    },
  },
};
const ASIDE: Record<string, Shown> = {
  visitors: {
    tag: 'portico-online-visitors',
    options: { attributes: { guests: 69, members: 0 }, children: '<h3 slot="heading">Truy cập hiện tại</h3>' },
  },
  views: { tag: 'portico-view-counter', options: { attributes: { value: 18116910, grouping: 'off' } } },
  banners: {
    tag: 'portico-sidebar-banners',
    options: { attributes: { position: 'sidebar' }, properties: { banners: [...seed.banners, HTML_BANNER] } },
  },
  carousel: {
    tag: 'portico-sidebar-banners',
    options: { attributes: { position: 'sidebar', rotate: 60 }, properties: { banners: seed.banners } },
  },
};
const SHOWN = { ...MAIN, ...ASIDE };

/** Left to the browser by the server: a menu whose categories are only in its markup. */
const MARKUP_MENU = `<ul>${seed.categories.map(({ url, title }) => `<li><a href="${url}">${title}</a></li>`).join('')}</ul>`;

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium for the hydration tests.');
  [server, browser] = await Promise.all([startPageServer(), chromium.launch({ executablePath, args: CHROMIUM_ARGS })]);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const column = (widgets: Record<string, Shown>) =>
    Object.entries(widgets).map(([id, { tag, options }]) =>
      widget(tag, { ...options, attributes: { ...options.attributes, id, 'data-ssr': true } }),
    );
  const body = await renderPage(
    html`<div style="display: flex; gap: 24px; align-items: flex-start; padding: 16px">
      <main style="width: 640px">
        ${column(MAIN)} ${widget('portico-category-menu', { attributes: { id: 'markup-menu' }, children: MARKUP_MENU })}
      </main>
      <aside style="width: 280px">${column(ASIDE)}</aside>
    </div>`,
    { lang: 'vi', url: `${server.origin}${PATH}` },
  );
  server.setPage(PATH, pageWith(body));
  // An article whose image cannot be shown: it fails while the page loads, before the widget listens.
  const broken = await renderPage(
    widget('portico-article-card', {
      attributes: { id: 'broken', 'data-ssr': true },
      properties: { article: { ...article!, image: { ...IMAGE, src: '/images/broken.png' } } },
    }),
    { lang: 'vi', url: `${server.origin}${BROKEN_IMAGE_PATH}` },
  );
  server.setPage(BROKEN_IMAGE_PATH, pageWith(`<div style="width: 320px">${broken}</div>`));
  // Horizontal menus that fold below 600 px: one in a phone's column, one in a wide header.
  const folding = (id: string, width: number) =>
    html`<div style="width: ${width}px">
      ${widget('portico-category-menu', {
        attributes: { id, 'data-ssr': true, orientation: 'horizontal', 'collapse-below': 600 },
        properties: { categories: seed.categories },
      })}
    </div>`;
  server.setPage(
    FOLDING_MENU_PATH,
    pageWith(
      await renderPage(html`${folding('narrow', 320)}${folding('wide', 900)}`, {
        lang: 'vi',
        url: `${server.origin}${FOLDING_MENU_PATH}`,
      }),
    ),
  );
  // Banners built into the page while one was still published, read after its window closed.
  const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
  server.setPage(
    ENDED_BANNER_PATH,
    pageWith(
      await renderPage(
        widget('portico-sidebar-banners', {
          attributes: { id: 'ended', 'data-ssr': true, limit: 5 },
          properties: {
            banners: [
              { id: 'ending', title: 'Tiến tới đại hội đảng', url: '/tien-toi-dai-hoi-dang', publishDown: inAnHour },
              { id: 'staying', title: 'Giải phóng miền Nam', url: '/giai-phong-mien-nam' },
            ],
          },
        }),
        { lang: 'vi', url: `${server.origin}${ENDED_BANNER_PATH}` },
      ),
    ),
  );
  // Under a Content-Security-Policy without 'unsafe-inline' for styles: the widgets' own
  // <style> allowed by their hashes, or not at all.
  const { styleHashes } = await import('./index.js');
  const cspBody = await renderPage(
    html`${widget('portico-online-visitors', { attributes: { id: 'csp-visitors', 'data-ssr': true, guests: 69, members: 0 } })}
    ${widget('portico-view-counter', { attributes: { id: 'csp-views', 'data-ssr': true, value: '18116910', grouping: 'off' } })}
    ${widget('portico-category-menu', { attributes: { 'data-ssr': true }, properties: { categories: seed.categories } })}
    ${widget('portico-article-card', { attributes: { 'data-ssr': true }, properties: { article } })}
    ${widget('portico-article-card', { attributes: { 'data-ssr': true, variant: 'list', 'lead-lines': 2 }, properties: { article: { ...article!, image: IMAGE } } })}
    ${widget('portico-article-card', { attributes: { id: 'csp-lead', 'data-ssr': true, variant: 'list', 'lead-lines': 20 }, properties: { article } })}
    ${widget('portico-sidebar-banners', { attributes: { 'data-ssr': true, rotate: 30 }, properties: { banners: seed.banners } })}
    ${widget('portico-sidebar-banners', { attributes: { 'data-ssr': true }, properties: { banners: seed.banners } })}`,
    { lang: 'vi', url: `${server.origin}${CSP_PATH}` },
  );
  const underPolicy = (styleSources: string) => `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src ${styleSources}" />
    <link rel="icon" href="data:," />
  </head>
  <body>${cspBody}</body>
</html>`;
  server.setPage(CSP_PATH, underPolicy(`'self' ${styleHashes().join(' ')}`));
  server.setPage(`${CSP_PATH}-without-hashes`, underPolicy(`'self'`));
  // Rendered in English for a page that reads Vietnamese (the renderer was given the wrong lang).
  server.setPage(
    OTHER_LANG_PATH,
    pageWith(
      await renderPage(
        widget('portico-online-visitors', {
          attributes: { id: 'other-lang', 'data-ssr': true, guests: 69, members: 0 },
        }),
        { lang: 'en', url: `${server.origin}${OTHER_LANG_PATH}` },
      ),
    ),
  );
  // A pinned custom-HTML banner (whose HTML carries a data-index of its own) above two others, on
  // a page that says vi-VN to a server told vi: the same words, nothing to render anew.
  server.setPage(
    PINNED_PATH,
    pageWith(
      await renderPage(
        widget('portico-sidebar-banners', {
          attributes: { id: 'pinned', 'data-ssr': true },
          properties: {
            banners: [
              { ...HTML_BANNER, html: `<span data-index="7">Đường dây nóng</span> ${HTML_BANNER.html}`, pinned: true },
              ...seed.banners,
            ],
          },
        }),
        { lang: 'vi', url: `${server.origin}${PINNED_PATH}` },
      ),
      'vi-VN',
    ),
  );
  // A properties block as a template might write it, with names the DOM has.
  server.setPage(
    PROPERTIES_PATH,
    pageWith(`<portico-online-visitors id="tampered">
      <script type="application/json" data-portico-properties>
        {"stats": {"guests": 5, "members": 1}, "innerHTML": "<img src=x onerror=window.__porticoPwned=1>", "__proto__": {"x": 1}}
      </script>
    </portico-online-visitors>`),
  );
}, 60_000);

const BROKEN_IMAGE_PATH = '/anh-hong';
const FOLDING_MENU_PATH = '/menu-gap';
const PROPERTIES_PATH = '/thuoc-tinh';
const ENDED_BANNER_PATH = '/quang-cao-het-han';
const CSP_PATH = '/chinh-sach-bao-mat';
const OTHER_LANG_PATH = '/ngon-ngu-khac';
const PINNED_PATH = '/quang-cao-ghim';

function pageWith(body: string, lang = 'vi'): string {
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <title>Portico, server-rendered</title>
    <link rel="icon" href="data:," />
    <style>${BEFORE_UPGRADE}</style>
    <style>body { margin: 0; font: 16px/1.5 system-ui, sans-serif }</style>
  </head>
  <body>${body}</body>
</html>`;
}

afterAll(async () => {
  await browser.close();
  await server.close();
  vi.restoreAllMocks();
});

// Whole pages in a real browser: allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

interface Snapshot {
  id: string;
  html: string | null;
  text: string;
  box: string;
}

interface TestWindow {
  __shifts: { value: number; at: number; recent: boolean; nodes: string[] }[];
  __remembered: { element: Element; root: ShadowRoot | null; nodes: Node[] }[];
  __textOf(root: ShadowRoot | null): string;
  __porticoPwned?: unknown;
}

/** Runs in the page before anything else: layout-shift records, and what the checks need. */
function installPageHelpers(): void {
  const page = window as unknown as TestWindow;
  page.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null }[];
    })[]) {
      page.__shifts.push({
        value: entry.value,
        at: entry.startTime,
        recent: entry.hadRecentInput,
        nodes: (entry.sources ?? []).map(({ node }) =>
          node instanceof Element ? node.id || node.localName : (node?.nodeName ?? 'none'),
        ),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  page.__textOf = (root) => {
    if (!root) return '';
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('style')) texts.push(node.textContent ?? '');
    }
    // ASCII white space only: no-break spaces are part of the texts.
    return texts
      .join('')
      .replace(/[ \t\n\r]+/g, ' ')
      .trim();
  };
}

interface Visit {
  page: Page;
  errors: string[];
  warnings: string[];
}

async function visit(options: { reducedMotion?: 'reduce'; path?: string } = {}): Promise<Visit> {
  const { path = PATH, ...pageOptions } = options;
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, ...pageOptions });
  const { errors, warnings } = consoleOf(page);
  await page.addInitScript(installPageHelpers);
  await page.goto(`${server.origin}${path}`);
  // The page as a reader first sees it: its images loaded (lazy ones included), painted.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('[data-ssr]')).every((element) =>
      Array.from(element.shadowRoot?.querySelectorAll('img') ?? []).every((image) => image.complete),
    ),
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return { page, errors, warnings };
}

/** Every server-rendered widget's shadow DOM, text and box. */
function snapshot(page: Page): Promise<Snapshot[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-ssr]'), (element) => ({
      id: element.id,
      html: element.shadowRoot?.innerHTML ?? null,
      text: (window as unknown as TestWindow).__textOf(element.shadowRoot),
      box: JSON.stringify(element.getBoundingClientRect()),
    })),
  );
}

/** Remembers every server-rendered widget's shadow root and the nodes in it, for `replacedNodes`. */
function rememberNodes(page: Page): Promise<void> {
  return page.evaluate(() => {
    (window as unknown as TestWindow).__remembered = Array.from(document.querySelectorAll('[data-ssr]'), (element) => {
      const root = element.shadowRoot;
      const nodes: Node[] = [];
      if (root) {
        const walker = document.createTreeWalker(root);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      }
      return { element, root, nodes };
    });
  });
}

/** Loads `module` (the widgets, with or without hydration support) and waits for every widget to settle. */
async function upgrade(page: Page, module: string): Promise<void> {
  // A string, so the test's own module transform leaves this `import()` to the page.
  await page.evaluate(`new Promise(requestAnimationFrame).then(() => import(${JSON.stringify(module)}))`);
  await page.evaluate(async () => {
    const frames = (count: number) =>
      new Promise<void>((resolve) => {
        const step = (left: number): void => {
          if (left === 0) resolve();
          else
            requestAnimationFrame(() => {
              step(left - 1);
            });
        };
        step(count);
      });
    const widgets = Array.from(document.querySelectorAll('body *')).filter((element) =>
      element.localName.startsWith('portico-'),
    );
    for (const element of widgets) {
      await customElements.whenDefined(element.localName);
      await (element as Element & { updateComplete: Promise<unknown> }).updateComplete;
    }
    // The render that follows hydration, and anything it starts.
    await frames(3);
    for (const element of widgets) await (element as Element & { updateComplete: Promise<unknown> }).updateComplete;
    await frames(2);
  });
}

/** Ids of the widgets whose shadow root, or any node in it, is not the one the server rendered. */
function replacedNodes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as TestWindow).__remembered
      .filter(
        ({ element, root, nodes }) =>
          element.shadowRoot !== root || nodes.some((node) => !node.isConnected || node.getRootNode() !== root),
      )
      .map(({ element }) => element.id),
  );
}

/** The layout shifts since `since` (a `performance.now()` in the page; default: since it loaded), as JSON. */
async function layoutShifts(page: Page, since = 0): Promise<string> {
  const shifts = await page.evaluate(() => (window as unknown as TestWindow).__shifts);
  return JSON.stringify(shifts.filter(({ recent, at }) => !recent && at >= since));
}

describe('server-rendered widgets in Chromium', () => {
  it('show their content before any script runs, as declarative shadow roots', async () => {
    const { page, errors } = await visit();
    const before = await snapshot(page);
    expect(before.map(({ id }) => id)).toEqual(Object.keys(SHOWN));
    const text = Object.fromEntries(before.map(({ id, text }) => [id, text]));
    expect(text.visitors).toBe(seed.shown.visitorsText);
    expect(text.views).toMatch(new RegExp(`^${seed.shown.viewsTitle} ${seed.shown.viewsText}`));
    for (const { title } of seed.categories) expect(text.menu).toContain(title);
    expect(text.article).toContain(`${seed.shown.articleDate}${seed.shown.leadPrefix}${article!.lead}`);
    expect(text.article).toContain(`Viết bởi ${seed.shown.articleAuthors}`);
    for (const { title } of seed.banners) expect(text.banners).toContain(title);
    expect(await page.evaluate(() => customElements.get('portico-view-counter'))).toBeUndefined();
    // The page's address made the current category.
    expect(
      await page.evaluate(
        () => document.querySelector('#menu')?.shadowRoot?.querySelector('[aria-current="page"]')?.textContent,
      ),
    ).toBe('Tiến tới đại hội đảng');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hydrate without re-rendering: the same shadow DOM, node for node, no layout shift, no error', async () => {
    const { page, errors } = await visit();
    const before = await snapshot(page);
    await rememberNodes(page);
    const hydrationStart = await page.evaluate(() => performance.now());
    await upgrade(page, '/src/test-support/hydration-client.ts');
    const after = await snapshot(page);

    expect(after.map(({ id }) => id)).toEqual(before.map(({ id }) => id));
    expect(before.map(({ id }) => id).sort()).toEqual(Object.keys(SHOWN).sort());
    for (const [index, { id, html, text, box }] of after.entries()) {
      expect(html, `${id}: shadow DOM`).toBe(before[index]!.html);
      expect(text, `${id}: text`).toBe(before[index]!.text);
      expect(box, `${id}: box`).toBe(before[index]!.box);
    }
    expect(await replacedNodes(page)).toEqual([]);
    expect(await layoutShifts(page, hydrationStart), 'while hydrating').toBe('[]');
    // While the page loads, before any script: nothing that counts. (Chromium may paint a page
    // it has parsed halfway; rarely, that records a shift in the order of 0.00005, of a node the
    // parser then moved into a declarative shadow root.)
    const loadShift = (JSON.parse(await layoutShifts(page)) as { value: number }[]).reduce(
      (total, { value }) => total + value,
      0,
    );
    expect(loadShift, 'since the page loaded').toBeLessThan(0.001);
    expect(errors).toEqual([]);
    // The body was sanitized on the server; nothing in it ran, before or after hydrating.
    expect(await page.evaluate(() => (window as unknown as TestWindow).__porticoPwned)).toBeUndefined();
    expect(
      await page.evaluate(() =>
        document.querySelector('#article')?.shadowRoot?.querySelector('[part~="body"]')?.innerHTML.includes('onerror'),
      ),
    ).toBe(false);
    await page.close();
  });

  it('are live after hydrating: updates change the server’s nodes in place, and events reach the widgets', async () => {
    const { page, errors } = await visit();
    await upgrade(page, '/src/test-support/hydration-client.ts');
    const result = await page.evaluate(async () => {
      type Widget = HTMLElement & { updateComplete: Promise<unknown>; guests?: number; stats?: unknown };
      const visitors = document.querySelector<Widget>('#visitors')!;
      const count = visitors.shadowRoot!.querySelector('[part~="count"]')!;
      visitors.guests = 70;
      await visitors.updateComplete;
      const carousel = document.querySelector<Widget>('#carousel')!;
      const current = () => carousel.shadowRoot!.querySelector('[data-current]')?.textContent.trim();
      const first = current();
      carousel.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
      await carousel.updateComplete;
      return {
        sameNode: visitors.shadowRoot!.querySelector('[part~="count"]') === count,
        count: count.textContent,
        slides: [first, current()],
      };
    });
    expect(result).toEqual({
      sameNode: true,
      count: 'Đang có 70\u00A0khách và không thành viên đang online',
      slides: ['Tiến tới đại hội đảng', 'Giải phóng miền Nam'],
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('render in the browser what the server rendered', async () => {
    const { page, errors } = await visit();
    await upgrade(page, '/src/test-support/hydration-client.ts');
    const hydrated = Object.fromEntries((await snapshot(page)).map(({ id, text }) => [id, text]));
    const rendered = await page.evaluate(async (shown) => {
      const holder = document.createElement('div');
      holder.style.cssText = 'position: absolute; left: -3000px; width: 640px';
      document.body.append(holder);
      const texts: Record<string, string> = {};
      for (const [id, { tag, options }] of Object.entries(shown)) {
        const element = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
        for (const [name, value] of Object.entries(options.attributes ?? {})) {
          if (value !== false && value != null) element.setAttribute(name, value === true ? '' : String(value));
        }
        Object.assign(element, options.properties);
        element.innerHTML = options.children ?? '';
        holder.append(element);
        await element.updateComplete;
        // Custom HTML shows once sanitized (the sanitizer is loaded: the page hydrated with it).
        const banners = (options.properties as { banners?: { html?: string }[] } | undefined)?.banners ?? [];
        const htmlBoxes = banners.filter((banner) => banner.html).length;
        while (element.shadowRoot!.querySelectorAll('[part~="html"]').length < htmlBoxes) {
          await new Promise(requestAnimationFrame);
          await element.updateComplete;
        }
        texts[id] = (window as unknown as TestWindow).__textOf(element.shadowRoot);
      }
      return texts;
    }, SHOWN);
    expect(rendered).toEqual(hydrated);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leave to the browser a widget the server cannot render, which then renders as without server rendering', async () => {
    const { page, errors } = await visit();
    expect(await page.evaluate(() => document.querySelector('#markup-menu')?.shadowRoot ?? null)).toBeNull();
    await upgrade(page, '/src/test-support/hydration-client.ts');
    const text = await page.evaluate(() =>
      (window as unknown as TestWindow).__textOf(document.querySelector('#markup-menu')!.shadowRoot),
    );
    for (const { title } of seed.categories) expect(text).toContain(title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follow the reader’s reduced motion once hydrated: the carousel, rendered rotating, stops', async () => {
    const { page, errors } = await visit({ reducedMotion: 'reduce' });
    const label = () =>
      page.evaluate(
        () =>
          document.querySelector('#carousel')?.shadowRoot?.querySelector('[part~="rotation"]')?.textContent.trim() ??
          '',
      );
    expect(await label()).toBe('Tạm dừng');
    await rememberNodes(page);
    await upgrade(page, '/src/test-support/hydration-client.ts');
    expect(await label()).toBe('Bắt đầu trình chiếu');
    expect(await replacedNodes(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hear, once hydrated, of an image that failed before: the card is laid out without it', async () => {
    const { page, errors, warnings } = await visit({ path: BROKEN_IMAGE_PATH });
    const image = () =>
      page.evaluate(() => document.querySelector('#broken')?.shadowRoot?.querySelector('img[part~="image"]') !== null);
    expect(await image()).toBe(true);
    await upgrade(page, '/src/test-support/hydration-client.ts');
    expect(await image()).toBe(false);
    expect(warnings).toContain(
      '<portico-article-card id="broken">: article.image.src="/images/broken.png" did not load; showing "no image".',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fold a horizontal menu narrower than collapse-below once hydrated, moving nothing', async () => {
    const { page, errors } = await visit({ path: FOLDING_MENU_PATH });
    const menus = () =>
      page.evaluate(() =>
        ['narrow', 'wide'].map((id) => {
          const root = document.getElementById(id)?.shadowRoot;
          const links = Array.from(root?.querySelectorAll<HTMLElement>('[part~="list"] > li > div > a') ?? []);
          return {
            height: document.getElementById(id)?.getBoundingClientRect().height,
            button: root?.querySelector('[part~="menu-button"]')?.textContent.trim(),
            linksShown: links.filter((link) => link.checkVisibility()).length,
            rows: new Set(links.map((link) => link.getBoundingClientRect().top)).size,
          };
        }),
      );
    // Before any script: the top row on one line in both, the narrow one scrolling sideways.
    const [narrowBefore, wideBefore] = await menus();
    expect(narrowBefore).toMatchObject({ button: undefined, rows: 1 });
    expect(wideBefore).toMatchObject({ button: undefined, rows: 1 });
    expect(narrowBefore!.height).toBe(wideBefore!.height);

    const hydrationStart = await page.evaluate(() => performance.now());
    await upgrade(page, '/src/test-support/hydration-client.ts');
    const [narrow, wide] = await menus();
    expect(narrow).toMatchObject({ button: '☰ Danh mục', linksShown: 0, height: narrowBefore!.height });
    expect(wide).toMatchObject({ button: undefined, linksShown: seed.categories.length, height: wideBefore!.height });
    expect(await layoutShifts(page, hydrationStart), 'while hydrating').toBe('[]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('render anew, once, where the server’s markup no longer matches the page (a banner’s window has closed)', async () => {
    const { page, errors, warnings } = await visit({ path: ENDED_BANNER_PATH });
    const titles = () =>
      page.evaluate(() =>
        Array.from(document.querySelector('#ended')?.shadowRoot?.querySelectorAll('a') ?? [], (link) =>
          link.textContent.trim(),
        ),
      );
    expect(await titles()).toEqual(['Tiến tới đại hội đảng', 'Giải phóng miền Nam']);
    // Two hours later by the reader's clock: the first banner's window has closed.
    await page.evaluate(() => {
      const now = Date.now.bind(Date);
      Date.now = () => now() + 7_200_000;
    });
    await upgrade(page, '/src/test-support/hydration-client.ts');
    expect(await titles()).toEqual(['Giải phóng miền Nam']);
    // Live, and still once: another update does not write the banners a second time.
    await page.evaluate(async () => {
      const element = document.querySelector<Element & { limit: number; updateComplete: Promise<unknown> }>('#ended')!;
      element.limit = 4;
      await element.updateComplete;
    });
    expect(await titles()).toEqual(['Giải phóng miền Nam']);
    expect(
      warnings.some((text) =>
        text.includes('<portico-sidebar-banners id="ended">: the server-rendered shadow DOM is dropped'),
      ),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keep a server-rendered custom-HTML banner’s nodes wherever it moves once hydrated', async () => {
    const { page, errors } = await visit();
    const serverImage = await page.evaluateHandle(
      () => document.querySelector('#banners')?.shadowRoot?.querySelector('[part~="html"] img') ?? null,
    );
    await upgrade(page, '/src/test-support/hydration-client.ts');
    const htmlBoxes = () =>
      page.evaluate(() =>
        Array.from(document.querySelector('#banners')?.shadowRoot?.querySelectorAll('[data-index]') ?? [], (item) =>
          item.querySelector('[part~="html"]')?.textContent.trim(),
        ),
      );
    const change = (properties: Record<string, unknown>) =>
      page.evaluate(async (values) => {
        const element = document.querySelector<Element & { updateComplete: Promise<unknown> }>('#banners')!;
        Object.assign(element, values);
        await element.updateComplete;
      }, properties);
    const sameImage = () =>
      page.evaluate(
        (image) =>
          image !== null &&
          image === document.querySelector('#banners')?.shadowRoot?.querySelector('[part~="html"] img'),
        serverImage,
      );
    const banners = [HTML_BANNER, ...seed.banners];
    // Moved to the top of the list, then into a rotating carousel: shown each time, the server's nodes still.
    await change({ banners });
    expect(await htmlBoxes()).toEqual(['Nộp hồ sơ trực tuyến', ...seed.banners.map(() => undefined)]);
    expect(await sameImage()).toBe(true);
    await change({ rotate: 30 });
    expect((await htmlBoxes()).filter(Boolean)).toEqual(['Nộp hồ sơ trực tuyến']);
    expect(await sameImage()).toBe(true);
    // Listed twice: the server's nodes stay with the first, the second gets nodes of its own.
    await change({ banners: [HTML_BANNER, { ...HTML_BANNER }], rotate: 0 });
    await expect.poll(htmlBoxes).toEqual(['Nộp hồ sơ trực tuyến', 'Nộp hồ sơ trực tuyến']);
    expect(await sameImage()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keep a pinned custom-HTML banner’s nodes when the others start rotating, on a vi-VN page rendered as vi', async () => {
    const { page, errors, warnings } = await visit({ path: PINNED_PATH });
    const serverImage = await page.evaluateHandle(
      () => document.querySelector('#pinned')?.shadowRoot?.querySelector('[part~="html"] img') ?? null,
    );
    await upgrade(page, '/src/test-support/hydration-client.ts');
    const pinnedText = () =>
      page.evaluate(() =>
        document
          .querySelector('#pinned')
          ?.shadowRoot?.querySelector('[part~="list"] [part~="html"]')
          ?.textContent.trim(),
      );
    expect(await pinnedText()).toBe('Đường dây nóng Nộp hồ sơ trực tuyến');
    for (const rotate of [30, 0]) {
      await page.evaluate(async (seconds) => {
        const element = document.querySelector<Element & { rotate: number; updateComplete: Promise<unknown> }>(
          '#pinned',
        )!;
        element.rotate = seconds;
        await element.updateComplete;
      }, rotate);
      expect(await pinnedText(), `rotate=${String(rotate)}`).toBe('Đường dây nóng Nộp hồ sơ trực tuyến');
    }
    expect(
      await page.evaluate(
        (image) =>
          image !== null &&
          image === document.querySelector('#pinned')?.shadowRoot?.querySelector('[part~="html"] img'),
        serverImage,
      ),
    ).toBe(true);
    // Hydrated, not rendered anew: the HTML's own data-index is not a banner, vi-VN reads as vi.
    expect(warnings.filter((line) => line.includes('is dropped'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('render anew, once, where Lit cannot take the server’s markup over (the data changed since)', async () => {
    const { page, errors, warnings } = await visit();
    const links = () =>
      page.evaluate(
        () =>
          Array.from(document.querySelector('#menu')?.shadowRoot?.querySelectorAll('[part~="list"] > li') ?? []).length,
      );
    expect(await links()).toBe(seed.categories.length);
    // The page's properties block now gives one category fewer than the server rendered.
    await page.evaluate(() => {
      const block = document.querySelector('#menu > script[data-portico-properties]')!;
      const properties = JSON.parse(block.textContent) as { categories: unknown[] };
      block.textContent = JSON.stringify({ categories: properties.categories.slice(1) });
    });
    await upgrade(page, '/src/test-support/hydration-client.ts');
    expect(await links()).toBe(seed.categories.length - 1);
    expect(
      warnings.some((text) =>
        text.includes('<portico-category-menu id="menu">: the server-rendered shadow DOM is dropped'),
      ),
    ).toBe(true);
    // Live, and once: another update does not write the menu a second time.
    await page.evaluate(async () => {
      const menu = document.querySelector<Element & { orientation: string; updateComplete: Promise<unknown> }>(
        '#menu',
      )!;
      menu.orientation = 'horizontal';
      await menu.updateComplete;
    });
    expect(await links()).toBe(seed.categories.length - 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('render anew, in the page’s language, what the server rendered in another', async () => {
    const { page, errors, warnings } = await visit({ path: OTHER_LANG_PATH });
    const text = () =>
      page.evaluate(() =>
        (window as unknown as TestWindow).__textOf(document.querySelector('#other-lang')!.shadowRoot),
      );
    expect(await text()).toContain('We have 69\u00A0guests');
    await upgrade(page, '/src/test-support/hydration-client.ts');
    expect(await text()).toContain('Đang có 69\u00A0khách và không thành viên đang online');
    expect(await text()).not.toContain('We have');
    expect(warnings.some((line) => line.includes('rendered on the server in "en", and the page reads "vi"'))).toBe(
      true,
    );
    expect(await page.evaluate(() => document.querySelector('#other-lang')!.getAttributeNames())).not.toContain(
      'data-portico-rendered-lang',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('are styled before any script under a strict style-src that lists styleHashes()', async () => {
    const styled = async (path: string) => {
      const { page, errors } = await visit({ path });
      const padding = await page.evaluate(() =>
        ['csp-visitors', 'csp-views'].map((id) => getComputedStyle(document.getElementById(id)!).paddingTop),
      );
      await page.close();
      return { padding, refused: errors.filter((text) => text.includes('Content Security Policy')).length };
    };
    expect(await styled(CSP_PATH)).toEqual({ padding: ['12px', '12px'], refused: 0 });
    // The same page without the hashes: the policy refuses the widgets' styles.
    const without = await styled(`${CSP_PATH}-without-hashes`);
    expect(without.padding).toEqual(['0px', '0px']);
    expect(without.refused).toBeGreaterThan(0);
  });

  it('cut a lead at more than 12 lines without a style attribute, once hydrated (allowed by a strict style-src)', async () => {
    const { page, errors, warnings } = await visit({ path: CSP_PATH });
    const lead = () =>
      page.evaluate(() => {
        const found = document.querySelector('#csp-lead')!.shadowRoot!.querySelector<HTMLElement>('[part~="lead"]')!;
        (window as unknown as { __lead?: Element }).__lead ??= found;
        return {
          style: found.getAttribute('style'),
          lines: getComputedStyle(found).webkitLineClamp,
          same: (window as unknown as { __lead?: Element }).__lead === found,
        };
      });
    // The server wrote no style attribute for the policy to refuse; the stylesheet cuts at 1 to 12 lines only.
    expect(await lead()).toEqual({ style: null, lines: 'none', same: true });
    await upgrade(page, '/src/test-support/hydration-client.ts');
    expect(await lead()).toEqual({ style: '--_lead-lines: 20;', lines: '20', same: true });
    expect(warnings.filter((line) => line.includes('server-rendered shadow DOM is dropped'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('take the properties from the block the server wrote, and none of the DOM’s own', async () => {
    const { page, errors, warnings } = await visit({ path: PROPERTIES_PATH });
    await upgrade(page, '/src/test-support/hydration-client.ts');
    const result = await page.evaluate(() => {
      const element = document.querySelector('#tampered')!;
      return {
        text: (window as unknown as TestWindow).__textOf(element.shadowRoot),
        prototype: Object.getPrototypeOf(element) === customElements.get('portico-online-visitors')!.prototype,
        images: element.querySelectorAll('img').length,
        pwned: (window as unknown as TestWindow).__porticoPwned,
      };
    });
    expect(result.text).toContain('Đang có 5\u00A0khách và một thành viên đang online');
    expect(result).toMatchObject({ prototype: true, images: 0, pwned: undefined });
    expect(warnings).toEqual(
      expect.arrayContaining([
        '<portico-online-visitors id="tampered">: data-portico-properties cannot set "innerHTML"; not used.',
        '<portico-online-visitors id="tampered">: data-portico-properties cannot set "__proto__"; not used.',
      ]),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without @portico/ssr/hydrate, render anew over the server’s shadow DOM, with the server’s properties', async () => {
    const { page, errors } = await visit();
    const before = await snapshot(page);
    await rememberNodes(page);
    await upgrade(page, '/src/test-support/client-without-hydration.ts');
    const after = await snapshot(page);
    // New nodes everywhere, once each; what came as attributes reads the same, and so does what
    // came as properties: each widget reads the block the server wrote for it.
    expect(await replacedNodes(page)).toEqual(Object.keys(SHOWN));
    const text = (snapshots: Snapshot[], id: string) => snapshots.find((widget) => widget.id === id)?.text;
    expect(text(after, 'visitors')).toBe(text(before, 'visitors'));
    expect(text(after, 'views')).toBe(text(before, 'views'));
    expect(text(after, 'menu')).toContain(seed.categories[0]!.title);
    expect(text(after, 'menu')).toBe(text(before, 'menu'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
