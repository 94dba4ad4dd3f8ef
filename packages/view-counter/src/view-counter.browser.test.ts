import { SourceError, type ViewStats } from '@portico/core';
import { MISSING_DATA_GRACE_MS } from '@portico/element';
import {
  cleanUpMounted,
  damaged,
  elementWithText,
  expectNoAxeViolations,
  expectToSurviveBadInput,
  expectUpgradeMovesNothing,
  flushUpdates,
  languageOf,
  animationFrames,
  linesDrawn,
  mount,
  oddLang,
  oddMarkup,
  onCleanUp,
  pageColumn,
  registerTestSource,
  seed,
  statusText,
  stubReducedMotion,
  testSource,
  textDrawnBeforeUpgrade,
} from '@portico/test-helpers';
import fc from 'fast-check';
import manifest from '../custom-elements.json' with { type: 'json' };
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { PorticoViewCounter } from './index.js';

function mountCounter(markup: string, container?: Element): Promise<PorticoViewCounter> {
  return mount<PorticoViewCounter>('portico-view-counter', markup, container);
}

function source(stats: ViewStats = seed.viewStats, latency = 0) {
  return testSource({ viewStats: stats, articles: seed.articles }, { latency });
}

/** What a sighted reader sees: the number, or the tiles' characters. */
function visibleNumber(element: PorticoViewCounter): string | undefined {
  return element.shadowRoot!.querySelector('[part~="number"], [part~="digits"]')?.textContent.replace(/\s+/g, '');
}

/**
 * What the status region announces for the number: its text, leaving out what is hidden
 * from assistive technology (`aria-hidden`, and the children of a `role="img"`, whose
 * changed `aria-label` screen readers do not reliably announce) and the out-of-date note.
 */
function spokenNumber(element: PorticoViewCounter): string | undefined {
  const status = element.shadowRoot!.querySelector('[role="status"]');
  if (!status) return undefined;
  const walker = document.createTreeWalker(status, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const hidden = node.parentElement?.closest('[aria-hidden="true"], [role="img"], [part~="stale"]');
    if (!hidden) text += (node as Text).data;
  }
  return text.trim();
}

