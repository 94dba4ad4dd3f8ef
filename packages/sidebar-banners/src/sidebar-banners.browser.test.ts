import { SourceError, type Banner } from '@portico/core';
import { MISSING_DATA_GRACE_MS } from '@portico/element';
import {
  animationFrames,
  cleanUpMounted,
  damaged,
  elementWithText,
  expectNoAxeViolations,
  expectToSurviveBadInput,
  expectUpgradeMovesNothing,
  followedLinks,
  languageOf,
  mount,
  oddLang,
  oddMarkup,
  onCleanUp,
  pageColumn,
  seed,
  startButton,
  stubReducedMotion,
  testSource,
} from '@portico/test-helpers';
import fc from 'fast-check';
import manifest from '../custom-elements.json' with { type: 'json' };
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { PorticoSidebarBanners, type BannerEventDetail } from './index.js';

const DAY = 86_400_000;

/** A real image (an SVG data URL) of the given size. */
function picture(width: number, height: number, colour = '#0a58a8'): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}"><rect width="100%" height="100%" fill="${colour}"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Three image banners for the carousel. */
const SLIDES: Banner[] = [
  { id: 'a', title: 'Đại hội Đảng bộ tỉnh', url: '/dai-hoi', image: { src: picture(200, 80), width: 200, height: 80 } },
  { id: 'b', title: 'Giải phóng miền Nam', url: '/giai-phong', image: { src: picture(200, 80, '#8a4b00') } },
  { id: 'c', title: 'Cổng dịch vụ công', url: 'https://dichvucong.gov.vn/', newWindow: true },
];

/** Creates the element (or takes one, to listen first) with its attributes and `banners` set before it connects, as a script would. */
async function showBanners(
  banners: unknown,
  attributes: Record<string, string> = {},
  container: Element = document.body,
  element = document.createElement('portico-sidebar-banners'),
): Promise<PorticoSidebarBanners> {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (banners !== undefined) element.banners = banners as Banner[];
  container.append(element);
  onCleanUp(() => {
    element.remove();
  });
  await element.updateComplete;
  return element;
}

function mountBanners(markup: string, container?: Element): Promise<PorticoSidebarBanners> {
  return mount<PorticoSidebarBanners>('portico-sidebar-banners', markup, container);
}

/** What each banner shown says: the image's alt text, or the text. */
function shownBanners(element: PorticoSidebarBanners): string[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="banner"]')]
    .filter((banner) => getComputedStyle(banner).visibility === 'visible')
    .map((banner) => banner.querySelector('img')?.alt ?? banner.textContent.replace(/\s+/g, ' ').trim());
}

function shadow(element: PorticoSidebarBanners): ShadowRoot {
  return element.shadowRoot!;
}

function events(element: Element, kind: 'click' | 'impression'): BannerEventDetail[] {
  const details: BannerEventDetail[] = [];
  element.addEventListener(`portico-banner-${kind}`, (event) =>
    details.push((event as CustomEvent<BannerEventDetail>).detail),
  );
  return details;
}

function focused(element: PorticoSidebarBanners): HTMLElement | null {
  return shadow(element).activeElement as HTMLElement | null;
}

/** The accessible name of a control: its visually hidden text. */
function nameOf(control: Element | null | undefined): string | undefined {
  return control?.textContent.trim();
}

/** Lets the page render and IntersectionObserver deliver what it saw (it reports in a task after the frame). */
async function settle(): Promise<void> {
  await animationFrames(3);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Waits until IntersectionObserver has looked at `target` where it is now, and gives the share
 * of it in view. The widget's observer was made earlier, so it has heard by then what it will.
 */
function intersectionSeen(target: Element): Promise<number> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect();
      resolve(entry?.intersectionRatio ?? 0);
    });
    observer.observe(target);
  });
}

function warnings(warn: MockInstance): string {
  return warn.mock.calls.map((call) => String(call[0])).join('\n');
}

function pwned(): unknown {
  return (window as { __porticoPwned?: unknown }).__porticoPwned;
}

let warn: MockInstance;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  cleanUpMounted();
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (window as { __porticoPwned?: unknown }).__porticoPwned;
});

