import { estimateReadingMinutes, type Article } from '@portico/core';
import {
  cleanUpMounted,
  damaged,
  elementWithText,
  expectNoAxeViolations,
  expectToSurviveBadInput,
  expectUpgradeMovesNothing,
  followedLinks,
  languageOf,
  linesDrawn,
  mount,
  oddLang,
  oddMarkup,
  onCleanUp,
  pageColumn,
  seed,
  startButton,
  testSource,
} from '@portico/test-helpers';
import { MISSING_DATA_GRACE_MS } from '@portico/element';
import fc from 'fast-check';
import manifest from '../custom-elements.json' with { type: 'json' };
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { PorticoArticleCard, type ArticleCardVariant } from './index.js';

const seedArticle = seed.articles[0]!;
const VARIANTS: ArticleCardVariant[] = ['full', 'featured', 'list', 'compact'];

function mountCard(markup: string, container?: Element): Promise<PorticoArticleCard> {
  return mount<PorticoArticleCard>('portico-article-card', markup, container);
}

/** A card given its article from JavaScript before it joins the page, as an integrator would. */
async function cardWith(article: unknown, attributes = 'lang="vi"', container?: Element): Promise<PorticoArticleCard> {
  const holder = document.createElement('div');
  holder.innerHTML = `<portico-article-card ${attributes}></portico-article-card>`;
  const card = holder.firstElementChild as PorticoArticleCard;
  card.article = article as Article;
  (container ?? document.body).append(holder);
  onCleanUp(() => {
    holder.remove();
  });
  await card.updateComplete;
  return card;
}

