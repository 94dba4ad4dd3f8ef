import type { Article } from '@portico/core';
import {
  expect,
  inContentColumn,
  inSidebar,
  inWideColumn,
  localeOf,
  LONG_VIETNAMESE,
  sample,
  sampleArticles,
  sampleFullArticle,
  sampleImage,
  seed,
  seedArticle,
  seedShownIn,
  waitFor,
  withData,
  withFailingSource,
  withLoadingSource,
  withMarkup,
  type Decorator,
  type Meta,
  type StoryContext,
  type StoryObj,
} from '@portico/storybook/kit';
import { html, nothing } from 'lit';
import type { ArticleCardVariant } from './article-card.js';
import './index.js';

const SAMPLE_ARTICLES = sampleArticles(8);
const [SAMPLE_WITH_IMAGE = sampleFullArticle()] = SAMPLE_ARTICLES;
const FULL_SAMPLE = sampleFullArticle();
/** The full sample without its byline: the article names no author. */
const { authors: _fullSampleAuthors, ...FULL_WITHOUT_AUTHORS } = FULL_SAMPLE;
/** Five authors, some with long names (samples). */
const MANY_AUTHORS = [...LONG_VIETNAMESE.authors];

function partText(canvasElement: HTMLElement, part: string): string {
  const widget = canvasElement.querySelector('portico-article-card');
  return widget?.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent.replace(/\s+/g, ' ').trim() ?? '';
}

/** The shadow root's element of `part`, in the story's (first) card. */
function partOf(canvasElement: HTMLElement, part: string): Element | null {
  return canvasElement.querySelector('portico-article-card')?.shadowRoot?.querySelector(`[part~="${part}"]`) ?? null;
}

/** What each state says, per locale (the phrases of `@portico/core`). */
const STATE_TEXT = {
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  unavailable: { vi: 'Không tải được nội dung', en: 'This content could not be loaded' },
  notFound: { vi: 'Không tìm thấy nội dung này', en: 'This content was not found' },
  empty: { vi: 'Chưa có nội dung', en: 'Nothing to show yet' },
} as const;

/**
 * A play that waits for a state note: its text in the toolbar's locale, `role="status"`, and
 * `aria-busy` true only while loading.
 */
function expectStateNote(part: 'loading' | 'empty', text: keyof typeof STATE_TEXT): NonNullable<Story['play']> {
  return async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      await expect(partText(canvasElement, part)).toBe(STATE_TEXT[text][localeOf(globals)]);
    });
    const note = partOf(canvasElement, part);
    await expect(note).toHaveAttribute('role', 'status');
    await expect(note).toHaveAttribute('aria-busy', String(part === 'loading'));
  };
}

/** The `variant` arg, when the story sets one (the default, `featured`, otherwise). */
function variantArg(variant: ArticleCardVariant | undefined): { variant?: ArticleCardVariant } {
  return variant ? { variant } : {};
}

/** Waiting for the source's answer, as `variant` shows it. */
function loadingStory(variant?: ArticleCardVariant): Story {
  const name = `card-loading${variant ? `-${variant}` : ''}`;
  return {
    args: { source: name, 'article-id': seedArticle.id, ...variantArg(variant) },
    beforeEach: withLoadingSource(name),
    play: expectStateNote('loading', 'loading'),
  };
}

/** The source failed, with no markup to fall back on. */
function failedStory(variant?: ArticleCardVariant): Story {
  const name = `card-failed${variant ? `-${variant}` : ''}`;
  return {
    args: { source: name, 'article-id': seedArticle.id, ...variantArg(variant) },
    beforeEach: withFailingSource(name),
    play: expectStateNote('empty', 'unavailable'),
  };
}

/** The source has no article of that id (`not-found`). */
function notFoundStory(variant?: ArticleCardVariant): Story {
  const name = `card-not-found${variant ? `-${variant}` : ''}`;
  return {
    args: { source: name, 'article-id': 'khong-co-bai-nay', ...variantArg(variant) },
    beforeEach: withData(name, { articles: [seedArticle] }),
    play: expectStateNote('empty', 'notFound'),
  };
}

/** No article at all. */
function emptyStory(variant?: ArticleCardVariant): Story {
  return { args: variantArg(variant), play: expectStateNote('empty', 'empty') };
}

/**
 * Waits for the card's title, then checks that nothing is wider than the story's column:
 * neither the column, nor any card's box, nor anything inside a card.
 */
