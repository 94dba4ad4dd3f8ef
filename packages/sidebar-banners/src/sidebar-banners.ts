import { contentLang, parsePortalDate, shownText, type Banner } from '@portico/core';
import {
  baseStyles,
  isExternalLink,
  MarkupObserver,
  moduleStyles,
  onServer,
  PorticoElement,
  safeLink,
  sanitizeHtml,
  sanitizeHtmlOnServer,
  SourceController,
  isImageAddress,
  IMAGE_ADDRESS_PROBLEM,
} from '@portico/element';
import { html, noChange, nothing, svg, type PropertyDeclarations, type TemplateResult } from 'lit';
import { sidebarBannersStyles } from './sidebar-banners.styles.js';

/** Whether sanitized HTML shows anything, as the browser judges it: an image, or text between its tags other than (no-break) spaces. */
function showsSomething(sanitizedHtml: string): boolean {
  const text = sanitizedHtml.replace(/&nbsp;|&#160;|&#xa0;/gi, ' ');
  return /<img\b/i.test(text) || /(?:^|>)[^<]*[^\s<]/.test(text);
}

/** The elements that hold a banner each (never an element inside a banner's HTML, which may carry `data-index` too). */
const HOLDERS = ':is([part~="list"] > li, [part~="slides"] > [part~="slide"])[data-index]';

/** A short fingerprint of a banner's HTML: whether a server-rendered box holds this banner's. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** `ordering`: pinned banners, then by `ordering`; `random`: pinned banners, then shuffled. */
export type SidebarBannersOrder = 'ordering' | 'random';

/** What `portico-banner-click` and `portico-banner-impression` carry, and what the beacon receives. */
export interface BannerEventDetail {
  id: string;
  title: string;
  /**
   * The banner's link (for a custom-HTML banner's click, the link activated), absolute: resolved
   * against the document's base (`/target` on `http://portal.test/` is `http://portal.test/target`).
   */
  url?: string | undefined;
  /** The widget's `position`. */
  position?: string | undefined;
}

/** A banner checked and ready to show. */
interface ShownBanner {
  id: string;
  title: string;
  link?: Link | undefined;
  image?: { src: string; alt: string; width?: number | undefined; height?: number | undefined } | undefined;
  html?: string | undefined;
  pinned: boolean;
  ordering: number;
  newWindow: boolean;
  position?: string | undefined;
  /** The language of the title, alt text and custom HTML, when the banner gives one. */
  lang?: string | undefined;
  up: number;
  down: number;
}

interface Link {
  href: string;
  /** On another origin: a sponsored link. */
  external: boolean;
}

type Fields = Partial<Record<keyof Banner | 'src' | 'alt' | 'width' | 'height', unknown>>;

/** What a banners module says around its banners: Joomla's header and footer texts. */
interface MarkupNotes {
  header?: string | undefined;
  footer?: string | undefined;
}

/**
 * A banner from server markup: `link`, and the image in `holder` (the link, or a block): the
 * image's alt text or the link's text is the title; `data-id`, `data-pinned`,
 * `data-ordering`, `data-publish-up` and `data-publish-down` on the link, else on the block,
 * its fields; `lang` on the image, else on the link, its language.
 */
function markupBanner(holder: Element, link: Element | undefined): Banner {
  const image = holder.querySelector('img') ?? (holder.localName === 'img' ? holder : null);
  const data = (name: string) => link?.getAttribute(`data-${name}`) ?? holder.getAttribute(`data-${name}`) ?? undefined;
  const url = link?.getAttribute('href') ?? undefined;
  return {
    id: data('id') ?? url ?? image?.getAttribute('src') ?? '',
    title: (image as HTMLImageElement | null)?.alt || (link?.textContent ?? ''),
    url,
    image: image
      ? {
          src: image.getAttribute('src') ?? '',
          alt: (image as HTMLImageElement).alt,
          width: (image as HTMLImageElement).width,
          height: (image as HTMLImageElement).height,
        }
      : undefined,
    pinned: data('pinned') !== undefined,
    ordering: Number(data('ordering') ?? 0),
    publishUp: data('publish-up'),
    publishDown: data('publish-down'),
    newWindow: link?.getAttribute('target') === '_blank',
    lang: image?.getAttribute('lang') ?? link?.getAttribute('lang') ?? undefined,
  } as Banner;
}

/** The longest a `setTimeout` can wait (2^31 − 1 ms, about 24.8 days): longer waits are set again when it ends. */
const LONGEST_WAIT = 2_147_483_647;

// The first is the default.
const ORDERS: readonly [SidebarBannersOrder, ...SidebarBannersOrder[]] = ['ordering', 'random'];

function size(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 && value < Infinity ? value : undefined;
}

/** Pinned banners first, by ordering, staying in place; then the others, by ordering or shuffled. */
function arrange(banners: ShownBanner[], order: SidebarBannersOrder, random: () => number): ShownBanner[] {
  const byOrdering = (a: { ordering: number }, b: { ordering: number }): number => a.ordering - b.ordering || 0;
  const others = banners.filter((banner) => !banner.pinned);
  return [
    ...banners.filter((banner) => banner.pinned).sort(byOrdering),
    // Random order: each banner draws one key, an unbiased shuffle whatever order sort() compares in.
    ...(order === 'random'
      ? others.map((banner) => ({ banner, ordering: random() })).sort(byOrdering)
      : others.map((banner) => ({ banner, ordering: banner.ordering })).sort(byOrdering)
    ).map((entry) => entry.banner),
  ];
}

const icon = (path: string): TemplateResult =>
  html`<svg viewBox="0 0 16 16" aria-hidden="true">${svg`<path d=${path} />`}</svg>`;

/**
 * A module position's banners, ordered as Joomla's `mod_banners` orders them: pinned
 * banners first, then by ordering or at random (shuffled in the browser, so a cached page
 * does not freeze the choice), up to `limit`, leaving out those outside their publish
 * window by the reader's clock. Image banners, custom-HTML banners (sanitized) and text
 * links. With `rotate`, an accessible carousel (WAI-ARIA APG) shows one banner at a time,
 * with a pause button first. Impressions and clicks are dispatched as events and, with
 * `beacon`, sent with `navigator.sendBeacon` (never by automated browsers).
 *
 * Data, in order of precedence: the `banners` property; the `source` with `position`;
 * server-rendered banners inside the element (Joomla's `.banneritem` blocks; else links,
 * `<a href><img alt></a>` or text), which show until the source answers and stay in the document.
 *
 * @tagname portico-sidebar-banners
 * @summary A position's banners: ordered, optionally rotating, tracked.
 *
 * @slot - Server-rendered banners: Joomla's `.banneritem` blocks, else `<a href>` links holding an `<img>` or text. Read, not shown as they are.
 *
 * @event {CustomEvent<BannerEventDetail>} portico-banner-impression - At least half of a banner was visible, the first time on this page view; `detail` is a `BannerEventDetail`.
 * @event {CustomEvent<BannerEventDetail>} portico-banner-click - A banner's link was activated (click, Enter); `detail` is a `BannerEventDetail`. Cancelable: `preventDefault()` keeps the browser from following the link (a client-side router navigates instead); the beacon is still sent.
 * @event {CustomEvent<{ error: SourceError }>} portico-error - The source failed; `detail.error` is a `SourceError`. What was shown stays.
 *
 * @csspart base - The module box.
 * @csspart list - The banners shown together.
 * @csspart banner - One banner (a list item, or a slide).
 * @csspart link - A banner's link.
 * @csspart image - A banner's image.
 * @csspart title - A text banner's title.
 * @csspart html - A custom-HTML banner's content.
 * @csspart carousel - The region of rotating banners.
 * @csspart controls - The carousel's buttons.
 * @csspart control - A carousel button; also `rotation`, `previous` or `next`.
 * @csspart slides - The carousel's slides.
 * @csspart slide - One slide.
 * @csspart header - The banners module's header text, kept from Joomla's markup.
 * @csspart footer - The banners module's footer text, kept from Joomla's markup.
 * @csspart status - The loading note.
 * @csspart empty - The note shown when there is no banner to show.
 * @csspart error - Added to `empty` when the source failed and there is no banner to keep.
 *
 * @cssproperty --portico-sidebar-banners-gap - Space between banners shown together (default 0, as Joomla's markup).
 */
export class PorticoSidebarBanners extends PorticoElement {
  static override styles = [baseStyles, moduleStyles, sidebarBannersStyles];

  static override properties: PropertyDeclarations = {
    banners: { attribute: false },
    position: { reflect: true },
    // useDefault: the default 0 is not written back, so a bad value (`rotate="5s"`) stays as
    // the author wrote it instead of becoming `rotate="NaN"`, and removing it restores 0.
    rotate: { type: Number, reflect: true, useDefault: true },
    order: { reflect: true },
    limit: { type: Number },
    beacon: {},
    label: {},
    random: { attribute: false },
    current: { state: true },
    playState: { state: true },
    hovered: { state: true },
    focusInSlide: { state: true },
  };

  /**
   * The banners, set from JavaScript; win over `source` and the server-rendered links. Assign a
   * new array to change them; `null`, like `undefined`, sets none.
   */
  declare banners: Banner[] | null | undefined;

  /** The module position (`sidebar`): what the `source` is asked for, and which of the `banners` show. */
  declare position: string | undefined;

  /** Seconds each banner shows in a carousel of one banner at a time; 0 (default) shows them all. */
  declare rotate: number;

  /** `ordering` (default) or `random`; pinned banners come first either way. */
  declare order: SidebarBannersOrder;

  /** The most banners to show; 0 (default): all. */
  declare limit: number;

  /** A URL that receives each impression and click with `navigator.sendBeacon` (a JSON text body). */
  declare beacon: string | undefined;

  /**
   * The carousel's accessible name (default `Featured links` / `Liên kết nổi bật`); with no
   * banners rotating, the list's (default: none).
   */
  declare label: string | undefined;

  /**
   * The random source of `order="random"`: a function returning a number in [0, 1) (default
   * `Math.random`). Replace it for a repeatable order, as in tests and screenshots.
   */
  declare random: () => number;

  declare private current: number;
  /** The reader's choice: none yet, the rotation stopped, or started. */
  declare private playState: 'auto' | 'stopped' | 'playing';
  declare private hovered: boolean;
  /** Focus is on a banner: it holds the rotation, as hovering does, so focus never sits on a hidden slide. */
  declare private focusInSlide: boolean;
  /** A pointer press in the carousel, until its click: the focus it gives is not keyboard focus. */
  #pressing = false;
  /** Keyboard focus came into the carousel, and focus has not left it since. */
  #keyboardInside = false;

  /** The banners as read, before the publish window, and what they were read from (the element for its markup). */
  #read: ShownBanner[] = [];
  /** The banners module's header and footer texts, when the banners come from its markup. */
  #notes: MarkupNotes = {};
  #readFrom: unknown;
  #published: ShownBanner[] = [];
  /** What the shown banners were arranged for: the published banners as JSON, the order, the limit. */
  #arrangedFor: unknown[] = [];
  #shown: ShownBanner[] = [];
  #slideCount = 0;
  #rotateMilliseconds = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Ends at the next moment a banner read goes up or down (its publish window opens or closes). */
  #publishTimer: ReturnType<typeof setTimeout> | undefined;
  #observer: IntersectionObserver | undefined;
  /** Banner elements at least half visible. */
  readonly #halfVisible = new Set<HTMLElement>();
  /** Banner ids whose impression was counted: once per banner per page view. */
  readonly #counted = new Set<string>();
  readonly #brokenImages = new Set<string>();
  /** Custom HTML by banner id and markup: its sanitized nodes, or `undefined` while sanitizing or when nothing is left. */
  readonly #htmlContent = new Map<string, Node[] | undefined>();
  /** Custom HTML boxes a server rendered, taken over while hydrating: their nodes become `htmlContent` next. */
  readonly #adoptedHtml = new Map<string, Element>();

  readonly #data = new SourceController<Banner[]>(this, () => ({
    name: this.banners != null || !this.position ? undefined : this.source,
    capability: 'getBanners',
    key: this.position ?? '',
    fetch: (source, options) => source.getBanners?.(this.position ?? '', options),
  }));

  constructor() {
    super();
    this.rotate = 0;
    this.order = 'ordering';
    this.limit = 0;
    this.random = Math.random;
    this.current = 0;
    this.playState = 'auto';
    this.hovered = false;
    this.focusInSlide = false;
    // The server-rendered markup changed, at any depth: read it again.
    new MarkupObserver(this, () => {
      this.#readFrom = undefined;
      this.requestUpdate();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (onServer) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        entries.forEach(({ target, isIntersecting, intersectionRatio }) => {
          // A hair below one half: Chromium can report 0.4999… at the threshold.
          this.#halfVisible[isIntersecting && intersectionRatio > 0.499 ? 'add' : 'delete'](target as HTMLElement);
        });
        this.#countImpressions();
      },
      { threshold: 0.5 },
    );
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    // Back in the page: publish windows may have opened or closed meanwhile, and the timers start again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#observer?.disconnect();
    this.#halfVisible.clear();
    this.#stopTimer();
    clearTimeout(this.#publishTimer);
  }

  protected override willUpdate(): void {
    let origin = 'banners';
    // `null` sets none, as `undefined` does.
    let given: unknown = this.banners ?? undefined;
    if (given === undefined && this.#data.value !== undefined) {
      origin = 'source data';
      given = this.#data.value;
    }
    const fromMarkup = given === undefined && this.hasServerMarkup(true) && this.canReadServerMarkup('banners are');
    if (fromMarkup) origin = 'markup';
    if (this.source && !this.position && given === undefined) {
      this.warnInvalid('position', undefined, 'is needed to ask the source for banners', '');
    }
    // Read again only when the data changes: updates also come with every rotation, hover and focus.
    const from = fromMarkup ? this : given;
    if (from === undefined) {
      this.#readFrom = undefined;
      this.#notes = {};
      // Loading, or the source failed: nothing to warn about.
      this.#read = this.#data.state === 'idle' ? this.#readBanners(undefined, origin) : [];
    } else if (from !== this.#readFrom) {
      this.#readFrom = from;
      const markup = fromMarkup ? this.#readMarkup() : undefined;
      this.#notes = markup?.notes ?? {};
      this.#read = this.#readBanners(markup ? markup.banners : given, origin);
    }
    const now = Date.now();
    const published = this.#read.filter(
      (banner) =>
        !(banner.up > now || banner.down <= now) &&
        !(origin === 'banners' && this.position && banner.position && banner.position !== this.position),
    );
    const order = this.oneOf('order', this.order, ORDERS);
    const limit = this.readNumberAttribute(
      'limit',
      this.limit,
      (value) => Number.isInteger(value) && value >= 0,
      'is not a whole number of 0 or more',
      0,
      'all',
    );
    // Shuffled per reader: a server's order would be the same for all.
    if (order === 'random' && published.filter((banner) => !banner.pinned).length > 1) {
      this.renderInBrowser('its banners are shuffled in the browser (order="random")');
    }
    // Arranged again only when what is published changes: re-rendering never reshuffles.
    const samePublished =
      published.length === this.#published.length &&
      published.every((banner, index) => banner === this.#published[index]);
    this.#published = published;
    // Compared as JSON, so that equal banners from a new answer keep their order and place.
    const arrangeFor = [samePublished ? this.#arrangedFor[0] : JSON.stringify(published), order, limit];
    if (arrangeFor.some((value, index) => value !== this.#arrangedFor[index])) {
      this.#arrangedFor = arrangeFor;
      this.#shown = arrange(published, order, this.random).slice(0, limit || undefined);
      this.current = 0;
    }
    // Up to a day: setTimeout cannot wait much longer. At least a second: less is a flicker
    // no one can read (and a render every millisecond).
    const seconds = this.readNumberAttribute(
      'rotate',
      this.rotate,
      (value) => value === 0 || (value >= 1 && value <= 86_400),
      'is not 0 or a number of seconds from 1 to a day',
      0,
    );
    this.#rotateMilliseconds = seconds * 1000;
    // Pinned banners stay in place while the others rotate.
    const slides = this.#shown.filter((banner) => !banner.pinned).length;
    this.#slideCount = seconds && slides > 1 ? slides : 0;
    if (this.rendersAsServer && !onServer && !this.#showsWhatTheServerRendered()) {
      this.dropServerRender('it shows other banners now (a publish window closed, or the data changed)');
    }
  }

  /**
   * Hydrating: whether the server rendered the banners this render shows, in its order, with
   * the same custom HTML. Lit compares the markup's shape, not its words or links.
   */
  #showsWhatTheServerRendered(): boolean {
    const { listed, slides } = this.#layout();
    const inOrder = [...listed, ...slides];
    const served = [...this.renderRoot.querySelectorAll(HOLDERS)];
    return (
      served.length === inOrder.length &&
      served.every((item, index) => {
        const banner = inOrder[index];
        const box = item.querySelector(':scope > [part~="html"]');
        return (
          item.getAttribute('data-id') === banner?.id &&
          (!box || box.getAttribute('data-html') === fingerprint(banner.html ?? ''))
        );
      })
    );
  }

  /**
   * Where each shown banner goes: the list, then the carousel's slides when the others rotate
   * (pinned banners stay in the list); in that order their holders' `data-index`.
   */
  #layout(): { listed: ShownBanner[]; slides: ShownBanner[] } {
    if (!this.#slideCount) return { listed: this.#shown, slides: [] };
    return {
      listed: this.#shown.filter((banner) => banner.pinned),
      slides: this.#shown.filter((banner) => !banner.pinned),
    };
  }

  override render(): TemplateResult {
    const shown = this.#shown;
    const { state } = this.#data;
    const { listed, slides } = this.#layout();
    return html`<div part="base" lang=${this.phraseLang ?? nothing}>
      <div hidden><slot></slot></div>
      ${
        shown.length === 0
          ? state === 'loading'
            ? html`<p part="status" role="status">${this.phrase('LOADING')}</p>`
            : html`<p part=${this.emptyStatePart('empty', state)}>${this.emptyStateText(state)}</p>`
          : // The list first in both layouts, so switching between them keeps it (and its nodes).
            [
              this.#renderNote('header'),
              this.#renderList(listed, slides.length === 0),
              slides.length ? this.#renderCarousel(slides, listed.length) : nothing,
              this.#renderNote('footer'),
            ]
      }
    </div>`;
  }

  protected override updated(): void {
    // Lit still finishes an update pending when the widget left the page (taken out in the task
    // that put it in): nothing may start then, or a detached carousel would rotate for ever.
    if (!this.isConnected) return;
    if (this.#isRotating()) {
      this.#timer ??= setTimeout(() => {
        this.#show(1);
      }, this.#rotateMilliseconds);
    } else this.#stopTimer();
    this.#watchPublishWindows();
    this.shadowRoot?.querySelectorAll<HTMLElement>(HOLDERS).forEach((banner) => {
      this.#observer?.observe(banner);
    });
    // A slide just shown may already be in view.
    this.#countImpressions();
  }

  /** The banners module's header or footer text, kept from its markup. */
  #renderNote(which: keyof MarkupNotes): TemplateResult | typeof nothing {
    const text = this.#notes[which];
    return text ? html`<p part=${which} lang=${this.textLang() ?? nothing}>${text}</p>` : nothing;
  }

  /** The banners shown together; named by `label` when they are all there is (no carousel). */
  #renderList(banners: ShownBanner[], named: boolean): TemplateResult | typeof nothing {
    if (!banners.length) return nothing;
    const label = named ? this.readText('label', this.label) : undefined;
    const name = label === undefined ? undefined : this.regionName(label, label);
    return html`${name?.labelElement ?? nothing}
      <ul
        part="list"
        role="list"
        aria-label=${name?.ariaLabel ?? nothing}
        aria-labelledby=${name?.labelledBy ?? nothing}
        @click=${this.#onClick}
      >
        ${banners.map((banner, index) => this.#renderListItem(banner, index))}
      </ul>`;
  }

  #renderListItem(banner: ShownBanner, index: number): TemplateResult {
    const content = this.#renderBanner(banner, index, 'li');
    return html`<li part="banner" data-index=${index} data-id=${banner.id}>${content}</li>`;
  }

  #renderCarousel(slides: ShownBanner[], offset: number): TemplateResult {
    const playing = this.#wantsRotation();
    const button = (part: string, label: string, path: string, onClick: () => void): TemplateResult =>
      html`<button part="control ${part}" type="button" aria-controls="slides" @click=${onClick}>
        ${icon(path)}<span class="visually-hidden">${this.phrase(label)}</span>
      </button>`;
    const name = this.regionName(this.readText('label', this.label), this.phrase('FEATURED_LINKS'));
    return html`<div
      part="carousel"
      role="region"
      aria-roledescription=${this.phrase('CAROUSEL')}
      aria-label=${name.ariaLabel}
      aria-labelledby=${name.labelledBy}
      @mouseenter=${() => (this.hovered = true)}
      @mouseleave=${() => (this.hovered = this.#pressing = false)}
      @pointerdown=${() => (this.#pressing = true)}
      @click=${() => (this.#pressing = false)}
      @focusin=${this.#onFocusIn}
      @focusout=${this.#onFocusOut}
      @keydown=${this.#onKeyDown}
    >
      ${name.labelElement}
      <div part="controls">
        ${button(
          'rotation',
          playing ? 'PAUSE_ROTATION' : 'START_ROTATION',
          playing ? 'M4 3h3v10H4zm5 0h3v10H9z' : 'M5 3l8 5-8 5z',
          () => (this.playState = this.#wantsRotation() ? 'stopped' : 'playing'),
        )}
        ${button('previous', 'PREVIOUS', 'M10.5 2l1.4 1.4L7.3 8l4.6 4.6-1.4 1.4-6-6z', () => {
          this.#show(-1);
        })}
        ${button('next', 'NEXT', 'M5.5 2l-1.4 1.4L8.7 8l-4.6 4.6 1.4 1.4 6-6z', () => {
          this.#show(1);
        })}
      </div>
      <div part="slides" id="slides" aria-live=${this.#isRotating() ? 'off' : 'polite'} @click=${this.#onClick}>
        ${slides.map(
          (banner, index) =>
            html`<div
              part="banner slide"
              role="group"
              aria-roledescription=${this.phrase('SLIDE')}
              tabindex="-1"
              aria-label=${this.phrase('SLIDE_OF', index + 1, slides.length)}
              data-index=${offset + index}
              data-id=${banner.id}
              ?data-current=${index === this.current}
            >
              ${this.#renderBanner(banner, offset + index, 'div')}
            </div>`,
        )}
      </div>
    </div>`;
  }

  #renderBanner(banner: ShownBanner, index: number, holder: 'li' | 'div'): unknown {
    const { image, link, newWindow } = banner;
    const lang = this.textLang(banner.lang);
    const content =
      image && !this.#brokenImages.has(image.src)
        ? html`<img
            part="image"
            src=${image.src}
            alt=${shownText(image.alt) ?? banner.title}
            lang=${lang ?? nothing}
            width=${image.width ?? nothing}
            height=${image.height ?? nothing}
            loading="lazy"
            decoding="async"
            @error=${() => {
              this.warnInvalid(`banner ${banner.id} image.src`, image.src, 'did not load', banner.title);
              this.#brokenImages.add(image.src);
              this.requestUpdate();
            }}
          />`
        : html`<span part="title" lang=${lang ?? nothing}>${banner.title}</span>`;
    const custom = banner.html ? this.#renderHtml(banner, banner.html, index, holder) : undefined;
    return (
      custom ??
      (link
        ? html`<a
            part="link"
            href=${link.href}
            target=${newWindow ? '_blank' : nothing}
            rel=${link.external ? 'sponsored noopener' : newWindow ? 'noopener' : nothing}
            >${content}${newWindow ? html`<span class="visually-hidden"> ${this.phrase('OPENS_NEW_TAB')}</span>` : nothing}</a
          >`
        : content)
    );
  }

  /**
   * The custom HTML, sanitized, in its box; `undefined` (the banner shows as its link) until it
   * is ready, or when nothing is left of it. `index` is the banner's `data-index` and `holder`
   * the element that holds it (a list item, or a slide), where a server-rendered shadow root
   * has what the server made of it.
   */
  #renderHtml(banner: ShownBanner, markup: string, index: number, holder: 'li' | 'div'): TemplateResult | undefined {
    // With `lang` only when the banner needs one: without, the box is as it always was.
    const lang = this.textLang(banner.lang);
    const box = (content: unknown) =>
      lang
        ? html`<div part="html" data-html=${fingerprint(markup)} lang=${lang}>${content}</div>`
        : html`<div part="html" data-html=${fingerprint(markup)}>${content}</div>`;
    if (onServer) {
      // No DOM for DOMPurify here: the server renderer's sanitizer, with the same allowlist, and
      // what the browser adds (below).
      const sanitized = sanitizeHtmlOnServer(markup, 'banner', {
        linkRel: (href) => (this.#readLink(href, '')?.external ? 'sponsored noopener' : undefined),
        imageAlt: banner.title,
      });
      if (sanitized?.warning) this.warnInvalid(`banner ${banner.id} html`, markup, sanitized.warning, 'the rest');
      return sanitized && showsSomething(sanitized.html) ? box(sanitized.content) : undefined;
    }
    // Equal data from a new answer keeps its nodes; a banner listed twice needs nodes for each.
    const equal = (other: ShownBanner) =>
      other.id === banner.id && other.title === banner.title && other.html === markup;
    const key = JSON.stringify([banner.id, banner.title, markup, this.#shown.slice(0, index).filter(equal).length]);
    if (this.rendersAsServer) {
      // Hydrating: the server sanitized this banner's HTML (the same: see
      // showsWhatTheServerRendered); its nodes stay.
      const fromServer = this.renderRoot.querySelector(`[data-index="${String(index)}"] > [part~="html"]`);
      if (fromServer) {
        this.#finishHtml(fromServer, banner);
        this.#adoptedHtml.set(key, fromServer);
        return box(noChange);
      }
    }
    const adopted = this.#adoptedHtml.get(key);
    if (adopted) {
      const item = adopted.parentElement;
      if (adopted.isConnected && item?.localName === holder && item.getAttribute('data-index') === String(index)) {
        return box(noChange);
      }
      // Shown elsewhere now (reordered, or the list became a carousel): the server's nodes go with it.
      this.#adoptedHtml.delete(key);
      this.#htmlContent.set(
        key,
        [...adopted.childNodes].filter((node) => node.nodeType !== Node.COMMENT_NODE),
      );
    }
    if (!this.#htmlContent.has(key)) {
      this.#htmlContent.set(key, undefined);
      void sanitizeHtml(markup, 'banner').then(
        ({ fragment, warning }) => {
          this.#finishHtml(fragment, banner);
          const shown =
            shownText(fragment.textContent) || fragment.querySelector('img') ? [...fragment.childNodes] : undefined;
          if (warning || !shown) {
            this.warnInvalid(
              `banner ${banner.id} html`,
              markup,
              warning ?? 'has nothing to show',
              shown ? 'the rest' : banner.title,
            );
          }
          this.#htmlContent.set(key, shown);
          this.requestUpdate();
        },
        () => undefined,
      ); // The sanitizer did not load: the banner stays a link.
    }
    const content = this.#htmlContent.get(key);
    return content === undefined ? undefined : box(content);
  }

  /** What the browser adds to a banner's sanitized HTML: `rel` on links that leave the site, an image's alt text. */
  #finishHtml(container: ParentNode, banner: ShownBanner): void {
    container.querySelectorAll('a').forEach((link) => {
      if (this.#readLink(link.href, '')?.external) link.relList.add('sponsored', 'noopener');
    });
    container.querySelectorAll('img').forEach((image) => {
      image.alt = shownText(image.alt) ?? banner.title;
    });
  }

  /**
   * Banners from server-rendered markup. Joomla's banners module writes a `.banneritem` block
   * for each: a block holding only a link, or only an image, is that banner; any other is a
   * custom banner, its HTML kept (sanitized when shown), and the module's `.bannerheader` and
   * `.bannerfooter` texts are kept too. In other markup, each `<a href>` is a banner.
   */
  #readMarkup(): { banners: Banner[]; notes: MarkupNotes } {
    const blocks = [...this.querySelectorAll('.banneritem')];
    if (blocks.length === 0) {
      return { banners: [...this.querySelectorAll('a[href]')].map((link) => markupBanner(link, link)), notes: {} };
    }
    const note = (selector: string) => shownText(this.querySelector(selector)?.textContent.replace(/\s+/g, ' '));
    return {
      banners: blocks.map((block) => {
        const content = block.cloneNode(true) as Element;
        content.querySelectorAll('.clr').forEach((clear) => {
          clear.remove();
        });
        const shown = [...content.childNodes].filter(
          (node) =>
            node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && shownText(node.textContent)),
        );
        const [only] = shown;
        if (shown.length === 1 && only instanceof Element && (only.matches('a[href]') || only.localName === 'img')) {
          return markupBanner(block, only.localName === 'img' ? undefined : only);
        }
        const html = content.innerHTML.trim();
        // Its images are part of its HTML, not an image banner's.
        const { image: _inHtml, ...fields } = markupBanner(block, block.querySelector('a[href]') ?? undefined);
        return {
          ...fields,
          id: block.getAttribute('data-id') ?? fingerprint(html),
          title: shownText(content.textContent.replace(/\s+/g, ' ')) ?? content.querySelector('img')?.alt ?? '',
          html,
        };
      }),
      notes: { header: note('.bannerheader'), footer: note('.bannerfooter') },
    };
  }

  #readBanners(given: unknown, origin: string): ShownBanner[] {
    if (Array.isArray(given) && given.length) {
      return given.flatMap((banner, index) => this.#readBanner(banner, `${origin}[${String(index)}]`) ?? []);
    }
    if (given === undefined) {
      this.warnMissing(origin, 'is missing (give banners, a source and position, or markup)', this.phrase('EMPTY'));
      return [];
    }
    const problem = Array.isArray(given) ? 'is an empty list' : 'is not a list of banners';
    this.warnInvalid(origin, given, problem, this.phrase('EMPTY'));
    return [];
  }

  /** A banner as shown, or `undefined` when nothing of it can be shown; warns about every field it cannot use. */
  #readBanner(value: unknown, name: string): ShownBanner | undefined {
    const banner: Fields = typeof value === 'object' && value ? value : {};
    const warn = (field: keyof Fields, shown: string): void => {
      this.warnInvalid(`${name}.${field}`, banner[field], 'is not valid', shown);
    };
    const image: Fields = typeof banner.image === 'object' && banner.image ? banner.image : {};
    const given = shownText(image.src);
    const src = given && isImageAddress(given) ? given : undefined;
    if (given && !src) this.warnInvalid(`${name}.image.src`, given, IMAGE_ADDRESS_PROBLEM, 'the title');
    else if (banner.image !== undefined && !src) warn('image', 'the title');
    const link = banner.url === undefined ? undefined : this.#readLink(banner.url, `${name}.url`);
    const title = shownText(banner.title) ?? shownText(image.alt) ?? link?.href;
    if (!title) {
      this.warnInvalid(name, value, 'has no title, alt text or link', '');
      return undefined;
    }
    if (!shownText(banner.title)) warn('title', title);
    const id = typeof banner.id === 'number' ? String(banner.id) : shownText(banner.id);
    if (!id) warn('id', title);
    if (banner.html !== undefined && typeof banner.html !== 'string') warn('html', title);
    // A number or its digits: Number() throws on an object whose conversion is broken.
    const order = banner.ordering ?? 0;
    const ordering = typeof order === 'number' || typeof order === 'string' ? Number(order) : NaN;
    if (!Number.isFinite(ordering)) warn('ordering', '0');
    const time = (field: 'publishUp' | 'publishDown', fallback: number): number => {
      const given = banner[field];
      // ISO 8601 only, read as the article dates are: Date.parse takes "0" for the year 2000.
      const moment =
        given === undefined
          ? fallback
          : typeof given === 'string'
            ? (parsePortalDate(given)?.date.getTime() ?? NaN)
            : NaN;
      if (Number.isNaN(moment)) warn(field, 'no limit');
      return Number.isNaN(moment) ? fallback : moment;
    };
    return {
      id: id ?? title,
      title,
      link,
      image: src
        ? {
            src,
            alt: typeof image.alt === 'string' ? image.alt : '',
            width: size(image.width),
            height: size(image.height),
          }
        : undefined,
      html: typeof banner.html === 'string' ? banner.html : undefined,
      pinned: banner.pinned === true,
      ordering: ordering || 0,
      newWindow: banner.newWindow === true,
      position: shownText(banner.position),
      lang: contentLang(banner.lang, () => {
        warn('lang', 'no lang');
      }),
      up: time('publishUp', -Infinity),
      down: time('publishDown', Infinity),
    };
  }

  /** A link that can only navigate (http(s), mailto:, tel:), or `undefined` with a warning naming `name`. */
  #readLink(value: unknown, name: string): Link | undefined {
    const href = shownText(value);
    const url = safeLink(href, ['http:', 'https:', 'mailto:', 'tel:']);
    if (href && url) return { href, external: isExternalLink(url) };
    if (name) this.warnInvalid(name, value, 'is not an http(s), mailto: or tel: link', 'no link');
    return undefined;
  }

  /**
   * Whether the rotation is on: started by the reader, or by default unless they prefer reduced
   * motion (which the server cannot know: there, and while hydrating, no preference is assumed).
   */
  #wantsRotation(): boolean {
    return (
      this.playState === 'playing' ||
      (this.playState === 'auto' &&
        (this.rendersAsServer || !window.matchMedia('(prefers-reduced-motion: reduce)').matches))
    );
  }

  /**
   * Whether slides change by themselves now: never while hovered, while focus is on a banner,
   * or while the tab is hidden.
   * Focus entering the carousel stops the rotation (see onFocusIn), so with focus inside it runs
   * only when the reader started it, and only while focus is on its controls.
   */
  #isRotating(): boolean {
    return this.#slideCount > 0 && this.#wantsRotation() && !this.hovered && !this.focusInSlide && !this.#inHiddenTab();
  }

  /** Whether the page is in a tab no one sees: the carousel holds still, and counts no impression. */
  #inHiddenTab(): boolean {
    return !onServer && document.visibilityState === 'hidden';
  }

  /** The tab hidden, the rotation stops; shown again, it starts again (from `updated`). */
  readonly #onVisibilityChange = (): void => {
    this.requestUpdate();
  };

  /**
   * Publish windows are checked when the widget renders: renders again when the next one
   * among the banners read opens or closes, so a banner goes up or down on time.
   */
  #watchPublishWindows(): void {
    clearTimeout(this.#publishTimer);
    const now = Date.now();
    const next = Math.min(...this.#read.flatMap(({ up, down }) => [up, down]).filter((moment) => moment > now));
    if (next < Infinity && this.isConnected) {
      this.#publishTimer = setTimeout(
        () => {
          this.requestUpdate();
        },
        Math.min(next - now, LONGEST_WAIT),
      );
    }
  }

  #show(step: number): void {
    this.#stopTimer();
    this.current = (this.current + step + this.#slideCount) % this.#slideCount;
  }

  #stopTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /**
   * WAI-ARIA APG: keyboard focus coming into the carousel stops the rotation, which starts again
   * only when the reader activates the rotation button. Focus a pointer gives (a click on a
   * button) does not: the button does what it says, and hovering only holds the rotation.
   */
  readonly #onFocusIn = ({ target, relatedTarget, currentTarget }: FocusEvent): void => {
    this.focusInSlide = !!(target as Element).closest('[part~="slide"]');
    const byPointer = this.#pressing;
    this.#pressing = false;
    if (!(currentTarget as Element).contains(relatedTarget as Node | null)) this.#keyboardInside = false;
    if (byPointer || this.#keyboardInside) return;
    this.#keyboardInside = true;
    if (this.#wantsRotation()) this.playState = 'stopped';
  };

  readonly #onFocusOut = (): void => {
    // Focus moving on within the carousel sets it again at once (focusin follows).
    this.focusInSlide = false;
  };

  readonly #onKeyDown = async (event: KeyboardEvent): Promise<void> => {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (event.key === 'Escape') this.playState = 'stopped';
    if (!step) return;
    event.preventDefault();
    const fromSlide = (event.target as Element).closest('[part~="slide"]');
    this.#show(step);
    await this.updateComplete;
    // Focus follows to the banner now shown (its link, or the slide when it has none), rather
    // than staying on a hidden one.
    const shown = fromSlide ? this.shadowRoot?.querySelector<HTMLElement>('[data-current]') : undefined;
    (shown?.querySelector('a') ?? shown)?.focus();
  };

  readonly #onClick = (event: MouseEvent): void => {
    const link = (event.target as Element).closest('a');
    const banner = this.#shown[Number(link?.closest<HTMLElement>(HOLDERS)?.dataset.index)];
    // A listener that cancels `portico-banner-click` (a client-side router) cancels the navigation.
    if (link?.href && banner && !this.#track('click', banner, link.href)) event.preventDefault();
  };

  readonly #countImpressions = (): void => {
    // In a hidden tab the intersection observer is asleep: what it saw last is no reader's view.
    if (this.#inHiddenTab()) return;
    this.#halfVisible.forEach((element) => {
      const banner = this.#shown[Number(element.dataset.index)];
      if (!banner || this.#counted.has(banner.id) || !element.isConnected) return;
      if (element.matches('[part~="slide"]:not([data-current])')) return;
      this.#counted.add(banner.id);
      this.#track('impression', banner, banner.link?.href);
    });
  };

  /** Says what a reader did with `banner` (event and beacon); false when a listener cancelled the event. */
  #track(kind: 'impression' | 'click', banner: ShownBanner, url: string | undefined): boolean {
    // Absolute, resolved against the document's base, as a link's `href` property gives it: the
    // same address for a banner's impression (its link as written) and its click.
    const absolute =
      url === undefined ? undefined : (safeLink(url, ['http:', 'https:', 'mailto:', 'tel:'])?.href ?? url);
    const detail: BannerEventDetail = { id: banner.id, title: banner.title, url: absolute, position: this.position };
    const proceed = this.emit(`portico-banner-${kind}`, detail, { cancelable: kind === 'click' });
    const beacon = this.beacon && this.#readLink(this.beacon, 'beacon');
    // Automated browsers (tests, WebDriver-driven crawlers) never count as readers.
    if (beacon && !navigator.webdriver) {
      try {
        navigator.sendBeacon(beacon.href, JSON.stringify({ event: kind, ...detail, page: location.href }));
      } catch {
        // Tracking is best effort: it never breaks the page.
      }
    }
    return proceed;
  }
}
