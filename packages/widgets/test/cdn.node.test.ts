/// <reference types="node" />
// The CDN build as a CMS template uses it: one <script type="module"> and a configuration
// block, in real Chromium, on an ordinary page, a hostile Joomla 3 template, beside a second
// copy of itself, and under a strict Content-Security-Policy with Trusted Types.
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Banner } from '@portico/core';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../../tooling/chromium.mjs';
import { consoleOf } from '../../../tooling/page-console.mjs';
import { installMooToolsArrayFrom } from '../../../tooling/mootools-array-from.mjs';
import { startPageServer, type PageServer } from './page-server.js';

const TAGS = [
  'portico-category-menu',
  'portico-article-card',
  'portico-sidebar-banners',
  'portico-online-visitors',
  'portico-view-counter',
];

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  server = await startPageServer();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium for the CDN page tests.');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser.close();
  server.close();
});

// Whole pages in a real browser: allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

interface Visit {
  page: Page;
  errors: string[];
  violations: string[];
}

/** Every widget of the seed portal has its data: the menu's links, the article's byline, the counter's number. */
function seedPortalShown(): boolean {
  const shadow = (tag: string) => document.querySelector(tag)?.shadowRoot?.textContent ?? '';
  return (
    shadow('portico-category-menu').includes('Giải phóng miền Nam') &&
    shadow('portico-article-card').includes('Thúy Vân, Bá Siêu') &&
    shadow('portico-sidebar-banners').includes('Tiến tới đại hội đảng') &&
    shadow('portico-online-visitors').includes('Đang có 69') &&
    shadow('portico-view-counter').includes('18116910')
  );
}

/**
 * Opens `path`, reporting errors and CSP violations, once `shown` holds in the page; `prepare`
 * runs first, on the new page, before it loads.
 */
async function visit(
  path: string,
  shown: () => boolean = seedPortalShown,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await prepare?.(page);
  const { errors } = consoleOf(page);
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { reportViolation(text: string): Promise<void> }).reportViolation(
        `${event.violatedDirective}: ${event.blockedURI}`,
      );
    });
  });
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(shown);
  return { page, errors, violations };
}

