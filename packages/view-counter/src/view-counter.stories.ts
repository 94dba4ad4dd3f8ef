import {
  expect,
  inSidebar,
  inWideColumn,
  LONG_VIETNAMESE,
  memorySourceNamed,
  seed,
  seedArticle,
  waitFor,
  withData,
  withFailingSource,
  withLoadingSource,
  withMarkup,
  withSourceThatFailsAfterAnswering,
  withTicking,
  type Meta,
  type StoryObj,
  expectHeading,
  expectStaleNote,
  headingInLocale,
  localeOf,
  partOf,
  partsOf,
  preferReducedMotion,
  shown,
  type StoryLocale,
} from '@portico/storybook/kit';
import './index.js';

type Locale = StoryLocale;
const TAG = 'portico-view-counter';

/** The interface texts and formats the plays look for (`packages/core/src/locale/vi.ts` and `en.ts`, `Intl`). */
const TEXT = {
  vi: {
    grouped: '18.116.910',
    compact: '18\u00A0Tr',
    unit: 'Tr',
    loading: 'Đang tải…',
    outOfDate: 'Chưa được cập nhật',
    unavailable: 'Chưa có số liệu',
    customHeading: 'Tổng lượt xem',
    pageHeading: 'Lượt xem bài viết',
    pageViews: '2.020',
  },
  en: {
    grouped: '18,116,910',
    compact: '18M',
    unit: 'M',
    loading: 'Loading…',
    outOfDate: 'Not up to date',
    unavailable: 'Figures unavailable',
    customHeading: 'Total views',
    pageHeading: 'Article views',
    pageViews: '2,020',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** The widget's shadow part `name`. */
function part(canvasElement: HTMLElement, name: string): Element | null {
  return partOf(canvasElement, TAG, name);
}

/** Every shadow part `name`. */
function parts(canvasElement: HTMLElement, name: string): Element[] {
  return partsOf(canvasElement, TAG, name);
}

/** The number on screen (the plain number, or the tiles' digits and separators). */
function shownNumber(canvasElement: HTMLElement): string {
  const widget = canvasElement.querySelector('portico-view-counter');
  return widget?.shadowRoot?.querySelector('[part~="number"], [part~="digits"]')?.textContent.replace(/\s+/g, '') ?? '';
}

const SEED_VALUE = String(seed.viewStats.total);

/** Waits for the `stale` part and checks it says "not up to date" in the story's locale. */
function expectOutOfDate(canvasElement: HTMLElement, locale: Locale): Promise<void> {
  return expectStaleNote(canvasElement, TAG, TEXT[locale].outOfDate);
}

/** Checks the tiles: one `digit` part per digit of `digits` (ASCII), and the `separator` parts between them. */
async function expectTiles(canvasElement: HTMLElement, digits: string, separators: string[]): Promise<void> {
  await waitFor(async () => {
    const tiles = parts(canvasElement, 'digit').map((tile) => shown(tile));
    await expect(tiles).toHaveLength(digits.length);
    await expect(tiles.join('')).toBe(digits);
    await expect(parts(canvasElement, 'separator').map((separator) => shown(separator))).toEqual(separators);
  });
}

const meta = {
  title: 'Widgets/View counter',
  component: 'portico-view-counter',
  parameters: {
    // A portal's module column; `InWideColumn` shows it wider.
    ...inSidebar,
    docs: {
      subtitle: 'The site’s article view hits, as the seed portal’s “Số lần xem các bài viết” module shows them.',
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The seed page's module: `value="18116910" grouping="off"` shows `18116910`. */
export const Seed: Story = {
  args: { value: SEED_VALUE, grouping: 'off' },
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(shownNumber(canvasElement)).toBe(seed.shown.viewsText);
    });
  },
};

/** The default grouping: `18.116.910` in Vietnamese, `18,116,910` in English. */
export const Grouped: Story = {
  args: { value: SEED_VALUE },
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      await expect(shownNumber(canvasElement)).toBe(globals.locale === 'en' ? '18,116,910' : '18.116.910');
    });
  },
};

