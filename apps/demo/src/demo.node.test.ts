/// <reference types="node" />
// The built demo portal (dist/public, from `npm run build`) in real Chromium, as readers use
// it: the seed's texts, the menu by keyboard, the English switch, no console errors, live
// visitors and views from the stats service on a fresh store.
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../../tooling/chromium.mjs';
import { consoleOf } from '../../../tooling/page-console.mjs';
import { LATEST_COUNT } from './content.js';
import { LIVE_INTERVAL_SECONDS } from './render-page.js';
import { createDemoServer, type DemoServer } from './server.js';

interface SeedFixture {
  articles: { title: string; lead: string; body: string; url: string; source: string }[];
  banners: { title: string }[];
  categories: { title: string; url: string }[];
  shown: Record<string, string>;
}
const seed = JSON.parse(
  readFileSync(new URL('../../../fixtures/seed-portal.json', import.meta.url), 'utf8'),
) as SeedFixture;
const [seedArticle] = seed.articles;
if (!seedArticle) throw new Error('The seed fixture has no article.');
/** The seed article's paragraphs as the page shows them. */
const bodyParagraphs = [...seedArticle.body.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1]);

const distDirectory = fileURLToPath(new URL('../dist/', import.meta.url));
/** Two ordinary browsers: headless Chromium's own user agent is counted as a bot. */
const FIRST_BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
const SECOND_BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
/**
 * One poll of the live widgets, plus the service's read cache and some slack for a busy machine.
 * A page's first read of the counts may come before its own hit (a beacon, sent once the stats
 * plugin has loaded), so even the first reader's count is waited for this long.
 */
const ONE_POLL_MS = (LIVE_INTERVAL_SECONDS + 5 + 5) * 1000;

let demo: DemoServer;
let origin = '';
let browser: Browser;
const contexts: BrowserContext[] = [];
/** What each page opened in the test logs (its path first). */
const pageConsoles: { errors: string[] }[] = [];

beforeAll(async () => {
  demo = createDemoServer({
    publicDirectory: join(distDirectory, 'public'),
    dataDirectory: mkdtempSync(join(tmpdir(), 'portico-demo-test-')),
    seedTotalsFile: join(distDirectory, 'seed-totals.json'),
  });
  await new Promise<void>((resolve) => demo.server.listen(0, resolve));
  origin = `http://localhost:${String((demo.server.address() as AddressInfo).port)}`;
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium for the demo tests.');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser.close();
  await demo.close();
});

afterEach(() => {
  expect(
    pageConsoles.splice(0).flatMap(({ errors }) => errors),
    'console errors',
  ).toEqual([]);
});

vi.setConfig({ testTimeout: 60_000 });

async function open(
  path: string,
  { userAgent = FIRST_BROWSER, width = 1280 }: { userAgent?: string; width?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({ userAgent, viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  pageConsoles.push(consoleOf(page, `${path}: `));
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() =>
    ['portico-article-card', 'portico-online-visitors'].every((tag) => customElements.get(tag)),
  );
  return page;
}

/** The stats service's answer to the hit a page sends as it opens (a beacon, after the plugin loads). */
function hitAnswered(page: Page): Promise<unknown> {
  return page.waitForResponse((response) => new URL(response.url()).pathname === '/stats/v1/hit');
}

/** A widget's shadow content, as Playwright's locators pierce open shadow roots. */
const inWidget = (page: Page, tag: string): Locator => page.locator(tag).first();

/** The `lang` attribute of each element a locator finds (`null` for none). */
function langsOf(elements: Locator): Promise<(string | null)[]> {
  return elements.evaluateAll((found) => found.map((element) => element.getAttribute('lang')));
}

/** The layout shift a page has had so far (CLS's raw sum): 0 when nothing moved. */
function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          resolve(
            list.getEntries().reduce((sum, entry) => sum + (entry as PerformanceEntry & { value: number }).value, 0),
          );
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => {
          resolve(0);
        }, 500);
      }),
  );
}

