import { SourceError, type Category } from '@portico/core';
import { MISSING_DATA_GRACE_MS } from '@portico/element';
import {
  cleanUpMounted,
  damaged,
  elementWithText,
  expectNoAxeViolations,
  expectToSurviveBadInput,
  expectUpgradeMovesNothing,
  languageOf,
  mount,
  oddLang,
  oddMarkup,
  onCleanUp,
  pageColumn,
  seed,
  testSource,
} from '@portico/test-helpers';
import fc from 'fast-check';
import manifest from '../custom-elements.json' with { type: 'json' };
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
// Types `cdp().send` (Chromium's DevTools protocol, through Playwright).
import type {} from '@vitest/browser-playwright';
import { PorticoCategoryMenu } from './index.js';

/** A made-up category title, as long as real ones on provincial portals get, to test wrapping. */
const LONG_TITLE =
  'Công tác tuyên truyền, phổ biến, giáo dục pháp luật và theo dõi tình hình thi hành pháp luật trên địa bàn tỉnh';

/**
 * Generated nested categories, labelled plainly as such: `Generated category 1.2` at
 * `/generated/1-2`, with `count` 0, 3, 6, …
 */
function generatedTree(breadth: number, depth: number, prefix = ''): Category[] {
  return Array.from({ length: breadth }, (_, index) => {
    const label = prefix ? `${prefix}.${String(index + 1)}` : String(index + 1);
    const slug = label.replaceAll('.', '-');
    const category: Category = {
      id: `generated-${slug}`,
      title: `Generated category ${label}`,
      url: `/generated/${slug}`,
      count: index * 3,
    };
    if (depth > 1) category.children = generatedTree(breadth, depth - 1, label);
    return category;
  });
}

/** The seed's three categories as a CMS template prints them, the first with two generated subcategories. */
const SERVER_MARKUP = `<nav><ul>
  <li><a href="/cong-tac-dan-van-mat-tran">Công tác dân vận - mặt trận</a>
    <ul>
      <li data-id="generated-1-1" data-count="4"><a href="/generated/1-1">Generated category 1.1</a></li>
      <li><a href="/generated/1-2">Generated category 1.2</a></li>
    </ul>
  </li>
  <li data-count="12"><a href="/tien-toi-dai-hoi-dang">Tiến tới đại hội đảng</a></li>
  <li><a href="/giai-phong-mien-nam">Giải phóng miền Nam</a></li>
</ul></nav>`;

/** Mounts a menu and waits until it has read its markup and measured itself. */
async function mountMenu(markup: string, container?: Element): Promise<PorticoCategoryMenu> {
  const menu = await mount<PorticoCategoryMenu>('portico-category-menu', markup, container);
  await settle(menu);
  return menu;
}

/** Mounts a menu given its categories from JavaScript before it is first shown. */
async function mountWith(categories: unknown, attributes = 'lang="vi"', width?: number): Promise<PorticoCategoryMenu> {
  const wrapper = document.createElement('div');
  if (width !== undefined) wrapper.style.width = `${String(width)}px`;
  wrapper.innerHTML = `<portico-category-menu ${attributes}></portico-category-menu>`;
  const menu = wrapper.firstElementChild as PorticoCategoryMenu;
  menu.categories = categories as Category[];
  document.body.append(wrapper);
  onCleanUp(() => {
    wrapper.remove();
  });
  await settle(menu);
  return menu;
}

/** Two frames, then the element's update: slot changes and resize observations are in. */
async function settle(menu: PorticoCategoryMenu): Promise<void> {
  for (let frame = 0; frame < 2; frame += 1) {
    await new Promise(requestAnimationFrame);
  }
  await menu.updateComplete;
}

function shadow(menu: PorticoCategoryMenu): ShadowRoot {
  return menu.shadowRoot!;
}

/** The names of the links a reader can see now, in order. */
function visibleLinks(menu: PorticoCategoryMenu): string[] {
  return Array.from(shadow(menu).querySelectorAll<HTMLAnchorElement>('a[href]'))
    .filter((link) => link.checkVisibility())
    .map((link) => link.textContent.replace(/\s+/g, ' ').trim());
}

/** The link whose text is `text`, else the first that contains it. */
function link(menu: PorticoCategoryMenu, text: string): HTMLAnchorElement {
  const anchors = Array.from(shadow(menu).querySelectorAll('a'));
  const found =
    anchors.find((anchor) => anchor.textContent.trim() === text) ??
    anchors.find((anchor) => anchor.textContent.includes(text));
  if (!found) throw new Error(`no link "${text}"`);
  return found;
}

function toggleFor(menu: PorticoCategoryMenu, title: string): HTMLButtonElement {
  const button = Array.from(shadow(menu).querySelectorAll<HTMLButtonElement>('[part~="toggle"]')).find((toggle) =>
    toggle.getAttribute('aria-label')?.startsWith(`${title}:`),
  );
  if (!button) throw new Error(`no toggle for "${title}"`);
  return button;
}

/** What has the focus inside the menu. */
function focused(menu: PorticoCategoryMenu): string {
  const active = shadow(menu).activeElement;
  if (!active) return 'nothing';
  return active.getAttribute('aria-label') ?? active.textContent.replace(/\s+/g, ' ').trim();
}

/** The `lang` of a link's title (`null` for none): the language it is read in, inside the menu's. */
function titleLang(menu: PorticoCategoryMenu, text: string): string | null {
  const title = link(menu, text).firstElementChild;
  if (!title?.textContent.startsWith(text)) throw new Error(`no title "${text}"`);
  return title.getAttribute('lang');
}

function warnings(spy: { mock: { calls: unknown[][] } }): string {
  return spy.mock.calls.map((call) => String(call[0])).join('\n');
}

/** Puts the page at `path` for one test. */
function visit(path: string): void {
  const before = location.href;
  history.replaceState(null, '', path);
  onCleanUp(() => {
    history.replaceState(null, '', before);
  });
}