function part(card: PorticoArticleCard, name: string): HTMLElement | null {
  return card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** The text of a part exactly as rendered, white space included. */
function partText(card: PorticoArticleCard, name: string): string | undefined {
  return part(card, name)?.textContent;
}

function heading(card: PorticoArticleCard): HTMLElement {
  return card.shadowRoot!.querySelector<HTMLElement>('h1, h2, h3, h4, h5, h6')!;
}

/** The parts in document order: what a screen reader meets, one after the other. */
function partOrder(card: PorticoArticleCard): string[] {
  return Array.from(card.shadowRoot!.querySelectorAll('article [part]'), (element) => element.getAttribute('part')!);
}

/** Every element in the card a keyboard can reach. */
function focusables(card: PorticoArticleCard): Element[] {
  return Array.from(card.shadowRoot!.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'));
}

function warnings(): { messages: () => string } {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return { messages: () => warn.mock.calls.map((call) => String(call[0])).join('\n') };
}

/** A picture of the given size, with a label, as an SVG data URL (no network). */
function sampleImage(label: string, width = 640, height = 360): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#2a6f97"/><text x="20" y="60" font-size="40" fill="#fff">${label}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * Generated sample articles for the card and list tests, labelled as samples ("Bài mẫu"):
 * they are not from the seed portal, which has one article and no images.
 */
function sampleArticle(number: number, fields: Partial<Article> = {}): Article {
  return {
    id: `bai-mau-${String(number)}`,
    title: `Bài mẫu ${String(number)}: tin thử nghiệm cho danh sách bài viết`,
    url: `/bai-mau/${String(number)}`,
    source: 'MẪU',
    published: `2020-08-${String(10 + number)}`,
    lead: 'Đây là phần tóm tắt của một bài mẫu, được tạo ra cho kiểm thử, đủ dài để phải cắt bớt. '.repeat(6),
    image: {
      src: sampleImage(`Mẫu ${String(number)}`),
      alt: `Ảnh minh họa bài mẫu ${String(number)}`,
      width: 640,
      height: 360,
    },
    views: 1234 * number,
    ...fields,
  };
}

function pwned(): unknown {
  return (window as { __porticoPwned?: unknown }).__porticoPwned;
}

afterEach(() => {
  cleanUpMounted();
  vi.restoreAllMocks();
  delete (window as { __porticoPwned?: unknown }).__porticoPwned;
});

describe('<portico-article-card> with the seed article', () => {
  it('lays out full as the seed page does: title, date, (TUAG)- lead, body, byline', async () => {
    const card = await cardWith(seedArticle, 'lang="vi" variant="full"');
    expect(card).toBeInstanceOf(PorticoArticleCard);
    await expect.element(page.getByRole('heading', { level: 1, name: seedArticle.title })).toBeVisible();
    expect(heading(card).textContent).toBe(seedArticle.title);
    expect(card.shadowRoot!.querySelector('h1 a'), 'the full article links nowhere').toBeNull();

    const date = card.shadowRoot!.querySelector('time')!;
    expect(date.outerHTML).toMatch(
      /^<time part="date" datetime="2020-08-25">(<!--.*?-->)*25\/8\/2020(<!--.*?-->)*<\/time>$/,
    );
    expect(date.textContent).toBe(seed.shown.articleDate);

    expect(partText(card, 'lead')).toBe(`${seed.shown.leadPrefix}${seedArticle.lead!}`);
    expect(partText(card, 'source')).toBe(seed.shown.leadPrefix);
    const paragraphs = Array.from(part(card, 'body')!.querySelectorAll('p'), (paragraph) => paragraph.outerHTML);
    expect(paragraphs.join('')).toBe(seedArticle.body);
    expect(partText(card, 'authors')).toBe(seed.shown.articleAuthors);
    await expect.element(page.getByText(`Viết bởi ${seed.shown.articleAuthors}`)).toBeInTheDocument();

    expect(partOrder(card)).toEqual(['title', 'meta', 'date', 'lead', 'source', 'body', 'byline', 'authors']);
    expect(card.shadowRoot!.querySelector('img'), 'the seed article has no image').toBeNull();
    await expectNoAxeViolations(card);
  });

  it('shows featured, list and compact as cards whose title links to the article', async () => {
    for (const variant of ['featured', 'list', 'compact'] as const) {
      const card = await cardWith(seedArticle, `lang="vi" variant="${variant}"`);
      const link = page.getByRole('link', { name: seedArticle.title });
      await expect.element(link).toHaveAttribute('href', seedArticle.url!);
      expect(heading(card).localName, variant).toBe('h3');
      expect(partText(card, 'date'), variant).toBe('25/8/2020');
      expect(part(card, 'date')!.getAttribute('datetime')).toBe('2020-08-25');
      if (variant === 'compact') {
        expect(part(card, 'lead'), 'compact shows title and date only').toBeNull();
      } else {
        expect(partText(card, 'lead'), variant).toBe(`(TUAG)- ${seedArticle.lead!}`);
      }
      expect(part(card, 'body'), variant).toBeNull();
      expect(part(card, 'byline'), variant).toBeNull();
      expect(card.shadowRoot!.querySelector('img'), variant).toBeNull();
      await expectNoAxeViolations(card);
      cleanUpMounted();
    }
  });

  it('speaks English when the page does, with the view count and reading time through the phrases', async () => {
    const article = { ...seedArticle, views: 18116910 };
    const english = await cardWith(article, 'lang="en" variant="full" reading-time');
    const minutes = estimateReadingMinutes(seedArticle.body, { isHtml: true, locale: 'en' });
    expect(minutes).toBeGreaterThan(1);
    expect(partText(english, 'date')).toBe('Aug 25, 2020');
    expect(partText(english, 'views')).toBe('Hits: 18,116,910');
    expect(partText(english, 'reading-time')).toBe(`${String(minutes)} min read`);
    expect(partText(english, 'authors')).toBe('Thúy Vân and Bá Siêu');
    await expect.element(page.getByText('Written by Thúy Vân and Bá Siêu')).toBeInTheDocument();
    await expectNoAxeViolations(english);

    const vietnamese = await cardWith(article, 'lang="vi" variant="list" reading-time');
    expect(partText(vietnamese, 'views')).toBe('Lượt xem: 18.116.910');
    expect(partText(vietnamese, 'reading-time')).toMatch(/^\d+ phút đọc$/);
    const compact = await cardWith(article, 'lang="vi" variant="compact" reading-time');
    expect(part(compact, 'views'), 'compact shows title and date only').toBeNull();
  });

  it('keeps an editor’s text alignment in the body (a right-aligned signature, a centred caption), not its other styles', async () => {
    const card = await cardWith(
      {
        id: 'can-le',
        title: 'Bài có căn lề',
        published: '2020-08-25',
        body: '<p>Nội dung.</p><p style="text-align: center; color: red">Ảnh: Thúy Vân</p><p style="text-align:right;">Bá Siêu</p>',
      },
      'lang="vi" variant="full"',
    );
    await vi.waitFor(() => {
      expect(part(card, 'body')).not.toBeNull();
    });
    const paragraphs = [...part(card, 'body')!.querySelectorAll('p')].map((paragraph) => [
      paragraph.textContent,
      getComputedStyle(paragraph).textAlign,
      getComputedStyle(paragraph).color === 'rgb(255, 0, 0)',
    ]);
    expect(paragraphs).toEqual([
      ['Nội dung.', 'start', false],
      ['Ảnh: Thúy Vân', 'center', false],
      ['Bá Siêu', 'right', false],
    ]);
  });

  it('shows a lead the body opens with (WordPress’s automatic excerpt) once in full, in the body', async () => {
    const wordpress = {
      id: '1207',
      title: 'Hội nghị giao ban công tác dân vận',
      published: '2020-08-25',
      lead: 'Tại hội nghị, các đại biểu nghe báo cáo “tình hình” thực hiện công tác dân vận […]',
      body: '<p>Tại hội nghị, các đại biểu nghe báo cáo &#8220;tình hình&#8221; thực hiện công tác dân vận tháng 8.</p><p>Hội nghị kết thúc.</p>',
    };
    const full = await cardWith(wordpress, 'lang="vi" variant="full"');
    await vi.waitFor(() => {
      expect(part(full, 'body')).not.toBeNull();
    });
    expect(part(full, 'lead'), 'not twice').toBeNull();
    expect(partText(full, 'body')).toContain('Tại hội nghị, các đại biểu nghe báo cáo “tình hình”');
    // A card in a list has no body to show it: the lead stays.
    const listed = await cardWith(wordpress, 'lang="vi" variant="list"');
    expect(partText(listed, 'lead')).toBe(wordpress.lead);
    // A lead of its own stays in full, and so does one that carries the source tag.
    const own = await cardWith({ ...wordpress, lead: 'Tóm tắt riêng của bài.' }, 'lang="vi" variant="full"');
    await vi.waitFor(() => {
      expect(part(own, 'body')).not.toBeNull();
    });
    expect(partText(own, 'lead')).toBe('Tóm tắt riêng của bài.');
    const tagged = await cardWith({ ...wordpress, source: 'TUAG' }, 'lang="vi" variant="full"');
    await vi.waitFor(() => {
      expect(part(tagged, 'body')).not.toBeNull();
    });
    expect(partText(tagged, 'lead')).toMatch(/^\(TUAG\)- Tại hội nghị/);
    // Whole words only, and only text a reader would see in the body.
    for (const body of ['<p>Tại hội nghịch lý</p>', '<script>Tại hội nghị</script><p>Bài khác.</p>']) {
      const other = await cardWith({ ...wordpress, lead: 'Tại hội nghị', body }, 'lang="vi" variant="full"');
      await vi.waitFor(() => {
        expect(part(other, 'body')).not.toBeNull();
      });
      expect(partText(other, 'lead'), body).toBe('Tại hội nghị');
    }
  });

  it('keeps the article’s own language on its text under an English interface', async () => {
    const card = await cardWith({ ...seedArticle, lang: 'vi', views: 5 }, 'lang="en" variant="full"');
    expect(part(card, 'article')!.lang).toBe('vi');
    expect(part(card, 'meta')!.lang, 'the date line is the interface’s').toBe('en');
    expect(partText(card, 'date')).toBe('Aug 25, 2020');
    expect(partText(card, 'authors'), 'names joined as the article writes them').toBe('Thúy Vân, Bá Siêu');
    const spoken = card.shadowRoot!.querySelector('[part~="byline"] .visually-hidden')!;
    expect(spoken.getAttribute('lang')).toBe('en');
    expect(spoken.textContent).toBe('Written by Thúy Vân, Bá Siêu');
    expect(languageOf(elementWithText(spoken, 'Thúy Vân, Bá Siêu')), 'the names, in a Vietnamese voice').toBe('vi');
    await expectNoAxeViolations(card);
  });

  it('on a page in French (no phrases shipped), marks its English words as English and the article as French', async () => {
    const french = { ...seedArticle, title: 'Élections locales', lead: 'Le conseil se réunit.', authors: ['Anne Roy'] };
    const card = await cardWith({ ...french, views: 1234 }, 'lang="fr" variant="full"');
    expect(languageOf(heading(card)), 'the title').toBe('fr');
    expect(languageOf(part(card, 'lead')!)).toBe('fr');
    expect(languageOf(part(card, 'views')!), 'read in an English voice').toBe('en');
    expect(partText(card, 'views')).toMatch(/^Hits: 1[\u00A0\u202F]234$/);
    expect(partText(card, 'date'), 'a French date').toBe('25 août 2020');
    expect(languageOf(elementWithText(card, 'Written by'))).toBe('en');
    const spoken = card.shadowRoot!.querySelector('[part~="byline"] .visually-hidden')!;
    expect(languageOf(elementWithText(spoken, 'Anne Roy')), 'the names').toBe('fr');
    await expectNoAxeViolations(card);

    const vietnamese = await cardWith({ ...seedArticle, lang: 'vi' }, 'lang="fr" variant="list"');
    expect(languageOf(heading(vietnamese)), 'its own').toBe('vi');

    const { name } = testSource({ articles: seed.articles }, { latency: 100 });
    const loading = await cardWith(undefined, `lang="fr" source="${name}" article-id="${seedArticle.id}"`);
    expect(partText(loading, 'loading')).toBe('Loading…');
    expect(languageOf(part(loading, 'loading')!)).toBe('en');
  });

  it('leaves out a blank lang, and one that is not a language tag, with a warning', async () => {
    const warned = warnings();
    for (const lang of ['  ', 'not a tag', 42]) {
      const card = await cardWith({ ...seedArticle, lang }, 'lang="en" variant="full"');
      expect(part(card, 'article')!.hasAttribute('lang'), String(lang)).toBe(false);
      expect(part(card, 'meta')!.hasAttribute('lang'), 'the date line is the article’s language too').toBe(false);
      cleanUpMounted();
    }
    expect(warned.messages()).toContain('article.lang="not a tag" is not a language tag');
    expect(warned.messages()).toContain('article.lang=42 is not a language tag');
    expect(warned.messages()).not.toContain('"  "');
    const regional = await cardWith({ ...seedArticle, lang: 'vi_VN' }, 'lang="en" variant="full"');
    expect(part(regional, 'article')!.lang, 'canonical').toBe('vi-VN');
  });

  it('puts the title at heading-level, 3 by default and 1 for full', async () => {
    const levels: [string, string][] = [
      ['variant="featured"', 'h3'],
      ['variant="full"', 'h1'],
      ['variant="full" heading-level="2"', 'h2'],
      ['variant="list" heading-level="4"', 'h4'],
      ['variant="compact" heading-level="6"', 'h6'],
    ];
    for (const [attributes, tag] of levels) {
      const card = await cardWith(seedArticle, `lang="vi" ${attributes}`);
      expect(heading(card).localName, attributes).toBe(tag);
      await expect
        .element(page.getByRole('heading', { level: Number(tag.slice(1)), name: seedArticle.title }))
        .toBeInTheDocument();
      cleanUpMounted();
    }
    const card = await cardWith(seedArticle, 'lang="vi"');
    card.headingLevel = 2;
    await card.updateComplete;
    expect(heading(card).localName).toBe('h2');
  });

  it('follows lang changes at run time', async () => {
    const card = await cardWith(seedArticle, 'lang="vi" variant="compact"');
    card.lang = 'en';
    await vi.waitFor(() => {
      expect(partText(card, 'date')).toBe('Aug 25, 2020');
    });
  });
});

describe('<portico-article-card> meta line', () => {
  it('keeps the views with their label, and the date whole, at any column width, in vi and en', async () => {
    const article = { ...seedArticle, datetime: '2020-08-25T09:30:00+07:00', views: 24816 };
    const split: string[] = [];
    for (const lang of ['vi', 'en']) {
      for (let width = 160; width <= 400; width += 8) {
        const column = pageColumn(width, 'font-family: system-ui, sans-serif');
        const card = await cardWith(article, `lang="${lang}" variant="list"`, column);
        for (const name of ['views', 'date']) {
          const shown = part(card, name);
          if (shown && linesDrawn(shown) > 1) split.push(`${lang} ${String(width)} px: ${name} "${shown.textContent}"`);
        }
        column.remove();
      }
    }
    expect(split).toEqual([]);
  });
});

describe('<portico-article-card> images', () => {
  it('puts the featured image above the title, with the data’s alt text, lazily', async () => {
    const article = sampleArticle(1);
    const card = await cardWith(article, 'lang="vi" variant="featured"');
    const image = card.shadowRoot!.querySelector('img')!;
    expect(image.alt).toBe('Ảnh minh họa bài mẫu 1');
    expect(image.loading).toBe('lazy');
    expect(image.getAttribute('width')).toBe('640');
    expect(image.getAttribute('height')).toBe('360');
    expect(image.getBoundingClientRect().bottom).toBeLessThanOrEqual(heading(card).getBoundingClientRect().top);
    expect(partOrder(card).indexOf('title'), 'the heading comes first to screen readers').toBeLessThan(
      partOrder(card).indexOf('image'),
    );
    await expect.element(page.getByRole('img', { name: 'Ảnh minh họa bài mẫu 1' })).toBeVisible();
    await expectNoAxeViolations(card);
  });

  it('puts the list thumbnail beside the title, in a 4:3 box of 7.5em, however wide the column and the image', async () => {
    for (const width of [480, 700, 1100]) {
      // The sample's image is 640 × 360: its own width is no least width for the thumbnail.
      const card = await cardWith(sampleArticle(2), 'lang="vi" variant="list"', pageColumn(width));
      const shown = card.shadowRoot!.querySelector('img')!;
      // Loaded: only then does the image have a width of its own to hold out for.
      await vi.waitFor(() => {
        expect(shown.naturalWidth).toBe(640);
      });
      const image = shown.getBoundingClientRect();
      const title = heading(card).getBoundingClientRect();
      expect(image.right, `${String(width)}px`).toBeLessThanOrEqual(title.left);
      expect(Math.abs(image.top - title.top)).toBeLessThan(2);
      expect(image.width).toBeCloseTo(120, 0);
      expect(image.height).toBeCloseTo((image.width * 3) / 4, 0);
      cleanUpMounted();
    }
  });

  it('puts the list thumbnail above the title, full width, in a column too narrow for both', async () => {
    const card = await cardWith(sampleArticle(2), 'lang="vi" variant="list"', pageColumn(200));
    const image = card.shadowRoot!.querySelector('img')!.getBoundingClientRect();
    const title = heading(card).getBoundingClientRect();
    expect(image.width).toBe(200);
    expect(image.height).toBeCloseTo(150, 0);
    expect(image.bottom).toBeLessThanOrEqual(title.top);
    expect(title.width, 'the title has the whole width').toBe(200);
    await expectNoAxeViolations(card);
  });

  it('lays out an article without an image without one, never a broken image', async () => {
    const { image: _image, ...withoutImage } = sampleArticle(3);
    for (const variant of VARIANTS) {
      const card = await cardWith(withoutImage, `lang="vi" variant="${variant}"`, pageColumn(480));
      expect(card.shadowRoot!.querySelector('img'), variant).toBeNull();
      expect(part(card, 'article')!.classList.contains('has-image'), variant).toBe(false);
      const text = (part(card, 'text') ?? part(card, 'article'))!.getBoundingClientRect();
      expect(text.width, `${variant}: the text takes the whole width`).toBe(card.getBoundingClientRect().width);
      const last = (part(card, 'text') ?? part(card, 'article'))!.lastElementChild!.getBoundingClientRect();
      expect(card.getBoundingClientRect().bottom, `${variant}: no empty space below the text`).toBeCloseTo(
        last.bottom,
        0,
      );
      cleanUpMounted();
    }
  });

  it('leaves an image out when it fails to load, with a warning', async () => {
    const warned = warnings();
    const card = await cardWith(
      sampleArticle(4, { image: { src: 'data:image/png;base64,bm90IGFuIGltYWdl', alt: 'Ảnh hỏng' } }),
      'lang="vi" variant="featured"',
    );
    await vi.waitFor(() => {
      expect(card.shadowRoot!.querySelector('img')).toBeNull();
    });
    expect(heading(card).textContent).toContain('Bài mẫu 4');
    expect(warned.messages()).toContain('article.image.src="data:image/png;base64,bm90IGFuIGltYWdl" did not load');
  });

  it('reserves the image box before the image loads, so nothing moves when it does', async () => {
    // Far below the fold, a lazy image waits: its box must already be there.
    const spacer = document.createElement('div');
    spacer.style.height = '6000px';
    document.body.append(spacer);
    onCleanUp(() => {
      spacer.remove();
    });
    const column = pageColumn(320);
    const sized = await cardWith(sampleArticle(5), 'lang="vi" variant="featured"', column);
    const unsized = await cardWith(
      sampleArticle(6, { image: { src: sampleImage('Mẫu 6', 400, 300), alt: 'Ảnh không có kích thước' } }),
      'lang="vi" variant="featured"',
      column,
    );
    const sizedImage = sized.shadowRoot!.querySelector('img')!;
    const unsizedImage = unsized.shadowRoot!.querySelector('img')!;
    expect(sizedImage.complete, 'not loaded yet').toBe(false);
    expect(unsizedImage.complete, 'not loaded yet').toBe(false);
    expect(sizedImage.getBoundingClientRect().height).toBeCloseTo((320 * 360) / 640, 0);
    expect(getComputedStyle(unsizedImage).aspectRatio).toBe('16 / 9');
    expect(unsizedImage.getBoundingClientRect().height).toBeCloseTo((320 * 9) / 16, 0);

    const heights = [sized, unsized].map((card) => card.getBoundingClientRect().height);
    column.scrollIntoView();
    await vi.waitFor(() => {
      expect(sizedImage.complete && sizedImage.naturalWidth > 0).toBe(true);
      expect(unsizedImage.complete && unsizedImage.naturalWidth > 0).toBe(true);
    });
    expect([sized, unsized].map((card) => card.getBoundingClientRect().height)).toEqual(heights);
  });
});

/** Upgrades a card over `markup` a template printed, in a column of `width`: nothing moves. */
async function upgradeOver(attributes: string, markup: string, width: number): Promise<void> {
  await expectUpgradeMovesNothing('portico-article-card', class extends PorticoArticleCard {}, attributes, markup, {
    width,
  });
}

const PRINTED_TITLE = '<h3><a href="/tin-tuc/hoi-nghi-giao-ban">Thoại Sơn: Hội nghị giao ban công tác dân vận</a></h3>';
const PRINTED_META = '<time datetime="2020-08-25">25/8/2020</time> · <span data-views="1234">Lượt xem: 1.234</span>';
const PRINTED_LEAD = '<p data-lead data-source="TUAG">(TUAG)- Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn…</p>';
const PRINTED_IMAGE = `<img src="${sampleImage('Hội nghị')}" alt="Quang cảnh hội nghị" width="640" height="360" />`;

describe('<portico-article-card> upgrading over a printed article, under the head stylesheet', () => {
  it.each(['featured', 'list', 'compact', 'full'])(
    'moves nothing in %s when it upgrades empty, to load its article from a source',
    async (variant) => {
      await upgradeOver(`lang="vi" variant="${variant}" source="not-registered-yet" article-id="1"`, '', 320);
    },
  );

  // The README's list example prints the picture last: it is a thumbnail beside the text anyway.
  it.each([
    ['last', `${PRINTED_TITLE}${PRINTED_META}${PRINTED_LEAD}${PRINTED_IMAGE}`, 400],
    ['first', `${PRINTED_IMAGE}${PRINTED_TITLE}${PRINTED_META}${PRINTED_LEAD}`, 400],
    ['after the title', `${PRINTED_TITLE}${PRINTED_IMAGE}${PRINTED_META}${PRINTED_LEAD}`, 400],
    ['last, in a link', `${PRINTED_TITLE}${PRINTED_META}${PRINTED_LEAD}<a href="/x">${PRINTED_IMAGE}</a>`, 400],
    ['last, in a column too narrow for both', `${PRINTED_TITLE}${PRINTED_META}${PRINTED_LEAD}${PRINTED_IMAGE}`, 240],
    ['first, in a column too narrow for both', `${PRINTED_IMAGE}${PRINTED_TITLE}${PRINTED_META}${PRINTED_LEAD}`, 240],
  ])('moves nothing in list with the picture printed %s', async (_, inner, width) => {
    await upgradeOver('lang="vi" variant="list"', `<article>${inner}</article>`, width);
  });

  it('moves nothing in full over the WordPress recipe’s the_content() with a YouTube embed, a video and audio, which the sanitizer drops', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // As WordPress 6 prints an oEmbed block (the address is left blank: no network in tests).
    const embed = `<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">
<iframe title="Hội nghị" width="500" height="281" src="about:blank" frameborder="0" allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen></iframe>
</div></figure>`;
    const body = `
<p>Tại hội nghị các đại biểu nghe qua báo cáo tình hình thực hiện công tác dân vận…</p>

${embed}

<figure class="wp-block-video"><video controls src="/video.mp4" width="640" height="360"></video></figure>

<figure class="wp-block-audio"><audio controls src="/audio.mp3"></audio></figure>

<p>Về nhiệm vụ những tháng cuối năm 2020, Ban Dân vận Huyện ủy, các xã, thị trấn…</p>
`;
    await upgradeOver(
      'lang="vi" variant="full" time-zone="Asia/Ho_Chi_Minh"',
      `<article>
        <h1>Thoại Sơn: Hội nghị giao ban công tác dân vận tháng 8 năm 2020</h1>
        <time datetime="2020-08-25T08:00:00+07:00">25/08/2020</time>
        <div data-body>${body}</div>
        <p data-authors>Thúy Vân</p>
      </article>`,
      720,
    );
  });

  // A body keeps inline PNG, GIF, JPEG and WebP images, not SVG (which can carry script): a 16×9 PNG.
  const SIXTEEN_BY_NINE_PNG =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAJCAIAAAC0SDtlAAAAFElEQVR42mPQyp9OEmIY1TAoNAAAFoarAahIW9sAAAAASUVORK5CYII=';

  it('moves nothing in full over a body of figures, nested headings and lists, a wide table and a long line of code, on a phone', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cells = (row: number) =>
      ['Xã', 'Số hộ', 'Đã thăm', 'https://www.angiang.dcs.vn/Lists/TinTuc/DispForm.aspx?ID=1234567890', 'Ghi chú']
        .map((cell) => `<td>${cell} ${String(row)}</td>`)
        .join('');
    await upgradeOver(
      'lang="vi" variant="full"',
      `<article>
        <h1>Kết quả công tác dân vận tháng 8</h1>
        <time datetime="2020-08-25">25/8/2020</time>
        <div data-body>
          <p>Tại hội nghị các đại biểu nghe qua báo cáo tình hình thực hiện công tác dân vận…</p>
          <figure class="wp-block-image"><img src="${SIXTEEN_BY_NINE_PNG}" alt="Quang cảnh hội nghị" width="640" height="360" /><figcaption>Quang cảnh hội nghị</figcaption></figure>
          <div class="wp-block-group"><h2>Nhiệm vụ tháng 9</h2><ul><li>Tiếp tục bám sát cơ sở</li><li>Phòng, chống dịch Covid-19</li></ul><p>Ban Dân vận Huyện ủy chủ trì.</p></div>
          <table><tr><th>Xã</th><th>Số hộ</th><th>Đã thăm</th><th>Nguồn</th><th>Ghi chú</th></tr><tr>${cells(1)}</tr><tr>${cells(2)}</tr></table>
          <pre>curl -s https://www.angiang.dcs.vn/Lists/TinTuc/DispForm.aspx?ID=1234567890&amp;Source=trang-chu</pre>
          <p>Về nhiệm vụ những tháng cuối năm 2020…</p>
        </div>
        <p data-authors>Thúy Vân, Bá Siêu</p>
      </article>`,
      344,
    );
  });

  it('moves nothing in featured, with its picture at the card’s width and a body it does not show', async () => {
    await upgradeOver(
      'lang="vi"',
      `<article><a href="/tin-tuc/hoi-nghi-giao-ban">${PRINTED_IMAGE}</a>${PRINTED_TITLE}${PRINTED_META}${PRINTED_LEAD}
        <div data-body><p>Tại hội nghị các đại biểu nghe qua báo cáo…</p><p>Về nhiệm vụ những tháng cuối năm…</p></div>
        <p data-authors>Thúy Vân, Bá Siêu</p></article>`,
      720,
    );
  });

  it.each(['list', 'compact'])(
    'moves nothing in %s over a lead, authors and body it does not show',
    async (variant) => {
      await upgradeOver(
        `lang="vi" variant="${variant}"`,
        `<article>${PRINTED_TITLE}${PRINTED_META}${PRINTED_LEAD}
        <div data-body><p>Tại hội nghị các đại biểu nghe qua báo cáo…</p></div>
        <p data-authors>Thúy Vân, Bá Siêu</p></article>`,
        400,
      );
    },
  );
});

