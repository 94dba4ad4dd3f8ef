import {
  contentLang,
  estimateReadingMinutes,
  excerpt,
  formatAuthors,
  formatDate,
  formatInteger,
  isKnownTimeZone,
  parseCount,
  shownText,
  toDateTimeAttribute,
  type Article,
  type Image,
} from '@portico/core';
import {
  baseStyles,
  MarkupObserver,
  onServer,
  PorticoElement,
  safeLink,
  sanitizeHtml,
  sanitizeHtmlOnServer,
  SourceController,
  type HeadingLevel,
  isImageAddress,
  IMAGE_ADDRESS_PROBLEM,
} from '@portico/element';
import { html, noChange, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { readArticleMarkup, type ArticleFields } from './article-markup.js';
import { articleCardStyles } from './article-card.styles.js';
import { bodyOpensWithLead } from './lead-in-body.js';

/**
 * `full`: the whole article, as an article page lays it out; `featured`: image above the
 * title; `list`: a thumbnail beside the title, date and a clamped lead; `compact`: title and date.
 */
export type ArticleCardVariant = 'full' | 'featured' | 'list' | 'compact';

// The first is the default.
const VARIANTS: readonly [ArticleCardVariant, ...ArticleCardVariant[]] = ['featured', 'full', 'list', 'compact'];

const DEFAULT_LEAD_LINES = 3;

/** The title as an `h1`–`h6`: a template per level (a static template would cost the CDN build Lit's static-html module). */
function headingOf(level: HeadingLevel, content: unknown): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 part="title">${content}</h1>`;
    case 2:
      return html`<h2 part="title">${content}</h2>`;
    case 3:
      return html`<h3 part="title">${content}</h3>`;
    case 4:
      return html`<h4 part="title">${content}</h4>`;
    case 5:
      return html`<h5 part="title">${content}</h5>`;
    case 6:
      return html`<h6 part="title">${content}</h6>`;
  }
}

/** The article's plain-text fields (and `body`, HTML), each a string when given. */
const TEXT_FIELDS = ['title', 'url', 'source', 'lead', 'body'] as const;

interface ShownImage {
  src: string;
  alt: string;
  srcset: string | undefined;
  /** Both or neither: with both, the image keeps its own shape. */
  width: number | undefined;
  height: number | undefined;
}

/** The article as the card shows it: every field checked, unusable ones left out. */
interface ShownArticle {
  title: string;
  url: string | undefined;
  source?: string | undefined;
  /** For `<time datetime>`; `undefined` when `date` is the markup's text, which could not be read. */
  datetime: string | undefined;
  date: string | undefined;
  lead?: string | undefined;
  body?: string | undefined;
  authors: string[];
  image: ShownImage | undefined;
  views: bigint | undefined;
  lang?: string | undefined;
  /** The level of the heading server markup gave the title: the page's outline, kept. */
  markupHeadingLevel?: HeadingLevel | undefined;
}

/**
 * One article: the whole of it as an article page shows it (`full`), or a card linking to
 * it (`featured`, `list`, `compact`) that is clickable as a whole through its title link.
 * The seed portal's article, in Vietnamese: its title, `25/8/2020`, the lead introduced by
 * its source tag (`(TUAG)- Ngày 25/8/2020, …`), the body paragraphs and the byline
 * `Thúy Vân, Bá Siêu`.
 *
 * Data, in order of precedence: the `article` property; the `source` (its `getArticle` with
 * `article-id`); the server-rendered article markup inside the element (see the README),
 * which shows until the source answers and stays in the document for search engines.
 * Text from the CMS is shown as text; the body is HTML and passes the sanitizer.
 *
 * @tagname portico-article-card
 * @summary One article, in full or as a card: title, date, lead, byline, image, views.
 *
 * @slot - The server-rendered article (an `<article>` with a heading, `<time>`, `[data-lead]`, `[data-body]`, `[data-authors]`, `<img>`): read as data, and shown as it is only when it has no heading to read.
 *
 * @event {CustomEvent<{ error: SourceError }>} portico-error - The source failed; `detail.error` is a `SourceError`. The server-rendered article, or the last one loaded, stays.
 *
 * @csspart article - The `<article>` box.
 * @csspart text - In the cards, the box of the title, date line and lead, beside or below the image.
 * @csspart title - The heading.
 * @csspart link - The title link; its `::after` covers the card, so the whole card is clickable.
 * @csspart meta - The line with the date, views and reading time.
 * @csspart date - The `<time>` element.
 * @csspart views - The view count (`Lượt xem: 1.234`).
 * @csspart reading-time - The reading time (`reading-time`).
 * @csspart image - The image.
 * @csspart lead - The lead paragraph.
 * @csspart source - The source tag before the lead, `(TUAG)- `.
 * @csspart body - The sanitized body (`full`).
 * @csspart byline - The byline at the end (`full`).
 * @csspart authors - The authors' names in the byline, `Thúy Vân, Bá Siêu`.
 * @csspart loading - The placeholder shown while the source loads.
 * @csspart empty - The note shown when there is no article at all.
 * @csspart error - Added to `empty` when the source failed and there is no article to keep.
 *
 * @cssproperty --portico-article-card-reserve - The height `before-upgrade.css` reserves before the script runs, for a card fed from a source (default: one line, 1.5em).
 * @cssproperty --portico-article-card-gap - Space between the title, date line, lead and body (default 0.5em).
 * @cssproperty --portico-article-card-title-size - Title size in the cards (default 1.125em).
 * @cssproperty --portico-article-card-full-title-size - Title size in `full` (default 1.5em).
 * @cssproperty --portico-article-card-title-color - Title and title link colour (default: the text colour).
 * @cssproperty --portico-article-card-image-ratio - Image aspect ratio when the data gives no width and height, and of list thumbnails (default 16 / 9; 4 / 3 for thumbnails).
 * @cssproperty --portico-article-card-thumbnail-size - Width of the `list` thumbnail (default 7.5em).
 * @cssproperty --portico-article-card-list-text-size - The least width of a `list` card's text beside its thumbnail (default 10em); narrower, the image goes above it, full width.
 */
export class PorticoArticleCard extends PorticoElement {
  static override styles = [baseStyles, articleCardStyles];

  static override properties: PropertyDeclarations = {
    article: { attribute: false },
    variant: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    articleId: { attribute: 'article-id', reflect: true },
    leadLines: { attribute: 'lead-lines', type: Number },
    readingTime: { attribute: 'reading-time', type: Boolean },
    timeZone: { attribute: 'time-zone' },
  };

  /** The article, set from JavaScript: wins over `source` and the server-rendered markup. */
  declare article: Article | null | undefined;

  /** `featured` (default), `full`, `list` or `compact`. */
  declare variant: ArticleCardVariant;

  /** The title's heading level, 1–6 (default 3; 1 for `full`). */
  declare headingLevel: HeadingLevel | null | undefined;

  /** The article to load from `source` (its `getArticle(id)`). */
  declare articleId: string | undefined;

  /** Lines of the lead the `list` variant shows before cutting it with an ellipsis (default 3). */
  declare leadLines: number;

  /** Add the estimated reading time to the date line (not in `compact`). */
  declare readingTime: boolean;

  /**
   * The IANA time zone a published date-time is dated in (`Asia/Ho_Chi_Minh`: the site's, so
   * every reader, and a server rendering the page, gives the same day); default: the reader's.
   * A date without a time is the same day everywhere. An unknown zone dates in UTC.
   */
  declare timeZone: string | undefined;

  readonly #data = new SourceController<Article>(this, () => ({
    name: this.article == null && this.articleId ? this.source : undefined,
    capability: 'getArticle',
    key: this.articleId ?? '',
    fetch: (source, options) => source.getArticle?.(this.articleId ?? '', options),
  }));

  /** The article on screen, read before each render. */
  #shown: ShownArticle | undefined;
  #bodyHtml: string | undefined;
  /**
   * The sanitized body: its nodes in the browser; on the server, its HTML as the renderer's
   * content; `noChange` while the nodes are the ones a server rendered (sanitized there), taken
   * over as they are.
   */
  #bodyContent: unknown;
  #leadInBody: { body: string | undefined; lead: string; opens: boolean } | undefined;
  #pendingBody: Promise<void> | undefined;
  /** The printed body's height as the head stylesheet drew it: held while the sanitizer loads. */
  #printedBodyHeight = 0;
  /** An image address that failed to load: the card is laid out without it. */
  #failedImage: string | undefined;

  constructor() {
    super();
    // Upgrading a printed card: measured while it is still `:not(:defined)`, as the head
    // stylesheet draws it. Its first body waits for the sanitizer to load, and the card keeps
    // this height meanwhile instead of shrinking and growing again.
    if (this.isConnected && this.getAttribute('variant') === 'full') {
      this.#printedBodyHeight = this.querySelector('[data-body]')?.getBoundingClientRect().height ?? 0;
    }
    this.variant = 'featured';
    this.leadLines = DEFAULT_LEAD_LINES;
    this.readingTime = false;
    // The server markup may stream in after the element upgrades, or the CMS may change it.
    new MarkupObserver(this, () => {
      this.requestUpdate();
    });
  }

  /** Also waits for the body to be sanitized and rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#pendingBody) {
      await this.#pendingBody;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#shown = this.#currentArticle();
    this.#showBody(this.#variantShown() === 'full' ? this.#shown?.body : undefined);
  }

  /**
   * A lead cut beyond the stylesheet's 12 lines gets its count through the CSSOM, which a strict
   * Content-Security-Policy allows, where it refuses a `style` attribute in server-rendered HTML.
   * (A server-rendered lead of more than 12 lines is cut once the card hydrates.)
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const lead = this.renderRoot.querySelector<HTMLElement>('[part~="lead"]');
    const lines = Number(lead?.dataset.lines);
    if (lines > 12) lead?.style.setProperty('--_lead-lines', String(lines));
    else lead?.style.removeProperty('--_lead-lines');
    // Through the CSSOM, as above: a strict Content-Security-Policy refuses a style attribute.
    const reserved = this.renderRoot.querySelector<HTMLElement>('[part~="body"][data-reserved]');
    reserved?.style.setProperty('min-block-size', `${String(this.#printedBodyHeight)}px`);
  }

  override render(): TemplateResult {
    const article = this.#shown;
    if (article) return this.#renderArticle(article, this.#variantShown());
    // Server markup the widget cannot read stays as it is.
    if (this.hasServerMarkup()) return html`<slot></slot>`;
    const loading = this.#data.state === 'loading';
    const note = this.emptyStateText(this.#data.state, this.#data.error);
    const part = loading ? 'loading' : this.emptyStatePart('empty', this.#data.state);
    const lang = this.phraseLang ?? nothing;
    // Loading, the note stands in the card's shape: below the picture's box in `featured`, as
    // tall as the thumbnail in `list` (as the head stylesheet draws the tag before its script).
    const shape = loading ? this.#variantShown() : nothing;
    return html`<p part=${part} class=${shape} role="status" aria-busy=${loading} lang=${lang}>${note}</p>`;
  }

  #variantShown(): ArticleCardVariant {
    return this.oneOf('variant', this.variant, VARIANTS);
  }

  #renderArticle(article: ShownArticle, variant: ArticleCardVariant): TemplateResult {
    const full = variant === 'full';
    const { image } = article;
    const lang = this.textLang(article.lang);
    const shownImage = variant !== 'compact' && image?.src !== this.#failedImage ? image : undefined;
    // The date line and "Written by" are the widget's own text, in its phrases' language, even
    // inside an article in another.
    const interfaceLang = lang ? (this.phraseLang ?? this.locale) : nothing;

    const fallback = article.markupHeadingLevel ?? (full ? 1 : 3);
    const level = this.readHeadingLevel(this.headingLevel, fallback);
    // `full` is the article itself: its title links nowhere.
    const link = !full && article.url;
    const title = headingOf(level, link ? html`<a part="link" href=${link}>${article.title}</a>` : article.title);

    const meta = this.#renderMeta(article, variant);
    const date = article.datetime
      ? html`<time part="date" datetime=${article.datetime}>${article.date}</time>`
      : article.date
        ? html`<span part="date">${article.date}</span>`
        : nothing;
    const metaLine =
      date === nothing && meta.length === 0 ? nothing : html`<p part="meta" lang=${interfaceLang}>${date}${meta}</p>`;

    const lines = this.readNumberAttribute(
      'lead-lines',
      this.leadLines,
      (value) => Number.isInteger(value) && value > 0,
      'is not 1 or more',
      DEFAULT_LEAD_LINES,
    );
    // 1 to 12 lines from the stylesheet (`data-lines`), more from `updated()`: never an inline style.
    const clampLines = variant === 'list' ? lines : nothing;
    const source = article.source ? html`<span part="source">(${article.source})- </span>` : nothing;
    // In full, a lead the body opens with (an automatic excerpt) is left to the body, once it
    // shows; not when it carries the source tag, which only the lead shows.
    const leadInBody = full && !article.source && this.#bodyContent !== undefined && this.#bodyOpensWithLead(article);
    const lead =
      article.lead && variant !== 'compact' && !leadInBody
        ? html`<p part="lead" data-lines=${clampLines}>${source}${article.lead}</p>`
        : nothing;

    const picture = shownImage
      ? html`<img
          part="image"
          src=${shownImage.src}
          srcset=${shownImage.srcset ?? nothing}
          alt=${shownImage.alt}
          width=${shownImage.width ?? nothing}
          height=${shownImage.height ?? nothing}
          loading="lazy"
          decoding="async"
          @error=${this.#onImageError}
        />`
      : nothing;

    // Names are joined as the article's language writes them.
    const names = full ? formatAuthors(article.authors, lang ?? this.locale) : '';
    const byline = names
      ? html`<p part="byline">
          <span part="authors" aria-hidden="true">${names}</span>
          <span class="visually-hidden" lang=${interfaceLang}
            >${this.#writtenBy(names, interfaceLang === nothing ? undefined : lang)}</span
          >
        </p>`
      : nothing;
    const body =
      this.#bodyContent !== undefined
        ? html`<div part="body">${this.#bodyContent}</div>`
        : this.#pendingBody && this.#printedBodyHeight
          ? html`<div part="body" data-reserved></div>`
          : nothing;

    // The heading comes first for screen readers; the styles put a card's image above or beside it.
    return html`<article part="article" class="${variant} ${shownImage ? 'has-image' : ''}" lang=${lang ?? nothing}>
      ${
        full
          ? html`${title}${metaLine}${picture}${lead}${body}${byline}`
          : html`<div part="text">${title}${metaLine}${lead}</div>
              ${picture}`
      }
    </article>`;
  }

  /**
   * "Written by" and the names, for screen readers. The phrase is in the interface's language;
   * the names, where that is another (`namesLang`), keep the article's, so a voice reads them.
   */
  #writtenBy(names: string, namesLang: string | undefined): unknown {
    if (namesLang === undefined) return this.phrase('WRITTEN_BY', names);
    const [before, after] = this.phrase('WRITTEN_BY', '\u0000').split('\u0000');
    return after === undefined ? before : html`${before}<span lang=${namesLang}>${names}</span>${after}`;
  }

  /** Whether the article's body opens with its lead: worked out again only when either changes. */
  #bodyOpensWithLead({ body, lead = '' }: ShownArticle): boolean {
    const known = this.#leadInBody;
    if (known && known.body === body && known.lead === lead) return known.opens;
    const opens = bodyOpensWithLead(body, lead);
    this.#leadInBody = { body, lead, opens };
    return opens;
  }

  /** The view count and reading time, for the date line (not in `compact`). */
  #renderMeta(article: ShownArticle, variant: ArticleCardVariant): TemplateResult[] {
    const locale = this.locale;
    if (variant === 'compact') return [];
    const meta: TemplateResult[] = [];
    if (article.views !== undefined) {
      meta.push(
        html`<span part="views">${this.phrase('ARTICLE_HITS', formatInteger(article.views, { locale }))}</span>`,
      );
    }
    const minutes = this.readingTime
      ? estimateReadingMinutes(article.body ?? article.lead, { isHtml: !!article.body, locale })
      : 0;
    if (minutes) {
      meta.push(
        html`<span part="reading-time">${this.phrase('READING_TIME', formatInteger(minutes, { locale }))}</span>`,
      );
    }
    return meta;
  }

  readonly #onImageError = (event: Event): void => {
    const src = (event.target as HTMLImageElement).getAttribute('src') ?? '';
    this.warnInvalid('article.image.src', src, 'did not load', 'no image');
    this.#failedImage = src;
    this.requestUpdate();
  };

  /** The article by precedence: the property, the source's answer, the server markup. */
  #currentArticle(): ShownArticle | undefined {
    const fromScript = this.article != null;
    if (this.source && !this.articleId && !fromScript) {
      this.warnInvalid('article-id', undefined, 'is required with source', this.phrase('EMPTY'));
    }
    const article =
      (fromScript ? this.#readArticle(this.article, 'article') : undefined) ??
      (this.#data.value === undefined ? undefined : this.#readArticle(this.#data.value, 'source data'));
    if (article) return article;
    if (this.hasServerMarkup()) {
      if (!this.canReadServerMarkup('article is')) return undefined;
      const markup = readArticleMarkup(this);
      if (markup) {
        const shown = this.#readArticle(markup, 'markup', markup.printedDate);
        return shown && { ...shown, markupHeadingLevel: markup.headingLevel };
      }
      this.warnInvalid('markup', this.innerHTML.slice(0, 80), 'has no heading (h1–h6)', 'it as it is');
    } else if (!fromScript && this.#data.state === 'idle') {
      this.warnMissing(
        'article',
        'is missing (give an article, source and article-id, or markup)',
        this.phrase('EMPTY'),
      );
    }
    return undefined;
  }

  /**
   * Checks every field: one of the wrong type is left out, with a warning naming it. A date
   * that cannot be read shows as `printedDate`, the markup's own text, if there is one.
   */
  #readArticle(value: unknown, origin: string, printedDate?: string): ShownArticle | undefined {
    if (typeof value !== 'object' || !value || Array.isArray(value)) {
      this.warnInvalid(origin, value, 'is not an Article', this.phrase('EMPTY'));
      return undefined;
    }
    const locale = this.locale;
    const fields = value as ArticleFields;
    const warn = (field: string, raw: unknown, problem: string, shown = ''): void => {
      this.warnInvalid(`${origin}.${field}`, raw, problem, shown);
    };
    const text: Partial<Record<keyof Article, string | undefined>> = {};
    for (const field of TEXT_FIELDS) {
      const raw = fields[field];
      if (typeof raw === 'string') text[field] = shownText(raw);
      else if (raw != null) warn(field, raw, 'is not text');
    }

    let title = text.title;
    if (!title) {
      // A title made from the lead says more than a placeholder.
      title = excerpt(text.lead, 80, { locale }) || this.phrase('EMPTY');
      warn('title', fields.title, 'is required', title);
    }
    let url = text.url;
    if (url && !safeLink(url)) {
      warn('url', url, 'is not a web address', 'no link');
      url = undefined;
    }
    const datetime = toDateTimeAttribute(fields.published);
    if (!datetime) warn('published', fields.published, 'is not a date', printedDate);
    const views = fields.views == null ? undefined : parseCount(fields.views);
    if (views === undefined && fields.views != null) warn('views', fields.views, 'is not a count');
    const authors: unknown[] = fields.authors == null ? [] : [fields.authors].flat();
    const names = authors.filter((name): name is string => typeof name === 'string');
    if (names.length < authors.length) warn('authors', fields.authors, 'is not a list of names', names.join(', '));

    const image = fields.image;
    const { src, alt, srcset, width, height } = (image && typeof image === 'object' ? image : {}) as Partial<
      Record<keyof Image, unknown>
    >;
    const hasSrc = typeof src === 'string' && src.trim() !== '' && isImageAddress(src);
    if (typeof src === 'string' && src.trim() !== '' && !hasSrc)
      warn('image.src', src, IMAGE_ADDRESS_PROBLEM, 'no image');
    else if (image != null && !hasSrc) warn('image', image, 'has no src', 'no image');
    const sized = [width, height].every((size) => typeof size === 'number' && size > 0 && size < Infinity);
    if (!sized && (width ?? height) != null) warn('image.width/height', [width, height], 'are not sizes');

    return {
      ...text,
      title,
      url,
      datetime,
      date: datetime ? formatDate(fields.published, { locale, timeZone: this.#knownTimeZone() }) : printedDate,
      authors: names,
      lang: contentLang(fields.lang, (raw) => {
        warn('lang', raw, 'is not a language tag');
      }),
      image: hasSrc
        ? {
            src,
            alt: typeof alt === 'string' ? alt : '',
            srcset: typeof srcset === 'string' ? srcset : undefined,
            width: sized ? (width as number) : undefined,
            height: sized ? (height as number) : undefined,
          }
        : undefined,
      views,
    };
  }

  /** `time-zone`, warned about when Intl does not know it (`formatDate` then dates in UTC). */
  #knownTimeZone(): string | undefined {
    const timeZone = this.readText('time-zone', this.timeZone);
    if (timeZone && !isKnownTimeZone(timeZone))
      this.warnInvalid('time-zone', this.timeZone, 'is not a time zone', 'UTC');
    return timeZone || undefined;
  }

  /** Sanitizes a new body, then renders it; the sanitizer loads on first use. */
  #showBody(body: string | undefined): void {
    if (body === this.#bodyHtml) return;
    this.#bodyHtml = body;
    this.#bodyContent = undefined;
    this.#pendingBody = undefined;
    if (!body) return;
    if (onServer) {
      // No DOM for DOMPurify here: the server renderer's sanitizer, with the same allowlist.
      const sanitized = sanitizeHtmlOnServer(body, 'article');
      if (sanitized?.warning) {
        this.warnInvalid('article.body', body.slice(0, 80), sanitized.warning, 'the rest');
      }
      if (sanitized?.html) this.#bodyContent = sanitized.content;
      return;
    }
    if (this.rendersAsServer && this.renderRoot.querySelector('[part~="body"]')) {
      // Hydrating: the server rendered this body, sanitized; its nodes stay as they are.
      this.#bodyContent = noChange;
      return;
    }
    const pending: Promise<void> = sanitizeHtml(body, 'article')
      .then(
        ({ fragment, warning }) => {
          if (this.#bodyHtml !== body) return;
          if (warning) this.warnInvalid('article.body', body.slice(0, 80), warning, 'the rest');
          this.#bodyContent = fragment.childNodes.length ? [...fragment.childNodes] : undefined;
        },
        (error: unknown) => {
          this.warn(`the sanitizer did not load; no body shown.`, error);
        },
      )
      .finally(() => {
        if (this.#pendingBody === pending) this.#pendingBody = undefined;
        this.#printedBodyHeight = 0;
        this.requestUpdate();
      });
    this.#pendingBody = pending;
  }
}