afterEach(() => {
  cleanUpMounted();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('<portico-view-counter> number', () => {
  it('shows the seed counter as the seed page does, and grouped by default', async () => {
    const seedCounter = await mountCounter(
      '<portico-view-counter value="18116910" grouping="off" lang="vi"></portico-view-counter>',
    );
    expect(visibleNumber(seedCounter)).toBe(seed.shown.viewsText);
    await expect.element(page.getByRole('heading', { level: 3, name: 'Số lần xem các bài viết' })).toBeVisible();
    await expectNoAxeViolations(seedCounter);
    seedCounter.remove();

    const grouped = await mountCounter('<portico-view-counter value="18116910" lang="vi"></portico-view-counter>');
    expect(visibleNumber(grouped)).toBe('18.116.910');
    expect(spokenNumber(grouped)).toBe('18.116.910');
    await expect.element(page.getByRole('status')).toHaveTextContent('18.116.910');

    const english = await mountCounter('<portico-view-counter value="18116910" lang="en"></portico-view-counter>');
    expect(visibleNumber(english)).toBe('18,116,910');
    expect(english.shadowRoot!.querySelector('[role="heading"]')?.textContent.trim()).toBe('Articles View Hits');
  });

  it('is exact beyond 2^53, from an attribute or a bigint property', async () => {
    const element = await mountCounter(
      '<portico-view-counter value="123456789012345678901234567890" lang="vi"></portico-view-counter>',
    );
    expect(visibleNumber(element)).toBe('123.456.789.012.345.678.901.234.567.890');
    element.value = 9007199254740993n;
    await element.updateComplete;
    expect(visibleNumber(element)).toBe('9.007.199.254.740.993');
  });

  it('has a compact notation that still gives screen readers every digit', async () => {
    const element = await mountCounter(
      '<portico-view-counter value="18116910" notation="compact" lang="vi"></portico-view-counter>',
    );
    expect(visibleNumber(element)).toBe('18Tr');
    expect(spokenNumber(element)).toBe('18.116.910');
    const english = await mountCounter(
      '<portico-view-counter value="18116910" notation="compact" lang="en"></portico-view-counter>',
    );
    expect(visibleNumber(english)).toBe('18M');
  });

  it('shows digit tiles, and gives screen readers the whole number as the status text', async () => {
    const element = await mountCounter(
      '<portico-view-counter value="18116910" digits="tiles" lang="vi"></portico-view-counter>',
    );
    expect(visibleNumber(element)).toBe('18.116.910');
    expect(spokenNumber(element)).toBe('18.116.910');
    expect(element.shadowRoot!.querySelectorAll('[part~="digit"]')).toHaveLength(8);
    expect(element.shadowRoot!.querySelectorAll('[part~="separator"]')).toHaveLength(2);
    await expectNoAxeViolations(element);

    element.grouping = 'off';
    await element.updateComplete;
    expect(spokenNumber(element)).toBe('18116910');
    expect(element.shadowRoot!.querySelectorAll('[part~="separator"]')).toHaveLength(0);

    const english = await mountCounter(
      '<portico-view-counter value="18116910" digits="tiles" lang="en"></portico-view-counter>',
    );
    expect(spokenNumber(english)).toBe('18,116,910');
  });

  it('draws only digits as tiles in compact notation: the unit stays plain text, in one piece', async () => {
    const cases: [string, string, string[], string, string][] = [
      ['vi', '18116910', ['1', '8'], 'Tr', '18.116.910'],
      ['en', '18116910', ['1', '8'], 'M', '18,116,910'],
      ['vi', '1500', ['1', '5'], 'N', '1.500'],
      ['en', '1500', ['1', '5'], 'K', '1,500'],
    ];
    for (const [lang, value, digits, unit, spoken] of cases) {
      const element = await mountCounter(
        `<portico-view-counter value="${value}" digits="tiles" notation="compact" lang="${lang}"></portico-view-counter>`,
      );
      const label = `${lang} ${value}`;
      const root = element.shadowRoot!;
      expect(
        [...root.querySelectorAll('[part~="digit"]')].map((tile) => tile.textContent),
        label,
      ).toEqual(digits);
      const units = [...root.querySelectorAll('[part~="unit"]')];
      expect(
        units.map((piece) => piece.textContent.trim()),
        label,
      ).toEqual([unit]);
      expect(getComputedStyle(units[0]!).backgroundColor, `${label}: not drawn as a tile`).toBe('rgba(0, 0, 0, 0)');
      for (const separator of root.querySelectorAll('[part~="separator"]')) {
        expect(separator.textContent, `${label}: no letters among the separators`).not.toMatch(/\p{L}/u);
      }
      expect(spokenNumber(element), label).toBe(spoken);
      await expectNoAxeViolations(element);
      element.remove();
    }
  });

  it('keeps attribute and property in sync', async () => {
    const element = await mountCounter('<portico-view-counter value="5" lang="vi"></portico-view-counter>');
    element.value = 12345n;
    await element.updateComplete;
    expect(element.getAttribute('value')).toBe('12345');
    element.setAttribute('value', '777');
    await element.updateComplete;
    expect(element.value).toBe('777');
    expect(visibleNumber(element)).toBe('777');
    element.grouping = 'off';
    await element.updateComplete;
    expect(element.getAttribute('grouping')).toBe('off');
  });

  it('follows lang changes at run time', async () => {
    const element = await mountCounter('<portico-view-counter value="18116910" lang="vi"></portico-view-counter>');
    element.lang = 'en';
    await vi.waitFor(() => {
      expect(visibleNumber(element)).toBe('18,116,910');
    });
    expect(element.shadowRoot!.querySelector('[role="heading"]')?.textContent.trim()).toBe('Articles View Hits');
  });
});

describe('<portico-view-counter> language without phrases', () => {
  it('on a page in French (no phrases shipped), marks its English heading as English, with French grouping', async () => {
    const element = await mountCounter('<portico-view-counter value="18116910" lang="fr"></portico-view-counter>');
    expect(spokenNumber(element)).toMatch(/^18[\u00A0\u202F]116[\u00A0\u202F]910$/);
    expect(languageOf(elementWithText(element, 'Articles View Hits')), 'read in an English voice').toBe('en');
    expect(languageOf(element.shadowRoot!.querySelector('[role="status"]')!)).toBe('en');
    await expectNoAxeViolations(element);
  });
});

describe('<portico-view-counter> live', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
  });

  it('counts an increase up briefly, and shows a reset at once', async () => {
    stubReducedMotion(false);
    const { name, memory } = source();
    const element = await mountCounter(
      `<portico-view-counter lang="vi" grouping="off" source="${name}" interval="1"></portico-view-counter>`,
    );
    await flushUpdates(element);
    expect(visibleNumber(element)).toBe('18116910');

    memory.setViewStats({ total: 18117910 });
    await vi.advanceTimersByTimeAsync(1000);
    await element.updateComplete;
    expect(spokenNumber(element), 'screen readers get the final number at once').toBe('18117910');
    await vi.advanceTimersByTimeAsync(200);
    await element.updateComplete;
    const midway = Number(visibleNumber(element));
    expect(midway).toBeGreaterThan(18116910);
    expect(midway).toBeLessThan(18117910);
    await vi.advanceTimersByTimeAsync(1000);
    await element.updateComplete;
    expect(visibleNumber(element)).toBe('18117910');

    memory.setViewStats({ total: 10 });
    await vi.advanceTimersByTimeAsync(1000);
    await element.updateComplete;
    expect(visibleNumber(element), 'a reset shows at once').toBe('10');
  });

  it('does not interrupt a screen reader with its live updates unless the page asks (announce="changes")', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { name } = source();
    const quiet = await mountCounter(`<portico-view-counter lang="vi" source="${name}"></portico-view-counter>`);
    await flushUpdates(quiet);
    const region = quiet.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live'), 'read where the reader reaches it, never announced').toBe('off');
    const number = spokenNumber(quiet);
    quiet.setAttribute('announce', 'changes');
    await quiet.updateComplete;
    expect(region.hasAttribute('aria-live'), 'the status role’s own: polite').toBe(false);
    // Announced, the number comes with what it counts: the title, or the page's own.
    expect(spokenNumber(quiet)).toBe(`Số lần xem các bài viết: ${number ?? ''}`);
    quiet.setAttribute('heading', 'Lượt truy cập');
    await quiet.updateComplete;
    expect(spokenNumber(quiet)).toBe(`Lượt truy cập: ${number ?? ''}`);
    const printed = await mountCounter(
      `<portico-view-counter lang="vi" value="5" announce="changes"><h3 slot="heading">Thống   kê</h3></portico-view-counter>`,
    );
    expect(spokenNumber(printed)).toBe('Thống kê: 5');
    quiet.setAttribute('announce', 'loud');
    await quiet.updateComplete;
    expect(region.getAttribute('aria-live')).toBe('off');
    expect(warn).toHaveBeenCalledWith(
      '<portico-view-counter>: announce="loud" is not one of off, changes; showing "off".',
      quiet,
    );
  });

  it('announces a live update of a tiles counter through the status region’s text', async () => {
    stubReducedMotion(false);
    const { name, memory } = source();
    const element = await mountCounter(
      `<portico-view-counter lang="vi" digits="tiles" source="${name}" interval="1" announce="changes"></portico-view-counter>`,
    );
    await flushUpdates(element);
    expect(element.shadowRoot!.querySelector('[role="status"]')!.hasAttribute('aria-live')).toBe(false);
    expect(spokenNumber(element)).toBe('Số lần xem các bài viết: 18.116.910');

    memory.setViewStats({ total: 18117910 });
    await vi.advanceTimersByTimeAsync(1000);
    await element.updateComplete;
    expect(spokenNumber(element), 'the final number at once, not the count-up').toBe(
      'Số lần xem các bài viết: 18.117.910',
    );
    await vi.advanceTimersByTimeAsync(200);
    await element.updateComplete;
    expect(spokenNumber(element)).toBe('Số lần xem các bài viết: 18.117.910');
    await vi.advanceTimersByTimeAsync(1000);
    await element.updateComplete;
    expect(visibleNumber(element)).toBe('18.117.910');
  });

  it('does not count up when the reader prefers reduced motion', async () => {
    stubReducedMotion(true);
    const { name, memory } = source();
    const element = await mountCounter(
      `<portico-view-counter lang="vi" grouping="off" source="${name}" interval="1"></portico-view-counter>`,
    );
    await flushUpdates(element);
    memory.setViewStats({ total: '18117910' });
    await vi.advanceTimersByTimeAsync(1000);
    await element.updateComplete;
    expect(visibleNumber(element)).toBe('18117910');
  });

  it('follows one page’s views with path, live or loaded once', async () => {
    stubReducedMotion(true);
    const article = { ...seed.articles[0]!, views: 4321 };
    const { name, memory } = testSource({ viewStats: seed.viewStats, articles: [article] });
    const subscribed = vi.spyOn(memory, 'subscribeViewStats');
    const counter = (live: string) =>
      mountCounter(
        `<portico-view-counter lang="vi" source="${name}" ${live} path="${article.url!}" interval="1"></portico-view-counter>`,
      );
    const live = await counter('');
    const loadedOnce = await counter('live="off"');
    await flushUpdates(live);
    await flushUpdates(loadedOnce);
    expect(visibleNumber(live)).toBe('4.321');
    expect(visibleNumber(loadedOnce)).toBe('4.321');
    expect(subscribed, 'only the live counter subscribes').toHaveBeenCalledTimes(1);

    article.views = 5000;
    memory.setViewStats({ ...seed.viewStats });
    await vi.advanceTimersByTimeAsync(1000);
    await flushUpdates(live);
    await flushUpdates(loadedOnce);
    expect(visibleNumber(live)).toBe('5.000');
    expect(visibleNumber(loadedOnce)).toBe('4.321');
  });

  it('shows the final number when removed mid count-up and put back', async () => {
    stubReducedMotion(false);
    const { name, memory } = source();
    const element = await mountCounter(
      `<portico-view-counter lang="vi" grouping="off" source="${name}" interval="1"></portico-view-counter>`,
    );
    await flushUpdates(element);
    memory.setViewStats({ total: 18117910 });
    await vi.advanceTimersByTimeAsync(1200);
    await element.updateComplete;
    expect(Number(visibleNumber(element))).toBeLessThan(18117910);

    const parent = element.parentElement!;
    element.remove();
    await vi.advanceTimersByTimeAsync(1000);
    parent.append(element);
    await flushUpdates(element);
    await vi.advanceTimersByTimeAsync(2000);
    await element.updateComplete;
    expect(visibleNumber(element)).toBe('18117910');
  });

  it('keeps the last number, marked out of date, when the source fails, and recovers', async () => {
    const { name, memory } = source();
    const element = await mountCounter(
      `<portico-view-counter lang="vi" source="${name}" interval="30"></portico-view-counter>`,
    );
    await flushUpdates(element);
    memory.failWith(new SourceError('http', 'Service Unavailable', { status: 503 }));
    await element.updateComplete;
    expect(visibleNumber(element)).toBe('18.116.910');
    expect(statusText(element)).toContain('Chưa được cập nhật');
    memory.failWith(undefined);
    await vi.advanceTimersByTimeAsync(30_000);
    await element.updateComplete;
    expect(statusText(element)).not.toContain('Chưa được cập nhật');
    vi.useRealTimers();
    memory.failWith(new SourceError('network', 'offline'));
    await element.updateComplete;
    await expectNoAxeViolations(element);
  });

  it('pauses while the tab is hidden', async () => {
    const { name, memory } = source();
    const element = await mountCounter(`<portico-view-counter lang="vi" source="${name}"></portico-view-counter>`);
    await flushUpdates(element);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(memory.subscriberCount).toBe(0);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(memory.subscriberCount).toBe(1);
  });
});