describe('<portico-article-card> list of generated sample articles', () => {
  it('shows each sample with its title link, date and a lead clamped to lead-lines', async () => {
    const style = document.createElement('style');
    style.textContent = 'portico-article-card::part(lead) { line-height: 20px; }';
    document.head.append(style);
    onCleanUp(() => {
      style.remove();
    });
    const column = pageColumn(420);
    const cards: PorticoArticleCard[] = [];
    for (const number of [1, 2, 3, 4, 5]) {
      cards.push(await cardWith(sampleArticle(number), 'lang="vi" variant="list"', column));
    }
    for (const [index, card] of cards.entries()) {
      const number = index + 1;
      await expect
        .element(page.getByRole('link', { name: `Bài mẫu ${String(number)}: tin thử nghiệm cho danh sách bài viết` }))
        .toHaveAttribute('href', `/bai-mau/${String(number)}`);
      expect(partText(card, 'date')).toBe(`${String(10 + number)}/8/2020`);
      expect(partText(card, 'views')).toBe(`Lượt xem: ${(1234 * number).toLocaleString('vi')}`);
      const lead = part(card, 'lead')!;
      expect(lead.textContent.startsWith('(MẪU)- Đây là phần tóm tắt')).toBe(true);
      expect(lead.clientHeight, 'three lines by default').toBe(60);
      expect(lead.scrollHeight).toBeGreaterThan(lead.clientHeight);
    }
    await expectNoAxeViolations(column);

    cards[0]!.leadLines = 2;
    await cards[0]!.updateComplete;
    expect(part(cards[0]!, 'lead')!.clientHeight).toBe(40);
    // From the stylesheet up to 12 lines, through the CSSOM beyond (which a strict CSP allows: no
    // `style` attribute in the template), and back.
    for (const lines of [6, 9, 12, 15, 20, 4]) {
      cards[0]!.leadLines = lines;
      await cards[0]!.updateComplete;
      const lead = part(cards[0]!, 'lead')!;
      expect(getComputedStyle(lead).webkitLineClamp).toBe(String(lines));
      expect(lead.style.getPropertyValue('--_lead-lines'), `${String(lines)} lines`).toBe(
        lines > 12 ? String(lines) : '',
      );
    }
    // A variant that does not cut its lead.
    cards[0]!.variant = 'featured';
    cards[0]!.leadLines = 15;
    await cards[0]!.updateComplete;
    expect(getComputedStyle(part(cards[0]!, 'lead')!).webkitLineClamp).toBe('none');
  });

  it('warns about a lead-lines that is not a whole number, and clamps to 3', async () => {
    const warned = warnings();
    const card = await mountCard(
      '<portico-article-card lang="vi" variant="list" lead-lines="nhiều"></portico-article-card>',
    );
    card.article = sampleArticle(7);
    await card.updateComplete;
    expect(getComputedStyle(part(card, 'lead')!).webkitLineClamp).toBe('3');
    expect(warned.messages()).toContain('lead-lines="nhiều" is not 1 or more; showing "3"');
  });
});