async function expectNothingOverflows(canvasElement: HTMLElement): Promise<void> {
  await waitFor(async () => {
    await expect(partText(canvasElement, 'title')).not.toBe('');
  });
  const column = canvasElement.querySelector<HTMLElement>('.portico-story-column');
  await expect(column).not.toBeNull();
  if (!column) return;
  await expect(column.scrollWidth).toBeLessThanOrEqual(column.clientWidth);
  const right = column.getBoundingClientRect().right;
  for (const card of column.querySelectorAll('portico-article-card')) {
    const box = card.shadowRoot?.querySelector<HTMLElement>('[part~="article"]');
    await expect(box).toBeTruthy();
    if (!box) continue;
    await expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    for (const element of box.querySelectorAll('*')) {
      await expect(element.getBoundingClientRect().right).toBeLessThanOrEqual(right + 0.5);
    }
  }
}

/** A string or number arg, as an attribute value; `nothing` when the story leaves it unset. */
function attributeArg(args: StoryContext['args'], name: string): string | typeof nothing {
  const value: unknown = args[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : nothing;
}

/** The controls of the stories that show many cards: the args their render passes to each. */
const CARD_LIST_CONTROLS = {
  include: ['variant', 'heading-level', 'lead-lines', 'reading-time', 'time-zone', 'lang'],
};

/**
 * Renders one card per article, with the story's attribute args. `lang` only when given (the
 * control maps `unset` to no value), as the single-card stories do: else each card follows the
 * story root's (the toolbar's locale).
 */
function renderCards(articles: readonly Article[], args: StoryContext['args']): ReturnType<typeof html> {
  return html`${articles.map(
    (article) =>
      html`<portico-article-card
        lang=${attributeArg(args, 'lang')}
        variant=${attributeArg(args, 'variant')}
        heading-level=${attributeArg(args, 'heading-level')}
        lead-lines=${attributeArg(args, 'lead-lines')}
        time-zone=${attributeArg(args, 'time-zone')}
        ?reading-time=${args['reading-time'] === true}
        .article=${article}
      ></portico-article-card>`,
  )}`;
}

/** A page (or a part of one) in a language: the widget's interface follows the closest `lang`. */
function inLanguage(lang: string): Decorator {
  return (story) => html`<div lang=${lang}>${story()}</div>`;
}

/** The seed article as a CMS template prints it (the package README's markup). */
const SEED_MARKUP = `<article>
  <h1>${seedArticle.title}</h1>
  <time datetime="${seedArticle.published}">${seed.shown.articleDate}</time>
  <p data-lead data-source="${seedArticle.source ?? ''}">${seed.shown.leadPrefix}${seedArticle.lead ?? ''}</p>
  <div data-body>${seedArticle.body ?? ''}</div>
  <p data-authors>${seed.shown.articleAuthors}</p>
</article>`;

const meta = {
  title: 'Widgets/Article card',
  component: 'portico-article-card',
  parameters: {
    // An article's column on a portal page; a story puts the card in a sidebar or a wider column.
    ...inContentColumn,
    docs: {
      subtitle: 'One article: in full as an article page shows it, or as a featured, list or compact card.',
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/**
 * The seed page's article in full: title, `25/8/2020`, the lead after its source tag
 * `(TUAG)- `, the sanitized body and the byline `Thúy Vân, Bá Siêu`.
 */
export const Seed: Story = {
  args: { variant: 'full', article: seedArticle },
  parameters: inWideColumn,
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      await expect(partText(canvasElement, 'authors')).not.toBe('');
    });
    await expect(partText(canvasElement, 'source')).toBe(seed.shown.leadPrefix.trim());
    // The seed page is in Vietnamese: its exact date and byline; in English, Intl's.
    const expected = seedShownIn(localeOf(globals));
    await expect(partText(canvasElement, 'date')).toBe(expected.articleDate);
    await expect(partText(canvasElement, 'authors')).toBe(expected.articleAuthors);
  },
};

/** `featured` (the default): the image above the title; a sample article with an image and views. */
export const Featured: Story = { args: { article: SAMPLE_WITH_IMAGE } };

/** `featured` without an image: laid out without one (the seed article has none). */
export const FeaturedWithoutImage: Story = { args: { article: seedArticle } };

/** `list`: a thumbnail beside the title, date, views and a lead clamped to `lead-lines`. */
export const List: Story = { args: { variant: 'list', article: SAMPLE_WITH_IMAGE } };

/** `compact`: the title and date only. */
export const Compact: Story = { args: { variant: 'compact', article: seedArticle } };

/** `full` with every field (a sample): image, views, reading time, a body with a heading, a list and a link. */
export const FullWithEverything: Story = {
  args: { variant: 'full', article: FULL_SAMPLE, 'reading-time': true },
  parameters: inWideColumn,
};

/** `full` of an article without authors: no byline, and nothing left in its place. */
export const FullWithoutAuthors: Story = {
  args: { variant: 'full', article: FULL_WITHOUT_AUTHORS },
  parameters: inWideColumn,
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(partOf(canvasElement, 'body')).toBeTruthy();
    });
    await expect(partOf(canvasElement, 'byline')).toBeNull();
    await expect(partOf(canvasElement, 'authors')).toBeNull();
    await expect(partText(canvasElement, 'title')).toBe(FULL_SAMPLE.title);
  },
};