describe('<portico-sidebar-banners> banners', () => {
  it('shows the seed’s banners as text links with their titles, never an empty box or a broken image', async () => {
    const element = await showBanners(seed.banners, { lang: 'vi', position: 'sidebar' });
    expect(shownBanners(element)).toEqual(['Tiến tới đại hội đảng', 'Giải phóng miền Nam']);
    await expect
      .element(page.getByRole('link', { name: 'Tiến tới đại hội đảng' }))
      .toHaveAttribute('href', '/tien-toi-dai-hoi-dang');
    await expect.element(page.getByRole('link', { name: 'Giải phóng miền Nam' })).toBeVisible();
    expect(shadow(element).querySelectorAll('img')).toHaveLength(0);
    expect(page.getByRole('listitem').elements()).toHaveLength(2);
    expect(warn).not.toHaveBeenCalled();
    await expectNoAxeViolations(element);
  });

  it('gives an image banner its alt text, or else its title, never a word like “Banner”', async () => {
    const element = await showBanners(
      [
        {
          id: '1',
          title: 'Đại hội',
          url: '/dai-hoi',
          image: { src: picture(200, 80), alt: 'Chào mừng Đại hội', width: 200, height: 80 },
        },
        { id: '2', title: 'Giải phóng miền Nam', url: '/giai-phong', image: { src: picture(200, 80), alt: '' } },
        { id: '3', title: 'Bầu cử', url: '/bau-cu', image: { src: picture(200, 80) } },
      ],
      { lang: 'vi' },
    );
    const images = [...shadow(element).querySelectorAll('img')];
    expect(images.map((image) => image.alt)).toEqual(['Chào mừng Đại hội', 'Giải phóng miền Nam', 'Bầu cử']);
    expect(images[0]!.getAttribute('width')).toBe('200');
    expect(images[0]!.getAttribute('height')).toBe('80');
    await expect.element(page.getByRole('link', { name: 'Bầu cử' })).toBeVisible();
    expect(element.shadowRoot!.innerHTML).not.toMatch(/banner"? ?>|>Banner</i);
    await expectNoAxeViolations(element);
  });

  it('marks links to other sites sponsored and says when a link opens a new tab, in both languages', async () => {
    const vi_ = await showBanners(
      [
        { id: 'in', title: 'Tin trong tỉnh', url: '/tin' },
        { id: 'out', title: 'Cổng Chính phủ', url: 'https://chinhphu.vn/' },
        { id: 'tab', title: 'Dịch vụ công', url: 'https://dichvucong.gov.vn/', newWindow: true },
        { id: 'own-tab', title: 'Lịch tiếp dân', url: '/lich', newWindow: true },
      ],
      { lang: 'vi' },
    );
    const links = [...shadow(vi_).querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('rel'))).toEqual([
      null,
      'sponsored noopener',
      'sponsored noopener',
      'noopener',
    ]);
    expect(links.map((link) => link.getAttribute('target'))).toEqual([null, null, '_blank', '_blank']);
    await expect.element(page.getByRole('link', { name: 'Dịch vụ công (mở trong thẻ mới)' })).toBeVisible();
    await expectNoAxeViolations(vi_);

    vi_.lang = 'en';
    await vi.waitFor(() => {
      expect(shadow(vi_).querySelectorAll('a')[2]?.textContent).toBe('Dịch vụ công (opens in a new tab)');
    });
  });

  it('shows the title of a custom-HTML banner whose HTML holds only invisible characters', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const element = await showBanners([{ id: 'blank', title: 'Đường dây nóng', html: '<p>\u200B</p><p>\u200D</p>' }], {
      lang: 'vi',
    });
    await vi.waitFor(() => {
      expect(warnings(warn)).toContain('has nothing to show');
    });
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Đường dây nóng']);
  });

  it('quotes only the start of a long custom-HTML banner when it warns of what the sanitizer removed', async () => {
    const long = `<p>${'Nội dung quảng cáo rất dài. '.repeat(80)}</p><script>window.__porticoPwned = 9</script>`;
    const element = await showBanners([{ id: 'dai', title: 'Quảng cáo dài', html: long }], { lang: 'vi' });
    await vi.waitFor(() => {
      expect(warnings(warn)).toContain('had unsafe HTML, removed <script>');
    });
    const said = warn.mock.calls.map(String).find((line) => line.includes('had unsafe HTML'))!;
    expect(said).toMatch(/^<portico-sidebar-banners>: banner dai html="<p>Nội dung quảng cáo rất dài\. .{100,}…" had /);
    expect(said.length, 'not the whole banner').toBeLessThan(400);
    expect(shadow(element).querySelector('script')).toBeNull();
  });

  it('shows a custom-HTML banner sanitized: no script runs, its outside links are sponsored', async () => {
    const element = await showBanners(
      [
        {
          id: 'html',
          title: 'Tuần lễ văn hóa',
          html:
            '<strong>Tuần lễ</strong> <a href="https://vanhoa.gov.vn/">văn hóa</a>' +
            '<script>window.__porticoPwned = 1</script><img src="x" onerror="window.__porticoPwned = 2">' +
            '<a href="javascript:window.__porticoPwned = 3">bấm</a>',
        },
      ],
      { lang: 'vi' },
    );
    await vi.waitFor(() => {
      expect(shadow(element).querySelector('[part~="html"]')).not.toBeNull();
    });
    const content = shadow(element).querySelector('[part~="html"]')!;
    expect(content.querySelector('script, [onerror]')).toBeNull();
    expect(content.querySelector('a[href^="javascript"]')).toBeNull();
    expect(content.querySelector('a')?.rel).toBe('sponsored noopener');
    expect(content.querySelector('img')?.alt, 'alt falls back to the title').toBe('Tuần lễ văn hóa');
    await settle();
    expect(pwned()).toBeUndefined();
    expect(warnings(warn)).toContain('banner html html=');
    expect(warnings(warn)).toContain(
      'had unsafe HTML, removed <script>, href="javascript:…", onerror; showing "the rest".',
    );
    await expect.element(page.getByRole('link', { name: 'văn hóa' })).toBeVisible();

    const followed = followedLinks();
    const clicks = events(element, 'click');
    await userEvent.click(page.getByRole('link', { name: 'văn hóa' }));
    expect(clicks).toEqual([
      { id: 'html', title: 'Tuần lễ văn hóa', url: 'https://vanhoa.gov.vn/', position: undefined },
    ]);
    expect(followed).toEqual(['https://vanhoa.gov.vn/']);
    await expectNoAxeViolations(element);
  });

  it('marks each banner’s title, alt text and custom HTML with its lang; its own words stay in its language', async () => {
    const element = await showBanners(
      [
        { id: 'text', title: 'Tiến tới đại hội đảng', url: '/dai-hoi', lang: 'vi', newWindow: true },
        { id: 'image', title: 'Giải phóng miền Nam', url: '/giai-phong', image: { src: picture(200, 80) }, lang: 'vi' },
        { id: 'html', title: 'Đường dây nóng', html: '<p>Đường dây nóng: <b>1900 1234</b></p>', lang: 'vi_VN' },
        { id: 'english', title: 'Public services', url: '/services' },
        { id: 'blank', title: 'Lịch tiếp dân', url: '/lich', lang: ' ' },
        { id: 'bad', title: 'Bầu cử', url: '/bau-cu', lang: 'not a tag' },
      ],
      { lang: 'en' },
    );
    await vi.waitFor(() => {
      expect(shadow(element).querySelector('[part~="html"]')).not.toBeNull();
    });
    const title = shadow(element).querySelector('[data-id="text"] [part~="title"]')!;
    expect(title.getAttribute('lang')).toBe('vi');
    // "(opens in a new tab)" is the widget's own: outside the title, in the page's language.
    expect(title.closest('a')!.hasAttribute('lang')).toBe(false);
    await expect.element(page.getByRole('link', { name: 'Tiến tới đại hội đảng (opens in a new tab)' })).toBeVisible();
    expect(shadow(element).querySelector('[data-id="image"] img')!.getAttribute('lang'), 'the alt text').toBe('vi');
    expect(shadow(element).querySelector('[part~="html"]')!.getAttribute('lang'), 'canonical').toBe('vi-VN');
    for (const id of ['english', 'blank', 'bad']) {
      expect(shadow(element).querySelector(`[data-id="${id}"] [lang]`), id).toBeNull();
    }
    expect(warnings(warn)).toContain('banners[5].lang="not a tag"');
    expect(warnings(warn)).not.toContain('banners[4].lang');
    await expectNoAxeViolations(element);
  });

  it('on a page in French (no phrases shipped), marks its English controls as English and the banners as French', async () => {
    const element = await showBanners(
      [
        { id: 'text', title: 'Services publics', url: '/services' },
        { id: 'image', title: 'Élections', url: '/elections', image: { src: picture(200, 80) } },
        { id: 'html', title: 'Numéro vert', html: '<p>Numéro vert : <b>0800 123 456</b></p>' },
        { id: 'own', title: 'Tiến tới đại hội đảng', url: '/dai-hoi', lang: 'vi' },
      ],
      { lang: 'fr', rotate: '5' },
    );
    await vi.waitFor(() => {
      expect(shadow(element).querySelector('[part~="html"]')).not.toBeNull();
    });
    const pause = shadow(element).querySelector('[part~="rotation"]')!;
    expect(nameOf(pause)).toBe('Pause rotation');
    expect(languageOf(pause), 'read in an English voice').toBe('en');
    expect(languageOf(elementWithText(element, 'Services publics'))).toBe('fr');
    expect(languageOf(shadow(element).querySelector('[data-id="image"] img')!), 'the alt text').toBe('fr');
    expect(languageOf(elementWithText(element, 'Numéro vert'))).toBe('fr');
    expect(languageOf(elementWithText(element, 'Tiến tới')), 'its own').toBe('vi');
    await expectNoAxeViolations(element);
  });

  it('on a page in French, names the carousel with an integrator’s label read as French, not in the English box', async () => {
    const element = await showBanners(
      [
        { id: 'one', title: 'Services publics', url: '/services' },
        { id: 'two', title: 'Élections', url: '/elections' },
      ],
      { lang: 'fr', rotate: '5', label: 'À la une' },
    );
    await expect.element(page.getByRole('region', { name: 'À la une' })).toBeVisible();
    const region = shadow(element).querySelector('[part~="carousel"]')!;
    expect(languageOf(region)).toBe('en');
    const name = shadow(element).getElementById(region.getAttribute('aria-labelledby') ?? '')!;
    expect(name.textContent).toBe('À la une');
    expect(languageOf(name), 'read in a French voice').toBe('fr');
    await expectNoAxeViolations(element);
  });

  it('names its list by label when no banners rotate, and only the carousel when they do', async () => {
    const banners = [
      { id: 'one', title: 'Tiến tới đại hội đảng', url: '/dai-hoi', pinned: true },
      { id: 'two', title: 'Giải phóng miền Nam', url: '/giai-phong' },
      { id: 'three', title: 'Công tác dân vận', url: '/dan-van' },
    ];
    const listed = await showBanners(banners, { lang: 'vi', label: 'Liên kết' });
    await expect.element(page.getByRole('list', { name: 'Liên kết' })).toBeVisible();
    await expectNoAxeViolations(listed);
    listed.remove();

    const rotating = await showBanners(banners, { lang: 'vi', label: 'Liên kết', rotate: '5' });
    await expect.element(page.getByRole('region', { name: 'Liên kết' })).toBeVisible();
    expect(
      shadow(rotating).querySelector('[part~="list"]')?.hasAttribute('aria-label'),
      'the pinned banners’ list',
    ).toBe(false);
    rotating.remove();

    // Unlabelled, the list has no name, as before.
    const plain = await showBanners(banners, { lang: 'vi' });
    expect(shadow(plain).querySelector('[part~="list"]')?.hasAttribute('aria-label')).toBe(false);
  });

  it('shows a custom-HTML banner given twice in both places, each with its own nodes', async () => {
    const banner = { id: 'hotline', title: 'Đường dây nóng', html: '<p>Đường dây nóng: <b>1900 1234</b></p>' };
    const element = await showBanners([banner, { ...banner }], { lang: 'vi' });
    await vi.waitFor(() => {
      expect(shadow(element).querySelectorAll('[part~="html"]')).toHaveLength(2);
    });
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Đường dây nóng: 1900 1234', 'Đường dây nóng: 1900 1234']);

    // Equal data again, reversed: both keep showing.
    element.banners = [{ ...banner }, { ...banner }];
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Đường dây nóng: 1900 1234', 'Đường dây nóng: 1900 1234']);
  });

  it('shows a custom-HTML banner with nothing safe left as its title', async () => {
    const element = await showBanners(
      [
        {
          id: 'x',
          title: 'Giải phóng miền Nam',
          url: '/giai-phong',
          html: '<script>window.__porticoPwned = 1</script>',
        },
      ],
      { lang: 'vi' },
    );
    await vi.waitFor(() => {
      expect(warnings(warn)).toContain('banner x html');
    });
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Giải phóng miền Nam']);
    await expect.element(page.getByRole('link', { name: 'Giải phóng miền Nam' })).toBeVisible();
    expect(pwned()).toBeUndefined();
  });
});