describe('<portico-article-card> keyboard and pointer', () => {
  it('reaches each card’s title link once with Tab, shows focus, and Enter follows it', async () => {
    const before = startButton();
    const followed = followedLinks();
    const cards: PorticoArticleCard[] = [];
    for (const [index, variant] of (['featured', 'list', 'compact'] as const).entries()) {
      cards.push(await cardWith(sampleArticle(index + 1), `lang="vi" variant="${variant}"`));
    }
    for (const card of cards) {
      expect(focusables(card), 'one interactive element per card, nothing nested in the link').toHaveLength(1);
    }
    before.focus();
    for (const card of cards) {
      await userEvent.keyboard('{Tab}');
      const link = card.shadowRoot!.activeElement as HTMLAnchorElement | null;
      expect(link?.getAttribute('part')).toBe('link');
      expect(link?.matches(':focus-visible')).toBe(true);
      const ring = getComputedStyle(link!, '::after');
      expect(ring.outlineStyle, 'the focus ring goes round the card').toBe('solid');
      expect(ring.outlineWidth).toBe('2px');
    }
    await userEvent.keyboard('{Tab}');
    expect(
      cards.some((card) => card.shadowRoot!.activeElement !== null),
      'past the last card',
    ).toBe(false);

    cards[1]!.shadowRoot!.querySelector<HTMLElement>('a')!.focus();
    await userEvent.keyboard('{Enter}');
    expect(followed).toEqual(['/bai-mau/2']);
  });

  it('does not follow the link on Space, Escape or the arrow keys, and keeps focus', async () => {
    const followed = followedLinks();
    const card = await cardWith(sampleArticle(1), 'lang="vi" variant="featured"');
    const link = card.shadowRoot!.querySelector<HTMLElement>('a')!;
    link.focus();
    await userEvent.keyboard('{Escape}{ArrowDown}{ArrowRight}{ArrowUp}{ArrowLeft} ');
    expect(followed).toEqual([]);
    expect(card.shadowRoot!.activeElement).toBe(link);
  });

  it('makes the whole card clickable through its title link', async () => {
    const followed = followedLinks();
    const card = await cardWith(sampleArticle(2), 'lang="vi" variant="list"', pageColumn(480));
    const link = card.shadowRoot!.querySelector('a')!;
    for (const name of ['image', 'lead', 'date']) {
      const box = part(card, name)!.getBoundingClientRect();
      const hit = card.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      expect(hit, `a click on the ${name} lands on the title link`).toBe(link);
    }
    await userEvent.click(part(card, 'image')!, { force: true });
    expect(followed).toEqual(['/bai-mau/2']);
  });

  it('keeps the body’s own links working in full', async () => {
    const before = startButton();
    const followed = followedLinks();
    const card = await cardWith(
      { ...seedArticle, body: '<p>Xem <a href="/van-ban/ke-hoach">kế hoạch</a> và <a href="/lich">lịch</a>.</p>' },
      'lang="vi" variant="full"',
    );
    before.focus();
    await userEvent.keyboard('{Tab}');
    const first = card.shadowRoot!.activeElement as HTMLAnchorElement | null;
    expect(first?.textContent).toBe('kế hoạch');
    expect(first?.matches(':focus-visible')).toBe(true);
    expect(getComputedStyle(first!).outlineStyle).toBe('solid');
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Tab}');
    expect((card.shadowRoot!.activeElement as HTMLAnchorElement | null)?.textContent).toBe('lịch');
    await userEvent.click(page.getByRole('link', { name: 'lịch' }));
    expect(followed).toEqual(['/van-ban/ke-hoach', '/lich']);
  });
});