/**
 * `full` with five authors, some with long Vietnamese names: the byline wraps in the column,
 * the names joined as the toolbar's locale writes them (`A, B, C` in vi, `A, B, and C` in en).
 */
export const FullWithManyAuthors: Story = {
  args: { variant: 'full', article: { ...FULL_SAMPLE, authors: MANY_AUTHORS } },
  parameters: inWideColumn,
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      await expect(partText(canvasElement, 'authors')).not.toBe('');
    });
    const last = MANY_AUTHORS.at(-1) ?? '';
    const others = MANY_AUTHORS.slice(0, -1).join(', ');
    await expect(partText(canvasElement, 'authors')).toBe(
      localeOf(globals) === 'en' ? `${others}, and ${last}` : `${others}, ${last}`,
    );
    await expectNothingOverflows(canvasElement);
  },
};

/** `reading-time`: the estimated reading time on the date line. */
export const ReadingTime: Story = { args: { variant: 'list', article: SAMPLE_WITH_IMAGE, 'reading-time': true } };

/** `lead-lines="2"`: a list card's lead cut after two lines. */
export const TwoLeadLines: Story = {
  args: { variant: 'list', 'lead-lines': 2, article: { ...SAMPLE_WITH_IMAGE, lead: LONG_VIETNAMESE.lead } },
};

/** No views yet (`views: 0`). */
export const ZeroViews: Story = { args: { variant: 'list', article: { ...seedArticle, views: 0 } } };

/** One view. */
export const OneView: Story = { args: { variant: 'list', article: { ...seedArticle, views: 1 } } };

/** Many views, beyond 2^53 (`views: "123456789012345678901"`). */
export const ManyViews: Story = {
  args: { variant: 'list', article: { ...seedArticle, views: '123456789012345678901' } },
};

/**
 * Many cards: a category page's list of sample articles (with and without images). The
 * controls (`variant`, `heading-level`, …) apply to every card.
 */
export const ManyCards: Story = {
  args: { variant: 'list' },
  render: (args) => html`<div style="display: grid; gap: 1.25rem">${renderCards(SAMPLE_ARTICLES, args)}</div>`,
  parameters: { ...inWideColumn, controls: CARD_LIST_CONTROLS },
  play: async ({ canvasElement }) => {
    const cards = canvasElement.querySelectorAll('portico-article-card');
    await expect(cards).toHaveLength(SAMPLE_ARTICLES.length);
    for (const card of cards) await expect(card).toHaveAttribute('variant', 'list');
  },
};

/** A front page's grid of featured cards (samples); the controls apply to every card. */
export const FeaturedGrid: Story = {
  args: { variant: 'featured' },
  render: (args) =>
    html`<div style="display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr))">
      ${renderCards(SAMPLE_ARTICLES.slice(0, 6), args)}
    </div>`,
  parameters: { ...inWideColumn, controls: CARD_LIST_CONTROLS },
};

/** No article at all: the card says there is nothing yet. */
export const Empty: Story = emptyStory();

/** `list` with no article at all. */
export const EmptyList: Story = emptyStory('list');

/** `compact` with no article at all. */
export const EmptyCompact: Story = emptyStory('compact');

/** `full` with no article at all. */
export const EmptyFull: Story = emptyStory('full');

/** The seed article from a data source (`getArticle` with `article-id`). */
export const FromSource: Story = {
  args: { source: 'card-seed', 'article-id': seedArticle.id, variant: 'full' },
  beforeEach: withData('card-seed', { articles: [seedArticle] }),
  parameters: inWideColumn,
};

/**
 * Waiting for the source's answer: `Đang tải…` (`Loading…`), `aria-busy="true"`. The state
 * notes are the same in every variant, `full` included.
 */