describe('<portico-sidebar-banners> ordering', () => {
  const LIST: Banner[] = [
    { id: 'three', title: 'Ba', ordering: 3 },
    { id: 'one', title: 'Một', ordering: 1 },
    { id: 'pinned-late', title: 'Ghim sau', ordering: 9, pinned: true },
    { id: 'two', title: 'Hai', ordering: 2 },
    { id: 'pinned', title: 'Ghim', ordering: 5, pinned: true },
  ];

  it('puts pinned banners first, then orders by ordering, and keeps to the limit', async () => {
    const element = await showBanners(LIST, { lang: 'vi' });
    expect(shownBanners(element)).toEqual(['Ghim', 'Ghim sau', 'Một', 'Hai', 'Ba']);
    element.limit = 3;
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Ghim', 'Ghim sau', 'Một']);
    element.setAttribute('limit', '0');
    await element.updateComplete;
    expect(shownBanners(element)).toHaveLength(5);
  });

  it('shuffles the others in the browser with its random source, and keeps pinned banners in place', async () => {
    const keys = [0.9, 0.1, 0.5];
    const element = document.createElement('portico-sidebar-banners');
    element.setAttribute('order', 'random');
    element.random = () => keys.shift() ?? 0;
    element.banners = LIST;
    document.body.append(element);
    onCleanUp(() => {
      element.remove();
    });
    await element.updateComplete;
    // Keys drawn in the given order: Ba 0.9, Một 0.1, Hai 0.5.
    expect(shownBanners(element)).toEqual(['Ghim', 'Ghim sau', 'Một', 'Hai', 'Ba']);

    element.lang = 'en';
    element.requestUpdate();
    await element.updateComplete;
    expect(shownBanners(element), 'a re-render does not reshuffle').toEqual(['Ghim', 'Ghim sau', 'Một', 'Hai', 'Ba']);

    const orders = new Set<string>();
    for (let load = 0; load < 12; load++) {
      const another = await showBanners(LIST, { order: 'random', limit: '3' });
      orders.add(shownBanners(another).join());
      another.remove();
    }
    expect(orders.size, 'each page view draws again (Math.random)').toBeGreaterThan(1);
    for (const order of orders) expect(order.startsWith('Ghim,Ghim sau,')).toBe(true);
  });

  it('leaves out banners outside their publish window, by the browser’s clock', async () => {
    const now = Date.now();
    const element = await showBanners(
      [
        {
          id: 'now',
          title: 'Đang chạy',
          publishUp: new Date(now - DAY).toISOString(),
          publishDown: new Date(now + DAY).toISOString(),
        },
        { id: 'later', title: 'Sắp chạy', publishUp: new Date(now + DAY).toISOString() },
        { id: 'over', title: 'Đã hết', publishDown: new Date(now - 1000).toISOString() },
        { id: 'open', title: 'Không hạn' },
      ],
      { lang: 'vi' },
    );
    expect(shownBanners(element)).toEqual(['Đang chạy', 'Không hạn']);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now + 2 * DAY);
    element.banners = [...element.banners!];
    await element.updateComplete;
    expect(shownBanners(element), 'a page kept open (or cached) for two days').toEqual(['Sắp chạy', 'Không hạn']);
  });

  it('keeps a banner up whose publish date is not a date, with a warning, rather than reading "0" as the year 2000', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const element = await showBanners(
      [
        { id: 'zero', title: 'Hạn số 0', url: '/a', publishDown: '0' },
        { id: 'twelve', title: 'Hạn số 12', url: '/b', publishUp: '12' },
      ],
      { lang: 'vi' },
    );
    expect(shownBanners(element)).toEqual(['Hạn số 0', 'Hạn số 12']);
    expect(warnings(warn)).toContain('banners[0].publishDown');
    expect(warnings(warn)).toContain('banners[1].publishUp');
  });

  it('puts a banner up when its publish window opens and takes it down when it closes, with no reload', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const HOUR = 3_600_000;
    const now = Date.now();
    const at = (offset: number): string => new Date(now + offset).toISOString();
    const element = await showBanners(
      [
        { id: 'open', title: 'Không hạn' },
        { id: 'soon', title: 'Sắp chạy', publishUp: at(HOUR), publishDown: at(2 * HOUR) },
        { id: 'ending', title: 'Sắp hết', publishDown: at(3 * HOUR) },
        { id: 'ended', title: 'Đã hết', publishDown: at(4 * HOUR) },
        { id: 'next-month', title: 'Tháng sau', publishUp: at(40 * DAY) },
      ],
      { lang: 'vi' },
    );
    expect(shownBanners(element)).toEqual(['Không hạn', 'Sắp hết', 'Đã hết']);
    await vi.advanceTimersByTimeAsync(HOUR - 1);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Không hạn', 'Sắp hết', 'Đã hết']);
    await vi.advanceTimersByTimeAsync(1);
    await element.updateComplete;
    expect(shownBanners(element), 'up at its publishUp').toEqual(['Không hạn', 'Sắp chạy', 'Sắp hết', 'Đã hết']);
    await vi.advanceTimersByTimeAsync(HOUR);
    await element.updateComplete;
    expect(shownBanners(element), 'down at its publishDown').toEqual(['Không hạn', 'Sắp hết', 'Đã hết']);

    // Taken out of the page and put back: it keeps watching the clock.
    element.remove();
    await vi.advanceTimersByTimeAsync(HOUR / 2);
    document.body.append(element);
    await vi.advanceTimersByTimeAsync(HOUR / 2);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Không hạn', 'Đã hết']);
    element.remove();
    await vi.advanceTimersByTimeAsync(HOUR);
    document.body.append(element);
    await element.updateComplete;
    expect(shownBanners(element), 'a window that closed while out of the page').toEqual(['Không hạn']);

    // Beyond what one setTimeout can wait (about 24.8 days).
    await vi.advanceTimersByTimeAsync(30 * DAY);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Không hạn']);
    await vi.advanceTimersByTimeAsync(10 * DAY);
    await element.updateComplete;
    expect(shownBanners(element), 'up 40 days later').toEqual(['Không hạn', 'Tháng sau']);
  });

  it('shows only the banners of its position when given more', async () => {
    const element = await showBanners(
      [
        { id: 'a', title: 'Bên phải', position: 'sidebar' },
        { id: 'b', title: 'Trên cùng', position: 'top' },
        { id: 'c', title: 'Mọi nơi' },
      ],
      { position: 'sidebar' },
    );
    expect(shownBanners(element)).toEqual(['Bên phải', 'Mọi nơi']);
  });
});

describe('<portico-sidebar-banners> server-rendered markup', () => {
  const MARKUP = `<div><a href="/tien-toi-dai-hoi-dang">Tiến tới đại hội đảng</a></div>
    <div><a href="https://chinhphu.vn/" target="_blank" data-pinned><img src="${picture(200, 80)}" alt="Cổng Chính phủ" width="200" height="80"></a></div>`;

  it('enhances links it finds inside, which stay in the document', async () => {
    const element = await mountBanners(`<portico-sidebar-banners lang="vi">${MARKUP}</portico-sidebar-banners>`);
    expect(shownBanners(element), 'pinned first').toEqual(['Cổng Chính phủ', 'Tiến tới đại hội đảng']);
    const link = page.getByRole('link', { name: 'Cổng Chính phủ (mở trong thẻ mới)' });
    await expect.element(link).toHaveAttribute('rel', 'sponsored noopener');
    expect(link.element().getRootNode()).toBe(element.shadowRoot);
    expect(element.querySelectorAll('a'), 'the markup stays for search engines').toHaveLength(2);
    expect(element.querySelector('a')!.getClientRects(), 'but is not shown twice').toHaveLength(0);
    expect(warn).not.toHaveBeenCalled();
    await expectNoAxeViolations(element);
  });

  it('reads a Joomla 3 banners module printed inside it (mod_banners, as the widgets README’s recipe does), losing nothing', async () => {
    // `<jdoc:include type="modules" style="none" />` of mod_banners: a header and footer text,
    // click-counting links that open a new tab, an image with no click address, and a custom
    // banner (its own HTML, with no link).
    const element = await mountBanners(`<portico-sidebar-banners lang="vi"><div class="bannergroup">
      <div class="bannerheader">Liên kết website</div>
      <div class="banneritem">
        <a href="/index.php/component/banners/click/1" target="_blank" rel="noopener noreferrer" title="Cổng Chính phủ">
          <img src="${picture(240, 80)}" alt="Cổng Chính phủ" width="240" height="80" />
        </a>
        <!-- a comment is nothing to show -->
        <div class="clr"></div>
      </div>
      <div class="banneritem" data-ordering="2">
        <img src="${picture(240, 80)}" alt="Tiến tới đại hội đảng" width="240" height="80" />
        <div class="clr"></div>
      </div>
      <div class="banneritem" data-ordering="3">
        <p><strong>Đường dây nóng:</strong> 1900 1234</p>
        <div class="clr"></div>
      </div>
      <div class="bannerfooter">Đơn vị tài trợ</div>
    </div></portico-sidebar-banners>`);
    await vi.waitFor(() => {
      expect(shadow(element).querySelector('[part~="html"]')).not.toBeNull();
    });
    expect(shownBanners(element)).toEqual(['Cổng Chính phủ', 'Tiến tới đại hội đảng', 'Đường dây nóng: 1900 1234']);
    await expect
      .element(page.getByRole('link', { name: 'Cổng Chính phủ (mở trong thẻ mới)' }))
      .toHaveAttribute('href', '/index.php/component/banners/click/1');
    expect(
      shadow(element).querySelector('[data-id] img[alt="Tiến tới đại hội đảng"]')?.closest('a'),
      'an image with no click address is no link',
    ).toBeNull();
    expect(shadow(element).querySelector('[part~="html"] strong')?.textContent).toBe('Đường dây nóng:');
    expect(shadow(element).querySelector('[part~="header"]')?.textContent).toBe('Liên kết website');
    expect(shadow(element).querySelector('[part~="footer"]')?.textContent).toBe('Đơn vị tài trợ');
    expect(
      element.querySelector('.bannergroup')!.getClientRects(),
      'the module’s markup is not shown twice',
    ).toHaveLength(0);
    expect(warn).not.toHaveBeenCalled();
    await expectNoAxeViolations(element);
  });

  it('reads ordering and publish dates from data attributes, and titles from alt text or link text', async () => {
    const past = new Date(Date.now() - DAY).toISOString();
    const element = await mountBanners(`<portico-sidebar-banners>
      <p><a href="/b" data-ordering="2"><img src="${picture(100, 40)}" alt="Hai"></a></p>
      <p><a href="/a" data-ordering="1">  Một  </a></p>
      <p><a href="/c" data-publish-down="${past}">Đã hết</a></p>
      <p><a name="neo">không phải liên kết</a></p>
    </portico-sidebar-banners>`);
    expect(shownBanners(element)).toEqual(['Một', 'Hai']);
  });

  it('keeps a lang from the markup: on the image, else on the link', async () => {
    const element = await mountBanners(`<portico-sidebar-banners lang="en">
      <div><a href="/a" lang="vi">Tiến tới đại hội đảng</a></div>
      <div><a href="/b" lang="vi"><img src="${picture(100, 40)}" alt="Giải phóng miền Nam"></a></div>
      <div><a href="/c"><img src="${picture(100, 40)}" alt="Cổng dịch vụ công" lang="vi"></a></div>
      <div><a href="/d">Public services</a></div>
    </portico-sidebar-banners>`);
    const langs = [...shadow(element).querySelectorAll('[part~="banner"]')].map(
      (banner) => banner.querySelector('[part~="title"], [part~="image"]')?.getAttribute('lang') ?? null,
    );
    expect(langs, 'the widget’s own lang is its interface’s, not a banner’s').toEqual(['vi', 'vi', 'vi', null]);
  });

  it('shows the markup until the source answers, then the source’s banners', async () => {
    const { name } = testSource({ banners: seed.banners }, { latency: 50 });
    const element = await mountBanners(
      `<portico-sidebar-banners lang="vi" source="${name}" position="sidebar"><div><a href="/cu">Banner cũ</a></div></portico-sidebar-banners>`,
    );
    expect(shownBanners(element)).toEqual(['Banner cũ']);
    await vi.waitFor(() => {
      expect(shownBanners(element)).toEqual(['Tiến tới đại hội đảng', 'Giải phóng miền Nam']);
    });
  });

  it('keeps the markup when the source fails', async () => {
    const { name, memory } = testSource({ banners: seed.banners });
    memory.failWith(new SourceError('network', 'offline'));
    const errors: unknown[] = [];
    const onError = (event: Event): void => {
      errors.push(event);
    };
    document.addEventListener('portico-error', onError);
    onCleanUp(() => {
      document.removeEventListener('portico-error', onError);
    });
    const element = await mountBanners(
      `<portico-sidebar-banners lang="vi" source="${name}" position="sidebar"><a href="/cu">Tin cũ</a></portico-sidebar-banners>`,
    );
    await vi.waitFor(() => {
      expect(errors).toHaveLength(1);
    });
    expect(shownBanners(element)).toEqual(['Tin cũ']);
  });

  const JOOMLA_BANNERS = `<div class="bannergroup"><div class="bannerheader">Liên kết website</div>
       <div class="banneritem"><a href="/tien-toi-dai-hoi-dang">Tiến tới đại hội đảng</a></div>
       <div class="banneritem"><a href="/giai-phong-mien-nam"><img src="${picture(200, 80)}" alt="Giải phóng miền Nam" width="200" height="80"></a></div>
       <div class="bannerfooter">Đơn vị tài trợ</div></div>`;
  // As the README prints them: one element a banner, directly in the tag.
  const README_BANNERS = `<div><a href="/tien-toi-dai-hoi-dang">Tiến tới đại hội đảng</a></div>
    <div><a href="/giai-phong-mien-nam">Giải phóng miền Nam</a></div>`;

  // As mod_banners prints image banners: the link's title, the image's own size.
  const JOOMLA_IMAGE_BANNERS = `<div class="bannergroup">${[1, 2, 3]
    .map(
      (index) =>
        `<div class="banneritem"><a href="/index.php/component/banners/click/${String(index)}" target="_blank" rel="noopener noreferrer" title="Đối tác ${String(index)}"><img src="${picture(240, 80)}" alt="Đối tác ${String(index)}" width="240" height="80"></a><div class="clr"></div></div>`,
    )
    .join('\n')}</div>`;

  it.each([
    ['Joomla mod_banners markup', '', JOOMLA_BANNERS],
    ['Joomla mod_banners image banners', '', JOOMLA_IMAGE_BANNERS],
    ['Joomla mod_banners image banners, rotating', 'rotate="5"', JOOMLA_IMAGE_BANNERS],
    ['Joomla mod_banners markup, rotating', 'rotate="5"', JOOMLA_BANNERS],
    ['the README’s markup', '', README_BANNERS],
    ['the README’s markup, rotating', 'rotate="5"', README_BANNERS],
  ])('does not shift the layout when it upgrades over %s', async (_, attributes, markup) => {
    await expectUpgradeMovesNothing(
      'portico-sidebar-banners',
      class extends PorticoSidebarBanners {},
      `lang="vi" ${attributes}`,
      markup,
    );
  });
});