/** `notation="compact"`: `18 Tr` / `18M`; screen readers still hear every digit. */
export const Compact: Story = {
  args: { value: SEED_VALUE, notation: 'compact' },
  play: async ({ canvasElement, globals }) => {
    const text = TEXT[localeOf(globals)];
    await waitFor(async () => {
      await expect(shown(part(canvasElement, 'number'))).toBe(text.compact);
    });
    // The hidden text for screen readers has every digit.
    await expect(shown(part(canvasElement, 'status')?.querySelector('.visually-hidden'))).toBe(text.grouped);
  },
};

/** `digits="tiles"`: one tile per digit, as classic portal counters show. */
export const DigitTiles: Story = {
  args: { value: SEED_VALUE, digits: 'tiles' },
  play: async ({ canvasElement, globals }) => {
    const separator = localeOf(globals) === 'en' ? ',' : '.';
    await expectTiles(canvasElement, '18116910', [separator, separator]);
  },
};

/** `digits="tiles"` with `grouping="off"`: the seed's eight tiles, no separator. */
export const DigitTilesUngrouped: Story = {
  args: { value: SEED_VALUE, digits: 'tiles', grouping: 'off' },
  play: async ({ canvasElement }) => {
    await expectTiles(canvasElement, '18116910', []);
  },
};

/** `digits="tiles"` with `notation="compact"`: tiles for the digits, the unit (`Tr`, `M`) as plain text. */
export const CompactTiles: Story = {
  args: { value: SEED_VALUE, digits: 'tiles', notation: 'compact' },
  play: async ({ canvasElement, globals }) => {
    await expectTiles(canvasElement, '18', []);
    await expect(shown(part(canvasElement, 'unit'))).toBe(TEXT[localeOf(globals)].unit);
  },
};

/** No views yet. */
export const Zero: Story = { args: { value: '0' } };

/** One view. */
export const One: Story = { args: { value: '1' } };

/** Many: a count far beyond 2^53, every digit exact. */
export const Many: Story = { args: { value: '123456789012345678901234567890' } };

/** No value and no source: a dash, and a console warning. */
export const Empty: Story = { args: {} };

/** A value that is not a number (`value="nhiều"`): a dash, and a console warning naming it. */
export const BadInput: Story = { args: { value: 'nhiều' } };

/** Waiting for the source's first answer: a placeholder of about the number's size. */
export const Loading: Story = {
  args: { source: 'views-loading' },
  beforeEach: withLoadingSource('views-loading'),
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      const status = part(canvasElement, 'status');
      await expect(status?.getAttribute('aria-busy')).toBe('true');
      await expect(shown(status?.querySelector('.visually-hidden'))).toBe(TEXT[localeOf(globals)].loading);
    });
  },
};

/** The source failed before answering, with nothing else to show. */
export const Failed: Story = {
  args: { source: 'views-failed' },
  beforeEach: withFailingSource('views-failed'),
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      await expect(shown(part(canvasElement, 'error'))).toBe(TEXT[localeOf(globals)].unavailable);
    });
  },
};

/** The source answered, then failed: the last number stays, marked out of date. */
export const OutOfDate: Story = {
  args: { source: 'views-out-of-date' },
  beforeEach: withSourceThatFailsAfterAnswering('views-out-of-date', { viewStats: seed.viewStats }),
  play: async ({ canvasElement, globals }) => {
    const locale = localeOf(globals);
    await expectOutOfDate(canvasElement, locale);
    // The number the source gave before failing (the seed's) is still shown.
    await expect(shownNumber(canvasElement)).toBe(TEXT[locale].grouped);
  },
};

/** Tiles while the source fails: the last number's tiles stay, marked out of date. */
export const OutOfDateTiles: Story = {
  args: { source: 'views-out-of-date-tiles', digits: 'tiles', grouping: 'off' },
  beforeEach: withSourceThatFailsAfterAnswering('views-out-of-date-tiles', { viewStats: seed.viewStats }),
  play: async ({ canvasElement, globals }) => {
    await expectOutOfDate(canvasElement, localeOf(globals));
    await expectTiles(canvasElement, '18116910', []);
  },
};