describe('<portico-view-counter> data precedence and states', () => {
  it('shows the attribute until the source answers, then the source', async () => {
    const { name } = source({ total: '18116999' }, 50);
    const element = await mountCounter(
      `<portico-view-counter lang="vi" value="18116910" source="${name}"></portico-view-counter>`,
    );
    expect(visibleNumber(element)).toBe('18.116.910');
    await vi.waitFor(() => {
      expect(spokenNumber(element)).toBe('18.116.999');
    });
  });

  it('lets a value set from JavaScript win over the source', async () => {
    const { name, memory } = source();
    const element = await mountCounter(`<portico-view-counter lang="vi" source="${name}"></portico-view-counter>`);
    element.value = '42';
    await element.updateComplete;
    expect(visibleNumber(element)).toBe('42');
    expect(memory.subscriberCount).toBe(0);
  });

  it('goes back to its source, quietly, when a framework unsets the value it set', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { name } = source({ total: '18116910' }, 50);
    const element = await mountCounter(`<portico-view-counter lang="vi" source="${name}"></portico-view-counter>`);
    element.value = 5;
    await element.updateComplete;
    expect(visibleNumber(element)).toBe('5');
    element.value = undefined;
    await element.updateComplete;
    expect(element.hasAttribute('value'), 'nor does it keep the attribute it reflected').toBe(false);
    expect(statusText(element), 'as if never set: loading from the source').toContain('Đang tải…');
    await vi.waitFor(() => {
      expect(visibleNumber(element)).toBe('18.116.910');
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps server-rendered text until data arrives', async () => {
    const { name } = source(seed.viewStats, 10_000);
    const element = await mountCounter(
      `<portico-view-counter lang="vi" source="${name}"><p>18116910</p></portico-view-counter>`,
    );
    expect(element.shadowRoot!.querySelector('[role="status"] slot:not([name])')).not.toBeNull();
    await expect.element(page.getByText('18116910')).toBeVisible();
  });

  it('shows a placeholder while loading, and a clear message when there is no source', async () => {
    const { name } = source(seed.viewStats, 10_000);
    const loading = await mountCounter(`<portico-view-counter lang="vi" source="${name}"></portico-view-counter>`);
    expect(loading.shadowRoot!.querySelector('[role="status"]')?.getAttribute('aria-busy')).toBe('true');
    expect(statusText(loading)).toContain('Đang tải…');
    await expectNoAxeViolations(loading);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const missing = await mountCounter(
      '<portico-view-counter lang="vi" source="no-such-source"></portico-view-counter>',
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await missing.updateComplete;
    expect(statusText(missing)).toBe('Chưa có số liệu');
    vi.useRealTimers();
    await expectNoAxeViolations(missing);
  });
});

describe('<portico-view-counter> bad input', () => {
  it('renders a fallback and warns, naming the attribute', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cases: [string, string][] = [
      ['value="1e400"', 'value="1e400"'],
      ['value="abc"', 'value="abc"'],
      ['value="-5"', 'value="-5"'],
      [
        'value="18,116,910"',
        'value="18,116,910" has group separators: give the digits only (18116910); the widget groups them itself',
      ],
      ['value="18.116.910"', 'give the digits only (18116910)'],
      ['', 'value is missing'],
      ['vaule="18116910"', 'vaule="18116910" is not an attribute it reads: did you mean value?'],
      ['value="5" groupin="off"', 'groupin="off" is not an attribute it reads: did you mean grouping?'],
      ['sources="stats"', 'sources="stats" is not an attribute it reads: did you mean source?'],
      ['value="5" lan="vi"', 'lan="vi" is not an attribute it reads: did you mean lang?'],
      ['value="5" grouping="sideways"', 'grouping="sideways" is not one of auto, off'],
      ['value="5" digits="dots"', 'digits="dots"'],
      ['value="5" interval="soon"', 'interval="soon" is not a positive number of seconds'],
    ];
    for (const [attributes, named] of cases) {
      warn.mockClear();
      const element = await mountCounter(`<portico-view-counter lang="vi" ${attributes}></portico-view-counter>`);
      expect(visibleNumber(element), attributes).toMatch(/^(—|5)$/);
      await vi.waitFor(
        () => {
          expect(warn.mock.calls.map((call) => String(call[0])).join('\n'), attributes).toContain(named);
        },
        { timeout: MISSING_DATA_GRACE_MS + 2_000 },
      );
    }
  });

  it('survives an object where a number belongs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const element = await mountCounter('<portico-view-counter lang="vi" value="1"></portico-view-counter>');
    element.value = {} as unknown as string;
    await element.updateComplete;
    expect(visibleNumber(element)).toBe('—');
    expect(String(warn.mock.calls.at(-1)?.[0])).toContain('value={}');
  });
  it('survives a source answering null', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent): void => {
      errors.push(event.error);
    };
    window.addEventListener('error', onError);
    onCleanUp(() => {
      window.removeEventListener('error', onError);
    });
    const name = 'view-stats-null';
    registerTestSource(name, { getViewStats: () => Promise.resolve(null as unknown as ViewStats) });
    const element = await mountCounter(
      `<portico-view-counter lang="vi" live="off" source="${name}"></portico-view-counter>`,
    );
    await vi.waitFor(() => {
      expect(visibleNumber(element)).toBe('—');
    });
    expect(warn.mock.calls.map((call) => String(call[0])).join('\n')).toContain('source data=null');
    expect(errors).toEqual([]);
  });
});