/** The seed article as a CMS template would print it, readable with no script. */
const SEED_MARKUP = `<article lang="vi">
  <h2><a href="${seedArticle.url!}">${seedArticle.title}</a></h2>
  <time datetime="2020-08-25">25/8/2020</time>
  <p data-lead data-source="TUAG">(TUAG)- ${seedArticle.lead!}</p>
  <div data-body>${seedArticle.body!}</div>
  <p data-authors>Thúy Vân, Bá Siêu</p>
</article>`;

describe('<portico-article-card> server-rendered markup and sources', () => {
  it('reads the server-rendered article, which stays in the document', async () => {
    const card = await mountCard(
      `<portico-article-card lang="vi" variant="full">${SEED_MARKUP}</portico-article-card>`,
    );
    expect(heading(card).textContent).toBe(seedArticle.title);
    expect(partText(card, 'date')).toBe('25/8/2020');
    expect(partText(card, 'lead'), 'the printed source tag is read, not doubled').toBe(`(TUAG)- ${seedArticle.lead!}`);
    expect(Array.from(part(card, 'body')!.querySelectorAll('p'), (p) => p.outerHTML).join('')).toBe(seedArticle.body);
    expect(partText(card, 'authors')).toBe('Thúy Vân, Bá Siêu');
    expect(part(card, 'article')!.lang).toBe('vi');
    expect(card.querySelector('article h2 a')?.getAttribute('href'), 'the markup stays for search engines').toBe(
      seedArticle.url,
    );
    expect(card.shadowRoot!.querySelector('slot'), 'and is not shown twice').toBeNull();
    expect(heading(card).localName, 'the page’s outline as its template wrote it').toBe('h2');
    await expectNoAxeViolations(card);
    card.headingLevel = 1;
    await card.updateComplete;
    expect(heading(card).localName, 'heading-level wins').toBe('h1');
  });

  it('reads an article as the widgets README’s WordPress recipe prints it in single.php', async () => {
    const card = await mountCard(`<portico-article-card lang="vi" variant="full">
      <article>
        <h1>Hội nghị giao ban công tác dân vận &#8220;tháng 8&#8221;</h1>
        <time datetime="2020-08-25T15:30:00+07:00">25 Tháng Tám, 2020</time>
        <div data-body>
<!-- wp:paragraph -->
<p>Tại hội nghị, các đại biểu nghe báo cáo.</p>
<!-- /wp:paragraph -->
<figure class="wp-block-image size-large"><img src="${sampleImage('Hội nghị')}" alt="Quang cảnh hội nghị" width="640" height="360"/><figcaption>Quang cảnh hội nghị</figcaption></figure>
        </div>
        <p data-authors>Thúy Vân</p>
      </article>
    </portico-article-card>`);
    await vi.waitFor(() => {
      expect(part(card, 'body')).not.toBeNull();
    });
    expect(heading(card).textContent).toBe('Hội nghị giao ban công tác dân vận “tháng 8”');
    expect(partText(card, 'date')).toBe('25/8/2020');
    expect(partText(card, 'authors')).toBe('Thúy Vân');
    expect(partText(card, 'body')).toContain('Tại hội nghị, các đại biểu nghe báo cáo.');
    expect(part(card, 'body')!.querySelector('figure img')?.getAttribute('alt')).toBe('Quang cảnh hội nghị');
    expect(part(card, 'image'), 'the body’s image stays in the body').toBeNull();
    await expectNoAxeViolations(card);
  });

  it('reads the image, views and authors list from the markup of a card', async () => {
    const before = startButton();
    const card = await mountCard(`<portico-article-card lang="vi" variant="list">
      <article>
        <h3><a href="/bai-mau/8">Bài mẫu 8</a></h3>
        <time datetime="2020-08-18">18/8/2020</time> <span data-views="1500">Lượt xem: 1.500</span>
        <p data-lead>Tóm tắt bài mẫu 8.</p>
        <p data-authors><span data-author>Thúy Vân</span> và <span data-author>Bá Siêu</span></p>
        <img src="${sampleImage('Mẫu 8')}" alt="Ảnh bài mẫu 8" width="640" height="360">
      </article>
    </portico-article-card>`);
    expect(partText(card, 'lead')).toBe('Tóm tắt bài mẫu 8.');
    expect(heading(card).localName).toBe('h3');
    expect(partText(card, 'views')).toBe('Lượt xem: 1.500');
    const image = card.shadowRoot!.querySelector('img')!;
    expect([image.alt, image.getAttribute('width'), image.getAttribute('height')]).toEqual([
      'Ảnh bài mẫu 8',
      '640',
      '360',
    ]);
    card.variant = 'full';
    await card.updateComplete;
    expect(partText(card, 'authors')).toBe('Thúy Vân, Bá Siêu');
    card.variant = 'list';
    await card.updateComplete;
    before.focus();
    await userEvent.keyboard('{Tab}');
    expect(card.shadowRoot!.activeElement?.getAttribute('href')).toBe('/bai-mau/8');
    await userEvent.keyboard('{Tab}');
    expect(card.shadowRoot!.activeElement, 'the hidden server link is not a second stop').toBeNull();
  });

  it('reads markup that arrives after the element upgraded', async () => {
    warnings();
    const card = await mountCard('<portico-article-card lang="vi" variant="compact"></portico-article-card>');
    card.innerHTML = '<h3><a href="/bai-mau/9">Bài mẫu 9</a></h3><time datetime="2020-08-19">19/8/2020</time>';
    await vi.waitFor(() => {
      expect(heading(card).textContent).toBe('Bài mẫu 9');
    });
    expect(partText(card, 'date')).toBe('19/8/2020');

    // A change to an attribute deep in the markup is read too.
    card.querySelector('time')?.setAttribute('datetime', '2020-08-20');
    await vi.waitFor(() => {
      expect(card.shadowRoot!.querySelector('time')?.dateTime).toBe('2020-08-20');
    });
    expect(partText(card, 'date')).toBe('20/8/2020');
  });

  it('shows the date the markup prints when its datetime is not a date, with a warning', async () => {
    const warned = warnings();
    const card = await mountCard(`<portico-article-card lang="vi" variant="compact">
      <h3><a href="/bai-mau/9">Bài mẫu 9</a></h3><time datetime="hôm qua">Thứ Ba, 25/8/2020</time>
    </portico-article-card>`);
    expect(partText(card, 'date')).toBe('Thứ Ba, 25/8/2020');
    expect(card.shadowRoot!.querySelector('time'), 'no machine-readable date is made up').toBeNull();
    expect(warned.messages()).toContain('markup.published="hôm qua" is not a date; showing "Thứ Ba, 25/8/2020"');

    // A <time> without `datetime` holds its date as its text.
    card.innerHTML = '<h3>Bài mẫu 10</h3><time>2020-08-19</time>';
    await vi.waitFor(() => {
      expect(card.shadowRoot!.querySelector('time')?.dateTime).toBe('2020-08-19');
    });
    expect(partText(card, 'date')).toBe('19/8/2020');
  });

  it('shows markup it cannot read as it is, with a warning', async () => {
    const warned = warnings();
    const card = await mountCard(
      '<portico-article-card lang="vi"><p>Một đoạn văn không có tiêu đề.</p></portico-article-card>',
    );
    await expect.element(page.getByText('Một đoạn văn không có tiêu đề.')).toBeVisible();
    expect(card.shadowRoot!.querySelector('slot')).not.toBeNull();
    expect(warned.messages()).toContain('markup=');
    expect(warned.messages()).toContain('has no heading');
  });

  it('shows the markup until the source answers, then the source’s article', async () => {
    const { name } = testSource({ articles: seed.articles }, { latency: 50 });
    const card = await mountCard(
      `<portico-article-card lang="vi" variant="compact" source="${name}" article-id="${seedArticle.id}">
        <h3><a href="/tin-cu">Tin từ máy chủ</a></h3><time datetime="2020-08-24">24/8/2020</time>
      </portico-article-card>`,
    );
    expect(heading(card).textContent).toBe('Tin từ máy chủ');
    await vi.waitFor(() => {
      expect(heading(card).textContent).toBe(seedArticle.title);
    });
    expect(partText(card, 'date')).toBe('25/8/2020');
  });

  it('shows a placeholder while loading from the source, then the article', async () => {
    const { name } = testSource({ articles: seed.articles }, { latency: 100 });
    const card = await mountCard(
      `<portico-article-card lang="vi" variant="full" source="${name}" article-id="${seedArticle.id}"></portico-article-card>`,
    );
    const loading = part(card, 'loading')!;
    expect(loading.getAttribute('aria-busy')).toBe('true');
    await expect.element(page.getByRole('status')).toHaveTextContent('Đang tải…');
    await expectNoAxeViolations(card);
    await vi.waitFor(() => {
      expect(partText(card, 'authors')).toBe('Thúy Vân, Bá Siêu');
    });
    await card.updateComplete;
    expect(part(card, 'body')!.querySelectorAll('p')).toHaveLength(2);
  });

  it('keeps the picture’s box while loading in featured, and the thumbnail’s height in list: the article takes that place', async () => {
    const { name } = testSource({ articles: [sampleArticle(1)] }, { latency: 150 });
    const column = pageColumn(320);
    const featured = await cardWith(undefined, `lang="vi" source="${name}" article-id="bai-mau-1"`, column);
    const list = await cardWith(undefined, `lang="vi" variant="list" source="${name}" article-id="bai-mau-1"`, column);
    const pictureBox = (320 * 9) / 16;
    const thumbnailHeight = (120 * 3) / 4; // 7.5em at 16px, 4:3
    // The picture's box, the gap, the note's line.
    expect(part(featured, 'loading')!.getBoundingClientRect().height).toBeCloseTo(pictureBox + 8 + 24, 0);
    expect(part(list, 'loading')!.getBoundingClientRect().height).toBeCloseTo(thumbnailHeight, 0);
    await vi.waitFor(() => {
      expect(part(featured, 'image')).not.toBeNull();
      expect(part(list, 'image')).not.toBeNull();
    });
    const card = featured.getBoundingClientRect();
    const picture = part(featured, 'image')!.getBoundingClientRect();
    expect(picture.top).toBeCloseTo(card.top, 0);
    expect(picture.height).toBeCloseTo(pictureBox, 0);
    expect(part(list, 'image')!.getBoundingClientRect().height).toBeCloseTo(thumbnailHeight, 0);
    expect(list.getBoundingClientRect().height).toBeGreaterThanOrEqual(thumbnailHeight);
  });

  it('shows the placeholder, not the previous article, while another article-id loads', async () => {
    const second = { ...sampleArticle(2), id: 'bai-hai' };
    const { name } = testSource({ articles: [...seed.articles, second] }, { latency: 100 });
    const card = await mountCard(
      `<portico-article-card lang="vi" source="${name}" article-id="${seedArticle.id}"></portico-article-card>`,
    );
    await vi.waitFor(() => {
      expect(heading(card).textContent).toContain(seedArticle.title);
    });
    card.setAttribute('article-id', second.id);
    await card.updateComplete;
    expect(part(card, 'loading')?.getAttribute('aria-busy')).toBe('true');
    expect(card.shadowRoot!.textContent).not.toContain(seedArticle.title);
    await vi.waitFor(() => {
      expect(heading(card).textContent).toContain(second.title);
    });
  });

  it('lets an article set from JavaScript win over the source and the markup', async () => {
    warnings();
    const { name, memory } = testSource({ articles: seed.articles });
    const asked = vi.spyOn(memory, 'getArticle');
    const card = await mountCard(
      `<portico-article-card lang="vi" source="${name}" article-id="${seedArticle.id}"><h3>Tin từ máy chủ</h3></portico-article-card>`,
    );
    card.article = sampleArticle(1);
    // The source has answered, and the widget has rendered since.
    await vi.waitFor(() => {
      expect(asked).toHaveBeenCalled();
    });
    await Promise.allSettled(asked.mock.results.map((result): unknown => result.value));
    await card.updateComplete;
    expect(heading(card).textContent).toContain('Bài mẫu 1');
  });

  it('keeps the markup when the source fails, and says so when there is nothing to keep', async () => {
    warnings();
    const errors: unknown[] = [];
    const onError = (event: Event): void => {
      errors.push((event as CustomEvent<{ error: { code: string } }>).detail.error.code);
    };
    document.addEventListener('portico-error', onError);
    onCleanUp(() => {
      document.removeEventListener('portico-error', onError);
    });
    const { name } = testSource({ articles: seed.articles });
    const kept = await mountCard(
      `<portico-article-card lang="vi" source="${name}" article-id="khong-co"><h3>Tin từ máy chủ</h3></portico-article-card>`,
    );
    const empty = await mountCard(
      `<portico-article-card lang="en" source="${name}" article-id="khong-co"></portico-article-card>`,
    );
    await vi.waitFor(() => {
      expect(errors).toEqual(['not-found', 'not-found']);
    });
    await kept.updateComplete;
    await empty.updateComplete;
    expect(heading(kept).textContent).toBe('Tin từ máy chủ');
    expect(partText(empty, 'empty'), 'not a failure to load').toBe('This content was not found');
    // In the warning colour, as every widget shows a failure, not in an empty note's grey.
    expect(getComputedStyle(part(empty, 'error')!).color).toBe('rgb(138, 75, 0)');
    await expectNoAxeViolations(empty);
  });

  it('warns when source is given without article-id', async () => {
    const warned = warnings();
    const { name } = testSource({ articles: seed.articles });
    const card = await mountCard(`<portico-article-card lang="vi" source="${name}"></portico-article-card>`);
    expect(warned.messages()).toContain('article-id (not given) is required with source');
    expect(partText(card, 'empty')).toBe('Chưa có nội dung');
  });

  it('names the attribute a template misspelt for article-id', async () => {
    const warned = warnings();
    const { name } = testSource({ articles: seed.articles });
    for (const written of ['articleid', 'article_id']) {
      await mountCard(`<portico-article-card lang="vi" source="${name}" ${written}="5"></portico-article-card>`);
      expect(warned.messages()).toContain(
        `<portico-article-card>: ${written}="5" is not an attribute it reads: did you mean article-id?`,
      );
      expect(warned.messages()).toContain(
        '<portico-article-card>: article-id (not given) is required with source; showing "Chưa có nội dung".',
      );
    }
  });
});