export const Loading: Story = loadingStory();

/** `list`, waiting for the source's answer. */
export const LoadingList: Story = loadingStory('list');

/** `compact`, waiting for the source's answer. */
export const LoadingCompact: Story = loadingStory('compact');

/** `full` (an article page), waiting for the source's answer. */
export const LoadingFull: Story = loadingStory('full');

/** The source failed, with no markup to fall back on: `Không tải được nội dung`. */
export const Failed: Story = failedStory();

/** `list`: the source failed, with no markup to fall back on. */
export const FailedList: Story = failedStory('list');

/** `compact`: the source failed, with no markup to fall back on. */
export const FailedCompact: Story = failedStory('compact');

/** `full`: the source failed, with no markup to fall back on. */
export const FailedFull: Story = failedStory('full');

/** The source has no article of that id (`not-found`). */
export const NotFound: Story = notFoundStory();

/** `list`: the source has no article of that id. */
export const NotFoundList: Story = notFoundStory('list');

/** `compact`: the source has no article of that id. */
export const NotFoundCompact: Story = notFoundStory('compact');

/** `full`: the source has no article of that id. */
export const NotFoundFull: Story = notFoundStory('full');

/** The source failed: the article the server printed stays. */
export const FailedOverServerMarkup: Story = {
  args: { source: 'card-failed-markup', 'article-id': seedArticle.id, variant: 'full' },
  beforeEach: withFailingSource('card-failed-markup'),
  parameters: withMarkup(SEED_MARKUP, 'wide'),
};

/** The article the CMS prints, read and enhanced (no script-side data). */
export const ServerMarkup: Story = { args: { variant: 'full' }, parameters: withMarkup(SEED_MARKUP, 'wide') };

/** Very long Vietnamese title and lead, as a list card in a 200 px sidebar. */
export const LongVietnameseText: Story = {
  args: {
    variant: 'list',
    article: {
      ...SAMPLE_WITH_IMAGE,
      title: LONG_VIETNAMESE.title,
      lead: LONG_VIETNAMESE.lead,
      image: sampleImage(sample('Hội nghị sơ kết'), 640, 480, 2),
    },
  },
  parameters: inSidebar,
  play: async ({ canvasElement }) => {
    await expectNothingOverflows(canvasElement);
  },
};

/** Very long Vietnamese title as a `compact` card in a 200 px sidebar ("latest news"). */
export const LongVietnameseTextCompact: Story = {
  args: {
    variant: 'compact',
    'heading-level': 4,
    article: { ...SAMPLE_WITH_IMAGE, title: LONG_VIETNAMESE.title, lead: LONG_VIETNAMESE.lead },
  },
  parameters: inSidebar,
  play: async ({ canvasElement }) => {
    await expectNothingOverflows(canvasElement);
  },
};

/** Very long Vietnamese title and lead as a `featured` card, with its image, in a 200 px sidebar. */
export const LongVietnameseTextFeatured: Story = {
  args: {
    article: {
      ...SAMPLE_WITH_IMAGE,
      title: LONG_VIETNAMESE.title,
      lead: LONG_VIETNAMESE.lead,
      image: sampleImage(sample('Hội nghị sơ kết'), 640, 480, 2),
    },
  },
  parameters: inSidebar,
  play: async ({ canvasElement }) => {
    await expectNothingOverflows(canvasElement);
  },
};

/** Very long Vietnamese title and lead in full, in a wide column. */
export const LongVietnameseTextInFull: Story = {
  args: {
    variant: 'full',
    article: { ...FULL_SAMPLE, title: LONG_VIETNAMESE.title, lead: LONG_VIETNAMESE.lead },
  },
  parameters: inWideColumn,
  play: async ({ canvasElement }) => {
    await expectNothingOverflows(canvasElement);
  },
};

/** Compact cards in a 200 px sidebar ("latest news"); the controls apply to every card. */
export const InSidebar: Story = {
  args: { variant: 'compact', 'heading-level': 4 },
  render: (args) =>
    html`<div style="display: grid; gap: 0.75rem">${renderCards(SAMPLE_ARTICLES.slice(0, 4), args)}</div>`,
  parameters: { ...inSidebar, controls: CARD_LIST_CONTROLS },
  play: async ({ canvasElement }) => {
    await expectNothingOverflows(canvasElement);
    for (const card of canvasElement.querySelectorAll('portico-article-card')) {
      await expect(card.shadowRoot?.querySelector('h4[part~="title"]')).toBeTruthy();
    }
  },
};

