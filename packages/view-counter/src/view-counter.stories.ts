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
} from '@portico/storybook/kit';
import './index.js';

/** The number on screen (the plain number, or the tiles' digits and separators). */
function shownNumber(canvasElement: HTMLElement): string {
  const widget = canvasElement.querySelector('portico-view-counter');
  return widget?.shadowRoot?.querySelector('[part~="number"], [part~="digits"]')?.textContent.replace(/\s+/g, '') ?? '';
}

const SEED_VALUE = String(seed.viewStats.total);

const meta = {
  title: 'Widgets/View counter',
  component: 'portico-view-counter',
  parameters: {
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
export const Compact: Story = { args: { value: SEED_VALUE, notation: 'compact' } };

/** `digits="tiles"`: one tile per digit, as classic portal counters show. */
export const DigitTiles: Story = { args: { value: SEED_VALUE, digits: 'tiles' } };

/** `digits="tiles"` with `notation="compact"`: tiles for the digits, the unit (`Tr`, `M`) as plain text. */
export const CompactTiles: Story = { args: { value: SEED_VALUE, digits: 'tiles', notation: 'compact' } };

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
};

/** The source failed before answering, with nothing else to show. */
export const Failed: Story = {
  args: { source: 'views-failed' },
  beforeEach: withFailingSource('views-failed'),
};

/** The source answered, then failed: the last number stays, marked out of date. */
export const OutOfDate: Story = {
  args: { source: 'views-out-of-date' },
  beforeEach: withSourceThatFailsAfterAnswering('views-out-of-date', { viewStats: seed.viewStats }),
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(
        canvasElement.querySelector('portico-view-counter')?.shadowRoot?.querySelector('[part~="stale"]'),
      ).toBeTruthy();
    });
  },
};

/** The server's number stays while the source fails, marked out of date. */
export const FailedOverServerMarkup: Story = {
  args: { source: 'views-failed-markup' },
  beforeEach: withFailingSource('views-failed-markup'),
  parameters: withMarkup(`<h3 slot="heading">${seed.shown.viewsTitle}</h3><p>${seed.shown.viewsText}</p>`),
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

/** Live, as on a busy day: readers open articles every few seconds while the story is open. */
export const LiveTicking: Story = {
  args: { source: 'views-ticking', interval: 2, digits: 'tiles' },
  beforeEach: withTicking('views-ticking', { viewStats: seed.viewStats }, 2000, (memory) => {
    void memory.getViewStats().then(({ total }) => {
      memory.setViewStats({ total: (BigInt(total) + BigInt(1 + Math.floor(Math.random() * 40))).toString() });
    });
  }),
};

/** `path`: one article's views from the source, instead of the site-wide total. */
export const OnePagesViews: Story = {
  args: { source: 'views-of-path', path: seedArticle.url, heading: 'Lượt xem bài viết' },
  beforeEach: withData('views-of-path', {
    viewStats: seed.viewStats,
    articles: [{ ...seedArticle, views: '2020' }],
  }),
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