describe('<portico-article-card> bad data', () => {
  it('runs nothing from a body carrying <script> or onerror=, and warns', async () => {
    const warned = warnings();
    const card = await cardWith(
      {
        ...seedArticle,
        body: '<p>Đoạn một<script>window.__porticoPwned = 1</script></p><img src="x" onerror="window.__porticoPwned = 2" alt="ảnh"><p onclick="window.__porticoPwned = 3">Đoạn hai</p>',
      },
      'lang="vi" variant="full"',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const body = part(card, 'body')!;
    expect(body.querySelectorAll('p')).toHaveLength(2);
    expect(body.textContent).toBe('Đoạn mộtĐoạn hai');
    expect(body.querySelector('script, [onerror], [onclick]')).toBeNull();
    body.querySelector('p')!.click();
    expect(pwned()).toBeUndefined();
    expect(warned.messages()).toContain('article.body=');
    expect(warned.messages()).toContain('had unsafe HTML, removed <script>, onclick, onerror; showing "the rest".');
  });

  it('says nothing of an editor’s classes, ids and kept alignment, and names what an article does not keep', async () => {
    const warned = warnings();
    const card = await cardWith(
      {
        ...seedArticle,
        body: '<p class="has-text-align-justify" id="muc-1" style="text-align:justify">Đoạn một</p><p>Đoạn hai</p>',
      },
      'lang="vi" variant="full"',
    );
    await vi.waitFor(() => {
      expect(part(card, 'body')?.querySelector('[data-align="justify"]')?.textContent).toBe('Đoạn một');
    });
    expect(warned.messages()).not.toContain('article.body=');

    const embed = await cardWith(
      { ...seedArticle, body: '<div class="wp-block-embed"><video src="/v.mp4"></video><p>Đoạn</p></div>' },
      'lang="vi" variant="full"',
    );
    await vi.waitFor(() => {
      expect(part(embed, 'body')?.textContent).toBe('Đoạn');
    });
    expect(warned.messages()).toContain(
      'had HTML an article body does not keep, removed <div>, <video>; showing "the rest".',
    );
  });

  it('shows markup in a title, lead, source or author as text', async () => {
    const article: Article = {
      id: 'x',
      title: 'Tin <b>nóng</b>',
      url: '/tin',
      source: '<img src=x onerror="window.__porticoPwned = 1">',
      published: '2020-08-25',
      lead: '<script>window.__porticoPwned = 2</script>Tóm tắt',
      authors: ['<img src=x onerror="window.__porticoPwned = 3">', 'Bá Siêu'],
    };
    for (const variant of VARIANTS) {
      const card = await cardWith(article, `lang="vi" variant="${variant}"`);
      expect(heading(card).textContent, variant).toBe('Tin <b>nóng</b>');
      expect(heading(card).querySelector('b'), variant).toBeNull();
      if (variant !== 'compact') {
        expect(partText(card, 'lead')).toBe(
          '(<img src=x onerror="window.__porticoPwned = 1">)- <script>window.__porticoPwned = 2</script>Tóm tắt',
        );
      }
      expect(card.shadowRoot!.querySelector('script, img, [onerror]'), variant).toBeNull();
      cleanUpMounted();
    }
    const full = await cardWith(article, 'lang="vi" variant="full"');
    expect(partText(full, 'authors')).toBe('<img src=x onerror="window.__porticoPwned = 3">, Bá Siêu');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pwned()).toBeUndefined();
  });

  it('dates a published date-time in its time-zone, the same day for every reader', async () => {
    const warned = warnings();
    // 20:00 UTC on 25 August is 03:00 on the 26th in Vietnam.
    const late = { ...seedArticle, published: '2020-08-25T20:00:00Z' };
    const dated = async (timeZone: string) =>
      partText(await cardWith(late, `lang="vi" time-zone="${timeZone}"`), 'date');
    expect(await dated('Asia/Ho_Chi_Minh')).toBe('26/8/2020');
    expect(await dated('UTC')).toBe('25/8/2020');
    expect(await dated('America/Los_Angeles')).toBe('25/8/2020');
    // A date without a time is that day everywhere.
    expect(partText(await cardWith(seedArticle, 'lang="vi" time-zone="Pacific/Kiritimati"'), 'date')).toBe('25/8/2020');
    expect(await dated('Sao Hỏa/Thủ đô')).toBe('25/8/2020');
    expect(warned.messages()).toContain('time-zone="Sao Hỏa/Thủ đô" is not a time zone; showing "UTC"');
  });

  it('falls back for a missing title and a missing date, with warnings naming the fields', async () => {
    const warned = warnings();
    const card = await cardWith({ id: 'x', url: '/x', lead: 'Một tóm tắt được dùng làm tiêu đề.' }, 'lang="vi"');
    expect(heading(card).textContent).toBe('Một tóm tắt được dùng làm tiêu đề.');
    expect(part(card, 'date')).toBeNull();
    expect(warned.messages()).toContain('article.title (not given) is required');
    expect(warned.messages()).toContain('article.published (not given) is not a date');
    await expectNoAxeViolations(card);

    const bare = await cardWith({ id: 'y' }, 'lang="en"');
    expect(heading(bare).textContent, 'with nothing to make a title from').toBe('Nothing to show yet');
  });

  it('leaves out fields of the wrong type, never throwing, and names each', async () => {
    const warned = warnings();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 42 }, 'article.title=42 is not text'],
      [{ published: 'hôm qua' }, 'article.published="hôm qua" is not a date'],
      [{ published: { day: 25 } }, 'article.published={"day":25} is not a date'],
      [{ authors: [1, 'Bá Siêu'] }, 'article.authors=[1,"Bá Siêu"] is not a list of names; showing "Bá Siêu"'],
      [{ image: 'anh.jpg' }, 'article.image="anh.jpg" has no src'],
      [{ image: { src: 5 } }, 'article.image={"src":5} has no src'],
      [
        { image: { src: 'javascript:window.__porticoPwned = 1' } },
        'article.image.src="javascript:window.__porticoPwned = 1" is not an http(s) address nor an inline image; showing "no image"',
      ],
      [{ image: { src: 'data:text/html,<svg/>' } }, 'article.image.src="data:text/html,<svg/>" is not an http(s)'],
      [{ image: { src: sampleImage('x'), width: 'rộng', height: 300 } }, 'article.image.width/height=["rộng",300]'],
      [{ views: 'nhiều' }, 'article.views="nhiều" is not a count'],
      [{ lead: { text: 'x' } }, 'article.lead={"text":"x"} is not text'],
      [{ body: 42 }, 'article.body=42 is not text'],
      [{ url: 'javascript:window.__porticoPwned = 1' }, 'is not a web address; showing "no link"'],
      [{ url: 'data:text/html,<script>1</script>' }, 'article.url="data:text/html'],
    ];
    for (const [fields, named] of cases) {
      for (const variant of VARIANTS) {
        const card = await cardWith({ ...seedArticle, ...fields }, `lang="vi" variant="${variant}"`);
        expect(heading(card).textContent.trim().length, `${named} in ${variant}`).toBeGreaterThan(0);
        expect(warned.messages(), variant).toContain(named);
        cleanUpMounted();
      }
    }
    const unsafe = await cardWith(
      { ...seedArticle, url: 'javascript:window.__porticoPwned = 1', image: { src: 'javascript:1' } },
      'lang="vi"',
    );
    expect(focusables(unsafe), 'no link to a script').toHaveLength(0);
    expect(unsafe.shadowRoot!.querySelector('img'), 'no image from a script address').toBeNull();
    expect(heading(unsafe).textContent).toBe(seedArticle.title);
    const sized = await cardWith(
      { ...seedArticle, image: { src: sampleImage('x'), width: 'rộng', height: 300 } },
      'lang="vi"',
    );
    expect(sized.shadowRoot!.querySelector('img')!.hasAttribute('width'), 'falls back to the aspect-ratio box').toBe(
      false,
    );
  });

  it('shows a clear note for something that is not an article, or no data at all', async () => {
    const warned = warnings();
    for (const value of ['một chuỗi', 42, ['mảng']]) {
      const card = await cardWith(value, 'lang="vi" variant="list"');
      expect(partText(card, 'empty')).toBe('Chưa có nội dung');
      await expectNoAxeViolations(card);
      cleanUpMounted();
    }
    expect(warned.messages()).toContain('article="một chuỗi" is not an Article');
    expect(warned.messages()).toContain('article=["mảng"] is not an Article');
    const nothingAtAll = await mountCard('<portico-article-card lang="en"></portico-article-card>');
    expect(partText(nothingAtAll, 'empty')).toBe('Nothing to show yet');
    expect(warned.messages()).not.toContain('article is missing');
    // Said once the widget has had no data for a while: a script may still be about to set it.
    await vi.waitFor(
      () => {
        expect(warned.messages()).toContain('article is missing');
      },
      { timeout: MISSING_DATA_GRACE_MS + 2_000 },
    );
  });

  it('still says the article is missing after the card is taken out of the page and put back', async () => {
    const warned = warnings();
    const card = await mountCard('<portico-article-card lang="en"></portico-article-card>');
    const holder = card.parentElement!;
    card.remove();
    await new Promise((resolve) => setTimeout(resolve, MISSING_DATA_GRACE_MS + 200));
    expect(warned.messages()).not.toContain('article is missing');
    holder.append(card);
    await vi.waitFor(
      () => {
        expect(warned.messages()).toContain('article is missing');
      },
      { timeout: MISSING_DATA_GRACE_MS + 2_000 },
    );
  });

  it('does not warn that the article is missing when a script sets it just after the upgrade', async () => {
    const warned = warnings();
    const card = await mountCard('<portico-article-card lang="vi" variant="list"></portico-article-card>');
    expect(partText(card, 'empty')).toBe('Chưa có nội dung');
    // As a framework does after mounting, or a page's script once its fetch answers.
    await new Promise((resolve) => setTimeout(resolve, MISSING_DATA_GRACE_MS / 2));
    card.article = seedArticle;
    await expect.element(page.getByRole('heading', { name: seedArticle.title })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, MISSING_DATA_GRACE_MS));
    expect(warned.messages()).not.toContain('missing');
  });

  it('treats empty lists, empty strings and nulls as nothing to show, without a warning', async () => {
    const warned = warnings();
    const empty = await cardWith({ ...seedArticle, authors: [], lead: '', body: '' }, 'lang="vi" variant="full"');
    const nulls = await cardWith(
      { ...seedArticle, authors: null, lead: null, body: null, image: null, views: null, source: null },
      'lang="vi" variant="full"',
    );
    for (const card of [empty, nulls]) {
      expect(heading(card).textContent).toBe(seedArticle.title);
      expect(part(card, 'byline')).toBeNull();
      expect(part(card, 'lead')).toBeNull();
      expect(part(card, 'body')).toBeNull();
      expect(part(card, 'image')).toBeNull();
    }
    expect(warned.messages()).toBe('');
  });

  it('warns about an unknown variant or heading-level and uses the defaults', async () => {
    const warned = warnings();
    const card = await cardWith(seedArticle, 'lang="vi" variant="poster" heading-level="9"');
    expect(part(card, 'article')!.classList.contains('featured')).toBe(true);
    expect(heading(card).localName).toBe('h3');
    expect(warned.messages()).toContain(
      'variant="poster" is not one of featured, full, list, compact; showing "featured"',
    );
    expect(warned.messages()).toContain('heading-level="9" is not 1–6; showing "3"');
  });
});