/** The seed portal's content (the fixture the demo shows). */
function shadowText(page: Page, tag: string): Promise<string> {
  // ASCII white space only: the no-break spaces are part of the texts.
  return page.evaluate(
    (name) => (document.querySelector(name)?.shadowRoot?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim(),
    tag,
  );
}

describe('the CDN build', () => {
  it('gives a plain page all five widgets from one script tag, loading only what the page needs', async () => {
    const { page, errors } = await visit('/pages/portal.html');
    // Each class keeps its name through minification, as devtools and stack traces show it.
    for (const tag of TAGS) {
      const className = tag.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase());
      expect(await page.evaluate((name) => customElements.get(name)?.name, tag), tag).toBe(className);
    }
    expect(await shadowText(page, 'portico-online-visitors')).toContain(
      'Đang có 69\u00A0khách và không thành viên đang online',
    );
    expect(await shadowText(page, 'portico-article-card')).toContain('(TUAG)- Ngày 25/8/2020');
    const loaded = server.requests.filter((path) => path.startsWith('/cdn/'));
    expect(loaded.some((path) => path.includes('/chunks/plugin-json-'))).toBe(true);
    expect(
      loaded.some((path) => /plugin-(joomla|wordpress|stats)-/.test(path)),
      'unused plugins stay on the server',
    ).toBe(false);
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });

  it('has no bare imports: every module it loads comes from the build', async () => {
    const { page } = await visit('/pages/portal.html');
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.endsWith('.js')),
    );
    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts) expect(new URL(script).pathname).toMatch(/^\/cdn\/(portico\.js|chunks\/[\w-]+\.js)$/);
    await page.close();
  });

  it('imports nothing by a bare name in any of its files, and holds Lit once', async () => {
    const directory = new URL('../dist/cdn/', import.meta.url);
    const files = (await readdir(directory, { recursive: true })).filter((file) => file.endsWith('.js'));
    expect(files).toContain('portico.js');
    const bare: string[] = [];
    const litIn = new Map<string, string[]>();
    for (const file of files) {
      const code = await readFile(new URL(file, directory), 'utf8');
      // Every static and dynamic import specifier of the minified file.
      for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+)["'`]/g)) {
        if (!/^\.\.?\//.test(specifier ?? '')) bare.push(`${file}: ${specifier ?? ''}`);
      }
      const map = JSON.parse(await readFile(new URL(`${file}.map`, directory), 'utf8')) as { sources: string[] };
      for (const source of map.sources) {
        const lit = /node_modules\/((?:@lit\/)?[\w-]+\/[\w-]+\.js)$/.exec(source)?.[1];
        if (lit && /^(lit-html|lit-element|@lit\/reactive-element)\//.test(lit))
          litIn.set(lit, [...(litIn.get(lit) ?? []), file]);
      }
    }
    expect(bare).toEqual([]);
    // Lit's core is in, and each of its modules in one file only.
    expect([...litIn.keys()]).toEqual(
      expect.arrayContaining([
        'lit-html/lit-html.js',
        '@lit/reactive-element/reactive-element.js',
        'lit-element/lit-element.js',
      ]),
    );
    for (const [module, inFiles] of litIn) expect(inFiles, module).toHaveLength(1);
  });

  it('writes every file’s SRI hash, and a page that pins portico.js and the chunks it imports loads', async () => {
    const directory = new URL('../dist/cdn/', import.meta.url);
    const integrity = JSON.parse(await readFile(new URL('integrity.json', directory), 'utf8')) as Record<
      string,
      string
    >;
    const files = (await readdir(directory, { recursive: true })).filter((file) => /\.(js|css)$/.test(file)).sort();
    expect(Object.keys(integrity).sort()).toEqual(files);
    for (const file of files) {
      const hash = createHash('sha384')
        .update(await readFile(new URL(file, directory)))
        .digest('base64');
      expect(integrity[file], file).toBe(`sha384-${hash}`);
    }
    // What every page loads: portico.js and the chunks it imports, each pinned.
    const entry = await readFile(new URL('portico.js', directory), 'utf8');
    const imported = [...entry.matchAll(/\bfrom\s*"\.\/(chunks\/[\w-]+\.js)"/g)].map(([, file]) => file ?? '');
    const pinned = (hashOf: (file: string) => string) => `<!doctype html>
      <html lang="vi"><head><meta charset="utf-8" />
        ${imported.map((file) => `<link rel="modulepreload" href="/cdn/${file}" integrity="${hashOf(file)}" crossorigin="anonymous" />`).join('')}
        <script type="module" src="/cdn/portico.js" integrity="${integrity['portico.js'] ?? ''}" crossorigin="anonymous"></script>
      </head><body><portico-view-counter value="18116910" grouping="off"></portico-view-counter></body></html>`;
    /** Loads a page: what Chromium said of integrity, whether the counter was defined, and its text. */
    const visitPinned = async (path: string) => {
      const page = await browser.newPage();
      const said: string[] = [];
      page.on('console', (message) => said.push(message.text()));
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      // Loaded: portico.js has run, or has been refused for good.
      const defined = await page.evaluate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        return customElements.get('portico-view-counter') !== undefined;
      });
      const text = defined
        ? await page
            .waitForFunction(() =>
              document.querySelector('portico-view-counter')?.shadowRoot?.textContent.includes('18116910'),
            )
            .then(() => shadowText(page, 'portico-view-counter'))
        : '';
      await page.close();
      return { refused: said.some((line) => line.includes('integrity')), defined, text };
    };
    server.pages.set(
      '/pinned.html',
      pinned((file) => integrity[file] ?? ''),
    );
    expect(imported.length).toBeGreaterThan(0);
    const trusted = await visitPinned('/pinned.html');
    expect(trusted.refused).toBe(false);
    expect(trusted.text).toContain('18116910');
    // A chunk that is not the one pinned does not run.
    server.pages.set(
      '/tampered.html',
      pinned(() => `sha384-${createHash('sha384').update('other').digest('base64')}`),
    );
    expect(await visitPinned('/tampered.html')).toEqual({ refused: true, defined: false, text: '' });
  });

  it.each([
    ['an ordinary page', '/pages/second-copy.html'],
    ['a page under the strict Content-Security-Policy', '/strict/pages/second-copy.html'],
  ])('lives beside a second copy of itself on %s: nothing throws and the widgets keep working', async (_, path) => {
    const asked = server.requests.length;
    const { page, errors, violations } = await visit(path);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    expect(server.requests.slice(asked)).toContain('/copy/portico.js');
    // The first copy's widgets are no server's: the second loads no hydration support for them.
    expect(server.requests.slice(asked).filter((request) => request.startsWith('/copy/chunks/ssr-'))).toEqual([]);
    expect(await shadowText(page, 'portico-view-counter')).toContain('18116910');
    await page.close();
  });

  it('works under a strict Content-Security-Policy without unsafe-inline, with Trusted Types required', async () => {
    const asked = server.requests.length;
    const { page, errors, violations } = await visit('/strict/pages/portal.html');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    // The article body goes through the sanitizer (a chunk loaded on demand) and renders.
    await page.waitForFunction(() =>
      document.querySelector('portico-article-card')?.shadowRoot?.textContent.includes('Tại hội nghị các đại biểu'),
    );
    expect(violations).toEqual([]);
    expect(server.requests.slice(asked).some((path) => path.includes('/chunks/sanitizer-'))).toBe(true);
    await page.close();
  });

  it('shows CMS HTML written with style and event-handler attributes under it, with no violation reported', async () => {
    const { page, errors, violations } = await visit('/strict/pages/cms-html.html', () => {
      const text = (tag: string) => document.querySelector(tag)?.shadowRoot?.textContent ?? '';
      return text('portico-article-card').includes('Hết bài.') && text('portico-sidebar-banners').includes('1900 1234');
    });
    // Chrome checks the policy even on markup only parsed: the sanitizer never lets it see these.
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    const attributes = await page.evaluate(() =>
      ['portico-article-card', 'portico-sidebar-banners'].flatMap((tag) =>
        [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('[style], [onclick], [onerror]') ?? [])].map(
          (element) => element.outerHTML,
        ),
      ),
    );
    expect(attributes).toEqual([]);
    await page.close();
  });

  it('is pinned in the README with a modulepreload for each chunk portico.js imports, by name', async () => {
    const entry = await readFile(new URL('../dist/cdn/portico.js', import.meta.url), 'utf8');
    // A chunk's name without its content hash: `chunks/lit-html-CgAWpa4F.js` → `lit-html`.
    const imported = [...entry.matchAll(/\bfrom\s*"\.\/chunks\/([\w-]+)-[\w-]{8}\.js"/g)].map(([, name]) => name);
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const preloaded = [...readme.matchAll(/rel="modulepreload"\s+href="[^"]*\/chunks\/([\w-]+)-…\.js"/g)].map(
      ([, name]) => name,
    );
    expect(imported.length).toBeGreaterThan(0);
    expect(preloaded.sort()).toEqual(imported.sort());
  });
});