afterEach(() => {
  cleanUpMounted();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('<portico-category-menu> markup', () => {
  it('registers its tag once, and tolerates a second copy', async () => {
    expect(customElements.get('portico-category-menu')).toBe(PorticoCategoryMenu);
    const { defineElement } = await import('@portico/element');
    expect(() => {
      defineElement('portico-category-menu', class extends PorticoCategoryMenu {});
    }).not.toThrow();
    expect(customElements.get('portico-category-menu')).toBe(PorticoCategoryMenu);
  });

  it('enhances a server-rendered list of links into disclosure navigation, keeping the markup in the document', async () => {
    const menu = await mountMenu(`<portico-category-menu lang="vi">${SERVER_MARKUP}</portico-category-menu>`);
    await expect.element(page.getByRole('navigation', { name: 'Chuyên mục' })).toBeVisible();
    expect(visibleLinks(menu)).toEqual(['Công tác dân vận - mặt trận', 'Tiến tới đại hội đảng', 'Giải phóng miền Nam']);
    expect(link(menu, 'Giải phóng').getAttribute('href')).toBe('/giai-phong-mien-nam');

    const toggle = page.getByRole('button', { name: 'Công tác dân vận - mặt trận: chuyên mục con' });
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'false');
    const submenu = shadow(menu).getElementById(toggle.element().getAttribute('aria-controls')!);
    expect(submenu?.hidden).toBe(true);
    await expectNoAxeViolations(menu);

    await userEvent.click(toggle);
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(submenu?.hidden).toBe(false);
    await expect.element(page.getByRole('link', { name: 'Generated category 1.1' })).toBeVisible();
    await expectNoAxeViolations(menu);

    // The server's list stays in the document, for search engines, but is not shown twice.
    expect(menu.querySelectorAll('a[href]')).toHaveLength(5);
    expect(menu.querySelector('ul')?.checkVisibility()).toBe(false);
    expect(page.getByRole('link', { name: 'Tiến tới đại hội đảng' }).elements()).toHaveLength(1);
  });

  it('takes ids from data-id or the slug of the title, and counts from data-count', async () => {
    const bySlug = await mountMenu(
      `<portico-category-menu lang="vi" current="tien-toi-dai-hoi-dang" show-counts>${SERVER_MARKUP}</portico-category-menu>`,
    );
    // Named by `current` on a page that is not its own: the section the page is in.
    expect(link(bySlug, 'Tiến tới').getAttribute('aria-current')).toBe('true');
    expect(link(bySlug, 'Tiến tới').querySelector('[part~="count"]')?.textContent).toBe('(12)');
    await expect.element(page.getByRole('link', { name: 'Tiến tới đại hội đảng (12 bài viết)' })).toBeVisible();
    bySlug.remove();

    const byDataId = await mountMenu(
      `<portico-category-menu lang="vi" current="generated-1-1" show-counts>${SERVER_MARKUP}</portico-category-menu>`,
    );
    await expect
      .element(page.getByRole('link', { name: 'Generated category 1.1 (4 bài viết)' }))
      .toHaveAttribute('aria-current', 'true');
    expect(link(byDataId, 'Công tác dân vận').getAttribute('aria-current')).toBe('location');
  });

  it('says so when current names no category, and marks the page’s own instead', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    visit('/giai-phong-mien-nam');
    // WordPress's term id, over a menu read from markup, whose ids are slugs.
    const menu = await mountMenu(
      `<portico-category-menu lang="vi" current="12">${SERVER_MARKUP}</portico-category-menu>`,
    );
    expect(warnings(warn)).toContain(
      '<portico-category-menu>: current="12" matches no category\'s id or address; showing "the page\'s own category".',
    );
    await expect
      .element(page.getByRole('link', { name: 'Giải phóng miền Nam' }))
      .toHaveAttribute('aria-current', 'page');
    expect(shadow(menu).querySelectorAll('[aria-current]')).toHaveLength(1);
  });

  it('reads Joomla 3 category markup: links inside headings, whitespace or a span first, nested lists', async () => {
    visit('/index.php/tin-tuc/tien-toi-dai-hoi-dang');
    // As mod_articles_categories writes it, with a template's icon span and an item without a link.
    const menu = await mountMenu(`<portico-category-menu lang="vi"><ul class="categories-module">
      <li>
        <h4>
          <a href="/index.php/tin-tuc">
            Tin tức
          </a>
        </h4>
        <ul>
          <li>
            <h5><a href="/index.php/tin-tuc/tien-toi-dai-hoi-dang">Tiến tới đại hội đảng</a></h5>
          </li>
          <li> <h5> <a href="/index.php/tin-tuc/giai-phong-mien-nam">Giải phóng miền Nam</a> </h5> </li>
        </ul>
      </li>
      <li> <span class="icon-folder" aria-hidden="true"></span> <a href="/index.php/cong-tac-dan-van">Công tác dân vận - mặt trận</a></li>
      <li>
        <span>Chuyên mục</span> không có liên kết
        <ul><li><h5><a href="/index.php/con">Chuyên mục con</a></h5></li></ul>
      </li>
    </ul></portico-category-menu>`);
    expect(Array.from(shadow(menu).querySelectorAll('[part~="list"] > li > div > a'), (a) => a.textContent)).toEqual([
      'Tin tức',
      'Công tác dân vận - mặt trận',
      'Chuyên mục không có liên kết',
    ]);
    expect(link(menu, 'Tin tức').getAttribute('href')).toBe('/index.php/tin-tuc');
    expect(link(menu, 'Công tác dân vận - mặt trận').getAttribute('href')).toBe('/index.php/cong-tac-dan-van');
    expect(link(menu, 'Chuyên mục không có liên kết').hasAttribute('href')).toBe(false);
    // The current page is found in the nested list, and its branch is open.
    await expect
      .element(page.getByRole('link', { name: 'Tiến tới đại hội đảng' }))
      .toHaveAttribute('aria-current', 'page');
    expect(link(menu, 'Tin tức').getAttribute('aria-current')).toBe('location');
    expect(visibleLinks(menu)).toEqual([
      'Tin tức',
      'Tiến tới đại hội đảng',
      'Giải phóng miền Nam',
      'Công tác dân vận - mặt trận',
    ]);
    expect(link(menu, 'Giải phóng miền Nam').getAttribute('href')).toBe('/index.php/tin-tuc/giai-phong-mien-nam');
    await userEvent.click(toggleFor(menu, 'Chuyên mục không có liên kết'));
    await expect.element(page.getByRole('link', { name: 'Chuyên mục con' })).toHaveAttribute('href', '/index.php/con');
    await expectNoAxeViolations(menu);
  });

  it('reads a Joomla 3 menu module printed inside it (mod_menu, as the widgets README’s recipe does)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    visit('/index.php/tin-tuc/giai-phong-mien-nam');
    // `<jdoc:include type="modules" style="none" />` of mod_menu: classes, a separator, a heading.
    const menu = await mountMenu(`<portico-category-menu lang="vi">
      <ul class="nav menu mod-list">
        <li class="item-101 default"><a href="/index.php">Trang chủ</a></li>
        <li class="item-102 active deeper parent"><a href="/index.php/tin-tuc">Tin tức</a><ul class="nav-child unstyled small">
          <li class="item-103"><a href="/index.php/tin-tuc/tien-toi-dai-hoi-dang">Tiến tới đại hội đảng</a></li>
          <li class="item-104 current active"><a href="/index.php/tin-tuc/giai-phong-mien-nam">Giải phóng miền Nam</a></li>
        </ul></li>
        <li class="item-105 divider"><span class="separator ">Liên kết</span></li>
        <li class="item-107"><a href="/index.php/lien-he"><img src="data:," alt="Liên hệ" /></a></li>
        <li class="item-106"><a href="https://dangcongsan.vn/" target="_blank" rel="noopener noreferrer">Báo Điện tử Đảng Cộng sản</a></li>
      </ul>
    </portico-category-menu>`);
    expect(
      Array.from(
        shadow(menu).querySelectorAll('[part~="list"] > li > div > a > span:first-child'),
        (a) => a.textContent,
      ),
    ).toEqual(['Trang chủ', 'Tin tức', 'Liên kết', 'Liên hệ', 'Báo Điện tử Đảng Cộng sản']);
    expect(link(menu, 'Liên kết').hasAttribute('href'), 'the separator stays text').toBe(false);
    expect(warn, 'a separator is no mistake').not.toHaveBeenCalled();
    // An item shown as an image is named by its alt text; "open in a new window" is kept, and said.
    expect(link(menu, 'Liên hệ').getAttribute('href')).toBe('/index.php/lien-he');
    await expect
      .element(page.getByRole('link', { name: 'Báo Điện tử Đảng Cộng sản (mở trong thẻ mới)' }))
      .toHaveAttribute('target', '_blank');
    expect(link(menu, 'Báo Điện tử').getAttribute('rel')).toBe('noopener');
    await expect
      .element(page.getByRole('link', { name: 'Giải phóng miền Nam' }))
      .toHaveAttribute('aria-current', 'page');
    expect(link(menu, 'Tin tức').getAttribute('aria-current')).toBe('location');
    expect(link(menu, 'Trang chủ').hasAttribute('aria-current')).toBe(false);
    await expectNoAxeViolations(menu);
  });

  it('takes the item the CMS marked current (Joomla, WordPress, aria-current) on a page inside it', async () => {
    visit('/index.php/tin-tuc/1207-bai-viet');
    const joomla = await mountMenu(`<portico-category-menu lang="vi"><ul class="nav menu">
      <li class="item-101"><a href="/index.php">Trang chủ</a></li>
      <li class="item-102 current active"><a href="/index.php/tin-tuc">Tin tức</a></li>
    </ul></portico-category-menu>`);
    expect(link(joomla, 'Tin tức').getAttribute('aria-current'), 'the section the article is in').toBe('true');
    expect(link(joomla, 'Tin tức').getAttribute('part')).toBe('link current');
    joomla.remove();

    visit('/tin-tuc/1207-bai-viet/');
    const wordpress = await mountMenu(`<portico-category-menu lang="vi"><ul class="menu">
      <li class="menu-item current-menu-ancestor"><a href="/tin-tuc/">Tin tức</a><ul class="sub-menu">
        <li class="menu-item current-menu-item"><a href="/tin-tuc/1207-bai-viet/">Bài viết</a></li>
      </ul></li>
    </ul></portico-category-menu>`);
    expect(link(wordpress, 'Bài viết').getAttribute('aria-current')).toBe('page');
    expect(link(wordpress, 'Tin tức').getAttribute('aria-current')).toBe('location');
    wordpress.remove();

    // As the CMS prints it by default: wp_nav_menu() wraps its list in a container, Joomla's
    // module chrome in a module box with its title.
    const wrapped = await mountMenu(`<portico-category-menu lang="vi">
      <div class="menu-chinh-container"><ul id="menu-chinh" class="menu">
        <li class="menu-item current-menu-ancestor"><a href="/tin-tuc/">Tin tức</a><ul class="sub-menu">
          <li class="menu-item current-menu-item"><a href="/tin-tuc/1207-bai-viet/">Bài viết</a></li>
        </ul></li>
      </ul></div>
    </portico-category-menu>`);
    expect(visibleLinks(wrapped)).toEqual(['Tin tức', 'Bài viết']);
    expect(link(wrapped, 'Bài viết').getAttribute('aria-current')).toBe('page');
    wrapped.remove();
    const inChrome = await mountMenu(`<portico-category-menu lang="vi">
      <div class="moduletable"><h3>Danh mục</h3><ul class="nav menu mod-list">
        <li class="item-101"><a href="/index.php">Trang chủ</a></li>
      </ul></div>
    </portico-category-menu>`);
    expect(visibleLinks(inChrome)).toEqual(['Trang chủ']);
    inChrome.remove();

    // Only the markup says it: fields of the same names in data are not read.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fromData = await mountWith([
      { id: 'a', title: 'Một', url: '/mot', marked: true },
      { id: 'b', title: 'Hai', textOnly: true },
    ]);
    expect(shadow(fromData).querySelectorAll('[aria-current]')).toHaveLength(0);
    expect(warnings(warn)).toContain('categories[1].url (not given)');
    fromData.remove();
    warn.mockRestore();

    // `current` still wins over the markup's mark.
    const named = await mountMenu(`<portico-category-menu lang="vi" current="/index.php"><ul>
      <li><a href="/index.php">Trang chủ</a></li>
      <li><a href="/index.php/tin-tuc" aria-current="page">Tin tức</a></li>
    </ul></portico-category-menu>`);
    expect(link(named, 'Trang chủ').getAttribute('aria-current')).toBe('true');
    expect(link(named, 'Tin tức').hasAttribute('aria-current')).toBe(false);
  });

  it('keeps a lang from the markup as the title’s: on the link, else on the item', async () => {
    const menu = await mountMenu(`<portico-category-menu lang="en" current="/a/2"><nav><ul>
      <li lang="vi"><a href="/a">Công tác dân vận - mặt trận</a>
        <ul><li><a href="/a/2" lang="en">Elections</a></li></ul>
      </li>
      <li><a href="/b" lang="vi">Tiến tới đại hội đảng</a></li>
      <li><a href="/c">Giải phóng miền Nam</a></li>
    </ul></nav></portico-category-menu>`);
    expect(titleLang(menu, 'Công tác dân vận'), 'from the item').toBe('vi');
    expect(titleLang(menu, 'Tiến tới'), 'from the link').toBe('vi');
    expect(titleLang(menu, 'Elections')).toBe('en');
    // The widget's own lang is its interface language, not a title's.
    expect(titleLang(menu, 'Giải phóng')).toBeNull();
    await expectNoAxeViolations(menu);
  });

  it('on a page in French (no phrases shipped), marks its English names as English and the titles as French', async () => {
    const menu = await mountWith(generatedTree(2, 2), 'lang="fr" show-counts');
    const nav = shadow(menu).querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBe('Categories');
    expect(languageOf(nav), 'read in an English voice').toBe('en');
    expect(languageOf(toggleFor(menu, 'Generated category 1')), 'the toggle’s name').toBe('en');
    expect(languageOf(elementWithText(menu, 'Generated category 2'))).toBe('fr');
    await expectNoAxeViolations(menu);
  });

  it('on a page in French, names the nav with an integrator’s label read as French, not in the English box', async () => {
    const menu = await mountWith(generatedTree(1, 1), 'lang="fr" label="Rubriques"');
    await expect.element(page.getByRole('navigation', { name: 'Rubriques' })).toBeVisible();
    const nav = shadow(menu).querySelector('nav')!;
    expect(languageOf(nav)).toBe('en');
    const name = shadow(menu).getElementById(nav.getAttribute('aria-labelledby') ?? '')!;
    expect(name.textContent).toBe('Rubriques');
    expect(languageOf(name), 'read in a French voice').toBe('fr');
    await expectNoAxeViolations(menu);

    // Back on a page Portico has phrases for, the label is the nav's own again.
    menu.lang = 'vi';
    menu.label = 'Chuyên mục chính';
    await settle(menu);
    await expect.element(page.getByRole('navigation', { name: 'Chuyên mục chính' })).toBeVisible();
    expect(nav.hasAttribute('aria-labelledby')).toBe(false);
  });

  it('reads the list again when the server markup changes', async () => {
    const menu = await mountMenu(`<portico-category-menu lang="vi">${SERVER_MARKUP}</portico-category-menu>`);
    menu.innerHTML = '<ul><li><a href="/giai-phong-mien-nam">Giải phóng miền Nam</a></li></ul>';
    await settle(menu);
    expect(visibleLinks(menu)).toEqual(['Giải phóng miền Nam']);

    // Deeper than the menu's own children, where a slot sees nothing: a CMS or framework
    // script adds an item, renames one and moves a link.
    const list = menu.querySelector('ul');
    const item = document.createElement('li');
    item.innerHTML = '<a href="/bau-cu">Bầu cử</a>';
    list?.append(item);
    await vi.waitFor(() => {
      expect(visibleLinks(menu)).toEqual(['Giải phóng miền Nam', 'Bầu cử']);
    });
    const link = item.querySelector('a');
    if (link) link.textContent = 'Bầu cử 2026';
    await vi.waitFor(() => {
      expect(visibleLinks(menu)).toEqual(['Giải phóng miền Nam', 'Bầu cử 2026']);
    });
    link?.setAttribute('href', '/bau-cu-2026');
    await vi.waitFor(() => {
      expect(page.getByRole('link', { name: 'Bầu cử 2026' }).element().getAttribute('href')).toBe('/bau-cu-2026');
    });
  });
});