describe('<portico-sidebar-banners> source', () => {
  it('asks the source for its position’s banners', async () => {
    const { name, memory } = testSource({
      banners: [...seed.banners, { id: 'top', title: 'Đầu trang', position: 'top' }],
    });
    const getBanners = vi.spyOn(memory, 'getBanners');
    const element = await mountBanners(
      `<portico-sidebar-banners lang="vi" source="${name}" position="sidebar"></portico-sidebar-banners>`,
    );
    await vi.waitFor(() => {
      expect(shownBanners(element)).toEqual(['Tiến tới đại hội đảng', 'Giải phóng miền Nam']);
    });
    expect(getBanners.mock.calls[0]![0]).toBe('sidebar');

    element.position = 'top';
    await vi.waitFor(() => {
      expect(shownBanners(element)).toEqual(['Đầu trang']);
    });
  });

  it('says it is loading, then what it has; and that it has nothing when the source fails', async () => {
    const { name } = testSource({ banners: seed.banners }, { latency: 100 });
    const element = await mountBanners(
      `<portico-sidebar-banners lang="vi" source="${name}" position="sidebar"></portico-sidebar-banners>`,
    );
    await expect.element(page.getByRole('status')).toHaveTextContent('Đang tải…');
    await expectNoAxeViolations(element);
    await vi.waitFor(() => {
      expect(shownBanners(element)).toHaveLength(2);
    });

    const failing = testSource({ banners: seed.banners });
    failing.memory.failWith(new SourceError('network', 'offline'));
    const failed = await mountBanners(
      `<portico-sidebar-banners lang="en" source="${failing.name}" position="sidebar"></portico-sidebar-banners>`,
    );
    await vi.waitFor(() => {
      expect(shadow(failed).querySelector('[part~="empty"]')?.textContent).toBe('This content could not be loaded');
    });
    // In the warning colour, as every widget shows a failure: told apart from an empty list.
    expect(getComputedStyle(shadow(failed).querySelector('[part~="error"]')!).color).toBe('rgb(138, 75, 0)');
    await expectNoAxeViolations(failed);
  });

  it('lets banners set from JavaScript win over the source', async () => {
    const { name, memory } = testSource({ banners: seed.banners });
    const getBanners = vi.spyOn(memory, 'getBanners');
    const element = await showBanners([{ id: 'js', title: 'Từ script' }], { source: name, position: 'sidebar' });
    await animationFrames(2);
    expect(shownBanners(element)).toEqual(['Từ script']);
    expect(getBanners).not.toHaveBeenCalled();
  });

  it('treats banners = null like banners not set: the source’s banners, or the markup, show', async () => {
    const { name, memory } = testSource({ banners: seed.banners });
    const getBanners = vi.spyOn(memory, 'getBanners');
    const element = await showBanners(null, { lang: 'vi', source: name, position: 'sidebar' });
    await vi.waitFor(() => {
      expect(shownBanners(element)).toEqual(['Tiến tới đại hội đảng', 'Giải phóng miền Nam']);
    });
    element.banners = [{ id: 'js', title: 'Từ script' }];
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Từ script']);
    element.banners = null;
    await vi.waitFor(() => {
      expect(shownBanners(element)).toEqual(['Tiến tới đại hội đảng', 'Giải phóng miền Nam']);
    });
    expect(getBanners).toHaveBeenCalled();

    const marked = await mountBanners(
      `<portico-sidebar-banners lang="vi"><a href="/cu">Tin cũ</a></portico-sidebar-banners>`,
    );
    marked.banners = null;
    await marked.updateComplete;
    expect(shownBanners(marked)).toEqual(['Tin cũ']);
    expect(warnings(warn)).not.toContain('banners=null');
  });

  it('warns when a source is given without a position', async () => {
    const { name } = testSource({ banners: seed.banners });
    const element = await mountBanners(
      `<portico-sidebar-banners lang="vi" source="${name}"></portico-sidebar-banners>`,
    );
    expect(warnings(warn)).toContain('position (not given) is needed to ask the source for banners');
    expect(shadow(element).querySelector('[part~="empty"]')?.textContent).toBe('Chưa có nội dung');
  });
});

/** Moves the pointer to the page's far corner, away from where widgets render: Chromium hovers what appears under it. */
async function pointerAway(): Promise<void> {
  const corner = document.createElement('div');
  corner.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 4px; height: 4px';
  document.body.append(corner);
  await userEvent.hover(corner);
  corner.remove();
}