/** Compact notation while the source fails: `18 Tr` / `18M` stays, marked out of date. */
export const OutOfDateCompact: Story = {
  args: { source: 'views-out-of-date-compact', notation: 'compact' },
  beforeEach: withSourceThatFailsAfterAnswering('views-out-of-date-compact', { viewStats: seed.viewStats }),
  play: async ({ canvasElement, globals }) => {
    const locale = localeOf(globals);
    await expectOutOfDate(canvasElement, locale);
    await expect(shown(part(canvasElement, 'number'))).toBe(TEXT[locale].compact);
  },
};

/** The server's number stays while the source fails, marked out of date. */
export const FailedOverServerMarkup: Story = {
  args: { source: 'views-failed-markup' },
  beforeEach: withFailingSource('views-failed-markup'),
  parameters: withMarkup(`<h3 slot="heading">${seed.shown.viewsTitle}</h3><p>${seed.shown.viewsText}</p>`),
  play: async ({ canvasElement, globals }) => {
    await expectOutOfDate(canvasElement, localeOf(globals));
    // The server's number is still the one shown (slotted, not replaced).
    const markup = canvasElement.querySelector(TAG)?.querySelector(':scope > p');
    await expect(shown(markup)).toBe(seed.shown.viewsText);
    await expect(markup?.assignedSlot).toBeTruthy();
    await expect(part(canvasElement, 'number')).toBeNull();
  },
};

/** Server-rendered markup, shown as it is until a source answers (none here). */
export const ServerMarkup: Story = {
  parameters: withMarkup(`<h3 slot="heading">${seed.shown.viewsTitle}</h3><p>${seed.shown.viewsText}</p>`),
};

/**
 * Live from a source: the play function adds views at the source; the counter counts up to
 * the new number (not when the reader prefers reduced motion).
 */
export const LiveUpdate: Story = {
  args: { source: 'views-live', interval: 1, grouping: 'off' },
  beforeEach: withData('views-live', { viewStats: seed.viewStats }),
  play: async ({ canvasElement, step }) => {
    await step('shows the source’s number', async () => {
      await waitFor(async () => {
        await expect(shownNumber(canvasElement)).toBe(seed.shown.viewsText);
      });
    });
    await step('counts up to a new total at the source', async () => {
      memorySourceNamed('views-live').setViewStats({ total: '18116960' });
      await waitFor(
        async () => {
          await expect(shownNumber(canvasElement)).toBe('18116960');
        },
        { timeout: 4000 },
      );
    });
  },
};

/**
 * Live, for a reader who prefers reduced motion (`matchMedia` stubbed for the story): a new
 * total shows at once, with no count-up through the numbers between. Open the story on its own
 * to see it: on the Docs page, it follows your own preference.
 */
export const LiveUpdateReducedMotion: Story = {
  args: { source: 'views-live-reduced-motion', interval: 1, grouping: 'off' },
  beforeEach: (context) => {
    const restoreMotion = preferReducedMotion(context);
    const unregister = withData('views-live-reduced-motion', { viewStats: seed.viewStats })();
    return () => {
      unregister();
      restoreMotion();
    };
  },
  play: async ({ canvasElement, step }) => {
    await step('shows the source’s number', async () => {
      await waitFor(async () => {
        await expect(shownNumber(canvasElement)).toBe(seed.shown.viewsText);
      });
    });
    await step('jumps to a new total at the source', async () => {
      const seen = new Set<string>();
      const root = canvasElement.querySelector(TAG)?.shadowRoot;
      const observer = new MutationObserver(() => seen.add(shownNumber(canvasElement)));
      if (root) observer.observe(root, { subtree: true, childList: true, characterData: true });
      try {
        memorySourceNamed('views-live-reduced-motion').setViewStats({ total: '18116960' });
        await waitFor(
          async () => {
            await expect(shownNumber(canvasElement)).toBe('18116960');
          },
          { timeout: 3000 },
        );
      } finally {
        observer.disconnect();
      }
      // Only the old and the new number were ever on screen.
      await expect([...seen].filter((number) => number !== seed.shown.viewsText && number !== '18116960')).toEqual([]);
    });
  },
};