describe('<portico-category-menu> data and the current item', () => {
  it('shows the seed categories from the property, in both languages', async () => {
    const menu = await mountWith(seed.categories);
    expect(visibleLinks(menu)).toEqual(seed.categories.map((category) => category.title));
    await expect.element(page.getByRole('navigation', { name: 'Chuyên mục' })).toBeVisible();
    await expectNoAxeViolations(menu);

    menu.lang = 'en';
    await vi.waitFor(() => {
      expect(shadow(menu).querySelector('nav')?.getAttribute('aria-label')).toBe('Categories');
    });
    menu.label = 'Sections';
    await menu.updateComplete;
    await expect.element(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await expectNoAxeViolations(menu);
  });

  it('marks the page’s own category from location.pathname, ignoring a trailing slash', async () => {
    visit('/tien-toi-dai-hoi-dang/');
    const menu = await mountWith(seed.categories);
    await expect
      .element(page.getByRole('link', { name: 'Tiến tới đại hội đảng' }))
      .toHaveAttribute('aria-current', 'page');
    expect(shadow(menu).querySelectorAll('[aria-current]')).toHaveLength(1);
    await expectNoAxeViolations(menu);
  });

  it('matches current by url ignoring the origin, and marks the ancestors as the location', async () => {
    visit('/generated/2-3-1');
    const menu = await mountWith(generatedTree(3, 3), 'lang="vi" current="https://portal.example/generated/2-3-1/"');
    expect(link(menu, 'Generated category 2.3.1').getAttribute('aria-current')).toBe('page');
    expect(link(menu, 'Generated category 2.3').getAttribute('aria-current')).toBe('location');
    expect(link(menu, 'Generated category 2').getAttribute('aria-current')).toBe('location');
    expect(shadow(menu).querySelectorAll('[aria-current]')).toHaveLength(3);
    // The current branch is open in a sidebar; the others are closed.
    expect(toggleFor(menu, 'Generated category 2').getAttribute('aria-expanded')).toBe('true');
    expect(toggleFor(menu, 'Generated category 2.3').getAttribute('aria-expanded')).toBe('true');
    expect(toggleFor(menu, 'Generated category 1').getAttribute('aria-expanded')).toBe('false');
    expect(visibleLinks(menu)).toContain('Generated category 2.3.1');
    expect(visibleLinks(menu)).not.toContain('Generated category 1.1');
    await expectNoAxeViolations(menu);

    // Named while the page is inside it (an article of it): the section, not the page.
    menu.current = 'generated-3';
    await menu.updateComplete;
    expect(link(menu, 'Generated category 3').getAttribute('aria-current')).toBe('true');
    expect(link(menu, 'Generated category 3').getAttribute('part')).toBe('link current');
    expect(toggleFor(menu, 'Generated category 2').getAttribute('aria-expanded')).toBe('false');
  });

  it('never marks a link to the page’s own fragment as the current page (`#`, `#x`, the address plus a hash)', async () => {
    visit('/giai-phong-mien-nam');
    const markup = `<ul>
      <li><a href="/giai-phong-mien-nam#binh-luan">Bình luận</a></li>
      <li><a href="${location.origin}/giai-phong-mien-nam#">Trang này</a></li>
      <li><a href="#">Tin tức</a>
        <ul>
          <li><a href="/tien-toi-dai-hoi-dang">Tiến tới đại hội đảng</a></li>
          <li><a href="/giai-phong-mien-nam">Giải phóng miền Nam</a></li>
        </ul>
      </li>
      <li><a href="#lien-he">Liên hệ</a></li>
    </ul>`;
    const menu = await mountMenu(`<portico-category-menu lang="vi">${markup}</portico-category-menu>`);
    await expect
      .element(page.getByRole('link', { name: 'Giải phóng miền Nam' }))
      .toHaveAttribute('aria-current', 'page');
    expect(link(menu, 'Tin tức').getAttribute('aria-current')).toBe('location');
    expect(shadow(menu).querySelectorAll('[aria-current]')).toHaveLength(2);
    expect(toggleFor(menu, 'Tin tức').getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(menu);
    menu.remove();

    // On a page that is no category, nothing is current; from a property too.
    visit('/lien-he');
    const none = await mountWith([
      { id: 'tin-tuc', title: 'Tin tức', url: '#' },
      { id: 'lien-he', title: 'Liên hệ', url: '#lien-he' },
    ]);
    expect(visibleLinks(none)).toEqual(['Tin tức', 'Liên hệ']);
    expect(shadow(none).querySelectorAll('[aria-current]')).toHaveLength(0);
    none.remove();

    // `current` naming such an item by its id still marks it.
    const byId = await mountMenu(
      `<portico-category-menu lang="vi" current="tin-tuc">${markup}</portico-category-menu>`,
    );
    expect(link(byId, 'Tin tức').getAttribute('aria-current')).toBe('true');
    expect(shadow(byId).querySelectorAll('[aria-current]')).toHaveLength(1);
  });

  it('tells apart CMS addresses that differ only in their query', async () => {
    visit('/index.php?option=com_content&view=category&id=2');
    const menu = await mountWith([
      { id: '1', title: 'Công tác dân vận - mặt trận', url: '/index.php?option=com_content&view=category&id=1' },
      { id: '2', title: 'Tiến tới đại hội đảng', url: '/index.php?option=com_content&view=category&id=2' },
    ]);
    expect(link(menu, 'Tiến tới').getAttribute('aria-current')).toBe('page');
    expect(link(menu, 'Công tác').hasAttribute('aria-current')).toBe(false);
  });

  it('shows article counts with the plural phrase for screen readers', async () => {
    const menu = await mountWith(
      [
        { id: 'a', title: 'Công tác dân vận - mặt trận', url: '/a', count: 0 },
        { id: 'b', title: 'Tiến tới đại hội đảng', url: '/b', count: 1 },
        { id: 'c', title: 'Giải phóng miền Nam', url: '/c', count: 1234 },
      ],
      'lang="en" show-counts',
    );
    expect(Array.from(shadow(menu).querySelectorAll('[part~="count"]'), (count) => count.textContent)).toEqual([
      '(0)',
      '(1)',
      '(1,234)',
    ]);
    await expect.element(page.getByRole('link', { name: 'Công tác dân vận - mặt trận (no articles)' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Tiến tới đại hội đảng (one article)' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Giải phóng miền Nam (1,234 articles)' })).toBeVisible();
    await expectNoAxeViolations(menu);

    menu.showCounts = false;
    await menu.updateComplete;
    expect(shadow(menu).querySelector('[part~="count"]')).toBeNull();
  });

  it('marks each title with its category’s lang; the menu’s own words stay in its language', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const menu = await mountWith(
      [
        {
          id: 'a',
          title: 'Công tác dân vận - mặt trận',
          url: '/a',
          count: 12,
          lang: 'vi',
          children: [{ id: 'a1', title: 'Mặt trận', url: '/a/1', lang: 'vi_VN' }],
        },
        { id: 'b', title: 'Elections', url: '/b', count: 1 },
        { id: 'c', title: 'Giải phóng miền Nam', url: '/c', lang: '  ' },
        { id: 'd', title: 'Tiến tới đại hội đảng', url: '/d', lang: 'not a tag' },
      ],
      'lang="en" show-counts current="a1"',
    );
    expect(titleLang(menu, 'Công tác dân vận')).toBe('vi');
    expect(titleLang(menu, 'Mặt trận'), 'canonical').toBe('vi-VN');
    for (const title of ['Elections', 'Giải phóng', 'Tiến tới']) expect(titleLang(menu, title), title).toBeNull();
    // The link holds the Vietnamese title, then the spoken count: the menu's own words, in English.
    const vietnamese = page.getByRole('link', { name: 'Công tác dân vận - mặt trận (12 articles)' });
    await expect.element(vietnamese).toBeVisible();
    expect(vietnamese.element().hasAttribute('lang')).toBe(false);
    expect(vietnamese.element().querySelector('[lang] .visually-hidden, .visually-hidden[lang]')).toBeNull();
    expect(toggleFor(menu, 'Công tác dân vận - mặt trận').closest('[lang]')).toBeNull();
    expect(warnings(warn)).toContain('categories[3].lang="not a tag"');
    expect(warnings(warn)).not.toContain('categories[2].lang');
    await expectNoAxeViolations(menu);
  });

  it('gives external links rel="noopener" and keeps them real links', async () => {
    const menu = await mountWith([
      { id: 'here', title: 'Giải phóng miền Nam', url: '/giai-phong-mien-nam' },
      { id: 'away', title: 'Cổng thông tin khác', url: 'https://portal.example/' },
    ]);
    expect(link(menu, 'Cổng thông tin khác').rel).toBe('noopener');
    expect(link(menu, 'Cổng thông tin khác').href).toBe('https://portal.example/');
    expect(link(menu, 'Giải phóng').hasAttribute('rel')).toBe(false);
    expect(link(menu, 'Giải phóng').hasAttribute('target')).toBe(false);
  });

  it('stops at max-depth', async () => {
    const menu = await mountWith(generatedTree(2, 3), 'lang="vi" max-depth="2" current="generated-1-1"');
    expect(shadow(menu).querySelectorAll('[part~="toggle"]')).toHaveLength(2);
    expect(shadow(menu).querySelector('a[href="/generated/1-1-1"]')).toBeNull();
    menu.maxDepth = 1;
    await menu.updateComplete;
    expect(shadow(menu).querySelectorAll('[part~="toggle"]')).toHaveLength(0);
    expect(visibleLinks(menu)).toEqual(['Generated category 1', 'Generated category 2']);
    // The current item is below the cut: its shown ancestor still says where the reader is.
    expect(link(menu, 'Generated category 1').getAttribute('aria-current')).toBe('location');
  });
});

describe('<portico-category-menu> vertical', () => {
  it('expands and collapses subtrees, several at once', async () => {
    const menu = await mountWith(generatedTree(2, 2));
    expect(visibleLinks(menu)).toEqual(['Generated category 1', 'Generated category 2']);
    await userEvent.click(toggleFor(menu, 'Generated category 1'));
    await userEvent.click(toggleFor(menu, 'Generated category 2'));
    expect(visibleLinks(menu)).toEqual([
      'Generated category 1',
      'Generated category 1.1',
      'Generated category 1.2',
      'Generated category 2',
      'Generated category 2.1',
      'Generated category 2.2',
    ]);
    await expectNoAxeViolations(menu);
    await userEvent.click(toggleFor(menu, 'Generated category 1'));
    expect(visibleLinks(menu)).toEqual([
      'Generated category 1',
      'Generated category 2',
      'Generated category 2.1',
      'Generated category 2.2',
    ]);
  });

  it('is complete from the keyboard: tab order, Enter, Space, arrows, Home, End and Escape', async () => {
    const menu = await mountWith(generatedTree(3, 2));
    await userEvent.keyboard('{Tab}');
    expect(focused(menu)).toBe('Generated category 1');
    await userEvent.keyboard('{Tab}');
    expect(focused(menu)).toBe('Generated category 1: chuyên mục con');
    await userEvent.keyboard('{Enter}');
    expect(toggleFor(menu, 'Generated category 1').getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Tab}');
    expect(focused(menu)).toBe('Generated category 1.1');

    await userEvent.keyboard('{ArrowDown}');
    expect(focused(menu)).toBe('Generated category 1.2');
    await userEvent.keyboard('{End}');
    expect(focused(menu)).toBe('Generated category 1.3');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(menu), 'the last item stays').toBe('Generated category 1.3');
    await userEvent.keyboard('{Home}');
    expect(focused(menu)).toBe('Generated category 1.1');

    await userEvent.keyboard('{Escape}');
    expect(focused(menu)).toBe('Generated category 1: chuyên mục con');
    expect(toggleFor(menu, 'Generated category 1').getAttribute('aria-expanded')).toBe('false');

    await userEvent.keyboard('{ArrowDown}');
    expect(focused(menu)).toBe('Generated category 2');
    await userEvent.keyboard('{ArrowUp}');
    expect(focused(menu)).toBe('Generated category 1');
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard(' ');
    expect(toggleFor(menu, 'Generated category 1').getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(menu);
  });

  it('shows where the keyboard focus is', async () => {
    const menu = await mountWith(generatedTree(2, 2));
    await userEvent.keyboard('{Tab}');
    const linkStyle = getComputedStyle(shadow(menu).activeElement!);
    expect(linkStyle.outlineStyle).toBe('solid');
    expect(parseFloat(linkStyle.outlineWidth)).toBeGreaterThanOrEqual(2);
    await userEvent.keyboard('{Tab}');
    expect(getComputedStyle(shadow(menu).activeElement!).outlineStyle).toBe('solid');
  });

  it('fits a 200 px sidebar, long Vietnamese titles wrapping', async () => {
    const sidebar = pageColumn(200);
    const menu = await mountMenu(
      `<portico-category-menu lang="vi" show-counts current="/tuyen-truyen"><ul>
        <li data-count="1234"><a href="/tuyen-truyen">${LONG_TITLE}</a><ul><li><a href="/tuyen-truyen/con">${LONG_TITLE}</a></li></ul></li>
        <li><a href="/giai-phong-mien-nam">Giải phóng miền Nam</a></li>
      </ul></portico-category-menu>`,
      sidebar,
    );
    expect(menu.getBoundingClientRect().width).toBeLessThanOrEqual(200);
    const nav = shadow(menu).querySelector('nav')!;
    expect(nav.scrollWidth).toBeLessThanOrEqual(nav.clientWidth);
    const long = link(menu, 'Công tác tuyên truyền');
    const lineHeight = parseFloat(getComputedStyle(long).lineHeight) || 20;
    expect(long.getBoundingClientRect().height).toBeGreaterThan(3 * lineHeight);
    expect(long.getBoundingClientRect().right).toBeLessThanOrEqual(menu.getBoundingClientRect().right);
    // The toggle beside it keeps its size.
    expect(toggleFor(menu, LONG_TITLE).getBoundingClientRect().width).toBeGreaterThanOrEqual(24);
    await expectNoAxeViolations(menu);
  });

  it('breaks a title with a word longer than the sidebar, keeping its toggle in view', async () => {
    const sidebar = pageColumn(250);
    const word = 'Chuyênmục'.repeat(30);
    const menu = await mountMenu(
      `<portico-category-menu lang="vi"><ul>
        <li><a href="/dai">${word}</a><ul><li><a href="/dai/con">Con</a></li></ul></li>
      </ul></portico-category-menu>`,
      sidebar,
    );
    const nav = shadow(menu).querySelector('nav')!;
    expect(nav.scrollWidth).toBeLessThanOrEqual(nav.clientWidth);
    expect(link(menu, word).getBoundingClientRect().right).toBeLessThanOrEqual(menu.getBoundingClientRect().right);
    const toggle = toggleFor(menu, word).getBoundingClientRect();
    expect(toggle.right).toBeLessThanOrEqual(menu.getBoundingClientRect().right);
    expect(toggle.width).toBeGreaterThanOrEqual(24);
  });
});

/** A top navigation in `header` that folds below 600 px, with a generated tree. */
async function foldingMenu(header: HTMLElement): Promise<PorticoCategoryMenu> {
  const menu = await mountMenu(
    '<portico-category-menu lang="vi" orientation="horizontal" collapse-below="600"></portico-category-menu>',
    header,
  );
  menu.categories = generatedTree(3, 2);
  await settle(menu);
  return menu;
}

describe('<portico-category-menu> horizontal', () => {
  /** A top navigation in a page header 800 px wide: its three items fit in a row in any fallback font. */
  async function topNavigation(attributes = ''): Promise<PorticoCategoryMenu> {
    return mountWith(generatedTree(3, 2), `lang="vi" orientation="horizontal" ${attributes}`, 800);
  }

  it('lays the top level out in a row, with closed submenus', async () => {
    const menu = await topNavigation();
    const [first, second] = [link(menu, 'Generated category 1'), link(menu, 'Generated category 2')];
    expect(first.getBoundingClientRect().top).toBe(second.getBoundingClientRect().top);
    expect(visibleLinks(menu)).toEqual(['Generated category 1', 'Generated category 2', 'Generated category 3']);
    await expectNoAxeViolations(menu);
  });

  it('opens a submenu on click, not on hover, one at a time', async () => {
    const menu = await topNavigation();
    await userEvent.hover(link(menu, 'Generated category 1'));
    await userEvent.hover(toggleFor(menu, 'Generated category 1'));
    expect(visibleLinks(menu)).not.toContain('Generated category 1.1');

    await userEvent.click(toggleFor(menu, 'Generated category 1'));
    expect(visibleLinks(menu)).toContain('Generated category 1.1');
    await expectNoAxeViolations(menu);
    // The panel lies over what follows, under its item.
    const panel = link(menu, 'Generated category 1.1').getBoundingClientRect();
    expect(panel.top).toBeGreaterThanOrEqual(link(menu, 'Generated category 1').getBoundingClientRect().bottom);

    await userEvent.click(toggleFor(menu, 'Generated category 2'));
    expect(visibleLinks(menu)).toContain('Generated category 2.1');
    expect(visibleLinks(menu)).not.toContain('Generated category 1.1');
    expect(toggleFor(menu, 'Generated category 1').getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on a click outside and when focus leaves the menu', async () => {
    const menu = await topNavigation();
    const outside = document.createElement('button');
    outside.textContent = 'Ngoài menu';
    document.body.append(outside);
    onCleanUp(() => {
      outside.remove();
    });
    await userEvent.click(toggleFor(menu, 'Generated category 3'));
    expect(visibleLinks(menu)).toContain('Generated category 3.1');
    await userEvent.click(document.body, { position: { x: 5, y: 400 } });
    expect(visibleLinks(menu)).not.toContain('Generated category 3.1');

    await userEvent.click(toggleFor(menu, 'Generated category 3'));
    await userEvent.click(shadow(menu).querySelector('[part~="submenu"]:not([hidden])')!, { position: { x: 2, y: 2 } });
    expect(visibleLinks(menu), 'a click inside keeps it open').toContain('Generated category 3.1');
    toggleFor(menu, 'Generated category 3').focus();
    await userEvent.keyboard('{Tab}{Tab}{Tab}{Tab}');
    expect(document.activeElement).toBe(outside);
    expect(visibleLinks(menu)).not.toContain('Generated category 3.1');
  });

  it('works from the keyboard: Enter and Space open, arrows move along the top row, Escape closes', async () => {
    const menu = await topNavigation();
    await userEvent.keyboard('{Tab}');
    expect(focused(menu)).toBe('Generated category 1');
    await userEvent.keyboard('{ArrowRight}');
    expect(focused(menu)).toBe('Generated category 2');
    await userEvent.keyboard('{End}');
    expect(focused(menu)).toBe('Generated category 3');
    await userEvent.keyboard('{ArrowLeft}');
    expect(focused(menu)).toBe('Generated category 2');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(menu), 'Down is not a top-row move').toBe('Generated category 2');

    await userEvent.keyboard('{Tab}{Enter}');
    expect(toggleFor(menu, 'Generated category 2').getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Tab}');
    expect(focused(menu)).toBe('Generated category 2.1');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(menu)).toBe('Generated category 2.2');
    await expectNoAxeViolations(menu);
    await userEvent.keyboard('{Escape}');
    expect(focused(menu)).toBe('Generated category 2: chuyên mục con');
    expect(visibleLinks(menu)).not.toContain('Generated category 2.1');

    await userEvent.keyboard(' ');
    expect(visibleLinks(menu)).toContain('Generated category 2.1');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(menu), 'Down on an open toggle enters its submenu').toBe('Generated category 2.1');
    await userEvent.keyboard('{ArrowUp}');
    expect(focused(menu), 'Up on its first item goes back to the toggle').toBe('Generated category 2: chuyên mục con');
    await userEvent.keyboard('{Escape}');
    expect(visibleLinks(menu)).not.toContain('Generated category 2.1');
    expect(focused(menu)).toBe('Generated category 2: chuyên mục con');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(menu), 'Down on a closed toggle does nothing').toBe('Generated category 2: chuyên mục con');
  });

  it('closes a submenu when focus moves on past it, and on Escape anywhere in the row', async () => {
    const menu = await topNavigation();
    await userEvent.keyboard('{Tab}{Tab}{Enter}');
    expect(visibleLinks(menu)).toContain('Generated category 1.1');
    await userEvent.keyboard('{Tab}{Tab}{Tab}');
    expect(focused(menu)).toBe('Generated category 1.3');
    await userEvent.keyboard('{Tab}');
    expect(focused(menu)).toBe('Generated category 2');
    expect(visibleLinks(menu), 'not left lying over the item focused').not.toContain('Generated category 1.1');
    expect(toggleFor(menu, 'Generated category 1').getAttribute('aria-expanded')).toBe('false');

    await userEvent.keyboard('{Shift>}{Tab}{Tab}{/Shift}');
    expect(focused(menu), 'back to the item, its submenu still closed').toBe('Generated category 1');
    await userEvent.click(toggleFor(menu, 'Generated category 1'));
    link(menu, 'Generated category 1').focus();
    expect(visibleLinks(menu), 'its own item keeps it open').toContain('Generated category 1.1');
    await userEvent.keyboard('{Escape}');
    expect(visibleLinks(menu)).not.toContain('Generated category 1.1');
    expect(focused(menu)).toBe('Generated category 1');
  });

  it('folds behind a menu button when its container is narrower than collapse-below', async () => {
    const header = pageColumn(300);
    const menu = await foldingMenu(header);
    const button = page.getByRole('button', { name: 'Danh mục' });
    await expect.element(button).toHaveAttribute('aria-expanded', 'false');
    expect(visibleLinks(menu)).toEqual([]);
    await expectNoAxeViolations(menu);

    await userEvent.click(button);
    await expect.element(button).toHaveAttribute('aria-expanded', 'true');
    expect(visibleLinks(menu)).toEqual(['Generated category 1', 'Generated category 2', 'Generated category 3']);
    // Folded, the items stack.
    expect(link(menu, 'Generated category 2').getBoundingClientRect().top).toBeGreaterThan(
      link(menu, 'Generated category 1').getBoundingClientRect().top,
    );
    await userEvent.click(toggleFor(menu, 'Generated category 1'));
    expect(visibleLinks(menu)).toContain('Generated category 1.1');
    await expectNoAxeViolations(menu);

    // Escape closes the submenu, then the folded menu, returning focus to the menu button.
    await userEvent.keyboard('{Escape}');
    expect(visibleLinks(menu)).not.toContain('Generated category 1.1');
    await userEvent.keyboard('{Escape}');
    expect(visibleLinks(menu)).toEqual([]);
    expect(focused(menu)).toBe('☰ Danh mục');

    // Unfolded with the focus on the menu button, which goes: the focus moves to the row.
    header.style.width = '800px';
    await vi.waitFor(() => {
      expect(shadow(menu).querySelector('[part~="menu-button"]')).toBeNull();
    });
    expect(visibleLinks(menu)).toEqual(['Generated category 1', 'Generated category 2', 'Generated category 3']);
    await vi.waitFor(() => {
      expect(focused(menu)).toBe('Generated category 1');
    });
  });

  it('keeps the keyboard focus when it folds under it (a zoom, a turned tablet), opening the folded menu', async () => {
    const header = pageColumn(800);
    const menu = await foldingMenu(header);
    link(menu, 'Generated category 2').focus();
    header.style.width = '300px';
    await vi.waitFor(() => {
      expect(shadow(menu).querySelector('[part~="menu-button"]')).not.toBeNull();
    });
    await menu.updateComplete;
    expect(focused(menu)).toBe('Generated category 2');
    await expect.element(page.getByRole('button', { name: 'Danh mục' })).toHaveAttribute('aria-expanded', 'true');
    expect(visibleLinks(menu)).toContain('Generated category 2');
  });

  it('keeps an open dropdown inside the viewport at its end (a phone, a 400 % zoom)', async () => {
    const header = pageColumn(220, `margin-inline-start: ${String(document.documentElement.clientWidth - 230)}px`);
    const menu = await mountMenu(
      `<portico-category-menu lang="vi" orientation="horizontal"><ul>
        <li><a href="/trang-chu">Trang chủ</a></li>
        <li><a href="/tin-tuc">Tin tức</a><ul><li><a href="/tin-tuc/dai">${LONG_TITLE}</a></li></ul></li>
      </ul></portico-category-menu>`,
      header,
    );
    await userEvent.click(toggleFor(menu, 'Tin tức'));
    const panel = shadow(menu).querySelector<HTMLElement>('[part~="submenu"]')!;
    await vi.waitFor(() => {
      expect(panel.getBoundingClientRect().right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    });
    expect(panel.getBoundingClientRect().left).toBeGreaterThanOrEqual(0);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
  });

  it('keeps the arrow keys at the ends of a list from scrolling the page', async () => {
    const menu = await topNavigation();
    const scrolls: string[] = [];
    const onKeydown = (event: KeyboardEvent): void => {
      if (!event.defaultPrevented) scrolls.push(event.key);
    };
    document.addEventListener('keydown', onKeydown);
    onCleanUp(() => {
      document.removeEventListener('keydown', onKeydown);
    });
    link(menu, 'Generated category 3').focus();
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{End}');
    await userEvent.click(toggleFor(menu, 'Generated category 1'));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(focused(menu)).toBe('Generated category 1.3');
    expect(scrolls).toEqual([]);
  });

  it('re-renders on a resize only when it crosses collapse-below', async () => {
    const header = pageColumn(700);
    const folding = await mountMenu(
      '<portico-category-menu lang="vi" orientation="horizontal" collapse-below="300"></portico-category-menu>',
      header,
    );
    const vertical = await mountMenu('<portico-category-menu lang="vi"></portico-category-menu>', header);
    folding.categories = generatedTree(3, 2);
    vertical.categories = generatedTree(3, 2);
    await settle(folding);
    const foldingRenders = vi.spyOn(folding, 'render');
    const verticalRenders = vi.spyOn(vertical, 'render');
    for (const width of ['600px', '500px', '400px']) {
      header.style.width = width;
      await settle(folding);
    }
    expect(foldingRenders).not.toHaveBeenCalled();
    expect(verticalRenders).not.toHaveBeenCalled();

    header.style.width = '200px';
    await vi.waitFor(() => {
      expect(shadow(folding).querySelector('[part~="menu-button"]')).not.toBeNull();
    });
    expect(foldingRenders).toHaveBeenCalledTimes(1);
    expect(verticalRenders).not.toHaveBeenCalled();
  });

  it('says Menu in English, and wraps long titles inside its container', async () => {
    const header = pageColumn(360);
    const menu = await mountMenu(
      `<portico-category-menu lang="en" orientation="horizontal" collapse-below="200"><ul>
        <li><a href="/a">${LONG_TITLE}</a><ul><li><a href="/a/b">${LONG_TITLE}</a></li></ul></li>
        <li><a href="/giai-phong-mien-nam">Giải phóng miền Nam</a></li>
      </ul></portico-category-menu>`,
      header,
    );
    const nav = shadow(menu).querySelector('nav')!;
    expect(nav.scrollWidth).toBeLessThanOrEqual(360);
    await userEvent.click(toggleFor(menu, LONG_TITLE));
    const panel = shadow(menu).querySelector('[part~="submenu"]')!.getBoundingClientRect();
    expect(panel.width).toBeLessThanOrEqual(window.innerWidth);
    await expectNoAxeViolations(menu);

    header.style.width = '150px';
    await vi.waitFor(async () => {
      await expect.element(page.getByRole('button', { name: 'Menu' })).toBeVisible();
    });
  });

  it('breaks a top-level title with a word longer than the header, inside the row and its panel', async () => {
    const header = pageColumn(300);
    const word = 'Chuyênmục'.repeat(20);
    const menu = await mountMenu(
      `<portico-category-menu lang="vi" orientation="horizontal"><ul>
        <li><a href="/dai">${word}</a><ul><li><a href="/dai/con">${word}</a></li></ul></li>
        <li><a href="/ngan">Ngắn</a></li>
      </ul></portico-category-menu>`,
      header,
    );
    const nav = shadow(menu).querySelector('nav')!;
    expect(nav.scrollWidth).toBeLessThanOrEqual(nav.clientWidth);
    const bounds = menu.getBoundingClientRect();
    expect(link(menu, word).getBoundingClientRect().right).toBeLessThanOrEqual(bounds.right);
    const toggle = toggleFor(menu, word);
    expect(toggle.getBoundingClientRect().right).toBeLessThanOrEqual(bounds.right);
    await userEvent.click(toggle);
    const panel = shadow(menu).querySelector('[part~="submenu"]')!;
    const inPanel = panel.querySelector('a')!.getBoundingClientRect();
    expect(inPanel.right).toBeLessThanOrEqual(panel.getBoundingClientRect().right);
    expect(panel.getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth);
  });
});