/** A featured card in a wide main column. */
export const InWideColumn: Story = { args: { article: SAMPLE_WITH_IMAGE }, parameters: inWideColumn };

/** `heading-level="2"`: the title at the level the page needs. */
export const HeadingLevel: Story = { args: { 'heading-level': 2, article: seedArticle } };

/**
 * Bad data from a CMS: no title (one is made from the lead), a date that is not one, a
 * `javascript:` address (no link) and markup in the title (shown as text). Console warnings
 * name each field.
 */
export const BadData: Story = {
  args: {
    variant: 'list',
    article: {
      id: 'mau-du-lieu-xau',
      title: '',
      url: 'javascript:alert(1)',
      published: 'hôm qua',
      lead: sample('<b>Thẻ HTML</b> trong phần tóm tắt hiện ra như chữ, không thành định dạng'),
      views: 'nhiều',
    } satisfies Article,
  },
};

/**
 * An image that fails to load (here, a data address that is not an image): it is dropped,
 * with a console warning, and the card is laid out without it.
 */
export const BrokenImage: Story = {
  args: {
    variant: 'list',
    article: {
      ...SAMPLE_WITH_IMAGE,
      image: {
        src: 'data:image/png;base64,bm90IGFuIGltYWdl',
        alt: sample('Ảnh không tải được'),
        width: 640,
        height: 360,
      },
    },
  },
  play: async ({ canvasElement }) => {
    // The image's error event comes once the browser has tried to decode it: give a loaded machine time.
    await waitFor(
      async () => {
        await expect(partOf(canvasElement, 'image')).toBeNull();
      },
      { timeout: 10_000 },
    );
    await expect(partText(canvasElement, 'title')).toBe(SAMPLE_WITH_IMAGE.title);
    await expect(partOf(canvasElement, 'article')).not.toHaveClass('has-image');
  },
};

/**
 * An image without `width` and `height`: its box keeps `--portico-article-card-image-ratio`
 * (set to `4 / 3` around this story; default `16 / 9`), so nothing moves when it loads.
 */
export const ImageWithoutSize: Story = {
  args: {
    article: { ...SAMPLE_WITH_IMAGE, image: { src: sampleImage('').src, alt: sample('Quang cảnh sự kiện') } },
  },
  decorators: [
    (story) => html`<div style="--portico-article-card-image-ratio: 4 / 3; max-inline-size: 24rem">${story()}</div>`,
  ],
  play: async ({ canvasElement }) => {
    const shown = await waitFor(() => {
      const image = partOf(canvasElement, 'image');
      if (!(image instanceof HTMLImageElement)) throw new Error('The image is not rendered yet.');
      return image;
    });
    await expect(shown).not.toHaveAttribute('width');
    await expect(shown).not.toHaveAttribute('height');
    const { width, height } = shown.getBoundingClientRect();
    await expect(width / height).toBeCloseTo(4 / 3, 1);
  },
};

/**
 * `time-zone="Asia/Ho_Chi_Minh"`: published at 18:30 UTC on 24/8/2020, which is already
 * 25/8/2020 in Việt Nam; every reader, wherever they are, sees the site's day.
 */
export const TimeZone: Story = {
  args: {
    variant: 'list',
    'time-zone': 'Asia/Ho_Chi_Minh',
    article: { ...seedArticle, published: '2020-08-24T18:30:00Z' },
  },
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      // The seed article's day, as the seed page shows it.
      await expect(partText(canvasElement, 'date')).toBe(seedShownIn(localeOf(globals)).articleDate);
    });
    await expect(partOf(canvasElement, 'date')).toHaveAttribute('datetime', '2020-08-24T18:30:00.000Z');
  },
};

const ENGLISH_ARTICLE: Article = {
  id: 'mau-bai-tieng-anh',
  title: sample('An Giang welcomes a delegation from Takeo province'),
  url: '/mau/bai-tieng-anh',
  source: 'TUAG',
  published: '2020-08-20',
  lead: 'On 20 August 2020, the Standing Committee of the An Giang Provincial Party Committee received a delegation from Takeo province.',
  body: '<p>The two provinces reviewed their cooperation in trade, border security and the fight against Covid-19. (Sample content.)</p>',
  authors: ['Thanh Hùng', 'Ngọc Anh'],
  views: '1234',
  lang: 'en',
};

/**
 * An article in English (`lang: 'en'`) on a Vietnamese page: its text keeps its own `lang`,
 * while the date line and "Viết bởi" are the interface's, in Vietnamese.
 */