describe('the demo portal, served as built', () => {
  it('sends the article, the menu links, the card titles and the banners in its HTML', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\s*<html lang="vi">/);
    const text = html.replace(/<!--[^>]*-->/g, '');
    for (const shown of [
      seedArticle.title,
      seedArticle.lead,
      ...bodyParagraphs,
      seed.shown.articleAuthors,
      '<time part="date" datetime="2020-08-25">25/8/2020</time>',
      ...seed.categories.map((category) => `href="${category.url}"`),
      ...seed.categories.map((category) => category.title),
      ...seed.banners.map((banner) => banner.title),
      seed.shown.viewsTitle,
      seed.shown.visitorsTitle,
    ]) {
      expect(text).toContain(shown);
    }
    // The category's page lists the article as a card, its title linking to it, a heading
    // right under the page's h1.
    const category = await (await fetch(`${origin}${seed.categories[0]?.url ?? '/'}`)).text();
    expect(category.replace(/<!--[^>]*-->/g, '')).toContain(
      `<h2 part="title"><a part="link" href="${seedArticle.url}">${seedArticle.title}</a></h2>`,
    );
  });

  it('shows the seed page’s texts exactly, in Vietnamese, with live counts', async () => {
    const page = await open('/');
    const card = inWidget(page, 'portico-article-card[variant="full"]');
    await expect.poll(() => card.getByRole('heading', { level: 1 }).innerText()).toBe(seedArticle.title);
    expect(await card.locator('[part="date"]').innerText()).toBe(seed.shown.articleDate);
    expect(await card.locator('[part="lead"]').innerText()).toBe(`${seed.shown.leadPrefix}${seedArticle.lead}`);
    expect(await card.locator('[part="body"] p').allInnerTexts()).toEqual(bodyParagraphs);
    expect(await card.locator('[part="authors"]').innerText()).toBe(seed.shown.articleAuthors);
    expect(await card.locator('article').getAttribute('lang')).toBe('vi');
    expect(await page.locator('.section-name').innerText()).toBe(seed.categories[0]?.title);

    const banners = inWidget(page, 'portico-sidebar-banners');
    expect(await banners.getByRole('link').allInnerTexts()).toEqual(seed.banners.map((banner) => banner.title));
    // Named, as the sidebar's other boxes are by their headings.
    expect(await page.getByRole('list', { name: 'Liên kết' }).count()).toBe(1);

    const visitors = inWidget(page, 'portico-online-visitors');
    expect(await visitors.getByRole('heading', { level: 2 }).innerText()).toBe(seed.shown.visitorsTitle);
    // This reader alone, on a fresh store.
    await expect
      .poll(() => visitors.getByRole('status').innerText(), { timeout: ONE_POLL_MS })
      .toBe('Đang có một khách và không thành viên đang online');

    const views = inWidget(page, 'portico-view-counter');
    expect(await views.getByRole('heading', { level: 2 }).innerText()).toBe(seed.shown.viewsTitle);
    // The imported 18116910, and this reading.
    await expect.poll(() => views.locator('[part="number"]').innerText(), { timeout: ONE_POLL_MS }).toBe('18116911');

    // The latest news lists the portal's other articles, never the one shown: the seed has none.
    const others = seed.articles.slice(1).map((article) => article.title);
    const latest = page.getByRole('region', { name: 'Tin mới' });
    const titles = await latest.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(titles).toEqual(others.slice(0, LATEST_COUNT));
    expect(await latest.count()).toBe(others.length ? 1 : 0);
  });

  it('moves through the menu by keyboard, and marks the current category', async () => {
    const page = await open('/');
    const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
    const links = menu.getByRole('link');
    expect(await links.allInnerTexts()).toEqual(seed.categories.map((category) => category.title));
    // The article's category: the section the page is in, not the page.
    expect(await links.first().getAttribute('aria-current')).toBe('true');

    // Skip link, site name, language switch, then the menu.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText)).toBe(
      'Bỏ qua, đến nội dung chính',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => links.first().evaluate((link) => link.matches(':focus'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await links.nth(1).evaluate((link) => link.matches(':focus'))).toBe(true);
    await page.keyboard.press('End');
    expect(await links.nth(2).evaluate((link) => link.matches(':focus'))).toBe(true);
    await page.keyboard.press('Home');
    expect(await links.first().evaluate((link) => link.matches(':focus'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}${seed.categories[1]?.url ?? ''}`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(seed.categories[1]?.title);
    expect(await page.getByText('Chuyên mục này chưa có bài viết.').isVisible()).toBe(true);
    const current = page.getByRole('navigation', { name: 'Chuyên mục' }).locator('[aria-current="page"]');
    expect(await current.innerText()).toBe(seed.categories[1]?.title);
  });

  it('fits a 320 px phone: the menu wraps, nothing is wider than the screen', async () => {
    const page = await open('/', { width: 320 });
    const links = page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link');
    for (const link of await links.all()) {
      expect(await link.isVisible()).toBe(true);
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // The sidebar comes after the article, full width.
    const sidebar = await page.getByRole('complementary').boundingBox();
    const article = await page.locator('portico-article-card[variant="full"]').boundingBox();
    expect(sidebar && article && sidebar.y > article.y + article.height).toBe(true);
  });

  it('switches the widgets and the page to English, keeping the article Vietnamese', async () => {
    const page = await open('/');
    const englishHit = hitAnswered(page);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${origin}/en/`);
    // The same reader on the same article in another language: a hit, but no second view.
    await englishHit;
    expect((await demo.store.views('default')).total).toBe(18_116_911n);
    await page.waitForFunction(() => customElements.get('portico-online-visitors'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Skip to main content' }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Categories' }).count()).toBe(1);

    const visitors = inWidget(page, 'portico-online-visitors');
    expect(await visitors.getByRole('heading', { level: 2 }).innerText()).toBe("Who's Online");
    await expect
      .poll(() => visitors.getByRole('status').innerText(), { timeout: ONE_POLL_MS })
      .toMatch(/^We have one guest and no members online$/);
    const views = inWidget(page, 'portico-view-counter');
    expect(await views.getByRole('heading', { level: 2 }).innerText()).toBe('Articles View Hits');
    await expect.poll(() => views.locator('[part="number"]').innerText(), { timeout: ONE_POLL_MS }).toBe('18116911');

    const card = inWidget(page, 'portico-article-card[variant="full"]');
    const article = card.locator('article');
    expect(await article.getAttribute('lang')).toBe('vi');
    expect(await card.getByRole('heading', { level: 1 }).innerText()).toBe(seedArticle.title);
    expect(await card.locator('[part="body"] p').allInnerTexts()).toEqual(bodyParagraphs);
    // The date line is the page's own text, in English.
    expect(await card.locator('[part="meta"]').getAttribute('lang')).toBe('en');
    expect(await card.locator('[part="date"]').innerText()).toBe('Aug 25, 2020');
    // The CMS's Vietnamese titles in the menu, the section link and the banners are marked as such
    // (WCAG 3.1.2); the menu's own name and the banners' own words are the page's, in English.
    const menu = page.getByRole('navigation', { name: 'Categories' });
    const menuTitles = menu.locator('[part~="link"] > span:first-child');
    expect(await menuTitles.allInnerTexts()).toEqual(seed.categories.map((category) => category.title));
    expect(await langsOf(menuTitles)).toEqual(seed.categories.map(() => 'vi'));
    expect(await menu.getAttribute('lang'), 'the menu itself is in the page’s language').toBeNull();
    const bannerTitles = inWidget(page, 'portico-sidebar-banners').locator('[part~="title"]');
    expect(await bannerTitles.allInnerTexts()).toEqual(seed.banners.map((banner) => banner.title));
    expect(await langsOf(bannerTitles)).toEqual(seed.banners.map(() => 'vi'));
    expect(await page.locator('.section-name a').getAttribute('lang')).toBe('vi');

    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.waitForURL(`${origin}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('shows a second visitor within one poll, and counts their reading once', async () => {
    const first = await open('/');
    const visitors = inWidget(first, 'portico-online-visitors').getByRole('status');
    await expect
      .poll(() => visitors.innerText(), { timeout: ONE_POLL_MS })
      .toBe('Đang có một khách và không thành viên đang online');

    const second = await open('/', { userAgent: SECOND_BROWSER });
    await expect
      .poll(() => inWidget(second, 'portico-online-visitors').getByRole('status').innerText(), { timeout: ONE_POLL_MS })
      .toBe('Đang có 2\u00A0khách và không thành viên đang online');
    await expect
      .poll(() => visitors.innerText(), { timeout: ONE_POLL_MS })
      .toBe('Đang có 2\u00A0khách và không thành viên đang online');
    // The second reader's view is counted; their reload is not.
    const views = inWidget(first, 'portico-view-counter').locator('[part="number"]');
    await expect.poll(() => views.innerText(), { timeout: ONE_POLL_MS }).toBe('18116912');
    const reloadHit = hitAnswered(second);
    await second.reload();
    await reloadHit;
    expect((await demo.store.views('default')).total).toBe(18_116_912n);
  });

  it('shows only real content: no placeholder, and the article once, on the home, English and article pages', async () => {
    for (const path of ['/', '/en/', seedArticle.url]) {
      const page = await open(path);
      await expect
        .poll(() => inWidget(page, 'portico-article-card[variant="full"]').getByRole('heading', { level: 1 }).count())
        .toBe(1);
      const text = await page.locator('body').innerText();
      for (const placeholder of [
        /Bài viết mẫu/,
        /Mẫu:/,
        /Sample article/,
        /Sample:/,
        /chỉ có một bài/,
        /has only one/,
      ]) {
        expect(text, `${path}: ${String(placeholder)}`).not.toMatch(placeholder);
      }
      expect(await page.locator('.sample').count(), path).toBe(0);
      // The article shown is not listed again under it.
      expect(await page.getByRole('heading', { name: seedArticle.title }).count(), path).toBe(1);
    }
  });

  it('keeps the footer at the bottom of the window on a short page, without moving anything', async () => {
    const page = await open(seed.categories[1]?.url ?? '/');
    await expect.poll(() => page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link').count()).toBe(3);
    const footer = await page.getByRole('contentinfo').boundingBox();
    expect(footer && Math.round(footer.y + footer.height)).toBe(900);
    expect(await page.evaluate(() => document.documentElement.scrollHeight), 'and no scrolling').toBe(900);
    expect(await layoutShift(page)).toBe(0);
    // A long page is as long as its content: the footer after the article, as before.
    const home = await open('/');
    const article = await home.locator('portico-article-card[variant="full"]').boundingBox();
    const homeFooter = await home.getByRole('contentinfo').boundingBox();
    expect(article && homeFooter && homeFooter.y >= article.y + article.height).toBe(true);
  });

  it('loads without moving anything, and answers a lost reader with its not-found page', async () => {
    const page = await open('/');
    // Every widget settled: the live counts in, the article and the banners shown.
    await expect
      .poll(() => inWidget(page, 'portico-online-visitors').getByRole('status').innerText(), { timeout: ONE_POLL_MS })
      .toMatch(/^Đang có .+ đang online$/);
    await expect
      .poll(() => inWidget(page, 'portico-view-counter').locator('[part="number"]').innerText(), {
        timeout: ONE_POLL_MS,
      })
      .toMatch(/^\d+$/);
    await expect
      .poll(() => inWidget(page, 'portico-article-card[variant="full"]').getByRole('heading', { level: 1 }).count())
      .toBe(1);
    await expect.poll(() => inWidget(page, 'portico-sidebar-banners').getByRole('link').count()).toBeGreaterThan(0);
    expect(await layoutShift(page)).toBe(0);

    const missing = await fetch(`${origin}/khong-co-trang-nay`);
    expect(missing.status).toBe(404);
    const notFoundPage = await missing.text();
    expect(notFoundPage).toContain('Không tìm thấy trang');
    // Its language switch leads to the other language's home page, not to a 404.html.
    expect(notFoundPage).toMatch(/<a href="\/en\/" hreflang="en"/);
    expect((await fetch(`${origin}/en/missing`)).status).toBe(404);
    expect((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });
});