/** Joomla 3's mod_menu, as a template prints it: the current item, a parent with its child list. */
const JOOMLA_MENU = `<ul class="nav menu mod-list">
  <li class="item-101 default current active"><a href="/">Trang chủ</a></li>
  <li class="item-102 deeper parent"><a href="/cong-tac-dan-van">Công tác dân vận</a>
    <ul class="nav-child unstyled small"><li class="item-103"><a href="/cong-tac-dan-van/mat-tran">Mặt trận</a></li></ul>
  </li>
  <li class="item-104"><a href="/tien-toi-dai-hoi-dang">Tiến tới đại hội đảng</a></li>
  <li class="item-105"><a href="/giai-phong-mien-nam">Giải phóng miền Nam</a></li>
</ul>`;

describe('<portico-category-menu> upgrading over a printed menu, under the head stylesheet', () => {
  it.each([
    ['a vertical menu in a sidebar', 'lang="vi"', 240],
    ['top navigation that fits its header', 'lang="vi" orientation="horizontal"', 800],
    [
      'top navigation with collapse-below, wide enough not to fold',
      'lang="vi" orientation="horizontal" collapse-below="720"',
      800,
    ],
    // Before the script, the row stays one line (scrolling sideways), as tall as the menu button it folds into.
    [
      'top navigation with collapse-below, folding on a phone',
      'lang="vi" orientation="horizontal" collapse-below="720"',
      360,
    ],
  ])('moves nothing for %s', async (_, attributes, width) => {
    await expectUpgradeMovesNothing(
      'portico-category-menu',
      class extends PorticoCategoryMenu {},
      attributes,
      JOOMLA_MENU,
      { width },
    );
  });
});

