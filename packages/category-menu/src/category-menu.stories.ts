import type { Category } from '@portico/core';
import {
  expect,
  inMenuSidebar,
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
/** The category `Many` marks current (`mau-cuoc-van-dong`), then its ancestors up to the top. */
const CURRENT_BRANCH = [sample('Các cuộc vận động'), sample('Mặt trận Tổ quốc'), SEED_CATEGORIES[0]?.title];

/** A sample category at `/mau/<path>`, its id from the path's last segment. */
function deepCategory(path: string, title: string, children?: Category[]): Category {
  const id = `mau-${path.split('/').at(-1) ?? path}`;
  return { id, title: sample(title), url: `/mau/${path}`, ...(children ? { children } : {}) };
}

/** A tree five levels deep: province, party committee, its branches, a district, its communes. */
const DEEP_TREE: Category[] = [
  deepCategory('he-thong-chinh-tri', 'Hệ thống chính trị', [
    deepCategory('he-thong-chinh-tri/dang-bo-tinh', 'Đảng bộ tỉnh', [
      deepCategory('he-thong-chinh-tri/dang-bo-tinh/truc-thuoc', 'Các đảng bộ trực thuộc', [
        deepCategory('he-thong-chinh-tri/dang-bo-tinh/truc-thuoc/cho-moi', 'Đảng bộ huyện Chợ Mới', [
          deepCategory('he-thong-chinh-tri/dang-bo-tinh/truc-thuoc/cho-moi/kien-an', 'Đảng bộ xã Kiến An'),
          deepCategory('he-thong-chinh-tri/dang-bo-tinh/truc-thuoc/cho-moi/my-hoi-dong', 'Đảng bộ xã Mỹ Hội Đông'),
        ]),
        deepCategory('he-thong-chinh-tri/dang-bo-tinh/truc-thuoc/tri-ton', 'Đảng bộ huyện Tri Tôn'),
      ]),
      deepCategory('he-thong-chinh-tri/dang-bo-tinh/ban-dang', 'Các ban xây dựng Đảng'),
    ]),
    deepCategory('he-thong-chinh-tri/mat-tran', 'Mặt trận và các đoàn thể'),
  ]),
  deepCategory('tin-tuc', 'Tin tức - Sự kiện'),
];

/** The deep tree's fifth-level category, then its ancestors up to the top. */
const DEEP_BRANCH = [
  sample('Đảng bộ xã Kiến An'),
  sample('Đảng bộ huyện Chợ Mới'),
  sample('Các đảng bộ trực thuộc'),
  sample('Đảng bộ tỉnh'),
  sample('Hệ thống chính trị'),
];

/**
 * Joomla 3's categories module (`mod_articles_categories`) as it prints the tree: each link in
 * a heading, subcategories in a nested list, some items heading-only links to `#`.
 */
const JOOMLA3_MARKUP = `<ul class="categories-module">
  <li data-count="12">
    <h4><a href="/mau/tin-tuc">Tin tức (mẫu)</a></h4>
    <ul>
      <li><a href="#">Tin trong tỉnh (mẫu)</a></li>
      <li><a href="/mau/tin-tuc/trong-nuoc">Tin trong nước (mẫu)</a></li>
    </ul>
  </li>
  <li data-count="3">
    <h4><a href="#">Văn bản (mẫu)</a></h4>
    <ul>
      <li><h4><a href="/mau/van-ban/chi-dao">Văn bản chỉ đạo (mẫu)</a></h4></li>
    </ul>
  </li>
</ul>`;

/** The titles and addresses `JOOMLA3_MARKUP` gives, in document order. */
const JOOMLA3_LINKS: [string, string][] = [
  ['Tin tức (mẫu)', '/mau/tin-tuc'],
  ['Tin trong tỉnh (mẫu)', '#'],
  ['Tin trong nước (mẫu)', '/mau/tin-tuc/trong-nuoc'],
  ['Văn bản (mẫu)', '#'],
  ['Văn bản chỉ đạo (mẫu)', '/mau/van-ban/chi-dao'],
];

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

/** `value`, which the story needs; fails naming `what` when it is missing. */
function present<T>(value: T | null | undefined, what: string): T {
  if (value == null) throw new Error(`No ${what} in the menu`);
  return value;
}

/** A link's title: its text, without the article count beside it. */
function titleOf(link: Element): string {
  const ownText = (node: ChildNode): boolean =>
    node instanceof Element ? !node.matches('[part~="count"], .visually-hidden') : node.nodeType === Node.TEXT_NODE;
  return Array.from(link.childNodes, (node) => (ownText(node) ? (node.textContent ?? '') : ''))
    .join('')
    .trim();
}

/** The link of the category titled `title`; fails when there is none. */
function linkTitled(root: ShadowRoot, title: string | undefined): HTMLAnchorElement {
  const link = Array.from(root.querySelectorAll<HTMLAnchorElement>('[part~="link"]')).find(
    (candidate) => titleOf(candidate) === title,
  );
  if (!link) throw new Error(`No link titled ${String(title)}`);
  return link;
}

/** The toggle beside a category's link. */
function toggleOf(link: Element): HTMLButtonElement | null {
  return link.parentElement?.querySelector<HTMLButtonElement>(':scope > [part~="toggle"]') ?? null;
}

/**
 * Expects the open submenus to stay inside the viewport, with no horizontal scrolling of the
 * page: what a reader needs. A submenu may be wider than a narrow column
 * (`max-inline-size: min(20em, 90vw)`), as long as it does not leave the screen.
 */
async function expectWithinViewport(root: ShadowRoot): Promise<void> {
  const page = document.documentElement;
  await expect(page.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(page.clientWidth);
  for (const submenu of root.querySelectorAll('[part~="submenu"]')) {
    if (!submenu.checkVisibility()) continue;
    const box = submenu.getBoundingClientRect();
    await expect(box.left).toBeGreaterThanOrEqual(-0.5);
    await expect(box.right).toBeLessThanOrEqual(page.clientWidth + 0.5);
  }
}

/** Expects nothing in the menu to reach past the column the story puts it in. */
async function expectWithinColumn(canvasElement: HTMLElement, root: ShadowRoot): Promise<void> {
  const column = canvasElement.querySelector('.portico-story-column')?.getBoundingClientRect();
  const host = root.host;
  await expect(host.scrollWidth).toBeLessThanOrEqual(host.clientWidth);
  for (const element of root.querySelectorAll('li, [part~="submenu"]')) {
    if (!element.checkVisibility()) continue;
    const box = element.getBoundingClientRect();
    await expect(box.left).toBeGreaterThanOrEqual((column?.left ?? 0) - 0.5);
    await expect(box.right).toBeLessThanOrEqual((column?.right ?? 0) + 0.5);
  }
}

/** The titles of the links marked with `aria-current`, by its value. */
function marked(root: ShadowRoot, value: 'page' | 'true' | 'location'): string[] {
  return Array.from(root.querySelectorAll(`[aria-current="${value}"]`), titleOf);
}

/**
 * Presses Tab as the browser would inside the menu: focus moves to the next shown link or
 * button in document order (no `tabindex` is used). The test helpers' own Tab does not look
 * into shadow roots. Fails when nothing follows.
 */
function tab(root: ShadowRoot): HTMLElement {
  const order = Array.from(root.querySelectorAll<HTMLElement>('a[href], button')).filter((element) =>
    element.checkVisibility(),
  );
  const next = order[order.indexOf(root.activeElement as HTMLElement) + 1];
  if (!next) throw new Error('Nothing to Tab to in the menu');
  next.focus();
  return next;
}

/** Waits until the menu shows its links, then gives its shadow root. */
async function renderedMenu(canvasElement: HTMLElement): Promise<ShadowRoot> {
  await waitFor(async () => {
    await expect(menuRoot(canvasElement).querySelector('[part~="link"]')).not.toBeNull();
  });
  return menuRoot(canvasElement);
}

/**
 * Expects exactly `current` marked as the current category and `location` (top first) as its
 * ancestors. A story's page is no category's own address, so `current` names the section the
 * page is in (`aria-current="true"`), not the page.
 */
async function expectCurrent(
  root: ShadowRoot,
  current: string | undefined,
  location: (string | undefined)[],
): Promise<void> {
  await expect(marked(root, 'page')).toEqual([]);
  await expect(marked(root, 'true')).toEqual([current]);
  await expect(marked(root, 'location')).toEqual(location);
}

const meta = {
  title: 'Widgets/Category menu',
  component: 'portico-category-menu',
  parameters: {
    // A vertical menu's sidebar; top navigation stories put it in a wide column.
    ...inMenuSidebar,
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
  play: async ({ canvasElement }) => {
    const root = await renderedMenu(canvasElement);
    await expect(Array.from(root.querySelectorAll('[part~="link"]'), titleOf)).toEqual(
      SEED_CATEGORIES.map(({ title }) => title),
    );
    await expectCurrent(root, SEED_CATEGORIES[0]?.title, []);
  },
};

/** The seed's categories, top navigation. */
export const Horizontal: Story = {
  args: { categories: SEED_CATEGORIES, orientation: 'horizontal', current: SEED_CATEGORIES[0]?.url },
  parameters: inWideColumn,
  play: async ({ canvasElement }) => {
    const root = await renderedMenu(canvasElement);
    await expectCurrent(root, SEED_CATEGORIES[0]?.title, []);
  },
};

/** Many (sample tree around the seed's categories): the current category's branch open, article counts shown. */
export const Many: Story = {
  args: { categories: SAMPLE_TREE, current: 'mau-cuoc-van-dong', 'show-counts': true },
  play: async ({ canvasElement }) => {
    const root = await renderedMenu(canvasElement);
    const [page, ...ancestors] = CURRENT_BRANCH;
    await expectCurrent(root, page, ancestors.reverse());
    // The current branch is open, and only it.
    const open = Array.from(root.querySelectorAll('[part~="toggle"][aria-expanded="true"]'), (toggle) =>
      titleOf(toggle.parentElement?.querySelector('[part~="link"]') ?? toggle),
    );
    await expect(open).toEqual(CURRENT_BRANCH.slice(1).reverse());
    await expect(linkTitled(root, page).checkVisibility()).toBe(true);
  },
};

/** Many, as top navigation in a wide column: submenus open on click, Enter or Space, one at a time. */
export const ManyHorizontal: Story = {
  args: { categories: SAMPLE_TREE, orientation: 'horizontal', current: 'mau-cuoc-van-dong' },
  parameters: inWideColumn,
  play: async ({ canvasElement }) => {
    const root = await renderedMenu(canvasElement);
    const [page, ...ancestors] = CURRENT_BRANCH;
    await expectCurrent(root, page, ancestors.reverse());
    // Top navigation starts with every submenu closed; the top-level ancestor shows the way.
    await expect(root.querySelector('[part~="toggle"][aria-expanded="true"]')).toBeNull();
    await expect(linkTitled(root, CURRENT_BRANCH.at(-1)).checkVisibility()).toBe(true);
  },
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

/**
 * The keyboard path through the sidebar tree: Tab reaches a toggle, Enter and Space open and
 * close its submenu, Tab goes on into the links inside; Up, Down, Home and End move between the
 * items of one level; Escape closes the submenu around the focus and returns focus to its toggle.
 * (Tab is the browser's own: the test moves focus to the next shown link or button.)
 */
export const VerticalKeyboard: Story = {
  args: { categories: SAMPLE_TREE },
  parameters: inSidebar,
  play: async ({ canvasElement, step }) => {
    const root = await renderedMenu(canvasElement);
    const [first, second] = SAMPLE_TREE;
    const firstLink = linkTitled(root, first?.title);
    const toggle = toggleOf(firstLink);
    const submenu = root.querySelector<HTMLElement>(`#${toggle?.getAttribute('aria-controls') ?? ''}`);
    const subLinks = Array.from(submenu?.querySelectorAll<HTMLElement>(':scope > li > div > a') ?? []);
    await expect(subLinks.map(titleOf)).toEqual(first?.children?.map(({ title }) => title));

    await step('Tab goes from a link to its toggle', async () => {
      await expect(toggle?.getAttribute('aria-expanded')).toBe('false');
      await expect(submenu?.checkVisibility()).toBe(false);
      firstLink.focus();
      tab(root);
      await expect(root.activeElement).toBe(toggle);
    });

    await step('Enter opens the submenu, and Tab reaches the links inside', async () => {
      await userEvent.keyboard('{Enter}');
      await waitFor(async () => {
        await expect(toggle?.getAttribute('aria-expanded')).toBe('true');
        await expect(submenu?.checkVisibility()).toBe(true);
      });
      tab(root);
      await expect(root.activeElement).toBe(subLinks[0]);
      tab(root);
      await expect(root.activeElement).toBe(subLinks[1]);
    });

    await step('Up, Down, Home and End move within the submenu', async () => {
      await userEvent.keyboard('{ArrowDown}');
      await expect(root.activeElement).toBe(subLinks[2]);
      await userEvent.keyboard('{Home}');
      await expect(root.activeElement).toBe(subLinks[0]);
      await userEvent.keyboard('{End}');
      await expect(root.activeElement).toBe(subLinks.at(-1));
      await userEvent.keyboard('{ArrowUp}');
      await expect(root.activeElement).toBe(subLinks.at(-2));
    });

    await step('Escape closes the submenu and returns focus to its toggle', async () => {
      await userEvent.keyboard('{Escape}');
      await waitFor(async () => {
        await expect(toggle?.getAttribute('aria-expanded')).toBe('false');
        await expect(submenu?.checkVisibility()).toBe(false);
      });
      await expect(root.activeElement).toBe(toggle);
    });

    await step('Space opens it again; Down from the toggle goes to the next top-level item', async () => {
      await userEvent.keyboard(' ');
      await waitFor(async () => {
        await expect(toggle?.getAttribute('aria-expanded')).toBe('true');
      });
      await userEvent.keyboard('{ArrowDown}');
      await expect(root.activeElement).toBe(linkTitled(root, second?.title));
      await userEvent.keyboard('{ArrowUp}');
      await expect(root.activeElement).toBe(firstLink);
    });
  },
};

/** Top navigation narrower than `collapse-below`: folded behind a menu button (a 200 px column). */
export const FoldedBehindMenuButton: Story = {
  args: { categories: SAMPLE_TREE, orientation: 'horizontal', 'collapse-below': 720 },
  parameters: inSidebar,
  play: async ({ canvasElement, step }) => {
    const root = menuRoot(canvasElement);
    const button = await waitFor(async () => {
      const found = root.querySelector<HTMLButtonElement>('[part~="menu-button"]');
      await expect(found).not.toBeNull();
      return present(found, 'menu button');
    });
    const menu = root.querySelector<HTMLElement>('#menu');
    await expect(button.getAttribute('aria-expanded')).toBe('false');
    await expect(menu?.checkVisibility()).toBe(false);

    await step('The menu button opens the menu', async () => {
      await userEvent.click(button);
      await waitFor(async () => {
        await expect(button.getAttribute('aria-expanded')).toBe('true');
        await expect(menu?.checkVisibility()).toBe(true);
      });
    });

    await step('Escape closes it and leaves focus on the menu button', async () => {
      await userEvent.keyboard('{Escape}');
      await waitFor(async () => {
        await expect(button.getAttribute('aria-expanded')).toBe('false');
        await expect(menu?.checkVisibility()).toBe(false);
      });
      await expect(root.activeElement).toBe(button);
    });

    await step('Escape from a link inside closes it and returns focus to the menu button', async () => {
      await userEvent.click(button);
      await waitFor(async () => {
        await expect(button.getAttribute('aria-expanded')).toBe('true');
      });
      linkTitled(root, SAMPLE_TREE[0]?.title).focus();
      await userEvent.keyboard('{Escape}');
      await waitFor(async () => {
        await expect(button.getAttribute('aria-expanded')).toBe('false');
      });
      await expect(root.activeElement).toBe(button);
    });
  },
};

/** `max-depth="1"`: the top level only. */
export const TopLevelOnly: Story = { args: { categories: SAMPLE_TREE, 'max-depth': 1 } };

/** A tree five levels deep, its fifth-level category current: the whole branch open, every ancestor marked. */
export const DeepTree: Story = {
  args: { categories: DEEP_TREE, current: 'mau-kien-an' },
  parameters: inSidebar,
  play: async ({ canvasElement }) => {
    const root = await renderedMenu(canvasElement);
    const [page, ...ancestors] = DEEP_BRANCH;
    await expectCurrent(root, page, ancestors.reverse());
    await expect(linkTitled(root, page).checkVisibility()).toBe(true);
    // Five levels: the list, then four submenus, one inside the other.
    await expect(
      root.querySelector('[part~="list"] [part~="submenu"] [part~="submenu"] [part~="submenu"] [part~="submenu"]'),
    ).not.toBeNull();
    await expectWithinColumn(canvasElement, root);
  },
};

/**
 * The same tree as top navigation in a wide column, its fifth-level category current: every
 * submenu starts closed, with the top-level ancestor marked; opened level by level, the
 * submenus nest down to the current category and stay on the screen.
 */
export const DeepTreeHorizontal: Story = {
  args: { categories: DEEP_TREE, orientation: 'horizontal', current: 'mau-kien-an' },
  parameters: inWideColumn,
  play: async ({ canvasElement, step }) => {
    const root = await renderedMenu(canvasElement);
    const [page, ...ancestors] = DEEP_BRANCH;
    await expectCurrent(root, page, [...ancestors].reverse());
    await step('Every submenu starts closed; the top-level ancestor shows the way', async () => {
      await expect(root.querySelector('[part~="toggle"][aria-expanded="true"]')).toBeNull();
      await expect(linkTitled(root, DEEP_BRANCH.at(-1)).checkVisibility()).toBe(true);
      await expect(linkTitled(root, page).checkVisibility()).toBe(false);
    });
    await step('Opened level by level down to the current category, inside the viewport', async () => {
      for (const title of [...ancestors].reverse()) {
        const toggle = present(toggleOf(linkTitled(root, title)), `toggle of ${title}`);
        await userEvent.click(toggle);
        await waitFor(async () => {
          await expect(toggle.getAttribute('aria-expanded')).toBe('true');
        });
      }
      await waitFor(async () => {
        await expect(linkTitled(root, page).checkVisibility()).toBe(true);
      });
      await expectWithinViewport(root);
      await userEvent.keyboard('{Escape}');
    });
  },
};

/** The same tree with `max-depth="2"`: two levels; the deeper ones are not shown. */
export const MaxDepthTwo: Story = {
  args: { categories: DEEP_TREE, 'max-depth': 2 },
  play: async ({ canvasElement, step }) => {
    const root = await renderedMenu(canvasElement);
    const [top] = DEEP_TREE;
    const second = top?.children?.[0];
    await step('Only the top level and its subcategories are in the menu', async () => {
      await expect(root.querySelector('[part~="submenu"] [part~="submenu"]')).toBeNull();
      await expect(Array.from(root.querySelectorAll('[part~="link"]'), titleOf)).toEqual([
        top?.title,
        ...(top?.children?.map(({ title }) => title) ?? []),
        DEEP_TREE[1]?.title,
      ]);
      for (const title of DEEP_BRANCH.slice(0, 3)) await expect(root.textContent).not.toContain(title);
    });
    await step('The second level opens, without toggles of its own', async () => {
      const toggle = present(toggleOf(linkTitled(root, top?.title)), 'toggle');
      await userEvent.click(toggle);
      await waitFor(async () => {
        await expect(toggle.getAttribute('aria-expanded')).toBe('true');
        await expect(linkTitled(root, second?.title).checkVisibility()).toBe(true);
      });
      await expect(toggleOf(linkTitled(root, second?.title))).toBeNull();
    });
  },
};

/** One category. */
export const One: Story = { args: { categories: SEED_CATEGORIES.slice(0, 1) } };

/** No categories at all: the menu says there is nothing yet. */
export const Empty: Story = { args: { categories: [] } };

/** The seed's categories from a data source (`getCategories`). */
export const FromSource: Story = {
  args: { source: 'menu-seed', current: SEED_CATEGORIES[1]?.url },
  beforeEach: withData('menu-seed', { categories: SEED_CATEGORIES }),
  play: async ({ canvasElement }) => {
    const root = await renderedMenu(canvasElement);
    await expectCurrent(root, SEED_CATEGORIES[1]?.title, []);
  },
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

/** Top navigation waiting for the source: one line, as tall as its row of links will be. */
export const LoadingHorizontal: Story = {
  args: { source: 'menu-loading-horizontal', orientation: 'horizontal' },
  beforeEach: withLoadingSource('menu-loading-horizontal'),
  parameters: inWideColumn,
};

/** Top navigation whose source failed, with no markup to fall back on. */
export const FailedHorizontal: Story = {
  args: { source: 'menu-failed-horizontal', orientation: 'horizontal' },
  beforeEach: withFailingSource('menu-failed-horizontal'),
  parameters: inWideColumn,
};

/** Top navigation with no categories at all: the menu says there is nothing yet. */
export const EmptyHorizontal: Story = {
  args: { categories: [], orientation: 'horizontal' },
  parameters: inWideColumn,
};

/** The source answered with no categories: the menu says there is nothing yet. */
export const EmptyFromSource: Story = {
  args: { source: 'menu-empty' },
  beforeEach: withData('menu-empty', { categories: [] }),
};

/** The source failed: the categories the server printed stay (out of date, but there). */
export const FailedOverServerMarkup: Story = {
  args: { source: 'menu-failed-markup' },
  beforeEach: withFailingSource('menu-failed-markup'),
  parameters: withMarkup(SEED_MARKUP),
};

/** The list of links the CMS prints, read and enhanced (no script-side data). */
export const ServerMarkup: Story = { parameters: withMarkup(SEED_MARKUP) };

/**
 * Joomla 3's categories module markup, read as it is: links inside headings, counts from
 * `data-count`. The heading-only links to `#` are shown but never marked current, though they
 * point at the page they are on.
 */
export const Joomla3Markup: Story = {
  args: { 'show-counts': true },
  parameters: withMarkup(JOOMLA3_MARKUP, 'sidebar'),
  play: async ({ canvasElement }) => {
    const root = await renderedMenu(canvasElement);
    const links = Array.from(root.querySelectorAll('[part~="link"]'), (link) => [
      titleOf(link),
      link.getAttribute('href'),
    ]);
    await expect(links).toEqual(JOOMLA3_LINKS);
    await expect(root.querySelector('[part~="count"]')?.textContent).toBe('(12)');
    // No `current`: the page's own address, which `#` resolves to, picks nothing.
    await expect(root.querySelector('[aria-current]')).toBeNull();
    await expect(Array.from(root.querySelectorAll('[part~="toggle"]'), (toggle) => toggle.ariaExpanded)).toEqual([
      'false',
      'false',
    ]);
  },
};

/**
 * Joomla 3's menu module (`mod_menu`) printed inside the tag: the item Joomla marked `current`
 * is the current category (here the section an article's page is in: `aria-current="true"`),
 * a separator stays text, an image item is named by its alt text, and "open in a new window"
 * is kept and said.
 */
export const JoomlaMenuModuleMarkup: Story = {
  parameters: withMarkup(
    `<ul class="nav menu mod-list">
      <li class="item-101 default"><a href="/">Trang chủ</a></li>
      <li class="item-102 current active"><a href="/tin-tuc">Tin tức</a></li>
      <li class="item-105 divider"><span class="separator">Liên kết</span></li>
      <li class="item-106"><a href="https://dangcongsan.vn/" target="_blank" rel="noopener noreferrer">Báo Điện tử Đảng Cộng sản</a></li>
    </ul>`,
    'sidebar',
  ),
  play: async ({ canvasElement }) => {
    const root = await renderedMenu(canvasElement);
    await expectCurrent(root, 'Tin tức', []);
    const separator = Array.from(root.querySelectorAll('[part~="link"]')).find((link) => titleOf(link) === 'Liên kết');
    await expect(separator?.hasAttribute('href')).toBe(false);
    const external = Array.from(root.querySelectorAll('[part~="link"]')).find(
      (link) => titleOf(link) === 'Báo Điện tử Đảng Cộng sản',
    );
    await expect(external?.getAttribute('target')).toBe('_blank');
  },
};

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
 * Very long Vietnamese titles as top navigation in a wide column: the row wraps, long titles
 * wrap within it, and an open submenu stays on the screen. On a narrow screen (320 px) the
 * submenu may be wider than the column (it keeps a readable width), but never wider than the
 * viewport: the page does not scroll sideways.
 */
export const LongVietnameseHorizontal: Story = {
  args: {
    ...LongVietnameseText.args,
    orientation: 'horizontal',
  },
  parameters: inWideColumn,
  play: async ({ canvasElement, step }) => {
    const root = await renderedMenu(canvasElement);
    await step('The top row wraps inside the column', async () => {
      await expectWithinColumn(canvasElement, root);
      const rows = new Set(
        Array.from(root.querySelectorAll('[part~="list"] > li'), (item) =>
          Math.round(item.getBoundingClientRect().top),
        ),
      );
      await expect(rows.size).toBeGreaterThan(1);
    });
    await step('An open submenu stays inside the viewport: the page does not scroll sideways', async () => {
      const toggle = present(root.querySelector<HTMLButtonElement>('[part~="list"] > li [part~="toggle"]'), 'toggle');
      await userEvent.click(toggle);
      await waitFor(async () => {
        await expect(toggle.getAttribute('aria-expanded')).toBe('true');
      });
      await expectWithinViewport(root);
    });
  },
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

/** `label`: the navigation's accessible name; without it, `Chuyên mục` / `Categories`. */
export const Labelled: Story = {
  args: { categories: SEED_CATEGORIES, label: 'Chuyên mục tin bài' },
  play: async ({ canvasElement, step }) => {
    const root = await renderedMenu(canvasElement);
    const nav = root.querySelector('nav');
    await step('The navigation is named by `label`', async () => {
      await expect(nav?.getAttribute('aria-label')).toBe('Chuyên mục tin bài');
    });
    await step('Without it, the default name in the page’s language', async () => {
      const menu = root.host;
      const lang = menu.closest<HTMLElement>('[lang]')?.lang;
      menu.removeAttribute('label');
      await waitFor(async () => {
        await expect(nav?.getAttribute('aria-label')).toBe(lang === 'vi' ? 'Chuyên mục' : 'Categories');
      });
      menu.setAttribute('label', 'Chuyên mục tin bài');
    });
  },
};
