import type { Category } from '@portico/core';
import {
  expect,
  inSidebar,
  inWideColumn,
  LONG_VIETNAMESE,
  sample,
  sampleCategoryTree,
  seed,
  userEvent,
  waitFor,
  withData,
  withFailingSource,
  withLoadingSource,
  withMarkup,
  type Meta,
  type StoryObj,
} from '@portico/storybook/kit';
import './index.js';

const SEED_CATEGORIES: Category[] = structuredClone(seed.categories);
const SAMPLE_TREE = sampleCategoryTree(SEED_CATEGORIES);

/** The seed's categories as a CMS template prints them: a nested list of links. */
const SEED_MARKUP = `<ul>${SEED_CATEGORIES.map(({ title, url }) => `<li><a href="${url}">${title}</a></li>`).join(
  '',
)}</ul>`;

function menuRoot(canvasElement: HTMLElement): ShadowRoot {
  const root = canvasElement.querySelector('portico-category-menu')?.shadowRoot;
  if (!root) throw new Error('<portico-category-menu> has not rendered');
  return root;
}

function focused(root: ShadowRoot): string {
  return root.activeElement?.textContent.replace(/\s+/g, ' ').trim() ?? '(nothing)';
}

const meta = {
  title: 'Widgets/Category menu',
  component: 'portico-category-menu',
  parameters: {
    docs: {
      subtitle: 'The portal’s category tree as disclosure navigation: a sidebar tree, or top navigation.',
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The seed page's three categories, the first one current, as a sidebar tree. */
export const Seed: Story = {
  args: { categories: SEED_CATEGORIES, current: SEED_CATEGORIES[0]?.id },
};

/** The seed's categories, top navigation. */
export const Horizontal: Story = {
  args: { categories: SEED_CATEGORIES, orientation: 'horizontal', current: SEED_CATEGORIES[0]?.url },
  parameters: inWideColumn,
};

/** Many (sample tree around the seed's categories): the current category's branch open, article counts shown. */
export const Many: Story = {
  args: { categories: SAMPLE_TREE, current: 'mau-cuoc-van-dong', 'show-counts': true },
};

/** Many, as top navigation in a wide column: submenus open on click, Enter or Space, one at a time. */
export const ManyHorizontal: Story = {
  args: { categories: SAMPLE_TREE, orientation: 'horizontal', current: 'mau-cuoc-van-dong' },
  parameters: inWideColumn,
};

/**
 * The keyboard path through top navigation: the arrow keys, Home and End along the top row;
 * Enter on a toggle opens its submenu; the arrow keys inside it; Escape closes it and returns
 * focus to its toggle. (Tab is the browser's own: the test moves focus where Tab would.)
 */
export const KeyboardPath: Story = {
  args: { categories: SAMPLE_TREE, orientation: 'horizontal' },
  parameters: inWideColumn,
  play: async ({ canvasElement, step }) => {
    const root = menuRoot(canvasElement);
    const topLinks = (): HTMLElement[] =>
      Array.from(root.querySelectorAll<HTMLElement>('[part~="list"] > li > div > a'));
    await waitFor(async () => {
      await expect(topLinks()).toHaveLength(SAMPLE_TREE.length);
    });
    const [first, second] = topLinks();
    const last = topLinks().at(-1);

    await step('Arrow keys, Home and End move along the top row', async () => {
      first?.focus();
      await userEvent.keyboard('{ArrowRight}');
      await expect(focused(root)).toBe(second?.textContent.trim());
      await userEvent.keyboard('{End}');
      await expect(focused(root)).toBe(last?.textContent.trim());
      await userEvent.keyboard('{Home}');
      await expect(focused(root)).toBe(first?.textContent.trim());
    });

    const toggle = root.querySelector<HTMLButtonElement>('[part~="list"] > li [part~="toggle"]');
    const submenu = root.querySelector<HTMLElement>('[part~="list"] > li > [part~="submenu"]');
    await step('Enter on a toggle opens its submenu', async () => {
      await expect(toggle?.getAttribute('aria-expanded')).toBe('false');
      toggle?.focus();
      await userEvent.keyboard('{Enter}');
      await waitFor(async () => {
        await expect(toggle?.getAttribute('aria-expanded')).toBe('true');
        await expect(submenu?.hidden).toBe(false);
      });
    });

    await step('Arrow keys move inside the submenu', async () => {
      const links = Array.from(submenu?.querySelectorAll<HTMLElement>(':scope > li > div > a') ?? []);
      links[0]?.focus();
      await userEvent.keyboard('{ArrowDown}');
      await expect(focused(root)).toBe(links[1]?.textContent.trim());
      await userEvent.keyboard('{End}');
      await expect(focused(root)).toBe(links.at(-1)?.textContent.trim());
    });

    await step('Escape closes the submenu and returns focus to its toggle', async () => {
      await userEvent.keyboard('{Escape}');
      await waitFor(async () => {
        await expect(toggle?.getAttribute('aria-expanded')).toBe('false');
        await expect(submenu?.hidden).toBe(true);
      });
      await expect(root.activeElement).toBe(toggle);
    });
  },
};

/** Top navigation narrower than `collapse-below`: folded behind a menu button (a 200 px column). */
export const FoldedBehindMenuButton: Story = {
  args: { categories: SAMPLE_TREE, orientation: 'horizontal', 'collapse-below': 720 },
  parameters: inSidebar,
};

/** `max-depth="1"`: the top level only. */
export const TopLevelOnly: Story = { args: { categories: SAMPLE_TREE, 'max-depth': 1 } };

/** One category. */
export const One: Story = { args: { categories: SEED_CATEGORIES.slice(0, 1) } };

/** No categories at all: the menu says there is nothing yet. */
export const Empty: Story = { args: { categories: [] } };

/** The seed's categories from a data source (`getCategories`). */
export const FromSource: Story = {
  args: { source: 'menu-seed', current: SEED_CATEGORIES[1]?.url },
  beforeEach: withData('menu-seed', { categories: SEED_CATEGORIES }),
};

/** Waiting for the source's first answer. */
export const Loading: Story = {
  args: { source: 'menu-loading' },
  beforeEach: withLoadingSource('menu-loading'),
};

/** The source failed, with no markup to fall back on. */
export const Failed: Story = {
  args: { source: 'menu-failed' },
  beforeEach: withFailingSource('menu-failed'),
};

/** The source failed: the categories the server printed stay (out of date, but there). */
export const FailedOverServerMarkup: Story = {
  args: { source: 'menu-failed-markup' },
  beforeEach: withFailingSource('menu-failed-markup'),
  parameters: withMarkup(SEED_MARKUP),
};

/** The list of links the CMS prints, read and enhanced (no script-side data). */
export const ServerMarkup: Story = { parameters: withMarkup(SEED_MARKUP) };

/** Very long Vietnamese titles, with counts, in a 200 px sidebar. */
export const LongVietnameseText: Story = {
  args: {
    'show-counts': true,
    current: 'mau-dai',
    categories: [
      { id: 'mau-dai', title: LONG_VIETNAMESE.category, url: '/mau/hoc-tap-lam-theo-bac', count: 1_204 },
      ...SEED_CATEGORIES,
      {
        id: 'mau-dai-2',
        title: sample('Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực và lãng phí tỉnh An Giang'),
        url: '/mau/phong-chong-tham-nhung',
        count: 87,
        children: [{ id: 'mau-con', title: sample('Văn bản chỉ đạo, điều hành'), url: '/mau/van-ban-chi-dao' }],
      },
    ],
  },
  parameters: inSidebar,
};

/**
 * Bad data from a CMS: a `javascript:` address (shown as text, never a link), a category
 * without a title (its id shows) and a count that is not one (left out). Console warnings
 * name each field.
 */
export const BadData: Story = {
  args: {
    'show-counts': true,
    categories: [
      ...SEED_CATEGORIES,
      { id: 'mau-xau-1', title: sample('Liên kết không an toàn'), url: 'javascript:alert(1)' },
      { id: 'mau-khong-tieu-de', title: '', url: '/mau/khong-tieu-de' },
      { id: 'mau-dem-sai', title: sample('Số bài không hợp lệ'), url: '/mau/dem-sai', count: 'nhiều' },
    ],
  },
};

/** The seed's tree in a 200 px sidebar. */
export const InSidebar: Story = { args: { ...Seed.args }, parameters: inSidebar };

/** The sample tree as top navigation in a wide column. */
export const InWideColumn: Story = { args: { ...ManyHorizontal.args }, parameters: inWideColumn };