export const EnglishArticleOnVietnamesePage: Story = {
  args: { variant: 'full', article: ENGLISH_ARTICLE },
  decorators: [inLanguage('vi')],
  parameters: inWideColumn,
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(partText(canvasElement, 'authors')).toBe('Thanh Hùng and Ngọc Anh');
    });
    await expect(partOf(canvasElement, 'article')).toHaveAttribute('lang', 'en');
    await expect(partOf(canvasElement, 'meta')).toHaveAttribute('lang', 'vi');
    await expect(partText(canvasElement, 'date')).toBe('20/8/2020');
    await expect(partText(canvasElement, 'views')).toBe('Lượt xem: 1.234');
    const spoken = partOf(canvasElement, 'byline')?.querySelector('[lang="vi"]');
    await expect(spoken?.textContent.trim()).toBe('Viết bởi Thanh Hùng and Ngọc Anh');
  },
};

/**
 * A `full` body with a `<script>`, an `onclick` and a `javascript:` link from the CMS: the
 * sanitizer removes them (with a console warning) and keeps the text.
 */
export const UnsafeBody: Story = {
  args: {
    variant: 'full',
    article: {
      ...FULL_SAMPLE,
      body:
        '<p>Đoạn thứ nhất vẫn hiện ra.</p>' +
        '<script>document.body.dataset.porticoUnsafe = "ran";</script>' +
        '<p onclick="document.body.dataset.porticoUnsafe = \'clicked\'">Đoạn có onclick, giữ lại chữ.</p>' +
        '<p><a href="javascript:alert(1)">Liên kết javascript:</a> (nội dung mẫu)</p>',
    },
  },
  parameters: inWideColumn,
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(partOf(canvasElement, 'body')).toBeTruthy();
    });
    const body = partOf(canvasElement, 'body');
    await expect(body?.querySelector('script')).toBeNull();
    await expect(body?.querySelector('[onclick]')).toBeNull();
    await expect(body?.querySelector('a[href^="javascript:"]')).toBeNull();
    const text = partText(canvasElement, 'body');
    await expect(text).toContain('Đoạn thứ nhất vẫn hiện ra.');
    await expect(text).toContain('Đoạn có onclick, giữ lại chữ.');
    await expect(text).not.toContain('porticoUnsafe');
    await expect(document.body.dataset.porticoUnsafe).toBeUndefined();
  },
};

/**
 * The README's `list` markup, as a CMS template prints it: a title link, `<time>`, the views
 * in `data-views`, the lead with its printed source tag and an `<img>` (here a sample image,
 * so the story works offline).
 */
const LIST_MARKUP = `<article lang="vi">
  <h3><a href="/tin-tuc/hoi-nghi-giao-ban">Thoại Sơn: Hội nghị giao ban công tác dân vận</a></h3>
  <time datetime="2020-08-25">25/8/2020</time> · <span data-views="1234">Lượt xem: 1.234</span>
  <p data-lead data-source="TUAG">(TUAG)- Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn…</p>
  <img src="${sampleImage('').src}" alt="Quang cảnh hội nghị" width="640" height="360" />
</article>`;

/** The README's `list` server markup, read and enhanced: views, image and source tag from the markup. */
export const ListServerMarkup: Story = {
  args: { variant: 'list' },
  parameters: withMarkup(LIST_MARKUP),
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      await expect(partText(canvasElement, 'title')).toBe('Thoại Sơn: Hội nghị giao ban công tác dân vận');
    });
    const english = localeOf(globals) === 'en';
    await expect(partOf(canvasElement, 'link')).toHaveAttribute('href', '/tin-tuc/hoi-nghi-giao-ban');
    await expect(partText(canvasElement, 'date')).toBe(english ? 'Aug 25, 2020' : '25/8/2020');
    await expect(partText(canvasElement, 'views')).toBe(english ? 'Hits: 1,234' : 'Lượt xem: 1.234');
    // The printed `(TUAG)- ` is not doubled.
    await expect(partText(canvasElement, 'lead')).toBe('(TUAG)- Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn…');
    const image = partOf(canvasElement, 'image');
    await expect(image).toHaveAttribute('alt', 'Quang cảnh hội nghị');
    await expect(image).toHaveAttribute('width', '640');
    await expect(image).toHaveAttribute('height', '360');
    await expect(partOf(canvasElement, 'article')).toHaveAttribute('lang', 'vi');
  },
};