describe('the widgets inside a hostile Joomla 3 template', () => {
  it('keep their layout, text and controls whatever the template does to *, a, ul, img, h1–h6 and button', async () => {
    const { page, errors } = await visit('/pages/joomla3.html');
    expect(errors).toEqual([]);
    const report = await page.evaluate((tags) => {
      const problems: string[] = [];
      for (const tag of tags) {
        const host = document.querySelector(tag);
        const root = host?.shadowRoot;
        if (!host || !root) {
          problems.push(`${tag}: not rendered`);
          continue;
        }
        if (host.scrollWidth > host.clientWidth + 1)
          problems.push(`${tag}: overflows (${String(host.scrollWidth)} > ${String(host.clientWidth)})`);
        for (const element of root.querySelectorAll('*')) {
          const style = getComputedStyle(element);
          const name = `${tag} ${element.localName}${element.getAttribute('part') ? `[part=${element.getAttribute('part') ?? ''}]` : ''}`;
          if (style.textTransform !== 'none') problems.push(`${name}: text-transform ${style.textTransform}`);
          if (style.letterSpacing !== 'normal') problems.push(`${name}: letter-spacing ${style.letterSpacing}`);
          if (parseFloat(style.lineHeight) / parseFloat(style.fontSize) > 2)
            problems.push(`${name}: line-height ${style.lineHeight}`);
          if (element.localName === 'a' && style.color === 'rgb(204, 0, 0)')
            problems.push(`${name}: the template's link colour`);
          if (element.localName === 'a' && style.float !== 'none') problems.push(`${name}: floats`);
          if (element.localName === 'ul' && style.borderStyle.includes('dashed'))
            problems.push(`${name}: the template's list border`);
          if (/^h\d$/.test(element.localName) && style.fontSize === '34px')
            problems.push(`${name}: the template's heading size`);
          if (
            element.localName === 'button' &&
            !element.closest('[hidden]') &&
            (element as HTMLElement).offsetWidth === 0 &&
            style.display === 'none'
          ) {
            problems.push(`${name}: hidden by the template`);
          }
        }
      }
      return problems;
    }, TAGS);
    expect(report).toEqual([]);
    // The module boxes keep their border against the template's `* { border: 0 }`, and their
    // padding follows their own text, not Bootstrap 3's 10px root font size.
    const box = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('portico-online-visitors')!);
      return { border: style.borderTopWidth, padding: parseFloat(style.paddingTop) / parseFloat(style.fontSize) };
    });
    expect(box).toEqual({ border: '1px', padding: 0.75 });
    // Controls a reader needs are there and visible: the menu's submenu toggles would be, the
    // heading and the texts are intact.
    expect(await shadowText(page, 'portico-online-visitors')).toBe(
      'Truy cập hiện tại Đang có 69\u00A0khách và không thành viên đang online',
    );
    expect(await shadowText(page, 'portico-view-counter')).toContain('Số lần xem các bài viết');
    await page.close();
  });
});

