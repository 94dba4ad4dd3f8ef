import '@portico/article-card';
import '@portico/category-menu';
import '@portico/online-visitors';
import '@portico/sidebar-banners';
import '@portico/view-counter';
import { html } from 'lit';
import { expect, partOf, seed, seedArticle, waitFor, withData, type Meta, type StoryObj } from './kit/index.js';
import { THEME_CSS } from './theming.js';

const SOURCE = 'theming-seed';

/** The accent of the theme above, as `getComputedStyle` gives it, in each colour scheme. */
const ACCENT = { light: 'rgb(138, 28, 28)', dark: 'rgb(255, 155, 155)' } as const;

/** Whether the story root is dark: the toolbar's theme, or the system's when it is `system`. */
function isDark(theme: unknown): boolean {
  if (theme === 'dark') return true;
  return theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

const category = seed.categories.find(({ id }) => id === seedArticle.categoryId);

const meta = {
  title: 'Pages/Theming',
  beforeEach: withData(SOURCE, seed),
  render: () => html`
    <style>
      ${THEME_CSS}
    </style>
    <style>
      .themed {
        display: grid;
        gap: 1.5rem;
        grid-template-columns: 200px minmax(0, 1fr) 200px;
        align-items: start;
      }
      .themed > portico-category-menu {
        grid-column: 1 / -1;
      }
      .themed > aside {
        display: grid;
        gap: 1rem;
      }
    </style>
    <div class="themed">
      <portico-category-menu
        source=${SOURCE}
        orientation="horizontal"
        current=${category?.url ?? ''}
      ></portico-category-menu>
      <aside aria-label="Thông tin truy cập">
        <portico-online-visitors source=${SOURCE} heading-level="2"></portico-online-visitors>
      </aside>
      <main>
        <portico-article-card source=${SOURCE} article-id=${seedArticle.id} variant="featured"></portico-article-card>
      </main>
      <aside aria-label="Liên kết và thống kê">
        <portico-sidebar-banners source=${SOURCE} position="sidebar"></portico-sidebar-banners>
        <portico-view-counter source=${SOURCE} digits="tiles" heading-level="2"></portico-view-counter>
      </aside>
    </div>
  `,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/**
 * A themed portal: a dark red accent (light red in dark mode), square corners and a serif
 * font for every widget; the view counter's digits as accent tiles and the article title
 * underlined, through their parts.
 */
export const Theming: Story = {
  play: async ({ canvasElement, globals, step }) => {
    await waitFor(async () => {
      for (const tag of [
        'portico-category-menu',
        'portico-online-visitors',
        'portico-article-card',
        'portico-sidebar-banners',
        'portico-view-counter',
      ]) {
        await expect(canvasElement.querySelector(tag)?.shadowRoot?.childElementCount, tag).toBeGreaterThan(0);
      }
      await expect(partOf(canvasElement, 'portico-view-counter', 'digit')).not.toBeNull();
      await expect(partOf(canvasElement, 'portico-article-card', 'title')).not.toBeNull();
    });
    const accent = isDark(globals.theme) ? ACCENT.dark : ACCENT.light;

    await step('shared tokens reach every widget', async () => {
      for (const tag of ['portico-online-visitors', 'portico-view-counter', 'portico-sidebar-banners']) {
        const widget = canvasElement.querySelector(tag);
        if (!widget) throw new Error(`no ${tag}`);
        const style = getComputedStyle(widget);
        await expect(style.fontFamily, tag).toMatch(/^Georgia\b/);
      }
      const box = canvasElement.querySelector('portico-online-visitors');
      if (!box) throw new Error('no portico-online-visitors');
      await expect(getComputedStyle(box).borderTopLeftRadius).toBe('0px');
    });

    await step('the view counter’s digit part: an accent tile in the current scheme', async () => {
      const digit = partOf(canvasElement, 'portico-view-counter', 'digit');
      if (!digit) throw new Error('no digit part');
      const style = getComputedStyle(digit);
      await expect(style.backgroundColor).toBe(accent);
      await expect(style.borderTopLeftRadius).toBe('0px');
      await expect(style.boxShadow).not.toBe('none');
    });

    await step('the article card’s title part: accent colour and rule, small caps', async () => {
      const title = partOf(canvasElement, 'portico-article-card', 'title');
      if (!title) throw new Error('no title part');
      const style = getComputedStyle(title);
      await expect(style.color).toBe(accent);
      await expect(style.borderBottomColor).toBe(accent);
      await expect(style.borderBottomWidth).toBe('2px');
      await expect(style.fontVariantCaps).toBe('small-caps');
    });
  },
};