describe('<portico-view-counter> layout', () => {
  it('fits a 200 px sidebar, tiles and long headings wrapping', async () => {
    const sidebar = document.createElement('aside');
    sidebar.style.width = '200px';
    document.body.append(sidebar);
    onCleanUp(() => {
      sidebar.remove();
    });
    const element = await mountCounter(
      '<portico-view-counter lang="vi" digits="tiles" value="123456789012345678901234567890" heading="Tổng số lần xem các bài viết trên cổng thông tin điện tử"></portico-view-counter>',
      sidebar,
    );
    expect(element.getBoundingClientRect().width).toBeLessThanOrEqual(200);
    expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
    const tiles = element.shadowRoot!.querySelector('[part~="digits"]')!;
    expect(tiles.scrollWidth).toBeLessThanOrEqual(tiles.clientWidth);
  });

  it('shows the seed’s number, grouped, on one line in a 200 px sidebar, in a wide sans-serif, in vi and en', async () => {
    // DejaVu Sans on Linux: wider digits than Arial or Helvetica, which templates name first.
    const sidebar = pageColumn(200, 'font-family: system-ui, sans-serif');
    for (const [lang, shown] of [
      ['vi', '18.116.910'],
      ['en', '18,116,910'],
    ] as const) {
      const element = await mountCounter(`<portico-view-counter lang="${lang}" value="18116910">`, sidebar);
      const number = element.shadowRoot!.querySelector('[part~="number"]')!;
      expect(number.textContent.replace(/\s/g, '')).toBe(shown);
      expect(linesDrawn(number), `${lang}: lines of ${shown}`).toBe(1);
      element.remove();
    }
  });

  it('shrinks its tiles to keep 18.116.910 on one line in a Joomla 3 sidebar, full size where there is room', async () => {
    const tileSize = async (width: number): Promise<{ lines: number; fontSize: number; height: number }> => {
      const column = pageColumn(width);
      // A short heading, on one line at every width: the tiles' row is what is measured.
      const counter = await mountCounter(
        '<portico-view-counter lang="vi" digits="tiles" value="18116910" heading="Lượt xem">',
        column,
      );
      await animationFrames(1);
      const digits = counter.shadowRoot!.querySelector<HTMLElement>('[part~="digits"]')!;
      const bottoms = new Set(
        [...digits.querySelectorAll('[part~="digit"]')].map((tile) => Math.round(tile.getBoundingClientRect().bottom)),
      );
      return {
        lines: bottoms.size,
        fontSize: parseFloat(getComputedStyle(digits).fontSize),
        height: counter.getBoundingClientRect().height,
      };
    };
    const wide = await tileSize(400);
    expect(wide).toMatchObject({ lines: 1, fontSize: 26 });
    for (const width of [300, 262, 220]) {
      const narrow = await tileSize(width);
      expect(narrow.lines, `${String(width)} px`).toBe(1);
      expect(narrow.fontSize, `${String(width)} px: no smaller than the text`).toBeGreaterThanOrEqual(16);
      expect(narrow.height, `${String(width)} px: the box the head stylesheet reserves`).toBe(wide.height);
    }
  });

  it('keeps its tiles at least the text’s size in a row that sizes it by its content', async () => {
    const row = pageColumn(600, 'display: flex');
    const counter = await mountCounter('<portico-view-counter lang="vi" digits="tiles" value="18116910">', row);
    await animationFrames(1);
    const digits = counter.shadowRoot!.querySelector<HTMLElement>('[part~="digits"]')!;
    expect(parseFloat(getComputedStyle(digits).fontSize)).toBeGreaterThanOrEqual(16);
    // The box is as wide as its heading at least (a container's content gives it no width), and holds the tiles.
    expect(counter.getBoundingClientRect().width).toBeGreaterThan(100);
    expect(digits.getBoundingClientRect().right).toBeLessThanOrEqual(counter.getBoundingClientRect().right);
  });

  it('breaks a number too wide for its box only after a group separator, as tiles and as text', async () => {
    const sidebar = document.createElement('aside');
    sidebar.style.width = '150px';
    document.body.append(sidebar);
    onCleanUp(() => {
      sidebar.remove();
    });
    /** The characters on each line, by where they are drawn. */
    const lines = (boxes: { text: string; bottom: number }[]): string[] => {
      const byLine = new Map<number, string>();
      for (const { text, bottom } of boxes)
        byLine.set(Math.round(bottom), (byLine.get(Math.round(bottom)) ?? '') + text);
      return [...byLine.values()];
    };
    const tiles = await mountCounter('<portico-view-counter lang="vi" digits="tiles" value="18116910">', sidebar);
    const tileBoxes = [...tiles.shadowRoot!.querySelectorAll('[part~="digit"], [part~="separator"]')].map((tile) => ({
      text: tile.textContent,
      bottom: tile.getBoundingClientRect().bottom,
    }));
    const tileLines = lines(tileBoxes);
    expect(tileLines.length, 'the tiles are too wide for one line').toBeGreaterThan(1);
    expect(tileLines.join('')).toBe('18.116.910');
    for (const line of tileLines.slice(0, -1)) expect(line, 'a line ends after a separator').toMatch(/\.$/);

    const text = await mountCounter('<portico-view-counter lang="en" value="123456789012345">', sidebar);
    const number = text.shadowRoot!.querySelector('[part~="number"]')!;
    const range = document.createRange();
    range.selectNodeContents(number);
    // One box per character, to see which line each is on.
    const characterBoxes: { text: string; bottom: number }[] = [];
    const walker = document.createTreeWalker(number, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let index = 0; index < node.length; index += 1) {
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        characterBoxes.push({ text: node.data.charAt(index), bottom: range.getBoundingClientRect().bottom });
      }
    }
    const shown = lines(characterBoxes);
    expect(shown.length, 'the number is too wide for one line').toBeGreaterThan(1);
    expect(shown.join('')).toBe('123,456,789,012,345');
    for (const line of shown.slice(0, -1)) expect(line, 'a line ends after a separator').toMatch(/,$/);
    expect(number.scrollWidth).toBeLessThanOrEqual(number.clientWidth + 1);
  });

  it('can be themed through custom properties and parts, light and dark', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed { --portico-view-counter-tile-background: rgb(200, 0, 0); }
      .themed portico-view-counter::part(number) { letter-spacing: 2px; }
      .dark { color-scheme: dark; }`;
    document.head.append(style);
    onCleanUp(() => {
      style.remove();
    });
    const tiles = await mountCounter(
      '<div class="themed"><portico-view-counter value="12" digits="tiles"></portico-view-counter></div>',
    );
    expect(getComputedStyle(tiles.shadowRoot!.querySelector('[part~="digit"]')!).backgroundColor).toBe(
      'rgb(200, 0, 0)',
    );
    const plain = await mountCounter(
      '<div class="themed"><portico-view-counter value="12"></portico-view-counter></div>',
    );
    expect(getComputedStyle(plain.shadowRoot!.querySelector('[part~="number"]')!).letterSpacing).toBe('2px');
    const dark = await mountCounter(
      '<div class="dark"><portico-view-counter value="12" digits="tiles"></portico-view-counter></div>',
    );
    expect(getComputedStyle(dark).backgroundColor).not.toBe('rgb(255, 255, 255)');
    await expectNoAxeViolations(dark);
  });

  it('is drawn, before it upgrades, with the title it then shows (a template printing none; a narrow column wraps it alike)', async () => {
    for (const lang of ['vi', 'en', 'fr', 'vn', 'vi_VN']) {
      const element = await mountCounter(
        `<div lang="${lang}"><portico-view-counter value="18116910"></portico-view-counter></div>`,
      );
      const shown = element.shadowRoot?.querySelector('[part~="heading"]')?.textContent.trim();
      expect(textDrawnBeforeUpgrade('portico-view-counter', 'value="18116910"', lang, '::before'), lang).toBe(shown);
    }
    expect(textDrawnBeforeUpgrade('portico-view-counter', 'heading="Thống kê"', 'vi', '::before')).toBe('Thống kê');
    expect(textDrawnBeforeUpgrade('portico-view-counter', 'no-heading', 'vi', '::before')).toBeUndefined();
  });

  it('is drawn, before it upgrades, with the number it then shows when its value is an ungrouped attribute (no script yet, or none)', async () => {
    for (const lang of ['vi', 'en']) {
      for (const value of ['0', '18116910']) {
        const attributes = `value="${value}" grouping="off"`;
        const element = await mountCounter(
          `<div lang="${lang}"><portico-view-counter ${attributes}></portico-view-counter></div>`,
        );
        expect(textDrawnBeforeUpgrade('portico-view-counter', attributes, lang, '::after'), attributes).toBe(
          visibleNumber(element),
        );
      }
    }
    // Grouped, compact or in tiles, the number is the widget's to draw: nothing is.
    for (const attributes of [
      'value="18116910"',
      'value="18116910" grouping="off" notation="compact"',
      'value="18116910" grouping="off" digits="tiles"',
    ]) {
      expect(textDrawnBeforeUpgrade('portico-view-counter', attributes, 'vi', '::after'), attributes).toBeUndefined();
    }
  });

  it('does not shift the layout when it upgrades over server-rendered markup', async () => {
    await expectUpgradeMovesNothing(
      'portico-view-counter',
      class extends PorticoViewCounter {},
      'lang="vi" value="18116910" grouping="off"',
      '<h3 slot="heading">Số lần xem các bài viết</h3><p>18116910</p>',
    );
  });
});

describe('<portico-view-counter> any bad input', () => {
  it('never throws and never shows a blank box, whatever its attributes and properties', async () => {
    await expectToSurviveBadInput('portico-view-counter', {
      manifest,
      attributes: {
        lang: oddLang,
        grouping: fc.constantFrom('auto', 'off', 'x', ''),
        notation: fc.constantFrom('standard', 'compact', 'x'),
        digits: fc.constantFrom('tiles', 'plain', 'x'),
      },
      source: { capability: 'getViewStats', answers: damaged(seed.viewStats) },
      markup: oddMarkup,
      properties: {
        value: fc.option(damaged(seed.viewStats.total), { nil: undefined }),
      },
    });
  });
});