describe('the widgets on a Joomla 3 page that loads MooTools 1.4', () => {
  it('read their server-rendered markup although MooTools replaced Array.from', async () => {
    // MooTools' Array.from goes in before the page's scripts, as Joomla's <head> loads it; the
    // page is this test's own and closes with it, so nothing else sees it.
    const { page, errors } = await visit(
      '/pages/joomla3-mootools.html',
      () =>
        [...document.querySelectorAll('portico-category-menu, portico-article-card, portico-sidebar-banners')].every(
          (element) => element.shadowRoot && (element as Element & { hasUpdated?: boolean }).hasUpdated,
        ),
      (page) => page.addInitScript(`(${installMooToolsArrayFrom.toString()})();`),
    );
    // The page does run MooTools' version, which ignores a mapping function.
    expect(await page.evaluate(() => Array.from([1, 2], (value) => value * 10))).toEqual([1, 2]);
    const links = (tag: string) =>
      page.evaluate(
        (name) =>
          [...(document.querySelector(name)?.shadowRoot?.querySelectorAll('a[href]') ?? [])].map((link) => [
            link.textContent.replace(/\s+/g, ' ').trim(),
            link.getAttribute('href'),
          ]),
        tag,
      );
    expect.soft(await links('portico-category-menu')).toEqual([
      ['Trang chủ', '/'],
      ['Công tác dân vận - mặt trận', '/cong-tac-dan-van-mat-tran'],
      ['Tin tức', '/cong-tac-dan-van-mat-tran/tin-tuc'],
      ['Giải phóng miền Nam', '/giai-phong-mien-nam'],
    ]);
    const card = await shadowText(page, 'portico-article-card');
    expect.soft(card).toContain('Thoại Sơn: Hội nghị giao ban công tác dân vận tháng 8 năm 2020');
    expect.soft(card).toContain('Thúy Vân, Bá Siêu');
    expect.soft(await links('#links')).toEqual([
      ['Tiến tới đại hội đảng', '/tien-toi-dai-hoi-dang'],
      ['Giải phóng miền Nam', '/giai-phong-mien-nam'],
    ]);
    expect.soft(await links('#banneritems')).toEqual([['Dịch vụ công trực tuyến', '/dich-vu-cong']]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the head stylesheet of the CDN build (portico.css)', () => {
  it('holds the rules of @portico/element/before-upgrade.css, minified: without its comments, less than half its gzip weight', async () => {
    const source = await readFile(new URL('../../element/before-upgrade.css', import.meta.url), 'utf8');
    const built = await readFile(new URL('../dist/cdn/portico.css', import.meta.url), 'utf8');
    const page = await browser.newPage();
    // As Chromium reads each: the rules' text, white space aside.
    const rules = (css: string) =>
      page.evaluate((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s+/g, ' '));
      }, css);
    const sourceRules = await rules(source);
    expect(sourceRules.length).toBeGreaterThan(40);
    expect(await rules(built)).toEqual(sourceRules);
    await page.close();
    expect(gzipSync(built).length).toBeLessThan(gzipSync(source).length / 2);
    expect(built.match(/\/\*/g)).toHaveLength(1);
  });
});

describe('loading the CDN build over a page already shown', () => {
  it.each([
    ['on a plain page', 'upgrade.html'],
    ['inside a Joomla 3 template whose rule on * takes paddings away and changes box-sizing', 'upgrade-joomla3.html'],
  ])(
    'moves nothing %s: the head stylesheet reserves empty tags’ boxes, and server-printed content stays in place',
    async (_, file) => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(`${server.origin}/pages/${file}`);
      // Each element's top, named by its place (`#printed-menu > p:nth-child(2)`), so a failure says what moved.
      const positions = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('aside > *')].map((element) => [
            `#${element.parentElement?.id ?? ''} > ${element.localName}:nth-child(${String([...(element.parentElement?.children ?? [])].indexOf(element) + 1)})`,
            element.getBoundingClientRect().top,
          ]),
        );
      const before = await positions();
      const shifts = await page.evaluate(async () => {
        const values: number[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) values.push(entry.value);
          }
        }).observe({ type: 'layout-shift' });
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const script = document.createElement('script');
        script.type = 'module';
        script.src = '/cdn/portico.js';
        document.head.append(script);
        await customElements.whenDefined('portico-sidebar-banners');
        await Promise.all(
          [...document.querySelectorAll('aside > *')].map(
            (element) =>
              (element as Element & { updateComplete?: Promise<unknown> }).updateComplete ?? Promise.resolve(),
          ),
        );
        for (let frame = 0; frame < 5; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
        return values;
      });
      // The widgets did upgrade and render their own content.
      expect(await shadowText(page, '#empty-tags portico-online-visitors')).toContain('Đang có 69\u00A0khách');
      expect(await shadowText(page, '#empty-tags portico-view-counter')).toContain('18116910');
      // The menu and the card upgraded too, and show their loading notes in the line reserved.
      expect(await shadowText(page, '#menu-tag portico-category-menu')).toBe('Đang tải…');
      expect(await shadowText(page, '#menu-tag portico-article-card')).toBe('Đang tải…');
      // Printed vertical menus open their current item's branch once upgraded (none, with `current`
      // naming a top item; not past `max-depth`): the head stylesheet drew them open already.
      if (file === 'upgrade.html') {
        const openSubmenus = await page.evaluate(() =>
          [...document.querySelectorAll('#printed-menu-current portico-category-menu')].map(
            (menu) => menu.shadowRoot?.querySelectorAll('[part~="submenu"]:not([hidden])').length,
          ),
        );
        expect(openSubmenus).toEqual([1, 3, 1, 1, 1, 0, 1]);
      }
      expect(await positions()).toEqual(before);
      expect(shifts).toEqual([]);
      await page.close();
    },
  );
});