describe('<portico-article-card> accessibility and theming', () => {
  it('is axe clean in every variant, with and without an image, in vi and en', async () => {
    for (const lang of ['vi', 'en']) {
      for (const variant of VARIANTS) {
        for (const article of [sampleArticle(1), seedArticle]) {
          const card = await cardWith(article, `lang="${lang}" variant="${variant}" reading-time`);
          await expectNoAxeViolations(card);
          cleanUpMounted();
        }
      }
    }
  });

  it('is axe clean and legible in dark mode, and themed through custom properties and parts', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed { --portico-article-card-title-color: rgb(200, 0, 0); }
      .themed portico-article-card::part(meta) { letter-spacing: 2px; }
      .dark { color-scheme: dark; background: #000; }`;
    document.head.append(style);
    onCleanUp(() => {
      style.remove();
    });
    const wrapper = document.createElement('div');
    wrapper.className = 'themed dark';
    document.body.append(wrapper);
    onCleanUp(() => {
      wrapper.remove();
    });
    const card = await cardWith(sampleArticle(1), 'lang="vi" variant="list"', wrapper);
    expect(getComputedStyle(heading(card)).color).toBe('rgb(200, 0, 0)');
    expect(getComputedStyle(part(card, 'meta')!).letterSpacing).toBe('2px');
    expect(getComputedStyle(part(card, 'meta')!).color).not.toBe(getComputedStyle(document.body).color);
    style.textContent = '.dark { color-scheme: dark; background: #000; }';
    await expectNoAxeViolations(card);
  });

  it('keeps a wide table and a long line of code inside the card on a phone: they scroll sideways, the page does not', async () => {
    const row = (cells: string[], tag: 'th' | 'td') =>
      `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
    const card = await cardWith(
      {
        ...seedArticle,
        body: `<p>Kết quả:</p><table>${row(['Xã', 'Số hộ', 'Đã thăm', 'Nguồn', 'Ghi chú'], 'th')}${row(
          ['Vọng Thê', '1.204', '1.180', 'https://www.angiang.dcs.vn/Lists/TinTuc/DispForm.aspx?ID=1234567890', 'đủ'],
          'td',
        )}</table><pre>curl -s https://www.angiang.dcs.vn/Lists/TinTuc/DispForm.aspx?ID=1234567890&amp;Source=trang-chu</pre>`,
      },
      'lang="vi" variant="full"',
      pageColumn(344),
    );
    await vi.waitFor(() => {
      expect(part(card, 'body')?.querySelector('table')).not.toBeNull();
    });
    const body = part(card, 'body')!;
    const table = body.querySelector('table')!;
    const code = body.querySelector('pre')!;
    expect(card.scrollWidth, 'nothing sticks out of the card').toBeLessThanOrEqual(344);
    for (const wide of [table, code]) {
      expect(wide.getBoundingClientRect().width, `${wide.localName} within the card`).toBeLessThanOrEqual(344);
      expect(wide.scrollWidth, `${wide.localName} scrolls sideways`).toBeGreaterThan(wide.clientWidth);
    }
    const cell = table.querySelector('td')!;
    expect(getComputedStyle(cell).borderTopWidth, 'cells are ruled').toBe('1px');
    expect(getComputedStyle(cell).paddingInlineStart).not.toBe('0px');
    expect(cell.textContent).toBe('Vọng Thê');
  });

  it('fits a narrow sidebar with a long Vietnamese title', async () => {
    const card = await cardWith(
      sampleArticle(1, {
        title:
          'Thoại Sơn: Hội nghị giao ban công tác dân vận tháng 8 năm 2020 và triển khai nhiệm vụ trọng tâm tháng 9',
      }),
      'lang="vi" variant="list"',
      pageColumn(240),
    );
    expect(card.getBoundingClientRect().width).toBeLessThanOrEqual(240);
    expect(card.scrollWidth).toBeLessThanOrEqual(card.clientWidth);
  });
});

describe('<portico-article-card> any bad input', () => {
  it('never throws and never shows a blank box, whatever its attributes and properties', async () => {
    await expectToSurviveBadInput('portico-article-card', {
      manifest,
      attributes: {
        lang: oddLang,
        'article-id': fc.constantFrom('bai-1', '', ' '),
        variant: fc.constantFrom('full', 'featured', 'list', 'compact', 'x'),
        'reading-time': fc.option(fc.constant(''), { nil: undefined }),
        'time-zone': fc.constantFrom('Asia/Ho_Chi_Minh', 'UTC', 'Mars/Olympus', ''),
      },
      source: { capability: 'getArticle', answers: damaged(seed.articles[0]) },
      markup: oddMarkup,
      properties: {
        article: fc.option(damaged(seed.articles[0]), { nil: undefined }),
      },
    });
  });
});
