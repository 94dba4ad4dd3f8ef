import type { Article } from '@portico/core';
import {
  expect,
  inSidebar,
  inWideColumn,
  LONG_VIETNAMESE,
  sample,
  sampleArticles,
  sampleFullArticle,
  sampleImage,
  seed,
  seedArticle,
  waitFor,
  withData,
  withFailingSource,
  withLoadingSource,
  withMarkup,
  type Meta,
  type StoryObj,
} from '@portico/storybook/kit';
import { html } from 'lit';
import './index.js';

const SAMPLE_ARTICLES = sampleArticles(8);
const [SAMPLE_WITH_IMAGE = sampleFullArticle()] = SAMPLE_ARTICLES;
const FULL_SAMPLE = sampleFullArticle();

function partText(canvasElement: HTMLElement, part: string): string {
  const widget = canvasElement.querySelector('portico-article-card');
  return widget?.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent.replace(/\s+/g, ' ').trim() ?? '';
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
    const english = globals.locale === 'en';
    await expect(partText(canvasElement, 'date')).toBe(english ? 'Aug 25, 2020' : seed.shown.articleDate);
    await expect(partText(canvasElement, 'authors')).toBe(english ? 'Thúy Vân and Bá Siêu' : seed.shown.articleAuthors);
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

/** Many cards: a category page's list of sample articles (with and without images). */
export const ManyCards: Story = {
  render: () =>
    html`<div style="display: grid; gap: 1.25rem">
      ${SAMPLE_ARTICLES.map(
        (article) => html`<portico-article-card variant="list" .article=${article}></portico-article-card>`,
      )}
    </div>`,
  parameters: inWideColumn,
};

/** A front page's grid of featured cards (samples). */
export const FeaturedGrid: Story = {
  render: () =>
    html`<div style="display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr))">
      ${SAMPLE_ARTICLES.slice(0, 6).map(
        (article) => html`<portico-article-card .article=${article}></portico-article-card>`,
      )}
    </div>`,
  parameters: inWideColumn,
};

/** No article at all: the card says there is nothing yet. */
export const Empty: Story = { args: {} };

/** The seed article from a data source (`getArticle` with `article-id`). */
export const FromSource: Story = {
  args: { source: 'card-seed', 'article-id': seedArticle.id, variant: 'full' },
  beforeEach: withData('card-seed', { articles: [seedArticle] }),
  parameters: inWideColumn,
};

/** Waiting for the source's answer. */
export const Loading: Story = {
  args: { source: 'card-loading', 'article-id': seedArticle.id },
  beforeEach: withLoadingSource('card-loading'),
};

/** The source failed, with no markup to fall back on. */
export const Failed: Story = {
  args: { source: 'card-failed', 'article-id': seedArticle.id },
  beforeEach: withFailingSource('card-failed'),
};

/** The source has no article of that id (`not-found`). */
export const NotFound: Story = {
  args: { source: 'card-not-found', 'article-id': 'khong-co-bai-nay' },
  beforeEach: withData('card-not-found', { articles: [seedArticle] }),
};

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
};

/** Very long Vietnamese title and lead in full, in a wide column. */
export const LongVietnameseTextInFull: Story = {
  args: {
    variant: 'full',
    article: { ...FULL_SAMPLE, title: LONG_VIETNAMESE.title, lead: LONG_VIETNAMESE.lead },
  },
  parameters: inWideColumn,
};

/** Compact cards in a 200 px sidebar ("latest news"). */
export const InSidebar: Story = {
  render: () =>
    html`<div style="display: grid; gap: 0.75rem">
      ${SAMPLE_ARTICLES.slice(0, 4).map(
        (article) =>
          html`<portico-article-card variant="compact" heading-level="4" .article=${article}></portico-article-card>`,
      )}
    </div>`,
  parameters: inSidebar,
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