describe('<portico-category-menu> source', () => {
  it('shows the server markup until the source answers, then the source', async () => {
    const { name } = testSource({ categories: generatedTree(2, 1) }, { latency: 100 });
    const menu = await mountMenu(
      `<portico-category-menu lang="vi" source="${name}">${SERVER_MARKUP}</portico-category-menu>`,
    );
    expect(visibleLinks(menu)).toEqual(seed.categories.map((category) => category.title));
    await vi.waitFor(() => {
      expect(visibleLinks(menu)).toEqual(['Generated category 1', 'Generated category 2']);
    });
  });

  it('lets categories set from JavaScript win over the source', async () => {
    const { name, memory } = testSource({ categories: generatedTree(2, 1) });
    const asked = vi.spyOn(memory, 'getCategories');
    const menu = await mountMenu(`<portico-category-menu lang="vi" source="${name}"></portico-category-menu>`);
    menu.categories = seed.categories;
    // The source has answered, and the widget has rendered since.
    await vi.waitFor(() => {
      expect(asked).toHaveBeenCalled();
    });
    await Promise.allSettled(asked.mock.results.map((result): unknown => result.value));
    await settle(menu);
    expect(visibleLinks(menu)).toEqual(seed.categories.map((category) => category.title));
  });

  it('treats categories = null like no categories: the source, or the markup until it answers, shows', async () => {
    // React apps pass `x ?? null`; null is set before the element upgrades, and again later.
    const { name } = testSource({ categories: generatedTree(2, 1) }, { latency: 100 });
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<portico-category-menu lang="vi" source="${name}">${SERVER_MARKUP}</portico-category-menu>`;
    const menu = wrapper.firstElementChild as PorticoCategoryMenu;
    (menu as { categories: unknown }).categories = null;
    document.body.append(wrapper);
    onCleanUp(() => {
      wrapper.remove();
    });
    await settle(menu);
    expect(visibleLinks(menu)).toEqual(seed.categories.map((category) => category.title));
    await vi.waitFor(() => {
      expect(visibleLinks(menu)).toEqual(['Generated category 1', 'Generated category 2']);
    });

    const markupOnly = await mountMenu(`<portico-category-menu lang="vi">${SERVER_MARKUP}</portico-category-menu>`);
    markupOnly.categories = [{ id: 'x', title: 'Một chuyên mục', url: '/x' }];
    await settle(markupOnly);
    expect(visibleLinks(markupOnly)).toEqual(['Một chuyên mục']);
    (markupOnly as { categories: unknown }).categories = null;
    await settle(markupOnly);
    expect(visibleLinks(markupOnly)).toEqual(seed.categories.map((category) => category.title));
    expect(shadow(markupOnly).querySelector('[part~="note"]')).toBeNull();
  });

  it('says it is loading, then shows a note when the source fails before answering', async () => {
    const { name } = testSource({ categories: seed.categories }, { latency: 10_000 });
    const loading = await mountMenu(`<portico-category-menu lang="vi" source="${name}"></portico-category-menu>`);
    expect(shadow(loading).querySelector('[part~="note"]')?.textContent).toBe('Đang tải…');
    await expectNoAxeViolations(loading);
    loading.remove();

    const { name: failing, memory } = testSource({ categories: seed.categories });
    memory.failWith(new SourceError('http', 'Service Unavailable', { status: 503 }));
    const errors: Event[] = [];
    const wrapper = document.createElement('div');
    wrapper.addEventListener('portico-error', (event) => errors.push(event));
    document.body.append(wrapper);
    onCleanUp(() => {
      wrapper.remove();
    });
    const failed = await mountMenu(
      `<portico-category-menu lang="en" source="${failing}"></portico-category-menu>`,
      wrapper,
    );
    await vi.waitFor(() => {
      expect(shadow(failed).querySelector('[part~="note"]')?.textContent).toBe('This content could not be loaded');
    });
    // In the warning colour, as every widget shows a failure: told apart from an empty menu.
    expect(getComputedStyle(shadow(failed).querySelector('[part~="error"]')!).color).toBe('rgb(138, 75, 0)');
    expect(errors).toHaveLength(1);
    await expect.element(page.getByRole('navigation', { name: 'Categories' })).toBeVisible();
    await expectNoAxeViolations(failed);
  });

  it('keeps the server markup when the source fails', async () => {
    const { name, memory } = testSource({ categories: generatedTree(2, 1) });
    memory.failWith(new SourceError('network', 'offline'));
    const errors: Event[] = [];
    const onError = (event: Event): void => {
      errors.push(event);
    };
    document.addEventListener('portico-error', onError);
    onCleanUp(() => {
      document.removeEventListener('portico-error', onError);
    });
    const menu = await mountMenu(
      `<portico-category-menu lang="vi" source="${name}">${SERVER_MARKUP}</portico-category-menu>`,
    );
    await vi.waitFor(() => {
      expect(errors.length).toBeGreaterThan(0);
    });
    await settle(menu);
    expect(visibleLinks(menu)).toEqual(seed.categories.map((category) => category.title));
  });
});

describe('<portico-category-menu> bad data', () => {
  const SCRIPT_TITLE = '<script>window.__porticoRan = true</script>';
  const ONERROR_TITLE = '<img src=x onerror="window.__porticoRan = true">';

  it('renders what it can from broken categories, warns naming the field, and never runs script', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const menu = await mountWith([
      { id: 'ok', title: 'Giải phóng miền Nam', url: '/giai-phong-mien-nam' },
      { id: 'no-title', url: '/khong-ten' },
      { id: 'number-title', title: 42, url: '/so' },
      { id: 'no-url', title: 'Tiến tới đại hội đảng' },
      { id: 'script-url', title: 'Công tác dân vận - mặt trận', url: 'javascript:window.__porticoRan = true' },
      { id: 'script-title', title: SCRIPT_TITLE, url: '/a" onerror="window.__porticoRan = true' },
      { id: 'onerror-title', title: ONERROR_TITLE, url: '/b', count: 'many' },
      { title: 'Không có id', url: '/khong-co-id', count: -3, children: 'none' },
      null,
      'Chuyên mục',
      { id: 'empty-children', title: 'Chuyên mục rỗng', url: '/rong', children: [] },
      // Only invisible characters (a right-to-left override, a zero-width space): no title.
      { id: '\u202E', title: '\u200B', url: '/vo-hinh' },
      {},
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __porticoRan?: boolean }).__porticoRan).toBeUndefined();
    expect(shadow(menu).querySelector('script, img')).toBeNull();

    const texts = Array.from(shadow(menu).querySelectorAll('[part~="link"]'), (anchor) => anchor.textContent.trim());
    expect(texts).toEqual([
      'Giải phóng miền Nam',
      'no-title',
      'number-title',
      'Tiến tới đại hội đảng',
      'Công tác dân vận - mặt trận',
      SCRIPT_TITLE,
      ONERROR_TITLE,
      'Không có id',
      'Chuyên mục rỗng',
      '/vo-hinh',
      '—',
    ]);
    // No address, or a script address: text, not a link.
    expect(link(menu, 'Tiến tới').hasAttribute('href')).toBe(false);
    expect(link(menu, 'Công tác dân vận').hasAttribute('href')).toBe(false);
    await userEvent.click(link(menu, 'Công tác dân vận'));
    expect((window as { __porticoRan?: boolean }).__porticoRan).toBeUndefined();

    const said = warnings(warn);
    for (const field of [
      'categories[1].title (not given)',
      'categories[2].title=42',
      'categories[3].url (not given)',
      'categories[4].url="javascript:window.__porticoRan = true"',
      'categories[6].count="many"',
      'categories[7].count=-3',
      'categories[7].children="none"',
      'categories[8]=null',
      'categories[9]="Chuyên mục"',
    ]) {
      expect(said).toContain(field);
    }
    expect(said).not.toContain('categories[10]');
    expect(said).toContain('categories[11].title="\u200B" is missing or not usable; showing "/vo-hinh"');
    expect(said).toContain('categories[12].url (not given)');
    await expectNoAxeViolations(menu);
  });

  it('shows a note for an empty or unusable list, and warns', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cases: [unknown, string][] = [
      [[], 'categories=[]'],
      ['Chuyên mục', 'categories="Chuyên mục"'],
      [{ id: 'x', title: 'Một chuyên mục', url: '/x' }, 'categories={"id":"x"'],
      // null is no categories at all, as undefined is.
      [null, 'categories is missing (give categories, a source or a list of links); showing "Chưa có nội dung"'],
      [[null, 5], 'categories[1]=5'],
    ];
    for (const [categories, named] of cases) {
      warn.mockClear();
      const menu = await mountWith(categories);
      expect(shadow(menu).querySelector('[part~="note"]')?.textContent, named).toBe('Chưa có nội dung');
      // No categories at all is said after a grace period, in which a script may still set them.
      await vi.waitFor(
        () => {
          expect(warnings(warn), named).toContain(named);
        },
        { timeout: MISSING_DATA_GRACE_MS + 2_000 },
      );
      await expectNoAxeViolations(menu);
      menu.remove();
    }
  });

  it('names the attribute a template misspelt, and leaves the rest of the element alone', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const menu = await mountMenu(
      `<portico-category-menu lang="vi" sorce="site" orientaion="horizontal" curent="/giai-phong-mien-nam" id="main-menu" class="nav" data-module="93" aria-describedby="x">${SERVER_MARKUP}</portico-category-menu>`,
    );
    expect(warnings(warn).split('\n')).toEqual([
      '<portico-category-menu id="main-menu">: sorce="site" is not an attribute it reads: did you mean source?',
      '<portico-category-menu id="main-menu">: orientaion="horizontal" is not an attribute it reads: did you mean orientation?',
      '<portico-category-menu id="main-menu">: curent="/giai-phong-mien-nam" is not an attribute it reads: did you mean current?',
    ]);
    // What it reads, it shows: the markup's menu, vertical.
    expect(visibleLinks(menu)).toEqual(seed.categories.map((category) => category.title));
  });

  it('warns when there is no data at all, and survives bad attributes', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bare = await mountMenu('<portico-category-menu lang="vi"></portico-category-menu>');
    expect(shadow(bare).querySelector('[part~="note"]')?.textContent).toBe('Chưa có nội dung');
    await vi.waitFor(
      () => {
        expect(warnings(warn)).toContain('categories is missing');
      },
      { timeout: MISSING_DATA_GRACE_MS + 2_000 },
    );

    warn.mockClear();
    const menu = await mountMenu(
      `<portico-category-menu lang="vi" orientation="diagonal" max-depth="sâu" collapse-below="-5">${SERVER_MARKUP}</portico-category-menu>`,
    );
    expect(warnings(warn)).toContain('orientation="diagonal" is not one of vertical, horizontal');
    expect(warnings(warn)).toContain(
      'max-depth="sâu" is not a whole number of levels, 1 or more; showing "every level"',
    );
    expect(warnings(warn)).toContain('collapse-below="-5" is not a positive number');
    // Set from a script, with no attribute, the value itself is named.
    const scripted = await mountWith(generatedTree(2, 2));
    scripted.maxDepth = -1;
    await scripted.updateComplete;
    expect(warnings(warn)).toContain('max-depth=-1 is not a whole number of levels, 1 or more');
    // A fraction is no number of levels either: the whole tree shows, as it would without one.
    scripted.maxDepth = 0.5;
    await scripted.updateComplete;
    expect(warnings(warn)).toContain('max-depth=0.5 is not a whole number of levels, 1 or more');
    expect(visibleLinks(scripted)).toEqual(['Generated category 1', 'Generated category 2']);
    expect(shadow(scripted).querySelectorAll('[part~="toggle"]')).toHaveLength(2);
    // Vertical, every level, never folded.
    expect(shadow(menu).querySelectorAll('[part~="toggle"]')).toHaveLength(1);
    expect(shadow(menu).querySelector('[part~="menu-button"]')).toBeNull();
    await expectNoAxeViolations(menu);
  });

  it('keeps a direction override in a title from turning the count after it around', async () => {
    const menu = await mountWith(
      [{ id: 'x', title: 'Thể thao \u202Ebad', url: '/the-thao', count: 42 }],
      'lang="vi" show-counts',
    );
    const title = link(menu, 'Thể thao \u202Ebad').querySelector('span')!;
    expect(title.textContent).toBe('Thể thao \u202Ebad');
    expect(getComputedStyle(title).unicodeBidi).toBe('isolate');
    // The count reads left to right after the title: its "(" comes first on screen.
    const count = shadow(menu).querySelector<HTMLElement>('[part~="count"]')!;
    const range = document.createRange();
    range.setStart(count.firstChild!, 0);
    range.setEnd(count.firstChild!, 1);
    expect(count.textContent).toBe('(42)');
    expect(range.getBoundingClientRect().left).toBeLessThan(count.getBoundingClientRect().left + 2);
  });

  it('survives a tree that contains itself, showing each category once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loop: Category = { id: 'loop', title: 'Vòng lặp', url: '/vong-lap' };
    const other: Category = { id: 'other', title: 'Chuyên mục khác', url: '/khac' };
    // Each level doubles: without a check, thousands of items and a frozen page.
    loop.children = [loop, other, loop];
    const menu = await mountWith([loop]);
    expect(link(menu, 'Vòng lặp').getAttribute('href')).toBe('/vong-lap');
    expect(shadow(menu).querySelectorAll('a')).toHaveLength(2);
    expect(warnings(warn)).toContain('categories[0].children[0]=[object Object] is a category inside itself');
  });

  it('reads markup items without a link as text, quietly, and a link that cannot be used as text, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const menu = await mountMenu(
      `<portico-category-menu lang="vi"><ul>
        <li>Chuyên mục không có liên kết<ul><li><a href="/con">Chuyên mục con</a></li></ul></li>
        <li><a href="javascript:alert(1)">Liên kết lạ</a></li>
      </ul></portico-category-menu>`,
    );
    expect(link(menu, 'Chuyên mục không có liên kết').hasAttribute('href')).toBe(false);
    expect(link(menu, 'Liên kết lạ').hasAttribute('href')).toBe(false);
    expect(warnings(warn), 'a heading item is text by design').not.toContain('markup[0].url');
    expect(warnings(warn)).toContain('markup[1].url="javascript:alert(1)"');
    await userEvent.click(toggleFor(menu, 'Chuyên mục không có liên kết'));
    await expect.element(page.getByRole('link', { name: 'Chuyên mục con' })).toBeVisible();
    await expectNoAxeViolations(menu);
  });

  it('names a link the server left empty by its address', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await mountMenu(
      '<portico-category-menu lang="vi"><ul><li><a href="/khong-ten"> </a></li></ul></portico-category-menu>',
    );
    await expect.element(page.getByRole('link', { name: '/khong-ten' })).toBeVisible();
    expect(warnings(warn)).toContain('markup[0].title=" " is missing or not usable; showing "/khong-ten"');
  });
});

describe('<portico-category-menu> themes', () => {
  it('can be themed through custom properties and parts, light and dark', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed { --portico-category-menu-current-background: rgb(200, 0, 0); }
      .themed portico-category-menu::part(toggle) { letter-spacing: 2px; }
      .dark { color-scheme: dark; background: #16191d; }`;
    document.head.append(style);
    onCleanUp(() => {
      style.remove();
    });
    const menu = await mountMenu(
      `<div class="themed"><portico-category-menu lang="vi" current="/cong-tac-dan-van-mat-tran">${SERVER_MARKUP}</portico-category-menu></div>`,
    );
    expect(getComputedStyle(link(menu, 'Công tác dân vận')).backgroundColor).toBe('rgb(200, 0, 0)');
    expect(getComputedStyle(toggleFor(menu, 'Công tác dân vận - mặt trận')).letterSpacing).toBe('2px');
    const dark = await mountMenu(
      `<div class="dark"><portico-category-menu lang="vi" current="/cong-tac-dan-van-mat-tran">${SERVER_MARKUP}</portico-category-menu></div>`,
    );
    expect(getComputedStyle(link(dark, 'Công tác dân vận')).backgroundColor).not.toBe('rgb(231, 240, 250)');
    await expectNoAxeViolations(dark);
  });

  it('marks the current item apart from its branch in forced colours (Windows contrast themes)', async () => {
    const menu = await mountWith(generatedTree(2, 2), 'lang="vi" current="generated-1-2"');
    const outline = (title: string): string => getComputedStyle(link(menu, title)).outlineStyle;
    expect(outline('Generated category 1.2')).toBe('none');
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    try {
      expect(outline('Generated category 1.2'), 'the current item').toBe('dashed');
      expect(outline('Generated category 1'), 'its branch').toBe('none');
      expect(outline('Generated category 1.1')).toBe('none');
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { features: [] });
    }
  });
});