/** `live="off"`: the source is asked once; a later change there does not show until the page reloads. */
export const LiveOff: Story = {
  args: { source: 'views-live-off', interval: 1, grouping: 'off', live: false },
  beforeEach: withData('views-live-off', { viewStats: seed.viewStats }),
  play: async ({ canvasElement, step }) => {
    await expect(canvasElement.querySelector(TAG)?.getAttribute('live')).toBe('off');
    await step('shows the source’s number', async () => {
      await waitFor(async () => {
        await expect(shownNumber(canvasElement)).toBe(seed.shown.viewsText);
      });
    });
    await step('does not follow a change at the source', async () => {
      memorySourceNamed('views-live-off').setViewStats({ total: '18116960' });
      // Twice the interval: a live counter would have shown the change by now.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await expect(shownNumber(canvasElement)).toBe(seed.shown.viewsText);
    });
  },
};

/** Live, as on a busy day: readers open articles every few seconds while the story is open. */
export const LiveTicking: Story = {
  args: { source: 'views-ticking', interval: 2, digits: 'tiles' },
  beforeEach: withTicking('views-ticking', { viewStats: seed.viewStats }, 2000, (memory) => {
    void memory.getViewStats().then(({ total }) => {
      memory.setViewStats({ total: (BigInt(total) + BigInt(1 + Math.floor(Math.random() * 40))).toString() });
    });
  }),
};

/** `path`: one article's views from the source (`2.020`), under its own title, instead of the site-wide total. */
export const ArticleViews: Story = {
  name: 'Views of one article (path)',
  args: { source: 'views-of-path', path: seedArticle.url },
  decorators: [headingInLocale({ vi: TEXT.vi.pageHeading, en: TEXT.en.pageHeading })],
  beforeEach: withData('views-of-path', {
    viewStats: seed.viewStats,
    articles: [{ ...seedArticle, views: '2020' }],
  }),
  play: async ({ canvasElement, globals }) => {
    const text = TEXT[localeOf(globals)];
    await expectHeading(canvasElement, TAG, text.pageHeading, '3');
    await waitFor(async () => {
      await expect(shownNumber(canvasElement)).toBe(text.pageViews);
    });
  },
};

/** Very long Vietnamese title and a very long number, as tiles, in a 200 px sidebar. */
export const LongVietnameseText: Story = {
  args: { heading: LONG_VIETNAMESE.heading, value: '98765432109876543210', digits: 'tiles' },
  parameters: inSidebar,
};

/** The seed module in a 200 px sidebar. */
export const InSidebar: Story = { args: { ...Seed.args }, parameters: inSidebar };

/** Tiles in a wide main column. */
export const InWideColumn: Story = { args: { value: SEED_VALUE, digits: 'tiles' }, parameters: inWideColumn };

/** `heading` and `heading-level`: another title (in the toolbar's locale), at level 2. */
export const CustomHeading: Story = {
  args: { ...Seed.args, 'heading-level': 2 },
  decorators: [headingInLocale({ vi: TEXT.vi.customHeading, en: TEXT.en.customHeading })],
  play: async ({ canvasElement, globals }) => {
    await expectHeading(canvasElement, TAG, TEXT[localeOf(globals)].customHeading, '2');
  },
};

/** `no-heading`: the CMS prints the module's title itself. */
export const NoHeading: Story = {
  args: { ...Seed.args, 'no-heading': true },
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(shownNumber(canvasElement)).toBe(seed.shown.viewsText);
    });
    await expect(part(canvasElement, 'heading')).toBeNull();
  },
};