describe('a page rendered on the server with @portico/ssr', () => {
  it('gives a widget the server left to the browser its properties, when it is the only one', async () => {
    const { html, renderPage, widget } = await import('@portico/ssr');
    const banners: Banner[] = [
      { id: 'a', title: 'Tiến tới đại hội đảng', url: '/tien-toi-dai-hoi-dang' },
      { id: 'b', title: 'Giải phóng miền Nam', url: '/giai-phong-mien-nam' },
    ];
    // Random order is shuffled per reader, so the server writes no shadow root, only the data.
    const page = await renderPage(
      html`<!doctype html>
        <html lang="vi">
          <head>
            <meta charset="utf-8" />
            <script type="module" src="/cdn/portico.js"></script>
          </head>
          <body>
            ${widget('portico-sidebar-banners', { attributes: { order: 'random' }, properties: { banners } })}
          </body>
        </html>`,
      { lang: 'vi', url: `${server.origin}/random-banners.html` },
    );
    expect(page).not.toContain('shadowrootmode');
    server.pages.set('/random-banners.html', page);
    const browserPage = await browser.newPage();
    await browserPage.goto(`${server.origin}/random-banners.html`);
    await browserPage.waitForFunction(
      () => document.querySelector('portico-sidebar-banners')?.shadowRoot?.querySelectorAll('a').length === 2,
    );
    const titles = await browserPage.evaluate(() =>
      Array.from(document.querySelector('portico-sidebar-banners')?.shadowRoot?.querySelectorAll('a') ?? [], (link) =>
        link.textContent.trim(),
      ),
    );
    expect(titles.sort()).toEqual(['Giải phóng miền Nam', 'Tiến tới đại hội đảng']);
    expect(
      server.requests.some((path) => path.includes('/chunks/ssr-')),
      'no shadow root to hydrate: no hydration support loaded',
    ).toBe(false);

    // Server-rendered HTML the page adds later (a partial fetched by a CMS's script): its widgets
    // read the properties the server wrote as they connect.
    const partial = await renderPage(
      html`${widget('portico-category-menu', { properties: { categories: seed.categories } })}`,
      { lang: 'vi', url: `${server.origin}/random-banners.html` },
    );
    await browserPage.evaluate((markup) => {
      const aside = document.createElement('aside');
      aside.setHTMLUnsafe(markup);
      document.body.append(aside);
    }, partial);
    await browserPage.waitForFunction(
      () => (document.querySelector('portico-category-menu')?.shadowRoot?.querySelectorAll('a').length ?? 0) > 0,
    );
    expect(await shadowText(browserPage, 'portico-category-menu')).toContain(seed.categories[0]!.title);
    await browserPage.close();
  });

  it('hydrates every widget in place: the server’s nodes stay, nothing moves, nothing fails', async () => {
    const { html, renderPage, widget } = await import('@portico/ssr');
    const page = await renderPage(
      html`<!doctype html>
        <html lang="vi">
          <head>
            <meta charset="utf-8" />
            <link rel="stylesheet" href="/cdn/portico.css" />
            <link rel="stylesheet" href="/pages/layout.css" />
          </head>
          <body>
            ${widget('portico-category-menu', { attributes: { orientation: 'horizontal' }, properties: { categories: seed.categories } })}
            <main>
              ${widget('portico-article-card', { attributes: { variant: 'full' }, properties: { article: seed.articles[0] } })}
            </main>
            <aside class="sidebar">
              ${widget('portico-sidebar-banners', { attributes: { position: 'sidebar' }, properties: { banners: seed.banners } })}
              ${widget('portico-online-visitors', { attributes: { guests: 69, members: 0 } })}
              ${widget('portico-view-counter', { attributes: { value: '18116910', grouping: 'off' } })}
              <p>Chân trang</p>
            </aside>
          </body>
        </html>`,
      { lang: 'vi', url: `${server.origin}/ssr.html` },
    );
    server.pages.set('/ssr.html', page);
    const asked = server.requests.length;
    const browserPage = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const { errors } = consoleOf(browserPage);
    await browserPage.goto(`${server.origin}/ssr.html`);
    // Before the script: the content is there, from the server.
    expect(await shadowText(browserPage, 'portico-article-card')).toContain('Thúy Vân, Bá Siêu');
    const result = await browserPage.evaluate(async (tags) => {
      const shifts: number[] = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push(entry.value);
      }).observe({ type: 'layout-shift' });
      const serverNodes = tags.map((tag) => [
        ...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('*') ?? []),
      ]);
      const before = tags.map((tag) => document.querySelector(tag)?.getBoundingClientRect().toJSON() as unknown);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '/cdn/portico.js';
      document.head.append(script);
      await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
      await Promise.all(
        tags.map(
          (tag) =>
            document.querySelector<Element & { updateComplete: Promise<unknown> }>(tag)?.updateComplete ??
            Promise.resolve(),
        ),
      );
      for (let frame = 0; frame < 5; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
      return {
        shifts,
        // Every element the server wrote is still in place (hydration adopts them, a render would replace them).
        kept: tags.map(
          (tag, index) =>
            (serverNodes[index]?.length ?? 0) > 0 &&
            (serverNodes[index] ?? []).every(
              (node) => node.isConnected && node.getRootNode() === document.querySelector(tag)?.shadowRoot,
            ),
        ),
        moved: tags.filter(
          (tag, index) =>
            JSON.stringify(document.querySelector(tag)?.getBoundingClientRect().toJSON()) !==
            JSON.stringify(before[index]),
        ),
      };
    }, TAGS);
    expect(
      server.requests.slice(asked).some((path) => path.includes('/chunks/ssr-')),
      'the hydration support loaded',
    ).toBe(true);
    expect(result.kept).toEqual(TAGS.map(() => true));
    expect(result.moved).toEqual([]);
    expect(result.shifts).toEqual([]);
    expect(errors).toEqual([]);
    expect(await shadowText(browserPage, 'portico-online-visitors')).toContain('Đang có 69\u00A0khách');
    await browserPage.close();
  });

  it.each([
    ['the page’s HTML lost its comments (an HTML minifier), Lit’s markers among them', 'vi', true, 'were removed'],
    [
      'the server rendered in English and the page reads Vietnamese',
      undefined,
      false,
      'rendered on the server in "en"',
    ],
  ])('renders anew, once, with a warning and no error, where %s', async (_, lang, stripComments, warned) => {
    const { html, renderPage, widget } = await import('@portico/ssr');
    const rendered = await renderPage(
      html`<!doctype html>
        <html lang="vi">
          <head>
            <meta charset="utf-8" />
            <link rel="stylesheet" href="/cdn/portico.css" />
            <script type="module" src="/cdn/portico.js"></script>
          </head>
          <body>
            <aside style="width: 280px">
              ${widget('portico-online-visitors', { attributes: { guests: 69, members: 0 } })}
              ${widget('portico-article-card', { attributes: { variant: 'list' }, properties: { article: seed.articles[0] } })}
            </aside>
          </body>
        </html>`,
      lang ? { lang } : {},
    );
    const page = stripComments ? rendered.replaceAll(/<!--[\s\S]*?-->/g, '') : rendered;
    const path = `/ssr-anew-${stripComments ? 'minified' : 'lang'}.html`;
    server.pages.set(path, page);
    const browserPage = await browser.newPage();
    const { errors, warnings } = consoleOf(browserPage);
    await browserPage.goto(`${server.origin}${path}`);
    const heights = () =>
      browserPage.evaluate(() =>
        ['portico-online-visitors', 'portico-article-card'].map(
          (tag) => document.querySelector(tag)?.getBoundingClientRect().height,
        ),
      );
    await browserPage.evaluate(async () => {
      await customElements.whenDefined('portico-article-card');
      for (const tag of ['portico-online-visitors', 'portico-article-card'])
        await (document.querySelector(tag) as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      for (let frame = 0; frame < 3; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    const visitors = await shadowText(browserPage, 'portico-online-visitors');
    expect(visitors.match(/Đang có 69\u00A0khách/g), 'the sentence, once, in Vietnamese').toHaveLength(1);
    const card = await shadowText(browserPage, 'portico-article-card');
    expect(card.split(seed.articles[0]!.title).length - 1, 'the title, once').toBe(1);
    expect(card).toContain('25/8/2020');
    const [visitorsHeight, cardHeight] = await heights();
    expect(visitorsHeight, 'one box, not two copies').toBeLessThan(150);
    expect(cardHeight).toBeLessThan(200);
    expect(warnings.filter((line) => line.includes('the server-rendered shadow DOM is dropped'))).toHaveLength(2);
    expect(warnings.join('\n')).toContain(warned);
    expect(errors).toEqual([]);
    await browserPage.close();
  });

  it('hydrates in place when its script tag is async and runs before the rest of the page is parsed', async () => {
    const { html, renderPage, widget } = await import('@portico/ssr');
    const page = await renderPage(
      html`<!doctype html>
        <html lang="vi">
          <head>
            <meta charset="utf-8" />
            <script type="module" async src="/cdn/portico.js"></script>
          </head>
          <body>
            ${widget('portico-article-card', { attributes: { variant: 'full' }, properties: { article: seed.articles[0] } })}
            ${widget('portico-sidebar-banners', { properties: { banners: seed.banners } })}
            ${widget('portico-online-visitors', { attributes: { guests: 69, members: 0 } })}
          </body>
        </html>`,
      { lang: 'vi', url: `${server.origin}/ssr-async.html` },
    );
    // The body arrives only after the script has been fetched and has had time to run.
    const bodyAt = page.indexOf('<body>');
    server.streamedPages.set('/ssr-async.html', [page.slice(0, bodyAt), page.slice(bodyAt)]);
    const asked = server.requests.length;
    const browserPage = await browser.newPage();
    const { errors } = consoleOf(browserPage);
    await browserPage.goto(`${server.origin}/ssr-async.html`);
    await browserPage.evaluate(async () => {
      const card = document.querySelector('portico-article-card');
      await customElements.whenDefined('portico-article-card');
      await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    });
    expect(
      server.requests.slice(asked).some((path) => path.includes('/chunks/ssr-')),
      'the hydration support loaded',
    ).toBe(true);
    expect(errors).toEqual([]);
    expect(await shadowText(browserPage, 'portico-article-card')).toContain('Thúy Vân, Bá Siêu');
    expect(await shadowText(browserPage, 'portico-online-visitors')).toContain('Đang có 69\u00A0khách');
    // The server's banners, once each: not thrown away, not written twice.
    const links = await browserPage.evaluate(
      () => document.querySelector('portico-sidebar-banners')?.shadowRoot?.querySelectorAll('a').length,
    );
    expect(links).toBe(seed.banners.length);
    await browserPage.close();
  });
});