describe('<portico-category-menu> properties set from JavaScript', () => {
  it('reads current set to a number as its digits, and a label set to an object as none', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const categories = [
      { id: '1', title: 'Một', url: '/mot' },
      { id: '2', title: 'Hai', url: '/hai' },
    ];
    const menu = await mountWith(categories, 'lang="en"');
    Object.assign(menu, { current: 2, label: { text: 'Sections' } });
    await settle(menu);
    expect(link(menu, 'Hai').getAttribute('aria-current'), 'current={2}, as React passes it').toBe('true');
    expect(link(menu, 'Một').hasAttribute('aria-current')).toBe(false);
    expect(shadow(menu).querySelector('nav')!.getAttribute('aria-label')).toBe('Categories');
    expect(warnings(warn)).toContain('label={"text":"Sections"} is not text; showing "none"');
  });
});

describe('<portico-category-menu> any bad input', () => {
  it('never throws and never shows a blank box, whatever its attributes and properties', async () => {
    await expectToSurviveBadInput('portico-category-menu', {
      manifest,
      attributes: {
        lang: oddLang,
        orientation: fc.constantFrom('vertical', 'horizontal', 'x'),
        'show-counts': fc.option(fc.constant(''), { nil: undefined }),
      },
      source: { capability: 'getCategories', answers: damaged(seed.categories) },
      markup: oddMarkup,
      properties: {
        categories: fc.option(damaged(seed.categories), { nil: undefined }),
      },
    });
  });
});