describe('<portico-sidebar-banners> carousel', () => {
  beforeEach(async () => {
    stubReducedMotion(false);
    await pointerAway();
  });

  async function carousel(
    attributes: Record<string, string> = {},
    banners: Banner[] = SLIDES,
    given = document.createElement('portico-sidebar-banners'),
  ) {
    const element = await showBanners(banners, { lang: 'vi', rotate: '5', ...attributes }, document.body, given);
    const region = shadow(element).querySelector<HTMLElement>('[part~="carousel"]')!;
    const button = (part: string): HTMLButtonElement =>
      shadow(element).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
    return { element, region, button, slides: shadow(element).querySelector('[part~="slides"]')! };
  }

  it('follows the APG carousel: a named region of labelled slides, one shown at a time', async () => {
    const { element, region, button, slides } = await carousel();
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('aria-roledescription')).toBe('trình chiếu');
    await expect.element(page.getByRole('region', { name: 'Liên kết nổi bật' })).toBeVisible();
    const groups = [...shadow(element).querySelectorAll('[role="group"]')];
    expect(groups.map((group) => group.getAttribute('aria-label'))).toEqual(['1 trên 3', '2 trên 3', '3 trên 3']);
    expect(groups.every((group) => group.getAttribute('aria-roledescription') === 'trang chiếu')).toBe(true);
    expect(shownBanners(element)).toEqual(['Đại hội Đảng bộ tỉnh']);
    expect([...shadow(element).querySelectorAll('button')].map(nameOf)).toEqual([
      'Tạm dừng',
      'Trang chiếu trước',
      'Trang chiếu sau',
    ]);
    expect(button('previous').getAttribute('aria-controls')).toBe(slides.id);
    expect(slides.getAttribute('aria-live')).toBe('off');
    await expectNoAxeViolations(element);

    element.lang = 'en';
    await vi.waitFor(() => {
      expect(groups[0]!.getAttribute('aria-label')).toBe('1 of 3');
    });
    expect(region.getAttribute('aria-roledescription')).toBe('carousel');
    expect(groups[0]!.getAttribute('aria-roledescription')).toBe('slide');
    expect([...shadow(element).querySelectorAll('button')].map(nameOf)).toEqual([
      'Pause rotation',
      'Previous slide',
      'Next slide',
    ]);
    await expect.element(page.getByRole('region', { name: 'Featured links' })).toBeVisible();
    await expectNoAxeViolations(element);

    element.label = 'Quảng cáo';
    await element.updateComplete;
    expect(region.getAttribute('aria-label')).toBe('Quảng cáo');
  });

  it('rotates every `rotate` seconds, pauses on hover, and stops for good when focus enters (APG)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const outside = startButton();
    const { element, region, button, slides } = await carousel();
    await vi.advanceTimersByTimeAsync(4_900);
    expect(shownBanners(element)).toEqual(['Đại hội Đảng bộ tỉnh']);
    await vi.advanceTimersByTimeAsync(100);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Giải phóng miền Nam']);
    await vi.advanceTimersByTimeAsync(10_000);
    await element.updateComplete;
    expect(shownBanners(element), 'wraps round').toEqual(['Đại hội Đảng bộ tỉnh']);

    await userEvent.hover(region);
    await element.updateComplete;
    expect(slides.getAttribute('aria-live'), 'announced while held').toBe('polite');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(shownBanners(element), 'held while hovered').toEqual(['Đại hội Đảng bộ tỉnh']);
    await pointerAway();
    await element.updateComplete;
    await vi.advanceTimersByTimeAsync(5_000);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Giải phóng miền Nam']);

    await userEvent.keyboard('{Tab}');
    expect(focused(element)).toBe(button('rotation'));
    await element.updateComplete;
    expect(nameOf(button('rotation')), 'focus inside stops the rotation').toBe('Bắt đầu trình chiếu');
    expect(slides.getAttribute('aria-live')).toBe('polite');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(shownBanners(element), 'stopped while focus is inside').toEqual(['Giải phóng miền Nam']);
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(outside);
    await element.updateComplete;
    expect(nameOf(button('rotation')), 'and stays stopped once focus leaves').toBe('Bắt đầu trình chiếu');
    expect(slides.getAttribute('aria-live')).toBe('polite');
    await vi.advanceTimersByTimeAsync(20_000);
    await element.updateComplete;
    expect(shownBanners(element), 'until the reader starts it').toEqual(['Giải phóng miền Nam']);

    element.lang = 'en';
    await vi.waitFor(() => {
      expect(nameOf(button('rotation'))).toBe('Start rotation');
    });
  });

  it('holds still in a hidden tab, and counts no impression there, then goes on when the tab is shown', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Hidden from the start: the intersection observer (awake here) finds the first slide in view.
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const element = document.createElement('portico-sidebar-banners');
    const impressions = events(element, 'impression');
    const { slides } = await carousel({}, SLIDES, element);
    expect(await intersectionSeen(slides.querySelector('[data-current]')!)).toBe(1);
    await vi.advanceTimersByTimeAsync(20_000);
    await element.updateComplete;
    expect(shownBanners(element), 'no rotation while hidden').toEqual(['Đại hội Đảng bộ tỉnh']);
    expect(impressions, 'no reader saw anything').toEqual([]);

    visibility.mockRestore();
    document.dispatchEvent(new Event('visibilitychange'));
    await element.updateComplete;
    expect(
      impressions.map((impression) => impression.id),
      'seen once the tab shows',
    ).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(5_000);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Giải phóng miền Nam']);
  });

  it('stops for good when it leaves the page before its first render (no rotation in a detached widget)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const element = document.createElement('portico-sidebar-banners');
    element.rotate = 1;
    element.banners = SLIDES;
    // In and out in one task, as a framework unmounting what it mounted in the same commit.
    document.body.append(element);
    element.remove();
    await element.updateComplete;
    // Out of the page nothing is drawn: the slide marked current is what would show.
    const current = (): string | undefined =>
      shadow(element).querySelector('[data-current] img')?.getAttribute('alt') ?? undefined;
    expect(current()).toBe('Đại hội Đảng bộ tỉnh');
    await vi.advanceTimersByTimeAsync(5_000);
    await element.updateComplete;
    expect(current(), 'the same slide: nothing rotates').toBe('Đại hội Đảng bộ tỉnh');

    // Back in the page, it rotates again.
    document.body.append(element);
    onCleanUp(() => {
      element.remove();
    });
    await element.updateComplete;
    await vi.advanceTimersByTimeAsync(1_000);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Giải phóng miền Nam']);
  });

  it('rotates when the reader starts it with the button while focus is inside, until focus enters again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const outside = startButton();
    const { element, button, slides } = await carousel();
    await userEvent.keyboard('{Tab}');
    await element.updateComplete;
    expect(nameOf(button('rotation'))).toBe('Bắt đầu trình chiếu');
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(focused(element), 'focus stays on the button').toBe(button('rotation'));
    expect(nameOf(button('rotation'))).toBe('Tạm dừng');
    expect(slides.getAttribute('aria-live'), 'rotating: not announced').toBe('off');
    await vi.advanceTimersByTimeAsync(5_000);
    await element.updateComplete;
    expect(shownBanners(element), 'the reader chose it: it rotates with focus inside').toEqual(['Giải phóng miền Nam']);

    await userEvent.keyboard('{Tab}');
    expect(focused(element)).toBe(button('previous'));
    await vi.advanceTimersByTimeAsync(5_000);
    await element.updateComplete;
    expect(shownBanners(element), 'moving within the carousel keeps it').toEqual([
      'Cổng dịch vụ công (mở trong thẻ mới)',
    ]);

    await userEvent.keyboard('{Shift>}{Tab}{Tab}{/Shift}');
    expect(document.activeElement).toBe(outside);
    await vi.advanceTimersByTimeAsync(5_000);
    await element.updateComplete;
    expect(shownBanners(element), 'still rotating after focus leaves').toEqual(['Đại hội Đảng bộ tỉnh']);
    await userEvent.keyboard('{Tab}');
    await element.updateComplete;
    expect(nameOf(button('rotation')), 'focus entering again stops it').toBe('Bắt đầu trình chiếu');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(shownBanners(element)).toEqual(['Đại hội Đảng bộ tỉnh']);
    vi.useRealTimers();
    await expectNoAxeViolations(element);
  });

  it('holds a rotation the reader started while focus is on a banner: focus never sits on a hidden slide', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    startButton();
    const { element, button } = await carousel();
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(nameOf(button('rotation')), 'started by the reader').toBe('Tạm dừng');
    await userEvent.keyboard('{Tab}{Tab}{Tab}');
    await element.updateComplete;
    const link = focused(element);
    expect(link?.getAttribute('href')).toBe('/dai-hoi');
    await vi.advanceTimersByTimeAsync(20_000);
    await element.updateComplete;
    expect(shownBanners(element), 'held while focus is on the banner').toEqual(['Đại hội Đảng bộ tỉnh']);
    expect(focused(element)).toBe(link);
    expect(link?.checkVisibility({ visibilityProperty: true })).toBe(true);

    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(focused(element)).toBe(button('next'));
    await vi.advanceTimersByTimeAsync(5_000);
    await element.updateComplete;
    expect(shownBanners(element), 'rotating again once focus is back on the controls').toEqual(['Giải phóng miền Nam']);
  });

  it('moves focus with the arrow keys to the slide itself when its banner has no link', async () => {
    const unlinked = { id: 'b', title: 'Giải phóng miền Nam', image: { src: picture(200, 80, '#8a4b00') } };
    const { element } = await carousel({}, [SLIDES[0]!, unlinked, SLIDES[2]!]);
    const slides = shadow(element).querySelectorAll<HTMLElement>('[part~="slide"]');
    shadow(element).querySelector<HTMLElement>('[data-current] a')!.focus();
    await userEvent.keyboard('{ArrowRight}');
    await element.updateComplete;
    expect(focused(element), 'the slide shown, not the page').toBe(slides[1]);
    expect(focused(element)?.matches(':focus-visible')).toBe(true);
    await userEvent.keyboard('{ArrowRight}');
    await element.updateComplete;
    expect(focused(element)?.getAttribute('href')).toBe('https://dichvucong.gov.vn/');
  });

  it('stops and starts with its pause button', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { element, button, slides } = await carousel();
    button('rotation').click();
    await element.updateComplete;
    button('rotation').blur();
    await element.updateComplete;
    expect(nameOf(button('rotation'))).toBe('Bắt đầu trình chiếu');
    expect(slides.getAttribute('aria-live')).toBe('polite');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(shownBanners(element)).toEqual(['Đại hội Đảng bộ tỉnh']);

    button('rotation').click();
    button('rotation').blur();
    await element.updateComplete;
    expect(nameOf(button('rotation'))).toBe('Tạm dừng');
    await vi.advanceTimersByTimeAsync(5_000);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Giải phóng miền Nam']);
  });

  it('does with a mouse click what the button says, and resumes when the pointer leaves after Next', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { element, button } = await carousel();
    await userEvent.click(button('next'));
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Giải phóng miền Nam']);
    expect(nameOf(button('rotation')), 'a click is not keyboard focus').toBe('Tạm dừng');
    await pointerAway();
    await vi.advanceTimersByTimeAsync(5_000);
    await element.updateComplete;
    expect(shownBanners(element), 'hovering only held it').toEqual(['Cổng dịch vụ công (mở trong thẻ mới)']);

    await userEvent.click(button('rotation'));
    await element.updateComplete;
    expect(nameOf(button('rotation')), 'the pause button pauses').toBe('Bắt đầu trình chiếu');
    await pointerAway();
    await vi.advanceTimersByTimeAsync(20_000);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Cổng dịch vụ công (mở trong thẻ mới)']);
    await userEvent.click(button('rotation'));
    await element.updateComplete;
    expect(nameOf(button('rotation'))).toBe('Tạm dừng');
    await pointerAway();
    await vi.advanceTimersByTimeAsync(5_000);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Đại hội Đảng bộ tỉnh']);

    // Keyboard focus after a click stops it, as focus coming in does.
    await userEvent.keyboard('{Tab}');
    expect(focused(element)).toBe(button('previous'));
    await element.updateComplete;
    expect(nameOf(button('rotation'))).toBe('Bắt đầu trình chiếu');
  });

  it('never starts by itself when the reader prefers reduced motion', async () => {
    stubReducedMotion(true);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { element, button, slides } = await carousel();
    expect(nameOf(button('rotation'))).toBe('Bắt đầu trình chiếu');
    expect(slides.getAttribute('aria-live')).toBe('polite');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shownBanners(element)).toEqual(['Đại hội Đảng bộ tỉnh']);
    button('next').click();
    await element.updateComplete;
    expect(shownBanners(element), 'the reader can still move on').toEqual(['Giải phóng miền Nam']);
    vi.useRealTimers();
    await expectNoAxeViolations(element);
  });

  it('is complete from the keyboard: pause first, then previous, next and the banner shown', async () => {
    const followed = followedLinks();
    const clicks: BannerEventDetail[] = [];
    const onClick = (event: Event): void => {
      clicks.push((event as CustomEvent<BannerEventDetail>).detail);
    };
    document.addEventListener('portico-banner-click', onClick);
    onCleanUp(() => {
      document.removeEventListener('portico-banner-click', onClick);
    });
    startButton();
    const { element, button } = await carousel();
    await userEvent.keyboard('{Tab}');
    expect(focused(element)).toBe(button('rotation'));
    expect(focused(element)?.matches(':focus-visible')).toBe(true);
    expect(getComputedStyle(focused(element)!).outlineStyle).toBe('solid');
    await userEvent.keyboard('{Tab}');
    expect(focused(element)).toBe(button('previous'));
    await userEvent.keyboard('{Tab}');
    expect(focused(element)).toBe(button('next'));
    await userEvent.keyboard('{Tab}');
    expect(nameOf(focused(element))).toBe('');
    expect(focused(element)?.querySelector('img')?.alt).toBe('Đại hội Đảng bộ tỉnh');
    await userEvent.keyboard('{Tab}');
    expect(focused(element), 'hidden slides are not in the tab order').toBeNull();

    button('next').focus();
    await userEvent.keyboard('{Enter}');
    expect(shownBanners(element)).toEqual(['Giải phóng miền Nam']);
    await userEvent.keyboard(' ');
    expect(shownBanners(element)).toEqual(['Cổng dịch vụ công (mở trong thẻ mới)']);
    await userEvent.keyboard('{ArrowRight}');
    expect(shownBanners(element), 'arrows move too').toEqual(['Đại hội Đảng bộ tỉnh']);
    await userEvent.keyboard('{ArrowLeft}');
    expect(shownBanners(element)).toEqual(['Cổng dịch vụ công (mở trong thẻ mới)']);

    shadow(element).querySelector<HTMLElement>('[data-current] a')!.focus();
    await userEvent.keyboard('{ArrowRight}');
    await element.updateComplete;
    expect(focused(element)?.getAttribute('href'), 'focus follows to the banner shown').toBe('/dai-hoi');
    await userEvent.keyboard('{Enter}');
    expect(followed).toEqual(['/dai-hoi']);
    expect(clicks.map((click) => click.id)).toEqual(['a']);

    button('rotation').focus();
    expect(nameOf(button('rotation')), 'focus inside stopped the rotation').toBe('Bắt đầu trình chiếu');
    await userEvent.keyboard(' ');
    expect(nameOf(button('rotation'))).toBe('Tạm dừng');
    await userEvent.keyboard(' ');
    expect(nameOf(button('rotation'))).toBe('Bắt đầu trình chiếu');
    await userEvent.keyboard(' ');
    expect(nameOf(button('rotation'))).toBe('Tạm dừng');
    await userEvent.keyboard('{Escape}');
    expect(nameOf(button('rotation')), 'Escape stops the rotation').toBe('Bắt đầu trình chiếu');
    await expectNoAxeViolations(element);
  });

  it('keeps pinned banners in place and rotates the others', async () => {
    const { element } = await carousel({}, [{ id: 'pin', title: 'Luôn hiện', pinned: true, url: '/pin' }, ...SLIDES]);
    expect(shownBanners(element)).toEqual(['Luôn hiện', 'Đại hội Đảng bộ tỉnh']);
    expect(shadow(element).querySelectorAll('[role="group"]')).toHaveLength(3);
    expect(
      shadow(element).querySelector('[part~="list"]')?.contains(shadow(element).querySelector('[part~="carousel"]')),
    ).toBe(false);
    await expectNoAxeViolations(element);
  });

  it('reads its markup once, not on every rotation, and again when the markup changes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const element = await mountBanners(`<portico-sidebar-banners lang="vi" rotate="5">
      <a href="/mot">Một</a><a href="/hai">Hai</a><a href="/ba">Ba</a>
    </portico-sidebar-banners>`);
    const reads = vi.spyOn(element, 'querySelectorAll');
    await vi.advanceTimersByTimeAsync(10_000);
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Ba']);
    expect(reads).not.toHaveBeenCalled();

    const added = document.createElement('a');
    added.href = '/bon';
    added.textContent = 'Bốn';
    element.append(added);
    await vi.waitFor(() => {
      expect(shadow(element).querySelectorAll('[role="group"]')).toHaveLength(4);
    });
    expect(reads).toHaveBeenCalled();
    expect(shownBanners(element), 'starts again from the first').toEqual(['Một']);

    // A change deeper than the widget's own children, which no slot reports: a link renamed.
    const first = element.querySelector('a');
    if (first) first.textContent = 'Thứ nhất';
    await vi.waitFor(() => {
      expect(shownBanners(element)).toEqual(['Thứ nhất']);
    });
  });

  it('shows a single banner, or rotate="0", as a plain list', async () => {
    const single = await showBanners([SLIDES[0]], { rotate: '5' });
    expect(shadow(single).querySelector('[part~="carousel"], button')).toBeNull();
    const still = await showBanners(SLIDES, { rotate: '0' });
    expect(shadow(still).querySelector('[part~="carousel"]')).toBeNull();
    expect(shownBanners(still)).toHaveLength(3);
  });
});

describe('<portico-sidebar-banners> tracking', () => {
  it('counts an impression once at least half of a banner is visible, once per banner', async () => {
    const scroller = document.createElement('div');
    scroller.style.cssText = 'height: 200px; overflow: auto; width: 260px';
    scroller.innerHTML = '<div style="height: 400px"></div>';
    document.body.prepend(scroller);
    onCleanUp(() => {
      scroller.remove();
    });
    const element = document.createElement('portico-sidebar-banners');
    const impressions = events(element, 'impression');
    element.position = 'sidebar';
    element.banners = [
      { id: 'img', title: 'Đại hội', url: '/dai-hoi', image: { src: picture(200, 100), width: 200, height: 100 } },
    ];
    scroller.append(element);
    await element.updateComplete;
    const item = shadow(element).querySelector('li')!;
    expect(await intersectionSeen(item)).toBe(0);
    expect(impressions).toEqual([]);

    const top = item.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    const height = item.getBoundingClientRect().height;
    scroller.scrollTop = top - 200 + 0.4 * height;
    expect(await intersectionSeen(item)).toBeCloseTo(0.4, 1);
    expect(impressions, '40% visible is not an impression').toEqual([]);
    scroller.scrollTop = top - 200 + 0.6 * height;
    await vi.waitFor(() => {
      expect(impressions).toEqual([
        { id: 'img', title: 'Đại hội', url: `${location.origin}/dai-hoi`, position: 'sidebar' },
      ]);
    });
    scroller.scrollTop = 0;
    expect(await intersectionSeen(item)).toBe(0);
    scroller.scrollTop = top;
    expect(await intersectionSeen(item)).toBe(1);
    expect(impressions, 'once per page view').toHaveLength(1);
  });

  it('counts only the slide shown in a carousel, each when it first shows', async () => {
    stubReducedMotion(true);
    const element = document.createElement('portico-sidebar-banners');
    const impressions = events(element, 'impression');
    element.rotate = 5;
    element.banners = SLIDES;
    document.body.append(element);
    onCleanUp(() => {
      element.remove();
    });
    await vi.waitFor(() => {
      expect(impressions.map((impression) => impression.id)).toEqual(['a']);
    });
    // The other slides are in view too, but hidden: not seen.
    const slides = [...shadow(element).querySelectorAll('[part~="slide"]')];
    expect(await Promise.all(slides.map(intersectionSeen))).toEqual([1, 1, 1]);
    expect(impressions).toHaveLength(1);
    shadow(element).querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await vi.waitFor(() => {
      expect(impressions.map((impression) => impression.id)).toEqual(['a', 'b']);
    });
    shadow(element).querySelector<HTMLButtonElement>('[part~="previous"]')!.click();
    await element.updateComplete;
    await intersectionSeen(slides[0]!);
    expect(impressions, 'once per banner').toHaveLength(2);
  });

  it('dispatches a click on activation, by mouse or Enter, and not for Space', async () => {
    const followed = followedLinks();
    const element = await showBanners([...seed.banners, { id: 'text', title: 'Chỉ có chữ' }], {
      lang: 'vi',
      position: 'sidebar',
    });
    const clicks = events(element, 'click');
    await userEvent.click(page.getByText('Chỉ có chữ'));
    expect(clicks, 'a banner without a link is not activated').toEqual([]);
    await userEvent.click(page.getByRole('link', { name: 'Giải phóng miền Nam' }));
    expect(clicks).toEqual([
      {
        id: 'giai-phong-mien-nam',
        title: 'Giải phóng miền Nam',
        url: `${location.origin}/giai-phong-mien-nam`,
        position: 'sidebar',
      },
    ]);
    startButton();
    await userEvent.keyboard('{Tab}');
    expect(focused(element)?.textContent).toBe('Tiến tới đại hội đảng');
    expect(getComputedStyle(focused(element)!).outlineStyle).toBe('solid');
    await userEvent.keyboard(' ');
    expect(clicks).toHaveLength(1);
    await userEvent.keyboard('{Enter}');
    expect(clicks.map((click) => click.id)).toEqual(['giai-phong-mien-nam', 'tien-toi-dai-hoi-dang']);
    expect(followed).toEqual(['/giai-phong-mien-nam', '/tien-toi-dai-hoi-dang']);
  });

  it('lets a client-side router cancel a click: the browser does not follow the link, the beacon is still sent', async () => {
    vi.spyOn(navigator, 'webdriver', 'get').mockReturnValue(false);
    const sendBeacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
    // Whether the click reached the page with its navigation cancelled; then cancelled anyway, to stay here.
    const cancelled: boolean[] = [];
    const onClick = (event: MouseEvent): void => {
      cancelled.push(event.defaultPrevented);
      event.preventDefault();
    };
    window.addEventListener('click', onClick);
    onCleanUp(() => {
      window.removeEventListener('click', onClick);
    });
    const element = await showBanners(seed.banners, { beacon: '/portico-banners', lang: 'vi' });
    const routed: string[] = [];
    element.addEventListener('portico-banner-click', (event) => {
      const { url } = event.detail;
      if (url?.endsWith('/giai-phong-mien-nam')) {
        routed.push(url);
        event.preventDefault();
      }
    });
    await userEvent.click(page.getByRole('link', { name: 'Giải phóng miền Nam' }));
    await userEvent.click(page.getByRole('link', { name: 'Tiến tới đại hội đảng' }));
    expect(routed).toEqual([`${location.origin}/giai-phong-mien-nam`]);
    expect(cancelled, 'the routed link is not followed; the other is').toEqual([true, false]);
    const clicks = sendBeacon.mock.calls.map(([, body]) => JSON.parse(body as string) as Record<string, string>);
    expect(clicks.filter((body) => body.event === 'click').map((body) => body.id)).toEqual([
      'giai-phong-mien-nam',
      'tien-toi-dai-hoi-dang',
    ]);
  });

  it('dispatches impressions that cannot be cancelled', async () => {
    const element = document.createElement('portico-sidebar-banners');
    const seen: boolean[] = [];
    element.addEventListener('portico-banner-impression', (event) => {
      seen.push(event.cancelable);
    });
    await showBanners(seed.banners, { lang: 'vi' }, document.body, element);
    await vi.waitFor(() => {
      expect(seen).toEqual([false, false]);
    });
  });

  it('sends no beacon from an automated browser, though the events still fire', async () => {
    expect(navigator.webdriver).toBe(true);
    const sendBeacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
    followedLinks();
    const element = document.createElement('portico-sidebar-banners');
    const impressions = events(element, 'impression');
    const clicks = events(element, 'click');
    await showBanners(seed.banners, { beacon: '/portico-banners', lang: 'vi' }, document.body, element);
    await vi.waitFor(() => {
      expect(impressions).toHaveLength(2);
    });
    shadow(element).querySelector('a')!.click();
    expect(clicks).toHaveLength(1);
    expect(sendBeacon).not.toHaveBeenCalled();
  });

  it('sends impressions and clicks to the beacon URL as JSON, when a person reads', async () => {
    vi.spyOn(navigator, 'webdriver', 'get').mockReturnValue(false);
    const sendBeacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
    followedLinks();
    const element = await showBanners(seed.banners, { beacon: '/portico-banners', position: 'sidebar' });
    await vi.waitFor(() => {
      expect(sendBeacon).toHaveBeenCalledTimes(2);
    });
    shadow(element).querySelectorAll('a')[1]!.click();
    expect(sendBeacon).toHaveBeenCalledTimes(3);
    const bodies = sendBeacon.mock.calls.map(([url, body]) => {
      expect(url).toBe('/portico-banners');
      return JSON.parse(body as string) as Record<string, string>;
    });
    expect(bodies.map((body) => [body.event, body.id])).toEqual([
      ['impression', 'tien-toi-dai-hoi-dang'],
      ['impression', 'giai-phong-mien-nam'],
      ['click', 'giai-phong-mien-nam'],
    ]);
    expect(bodies[2]).toMatchObject({ title: 'Giải phóng miền Nam', position: 'sidebar', page: location.href });
  });

  it('gives a banner’s impression and click the same absolute url, resolved against the document’s base', async () => {
    vi.spyOn(navigator, 'webdriver', 'get').mockReturnValue(false);
    const sendBeacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
    const base = document.createElement('base');
    base.href = 'http://portal.test/tin-tuc/';
    document.head.prepend(base);
    onCleanUp(() => {
      base.remove();
    });
    followedLinks();
    const element = document.createElement('portico-sidebar-banners');
    const impressions = events(element, 'impression');
    const clicks = events(element, 'click');
    await showBanners(
      [
        { id: 'target', title: 'Đích', url: '/target' },
        { id: 'relative', title: 'Bài', url: 'bai-viet.html' },
      ],
      { beacon: '/portico-banners', position: 'sidebar' },
      document.body,
      element,
    );
    await vi.waitFor(() => {
      expect(impressions).toHaveLength(2);
    });
    for (const link of shadow(element).querySelectorAll('a')) link.click();
    const expected = [
      { id: 'target', title: 'Đích', url: 'http://portal.test/target', position: 'sidebar' },
      { id: 'relative', title: 'Bài', url: 'http://portal.test/tin-tuc/bai-viet.html', position: 'sidebar' },
    ];
    expect(impressions).toEqual(expected);
    expect(clicks).toEqual(expected);
    const beacons = sendBeacon.mock.calls.map(([, body]) => JSON.parse(body as string) as Record<string, string>);
    expect(beacons.map((body) => [body.event, body.url])).toEqual([
      ['impression', 'http://portal.test/target'],
      ['impression', 'http://portal.test/tin-tuc/bai-viet.html'],
      ['click', 'http://portal.test/target'],
      ['click', 'http://portal.test/tin-tuc/bai-viet.html'],
    ]);
  });

  it('never sends a beacon to a URL that is not http(s), and warns', async () => {
    vi.spyOn(navigator, 'webdriver', 'get').mockReturnValue(false);
    const sendBeacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
    const element = await showBanners(seed.banners, { beacon: 'javascript:alert(1)' });
    const impressions = events(element, 'impression');
    await vi.waitFor(() => {
      expect(impressions).toHaveLength(2);
    });
    expect(sendBeacon).not.toHaveBeenCalled();
    expect(warnings(warn)).toContain('beacon="javascript:alert(1)" is not an http(s), mailto: or tel: link');
  });
});

describe('<portico-sidebar-banners> bad input', () => {
  it('takes rotate and limit set as strings of digits (as React and Vue set them from a template) or bigints', async () => {
    const element = await showBanners(undefined, { lang: 'vi' });
    Object.assign(element, { banners: seed.banners, rotate: '5', limit: ' 1 ' });
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Tiến tới đại hội đảng']);
    Object.assign(element, { limit: '0' });
    await element.updateComplete;
    expect(shadow(element).querySelector('[part~="carousel"]'), 'rotating').not.toBeNull();
    Object.assign(element, { rotate: 5n });
    await element.updateComplete;
    expect(shadow(element).querySelector('[part~="carousel"]'), 'a bigint: rotating').not.toBeNull();
    Object.assign(element, { rotate: { seconds: 5 } });
    await element.updateComplete;
    expect(shadow(element).querySelector('[part~="carousel"]'), 'an object: not rotating').toBeNull();
    expect(warnings(warn)).toContain(
      'rotate={"seconds":5} is not 0 or a number of seconds from 1 to a day; showing "0"',
    );
    Object.assign(element, { rotate: 0.001 });
    await element.updateComplete;
    expect(shadow(element).querySelector('[part~="carousel"]'), 'a thousandth of a second: not rotating').toBeNull();
    expect(warnings(warn)).toContain('rotate=0.001 is not 0 or a number of seconds from 1 to a day');
  });

  it('survives fields that cannot become text or a number, showing the banner', async () => {
    const broken = { toString: 'not a function' };
    const element = await showBanners(
      [{ id: 'odd', title: 'Thứ tự hỏng', url: '/thu-tu', ordering: broken, position: broken, lang: broken }],
      { lang: 'vi' },
    );
    expect(shownBanners(element)).toEqual(['Thứ tự hỏng']);
    expect(warnings(warn)).toContain('banners[0].ordering={"toString":"not a function"} is not valid; showing "0"');
  });

  it('shows what it can of bad banners, warns naming each field, and never runs their script', async () => {
    const element = await showBanners(
      [
        null,
        42,
        'chuỗi',
        {},
        {
          id: 'script',
          title: '<script>window.__porticoPwned = 1</script>Tin <b>đậm</b>',
          url: 'javascript:window.__porticoPwned = 2',
        },
        { id: 'number-title', title: 123, url: '/so' },
        { id: 'bad-image', title: 'Ảnh hỏng', url: '/anh', image: 'anh.png' },
        { id: 'onerror', title: 'Ảnh độc', image: { src: 'x" onerror="window.__porticoPwned = 3' } },
        { id: 'bad-html', title: 'HTML sai kiểu', html: 42 },
        { id: { nested: true }, title: 'Mã sai', ordering: 'đầu', publishUp: 'sắp tới', pinned: 'yes' },
        // Only invisible characters (a right-to-left override, a zero-width space): no title.
        { id: 'invisible', title: '\u202E\u200B', url: '/vo-hinh' },
        { id: 'invisible-only', title: '\u202E' },
        {
          id: 'script-image',
          title: 'Ảnh từ script',
          url: '/anh-script',
          image: { src: 'javascript:window.__porticoPwned = 4' },
        },
      ],
      { lang: 'vi' },
    );
    await vi.waitFor(() => {
      expect(shadow(element).querySelector('img'), 'the image that does not load').toBeNull();
    });
    await vi.waitFor(() => {
      expect(shownBanners(element)).toEqual([
        '<script>window.__porticoPwned = 1</script>Tin <b>đậm</b>',
        '/so',
        'Ảnh hỏng',
        'Ảnh độc',
        'HTML sai kiểu',
        'Mã sai',
        '/vo-hinh',
        'Ảnh từ script',
      ]);
    });
    expect(shadow(element).querySelector('script, b, [onerror]')).toBeNull();
    expect(shadow(element).querySelector('a[href^="javascript"]')).toBeNull();
    await expect.element(page.getByRole('link', { name: 'Ảnh hỏng' })).toHaveAttribute('href', '/anh');
    await settle();
    expect(pwned()).toBeUndefined();
    const said = warnings(warn);
    for (const named of [
      'banners[0]=null has no title, alt text or link; showing nothing',
      'banners[1]=42',
      'banners[2]="chuỗi"',
      'banners[3]={} has no title, alt text or link',
      'banners[4].url="javascript:window.__porticoPwned = 2" is not an http(s), mailto: or tel: link',
      'banners[5].title=123 is not valid; showing "/so"',
      'banners[6].image="anh.png" is not valid',
      'banner onerror image.src="x\\" onerror=\\"window.__porticoPwned = 3" did not load',
      'banners[8].html=42',
      'banners[9].id={"nested":true}',
      'banners[9].ordering="đầu"',
      'banners[9].publishUp="sắp tới"',
      'banners[12].image.src="javascript:window.__porticoPwned = 4" is not an http(s) address nor an inline image; showing "the title"',
    ]) {
      expect(said).toContain(named);
    }
    await expectNoAxeViolations(element);
  });

  it('shows a text link in place of an image that does not load', async () => {
    const element = await showBanners(
      [
        {
          id: 'gone',
          title: 'Giải phóng miền Nam',
          url: '/giai-phong',
          image: { src: '/khong-co-anh.png', width: 200, height: 80 },
        },
      ],
      { lang: 'vi' },
    );
    await vi.waitFor(() => {
      expect(shadow(element).querySelector('img')).toBeNull();
    });
    expect(shownBanners(element)).toEqual(['Giải phóng miền Nam']);
    await expect.element(page.getByRole('link', { name: 'Giải phóng miền Nam' })).toBeVisible();
    expect(warnings(warn)).toContain('banner gone image.src="/khong-co-anh.png" did not load');
  });

  it('says there is nothing to show for an empty list, the wrong type or nothing at all, in both languages', async () => {
    const cases: [unknown, string, string, string][] = [
      [[], 'vi', 'Chưa có nội dung', 'banners=[] is an empty list'],
      ['nhiều', 'en', 'Nothing to show yet', 'banners="nhiều" is not a list of banners'],
      [{ banners: [] }, 'vi', 'Chưa có nội dung', 'banners={"banners":[]}'],
      [undefined, 'en', 'Nothing to show yet', 'banners is missing'],
      [[null, 7], 'vi', 'Chưa có nội dung', 'banners[1]=7 has no title, alt text or link'],
    ];
    for (const [banners, lang, shown, named] of cases) {
      warn.mockClear();
      const element = await showBanners(banners, { lang });
      expect(shadow(element).querySelector('[part~="empty"]')?.textContent, named).toBe(shown);
      // No data at all is said after a grace period, in which a script may still set it.
      await vi.waitFor(
        () => {
          expect(warnings(warn), named).toContain(named);
        },
        { timeout: MISSING_DATA_GRACE_MS + 2_000 },
      );
      await expectNoAxeViolations(element);
      element.remove();
    }
  });

  it('falls back to defaults, with a warning, for bad attribute values', async () => {
    const element = await showBanners(SLIDES, { order: 'sideways', limit: 'lots', rotate: 'soon' });
    expect(shownBanners(element)).toHaveLength(3);
    expect(shadow(element).querySelector('[part~="carousel"]')).toBeNull();
    const said = warnings(warn);
    expect(said).toContain('order="sideways" is not one of ordering, random');
    expect(said).toContain('limit="lots" is not a whole number of 0 or more');
    expect(said).toContain('rotate="soon" is not 0 or a number of seconds');
  });

  it('leaves a bad attribute as the author wrote it, and takes the default back when it is removed', async () => {
    const element = await mountBanners(`<portico-sidebar-banners lang="vi" rotate="5s">
      <a href="/mot">Một</a><a href="/hai">Hai</a>
    </portico-sidebar-banners>`);
    expect(element.getAttribute('rotate')).toBe('5s');
    expect(warnings(warn)).toContain('rotate="5s" is not 0 or a number of seconds from 1 to a day; showing "0"');
    element.setAttribute('rotate', '5');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part~="carousel"]'), 'rotating').not.toBeNull();
    element.removeAttribute('rotate');
    await element.updateComplete;
    expect(element.rotate).toBe(0);
    expect(element.hasAttribute('rotate'), 'the default is not written back').toBe(false);
    expect(shadow(element).querySelector('[part~="carousel"]'), 'not rotating').toBeNull();
  });
});

describe('<portico-sidebar-banners> layout', () => {
  it('fits a 200 px sidebar, long Vietnamese titles wrapping and images scaled down', async () => {
    const sidebar = document.createElement('aside');
    sidebar.style.width = '200px';
    document.body.append(sidebar);
    onCleanUp(() => {
      sidebar.remove();
    });
    const element = await showBanners(
      [
        {
          id: 'long',
          title: 'Chào mừng Đại hội đại biểu Đảng bộ tỉnh An Giang lần thứ XI, nhiệm kỳ 2020–2025',
          url: '/dai-hoi',
        },
        { id: 'wide', title: 'Ảnh rộng', url: '/rong', image: { src: picture(600, 150), width: 600, height: 150 } },
      ],
      { lang: 'vi' },
      sidebar,
    );
    expect(element.getBoundingClientRect().width).toBeLessThanOrEqual(200);
    expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
    const image = shadow(element).querySelector('img')!;
    expect(image.getBoundingClientRect().width).toBeLessThanOrEqual(200);
    expect(image.getBoundingClientRect().height).toBeCloseTo((image.getBoundingClientRect().width * 150) / 600, 0);
  });

  it('keeps a carousel in a narrow column when a title is one long word', async () => {
    const sidebar = pageColumn(200);
    const element = await mountBanners(
      `<portico-sidebar-banners lang="vi" rotate="5">
        <div><a href="/c">KhôngcókhoảngtrắngKhôngcókhoảngtrắngKhôngcókhoảngtrắng</a></div>
        <div><a href="/d">https://dichvucong.gov.vn/p/home/dvc-trang-chu.html</a></div>
      </portico-sidebar-banners>`,
      sidebar,
    );
    expect(shadow(element).querySelector('[part~="carousel"]'), 'rotating').not.toBeNull();
    expect(element.getBoundingClientRect().width).toBeLessThanOrEqual(200);
    expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
    for (const slide of shadow(element).querySelectorAll('[part~="slide"]')) {
      expect(slide.getBoundingClientRect().width).toBeLessThanOrEqual(200);
    }
  });

  it('can be themed through custom properties and parts, light and dark', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed { --portico-color-accent: rgb(1, 2, 3); --portico-sidebar-banners-gap: 10px; }
      .themed portico-sidebar-banners::part(link) { font-weight: 700; }
      .dark { color-scheme: dark; }`;
    document.head.append(style);
    onCleanUp(() => {
      style.remove();
    });
    const wrapper = document.createElement('div');
    wrapper.className = 'themed';
    document.body.append(wrapper);
    onCleanUp(() => {
      wrapper.remove();
    });
    const themed = await showBanners(seed.banners, {}, wrapper);
    const links = shadow(themed).querySelectorAll('a');
    expect(getComputedStyle(links[0]!).color).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(links[0]!).fontWeight).toBe('700');
    expect(getComputedStyle(shadow(themed).querySelectorAll('li')[1]!).marginBlockStart).toBe('10px');

    const dark = document.createElement('div');
    dark.className = 'dark';
    document.body.append(dark);
    onCleanUp(() => {
      dark.remove();
    });
    const light = await showBanners(seed.banners);
    const night = await showBanners(SLIDES, { rotate: '5' }, dark);
    expect(getComputedStyle(light).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle(night).backgroundColor).not.toBe('rgb(255, 255, 255)');
    await expectNoAxeViolations(night);
  });

  it('keeps the tallest slide’s height as slides change', async () => {
    stubReducedMotion(true);
    const element = await showBanners(
      [
        { id: 'tall', title: 'Cao', image: { src: picture(200, 160), width: 200, height: 160 } },
        { id: 'short', title: 'Thấp' },
      ],
      { rotate: '5' },
    );
    const height = element.getBoundingClientRect().height;
    shadow(element).querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await element.updateComplete;
    expect(shownBanners(element)).toEqual(['Thấp']);
    expect(element.getBoundingClientRect().height).toBe(height);
  });
});

describe('<portico-sidebar-banners> registration', () => {
  it('is registered under its tag, and registering twice does not throw', async () => {
    expect(customElements.get('portico-sidebar-banners')).toBe(PorticoSidebarBanners);
    const { defineElement } = await import('@portico/element');
    expect(() => {
      defineElement('portico-sidebar-banners', class extends PorticoSidebarBanners {});
    }).not.toThrow();
    expect(customElements.get('portico-sidebar-banners')).toBe(PorticoSidebarBanners);
  });
});

describe('<portico-sidebar-banners> any bad input', () => {
  it('never throws and never shows a blank box, whatever its attributes and properties', async () => {
    await expectToSurviveBadInput('portico-sidebar-banners', {
      manifest,
      attributes: {
        lang: oddLang,
        position: fc.constantFrom('sidebar', 'other', ''),
        order: fc.constantFrom('ordering', 'random', 'x'),
      },
      source: { capability: 'getBanners', answers: damaged(seed.banners) },
      markup: oddMarkup,
      properties: {
        banners: fc.option(damaged(seed.banners), { nil: undefined }),
      },
    });
  });
});
