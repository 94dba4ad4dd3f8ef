import '@portico/article-card';
import '@portico/category-menu';
import '@portico/online-visitors';
import '@portico/sidebar-banners';
import '@portico/view-counter';
import { html } from 'lit';
import {
  expect,
  localeOf,
  partOf,
  seed,
  seedArticle,
  seedShownIn,
  shown,
  waitFor,
  withData,
  type Meta,
  type StoryObj,
} from './kit/index.js';

const SOURCE = 'portal-seed';

/** The text of a part inside the first `tag` of the page. */
function partText(canvasElement: HTMLElement, tag: string, part: string): string {
  return shown(partOf(canvasElement, tag, part));
}

const category = seed.categories.find(({ id }) => id === seedArticle.categoryId);

const meta = {
  title: 'Pages/Portal',
  parameters: {
    docs: {
      subtitle:
        'The seed portal page composed from the five widgets, fed by one data source holding the seed’s content.',
    },
  },
  beforeEach: withData(SOURCE, seed),
  render: () => html`
    <style>
      .portal {
        display: grid;
        gap: 1.5rem;
        grid-template-areas: 'header' 'main' 'start' 'end';
      }
      .portal > header {
        grid-area: header;
        display: grid;
        gap: 0.5rem;
        padding-block-end: 1rem;
        border-block-end: 1px solid color-mix(in srgb, CanvasText 20%, transparent);
      }
      .portal .site-name {
        margin: 0;
        font-size: 1.5rem;
        font-weight: 700;
      }
      .portal > main {
        grid-area: main;
        min-inline-size: 0;
      }
      .portal .category {
        margin: 0 0 0.75rem;
        color: color-mix(in srgb, CanvasText 75%, Canvas);
        font-weight: 600;
      }
      .portal > aside {
        display: grid;
        gap: 1rem;
        align-content: start;
      }
      .portal > .start {
        grid-area: start;
      }
      .portal > .end {
        grid-area: end;
      }
      @media (min-width: 60rem) {
        .portal {
          grid-template-columns: 200px minmax(0, 1fr) 200px;
          grid-template-areas: 'header header header' 'start main end';
        }
      }
    </style>
    <div class="portal">
      <header>
        <p class="site-name">${seed.site.name}</p>
        <portico-category-menu
          source=${SOURCE}
          orientation="horizontal"
          collapse-below="720"
          current=${category?.url ?? ''}
        ></portico-category-menu>
      </header>
      <aside class="start" aria-label="Thông tin truy cập">
        <portico-online-visitors source=${SOURCE} heading-level="2"></portico-online-visitors>
      </aside>
      <main>
        <p class="category">${category?.title}</p>
        <portico-article-card source=${SOURCE} article-id=${seedArticle.id} variant="full"></portico-article-card>
      </main>
      <aside class="end" aria-label="Liên kết và thống kê">
        <portico-sidebar-banners source=${SOURCE} position="sidebar"></portico-sidebar-banners>
        <portico-view-counter source=${SOURCE} grouping="off" heading-level="2"></portico-view-counter>
      </aside>
    </div>
  `,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/**
 * The seed page: the category menu, the visitors box, the article in full, the banners and
 * the view hits, each showing the seed's exact texts in Vietnamese.
 */
export const Portal: Story = {
  play: async ({ canvasElement, globals }) => {
    // The seed page is in Vietnamese: its exact texts; in English, the en phrases and Intl's.
    const expected = seedShownIn(localeOf(globals));
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
      await expect(partText(canvasElement, 'portico-view-counter', 'number')).toBe(expected.viewsText);
      await expect(partText(canvasElement, 'portico-article-card', 'authors')).not.toBe('');
    });
    await expect(partText(canvasElement, 'portico-article-card', 'authors')).toBe(expected.articleAuthors);
    await expect(partText(canvasElement, 'portico-online-visitors', 'count')).toBe(expected.visitorsText);
    await expect(partText(canvasElement, 'portico-online-visitors', 'heading')).toBe(expected.visitorsTitle);
    await expect(partText(canvasElement, 'portico-view-counter', 'heading')).toBe(expected.viewsTitle);
    await expect(partText(canvasElement, 'portico-article-card', 'date')).toBe(expected.articleDate);
  },
};
