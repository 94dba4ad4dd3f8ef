import {
  contentLang,
  formatInteger,
  parseCount,
  shownText,
  slugify,
  translatePlural,
  type Category,
} from '@portico/core';
import {
  baseStyles,
  isExternalLink,
  MarkupObserver,
  onServer,
  pageAddress,
  PorticoElement,
  safeLink,
  SourceController,
} from '@portico/element';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { categoryMenuStyles } from './category-menu.styles.js';

/** `vertical`: a sidebar tree; `horizontal`: top navigation with submenu panels. */
export type CategoryMenuOrientation = 'vertical' | 'horizontal';

// The first is the default.
const ORIENTATIONS: readonly [CategoryMenuOrientation, ...CategoryMenuOrientation[]] = ['vertical', 'horizontal'];

/** A category as the menu shows it: checked, and keyed by its place in the tree. */
interface MenuItem {
  /** The index path (`0.2.1`): unique even when ids repeat; names the submenu and its open state. */
  key: string;
  id: string;
  title: string;
  /** The address as given, when it is a web address; else the title shows as text. */
  href: string | undefined;
  url: URL | undefined;
  count: bigint | undefined;
  /** The title's language, when the category gives one (`vi` on an English page). */
  lang: string | undefined;
  newWindow: boolean;
  /** Marked current by the CMS in its markup (Joomla's `current`, WordPress's `current-menu-item`). */
  marked: boolean;
  children: MenuItem[];
}

type Warn = (field: string, value: unknown, shown: string, problem?: string) => void;

/**
 * What only server markup says of an item: it has no link (a separator, a heading), or the CMS
 * marked it current. Kept under a key of this module, so data from a script or a source cannot say it.
 */
const MARKUP = Symbol('what the markup says');
interface MarkupFields {
  [MARKUP]?: { textOnly: boolean; marked: boolean };
}

// How CMS menus mark the current item: Joomla's `current`, WordPress's `current-menu-item`
// (`current_page_item` on page lists), or `aria-current="page"` on its link. The head
// stylesheet (@portico/element's before-upgrade.css) opens the same marks' branch before
// upgrade: change both together.
const MARKED_CURRENT = ':scope.current, :scope.current-menu-item, :scope.current_page_item';

/** Deeper than any real category tree. */
const NESTING_LIMIT = 12;

/** The keys that move the focus along a list of the menu. */
const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/**
 * Checks categories from a script, a source or the markup: what cannot be used is replaced
 * or left out, with a warning naming the field.
 */
function readCategories(
  raw: unknown,
  field: string,
  warn: Warn,
  parentKey = '',
  ancestors: readonly object[] = [],
): MenuItem[] {
  if (!Array.isArray(raw) || parentKey.split('.').length > NESTING_LIMIT) {
    warn(field, raw, '');
    return [];
  }
  return raw.flatMap((entry: unknown, index): MenuItem[] => {
    const at = `${field}[${index}]`;
    const key = parentKey + String(index);
    if (typeof entry !== 'object' || !entry) {
      warn(at, entry, '');
      return [];
    }
    // A category inside itself (a tree built with a loop): read once, not again and again.
    if (ancestors.includes(entry)) {
      warn(at, entry, 'nothing', 'is a category inside itself (a loop in the tree)');
      return [];
    }
    const { id, title, url, count, lang, newWindow, children } = entry as Partial<Record<keyof Category, unknown>>;
    const { textOnly = false, marked = false } = (entry as MarkupFields)[MARKUP] ?? {};
    // Without a title, the id or the address says more than nothing, and names the link.
    const text = [title, id, url].map(shownText).find(Boolean) ?? '—';
    // Only web addresses become links: a `javascript:` URL from a CMS must never run.
    const address = safeLink(url);
    const articles = count == null ? undefined : parseCount(count);
    if (text !== shownText(title)) warn(`${at}.title`, title, text);
    // A separator or heading of a CMS menu is text by design; elsewhere a missing link is a mistake.
    if (!address && !textOnly) warn(`${at}.url`, url, 'the title without a link');
    if (articles === undefined && count != null) warn(`${at}.count`, count, 'no count');
    return [
      {
        key,
        // The id only serves to find the current category; a slug of the title does as well.
        id: typeof id === 'string' || typeof id === 'number' ? String(id) : slugify(text),
        title: text,
        href: address && (url as string),
        url: address,
        count: articles,
        lang: contentLang(lang, (raw) => {
          warn(`${at}.lang`, raw, 'no lang');
        }),
        newWindow: newWindow === true,
        marked,
        children:
          children == null ? [] : readCategories(children, `${at}.children`, warn, `${key}.`, [...ancestors, entry]),
      },
    ];
  });
}

/**
 * Reads a server-rendered nested list of links (`<ul><li><a href>…</a><ul>…</ul></li></ul>`).
 * An item's link is its first `a[href]` outside its nested lists, so it may sit in a heading
 * (Joomla 3 writes `<li><h4><a href>…</a></h4><ul>…</ul></li>`) or after a `<span>`; without
 * one, its title is its own text, outside its nested lists. `lang` on its link, else on the item,
 * is the title's language.
 */
function readMarkupList(list: Element): unknown[] {
  return [...list.querySelectorAll(':scope > li')].map((item) => {
    // What belongs to the item itself, not to an item of a list nested in it.
    const own = (node: Node): boolean => node.parentElement?.closest('li') === item;
    const link = [...item.querySelectorAll('a[href]')].find(own);
    const texts = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    let text = '';
    while (!link && texts.nextNode()) if (own(texts.currentNode)) text += texts.currentNode.textContent ?? '';
    const sublist = item.querySelector(':scope > ul');
    // A link holding only an image (a menu item shown as one) is named by the image's alt text.
    const linkText =
      link && (shownText(link.textContent) ? link.textContent : (link.querySelector('img')?.alt ?? link.textContent));
    return {
      id: item.getAttribute('data-id'),
      title: (linkText ?? text).replace(/\s+/g, ' '),
      url: link?.getAttribute('href'),
      count: item.getAttribute('data-count'),
      lang: link?.getAttribute('lang') ?? item.getAttribute('lang'),
      newWindow: link?.getAttribute('target') === '_blank',
      [MARKUP]: {
        textOnly: !link,
        marked: item.matches(MARKED_CURRENT) || link?.getAttribute('aria-current') === 'page',
      },
      children: sublist && readMarkupList(sublist),
    };
  });
}

/**
 * Whether a link points to the page it is on only by a fragment: `#`, `#top`, or the page's own
 * address plus a hash. Such a link (a CMS heading item, `<a href="#">Tin tức</a>`) names no page.
 */
function isFragmentLink(href: string, url: URL, page: URL | undefined): boolean {
  return (
    href.trim().startsWith('#') ||
    (url.href.includes('#') && !!page && url.origin === page.origin && pageKey(url, true) === pageKey(page, true))
  );
}

/** The path and query that identify a page: no origin, no trailing slash, and the query only `withQuery`. */
function pageKey(url: URL | undefined, withQuery: boolean): string {
  return `${url?.pathname.replace(/\/+$/, '') ?? ''}?${withQuery ? (url?.search ?? '') : ''}`;
}

/** Whether a category's address is `target`'s, ignoring the query unless the category's has one. */
function sameAddress(url: URL, target: URL | undefined): boolean {
  return !!target && pageKey(url, !!url.search) === pageKey(target, !!url.search);
}

/** The items from the top of the tree down to the first item `isCurrent` picks; empty when none. */
function currentBranch(items: MenuItem[], isCurrent: (item: MenuItem) => boolean): MenuItem[] {
  for (const item of items) {
    const below = isCurrent(item) ? [] : currentBranch(item.children, isCurrent);
    if (isCurrent(item) || below.length > 0) return [item, ...below];
  }
  return [];
}

/**
 * The portal's category tree as WAI-ARIA disclosure navigation: a `<nav>` of real links, with
 * a toggle button beside each category that has subcategories. The current category is
 * marked `aria-current="page"` (or `"true"` when it is the section the page is in, not the
 * page) and its ancestors `aria-current="location"`.
 *
 * `orientation="vertical"` is a sidebar tree with the current branch open;
 * `orientation="horizontal"` is top navigation whose submenus open on click, Enter or Space
 * (never on hover alone), one at a time, and close on Escape, a click outside or when focus
 * leaves the menu; narrower than `collapse-below` pixels, it folds behind a menu button. Until
 * its width is known (server-rendered, before its script runs) such a menu keeps its top row on
 * one line, scrolling sideways, exactly as tall as the menu button, so folding moves nothing.
 *
 * Keyboard: Tab moves through links and toggles; Escape closes the submenu around the focus
 * and returns focus to its toggle; the arrow keys (Left/Right along a horizontal top row,
 * Up/Down elsewhere), Home and End move between the items of one level; in a top row, Down
 * on an open toggle enters its dropdown, and Up on the dropdown's first item goes back.
 *
 * Data, in order of precedence: the `categories` property; the `source` (`getCategories`);
 * a server-rendered nested list of links inside the element, read once the script runs and
 * shown until the source answers. The markup stays in the document, for search engines.
 *
 * @tagname portico-category-menu
 * @summary The category tree as accessible disclosure navigation.
 *
 * @slot - A server-rendered nested list of links (`<ul><li><a href>…</a><ul>…</ul></li></ul>`, optionally inside a `<nav>`): read as the categories, not shown once the script runs.
 *
 * @event {CustomEvent<{ error: SourceError }>} portico-error - The source failed; `detail.error` is a `SourceError`. The categories from the markup stay.
 *
 * @csspart base - The `<nav>`.
 * @csspart menu-button - The button a narrow horizontal menu folds behind.
 * @csspart list - The top-level list.
 * @csspart submenu - A list of subcategories.
 * @csspart item - A list item.
 * @csspart link - A category's link (an `<a>` without `href`, plain text, when the category has no usable address).
 * @csspart current - The current category's link.
 * @csspart count - The article count, `(12)`.
 * @csspart toggle - A button that opens and closes a submenu.
 * @csspart note - The note shown while loading or when there are no categories.
 * @csspart error - Added to `note` when the source failed and there are no categories to keep.
 *
 * @cssproperty --portico-category-menu-reserve - The height `before-upgrade.css` reserves before the script runs, for a menu fed from a source (default: a row of links, calc(0.75em + 1.5em)).
 * @cssproperty --portico-category-menu-indent - Indent of each level of subcategories (default 1em).
 * @cssproperty --portico-category-menu-current-background - Background of the current category.
 * @cssproperty --portico-category-menu-z-index - Stacking of horizontal submenu panels over the page (default 10).
 */
export class PorticoCategoryMenu extends PorticoElement {
  static override styles = [baseStyles, categoryMenuStyles];

  static override properties: PropertyDeclarations = {
    categories: { attribute: false },
    orientation: { reflect: true },
    current: {},
    label: {},
    showCounts: { attribute: 'show-counts', type: Boolean, reflect: true },
    maxDepth: { attribute: 'max-depth', type: Number },
    collapseBelow: { attribute: 'collapse-below', type: Number },
    open: { state: true },
    menuOpen: { state: true },
    narrow: { state: true },
    measured: { state: true },
  };

  /**
   * The category tree, set from JavaScript; wins over `source` and the markup. Assign a new array
   * to change it. `null`, like `undefined`, gives none: the source or the markup shows.
   */
  declare categories: Category[] | null | undefined;

  /** `vertical` (a sidebar tree, default) or `horizontal` (top navigation). */
  declare orientation: CategoryMenuOrientation;

  /** The current category: its url or its id. Default: the page's address. */
  declare current: string | undefined;

  /** The navigation's accessible name (default `Categories` / `Chuyên mục`). */
  declare label: string | undefined;

  /** Show each category's article count, `(12)`, when the data has one. */
  declare showCounts: boolean;

  /** Levels to show, a whole number: 1 is the top level only (default: all). */
  declare maxDepth: number | undefined;

  /** A width of the element, in CSS pixels, below which a horizontal menu folds behind a menu button. */
  declare collapseBelow: number | undefined;

  /** Keys of the open submenus. */
  declare private open: Set<string>;
  /** Whether a folded horizontal menu is open. */
  declare private menuOpen: boolean;
  /**
   * Whether the element is narrower than `collapse-below`. A state, unlike the width, so that a
   * resize re-renders only when it crosses that width.
   */
  declare private narrow: boolean;
  /** Whether the width is known: not on the server, nor in the first render before the observer reports. */
  declare private measured: boolean;
  /** The element's width, as last observed. */
  #width = 0;

  #items: MenuItem[] | undefined;
  #currentKeys: string[] = [];
  /** Whether the current category's address is the page's own (else the page is inside it). */
  #currentIsPage = false;
  /** The data `items` were read from. */
  #readFrom: unknown;
  /** What the open submenus were last reset for: the items, the current branch, the orientation. */
  #openedFor: unknown[] = [];

  readonly #data = new SourceController<Category[]>(this, () => ({
    name: this.categories == null ? this.source : undefined,
    capability: 'getCategories',
    fetch: (source, options) => source.getCategories?.(options),
  }));

  // None on the server, which has no layout: the width stays 0 there, as in the browser's first render.
  readonly #resizeObserver = onServer
    ? undefined
    : new ResizeObserver(([entry]) => {
        this.#width = entry?.contentRect.width ?? 0;
        this.narrow = this.#isNarrow();
        this.measured = this.#width > 0;
      });

  constructor() {
    super();
    this.orientation = 'vertical';
    this.showCounts = false;
    this.open = new Set<string>();
    this.menuOpen = false;
    this.narrow = false;
    this.measured = false;
    // The server-rendered markup changed, at any depth: read it again.
    new MarkupObserver(this, () => {
      this.#readFrom = undefined;
      this.requestUpdate();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (onServer) return;
    if (this.hasUpdated) this.#observeWidth();
    document.addEventListener('pointerdown', this.#onPointerDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (onServer) return;
    this.#resizeObserver?.disconnect();
    document.removeEventListener('pointerdown', this.#onPointerDown);
  }

  protected override firstUpdated(): void {
    this.#observeWidth();
  }

  /**
   * Watches the width through an empty line at the top of the menu: the element's own height
   * changes when it folds, which would make the observer report again within the same frame.
   */
  #observeWidth(): void {
    const line = this.renderRoot.querySelector('#width');
    if (line) this.#resizeObserver?.observe(line);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // `collapse-below` may have changed since the last resize.
    this.narrow = this.#isNarrow();
    this.#keepFocusThroughFold(changed);
    const list =
      this.categories == null &&
      this.#data.value === undefined &&
      this.hasServerMarkup(true) &&
      this.canReadServerMarkup('categories are')
        ? // The first list, at any depth: a CMS wraps it (WordPress's wp_nav_menu() in a
          // <div class="menu-…-container">, Joomla's module chrome in a <div class="moduletable">).
          this.querySelector('ul:not([slot] *)')
        : null;
    const [data, field] =
      this.categories != null
        ? [this.categories, 'categories']
        : this.#data.value !== undefined || !list
          ? [this.#data.value, 'source data']
          : [list, 'markup'];
    if (data !== this.#readFrom) {
      this.#readFrom = data;
      const warn: Warn = (name, value, shown, problem = 'is missing or not usable') => {
        this.warnInvalid(name, value, problem, shown);
      };
      this.#items =
        data === undefined
          ? undefined
          : readCategories(list && data === list ? readMarkupList(list) : data, field, warn);
      if (this.#items?.length === 0) warn(field, data, this.phrase('EMPTY'));
    }

    // The current category: by id, or by address (ignoring the origin and a trailing slash,
    // and the query unless the category's own address has one, as CMS addresses can).
    // A link to a fragment of this page (`#`) resolves to the page's address, but is never its category.
    // `current`, else the item the CMS marked current in its markup, else the page's address.
    const named = this.readText('current', this.current);
    const wanted = named ?? pageAddress();
    const here = safeLink(wanted);
    const page = safeLink(pageAddress());
    const isAddressOf = ({ href, url }: MenuItem, target: URL | undefined): boolean =>
      !!href && !!url && !isFragmentLink(href, url, page) && sameAddress(url, target);
    const items = this.#items ?? [];
    const markedBranch = named === undefined ? currentBranch(items, (item) => item.marked) : [];
    let branch = markedBranch.length
      ? markedBranch
      : currentBranch(items, (item) => item.id === wanted || isAddressOf(item, here));
    // A `current` that names nothing here (a WordPress term id over a menu read from markup, whose
    // ids are slugs) is a template's mistake: say so, and mark the page's own category.
    if (named !== undefined && branch.length === 0 && items.length > 0) {
      this.warnInvalid('current', this.current, "matches no category's id or address", "the page's own category");
      branch = currentBranch(items, (item) => isAddressOf(item, page));
    }
    this.#currentKeys = branch.map((item) => item.key);
    // The current category is the page itself, or (`current` naming it on an article's page)
    // the section the page is in: `aria-current="page"` only for the first.
    const last = branch.at(-1);
    this.#currentIsPage = !!last && isAddressOf(last, page);

    // A new tree, a new current page or a new orientation starts from the default: the
    // current branch open in a sidebar, every submenu closed in top navigation.
    const horizontal = this.#isHorizontal();
    const openFor = [this.#items, this.#currentKeys.join(), horizontal];
    if (openFor.some((value, index) => value !== this.#openedFor[index])) {
      this.#openedFor = openFor;
      this.open = new Set(horizontal ? [] : this.#currentKeys);
    }
  }

  override render(): TemplateResult {
    const horizontal = this.#isHorizontal();
    const folded = horizontal && this.narrow;
    // Until its width is known (rendered on the server, or before the first resize report), a
    // menu that may fold keeps its top row on one line, as tall as the folded menu button: the
    // fold, when it comes, moves nothing. Links past the edge scroll into view.
    const oneLine = horizontal && !this.measured && this.#positive('collapse-below', this.collapseBelow) !== undefined;
    const { state } = this.#data;
    if (!this.#items && state !== 'loading' && state !== 'error') {
      this.warnMissing('categories', 'is missing (give categories, a source or a list of links)', this.phrase('EMPTY'));
    }
    const name = this.regionName(this.readText('label', this.label), this.phrase('CATEGORIES'));
    return html`<nav
      part="base"
      lang=${this.phraseLang ?? nothing}
      class=${horizontal && !folded ? (oneLine ? 'horizontal one-line' : 'horizontal') : 'vertical'}
      aria-label=${name.ariaLabel}
      aria-labelledby=${name.labelledBy}
      @keydown=${this.#onKeydown}
      @focusin=${this.#onFocusIn}
      @focusout=${this.#onFocusOut}
    >
      <div id="width"></div>
      ${name.labelElement}
      ${
        folded
          ? html`<button
              part="menu-button"
              aria-expanded=${this.menuOpen}
              aria-controls="menu"
              @click=${() => {
                this.menuOpen = !this.menuOpen;
              }}
            >
              <span aria-hidden="true">☰</span> ${this.phrase('MENU')}
            </button>`
          : nothing
      }
      <div id="menu" ?hidden=${folded && !this.menuOpen}>
        ${this.#items?.length ? this.#renderList(this.#items, 1) : html`<p part=${this.emptyStatePart('note', state)}>${this.emptyStateText(state)}</p>`}
      </div>
      <slot hidden></slot>
    </nav>`;
  }

  #renderList(items: MenuItem[], level: number, id?: string, hidden = false): TemplateResult {
    return html`<ul part=${level > 1 ? 'submenu' : 'list'} id=${id ?? nothing} ?hidden=${hidden}>
      ${items.map((item) => this.#renderItem(item, level))}
    </ul>`;
  }

  #renderItem(item: MenuItem, level: number): TemplateResult {
    const hasSubmenu = item.children.length > 0 && level < (this.#levels() ?? Infinity);
    const open = this.open.has(item.key);
    const isCurrent = item.key === this.#currentKeys.at(-1);
    const current = isCurrent
      ? this.#currentIsPage
        ? 'page'
        : 'true'
      : this.#currentKeys.includes(item.key)
        ? 'location'
        : undefined;
    const submenuId = `submenu-${item.key}`;
    // The title in its own language (`lang`); the spoken count after it is in the widget's.
    return html`<li part="item">
      <div>
        <a
          part=${isCurrent ? 'link current' : 'link'}
          href=${item.href ?? nothing}
          target=${item.newWindow && item.href ? '_blank' : nothing}
          rel=${item.url && (item.newWindow || isExternalLink(item.url)) ? 'noopener' : nothing}
          aria-current=${current ?? nothing}
          ><span lang=${this.textLang(item.lang) ?? nothing}>${item.title}</span>${
            item.newWindow && item.href
              ? html`<span class="visually-hidden"> ${this.phrase('OPENS_NEW_TAB')}</span>`
              : nothing
          }${
            this.showCounts && item.count !== undefined
              ? html` <span part="count" aria-hidden="true"
                    >(${formatInteger(item.count, { locale: this.locale })})</span
                  ><span class="visually-hidden">(${translatePlural('ARTICLES', item.count, this.locale)})</span>`
              : nothing
          }</a
        >
        ${
          hasSubmenu
            ? html`<button
                part="toggle"
                aria-expanded=${open}
                aria-controls=${submenuId}
                aria-label=${this.phrase('SUBCATEGORIES_OF', item.title)}
                @click=${() => {
                  this.#toggle(item.key, !open);
                }}
              ></button>`
            : nothing
        }
      </div>
      ${hasSubmenu ? this.#renderList(item.children, level + 1, submenuId, !open) : nothing}
    </li>`;
  }

  #toggle(key: string, opening: boolean): void {
    // Top navigation keeps one submenu open: opening one closes all but its own ancestors.
    const open = new Set(
      this.#isHorizontal() ? [...this.open].filter((other) => key.startsWith(`${other}.`)) : this.open,
    );
    if (opening) open.add(key);
    else open.delete(key);
    this.open = open;
  }

  #isNarrow(): boolean {
    const collapseBelow = this.#positive('collapse-below', this.collapseBelow) ?? 0;
    return this.#width > 0 && this.#width < collapseBelow;
  }

  #isHorizontal(): boolean {
    return this.oneOf('orientation', this.orientation, ORIENTATIONS) === 'horizontal';
  }

  /** A positive number attribute; `undefined` when absent, or unusable (with a warning). */
  #positive(attribute: string, value: number | null | undefined): number | undefined {
    return this.readNumberAttribute(
      attribute,
      value,
      (given) => given > 0,
      'is not a positive number',
      undefined,
      'no limit',
    );
  }

  /** `max-depth`: a whole number of levels, 1 or more; `undefined` (every level) when absent or not one. */
  #levels(): number | undefined {
    return this.readNumberAttribute(
      'max-depth',
      this.maxDepth,
      (given) => Number.isInteger(given) && given >= 1,
      'is not a whole number of levels, 1 or more',
      undefined,
      'every level',
    );
  }

  /**
   * Folding or unfolding (a zoom, a turned tablet) must not drop the keyboard focus on the page
   * (WCAG 2.4.3): folding with focus in the row opens the folded menu, so the focused link stays
   * shown; unfolding from the menu button, which goes, focuses the row's first link.
   */
  #keepFocusThroughFold(changed: PropertyValues): void {
    const wasNarrow = changed.get('narrow') as boolean | undefined;
    if (wasNarrow === undefined || wasNarrow === this.narrow || !this.#isHorizontal()) return;
    const active = (this.renderRoot as ShadowRoot).activeElement;
    if (!active) return;
    if (this.narrow) {
      if (active.closest('#menu')) this.menuOpen = true;
    } else if (active.matches('[part~="menu-button"]')) {
      void this.updateComplete.then(() => {
        this.renderRoot.querySelector<HTMLElement>('#menu a[href], #menu button')?.focus();
      });
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('open') || changed.has('narrow')) this.#keepDropdownsInView();
  }

  /**
   * A top-navigation dropdown hangs from its item's start; near the viewport's end (a phone, a
   * 400 % zoom) it moves back by what would overflow (WCAG 1.4.10). Through the CSSOM, which a
   * strict Content-Security-Policy allows, unlike a style attribute.
   */
  #keepDropdownsInView(): void {
    for (const panel of this.renderRoot.querySelectorAll<HTMLElement>('.horizontal > div > ul > li > ul')) {
      panel.style.removeProperty('--_portico-dropdown-shift');
      if (panel.hidden) continue;
      const { left, right } = panel.getBoundingClientRect();
      const overflow = right - document.documentElement.clientWidth;
      if (overflow > 0) panel.style.setProperty('--_portico-dropdown-shift', `${String(-Math.min(overflow, left))}px`);
    }
  }

  /** Closes a horizontal menu's submenus and its folded panel. */
  #closeAll(): void {
    if (!this.#isHorizontal()) return;
    this.open = new Set();
    this.menuOpen = false;
  }

  readonly #onPointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.#closeAll();
  };

  readonly #onFocusOut = ({ relatedTarget }: FocusEvent): void => {
    // No next element: the window lost focus, or a click is on its way (handled on pointerdown).
    if (relatedTarget instanceof Node && !this.renderRoot.contains(relatedTarget)) this.#closeAll();
  };

  /**
   * Top navigation: focus moving on past an open submenu closes it, which would otherwise lie
   * over the items focus moves to (WCAG 2.4.11). A folded menu's submenus push, not cover.
   */
  readonly #onFocusIn = ({ target }: FocusEvent): void => {
    if (this.open.size === 0 || !this.#isHorizontal() || this.#isNarrow()) return;
    const root = this.renderRoot as ShadowRoot;
    const around = [...this.open].filter((key) =>
      root.getElementById(`submenu-${key}`)?.parentElement?.contains(target as Node),
    );
    if (around.length < this.open.size) this.open = new Set(around);
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    const active = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    const item = active?.closest('li');
    const list = item?.parentElement;
    let target: HTMLElement | null | undefined;
    if (event.key === 'Escape') {
      // The open toggle itself, else the toggle of the submenu around the focus, else the menu button.
      target =
        active?.ariaExpanded === 'true'
          ? active
          : (list?.parentElement?.closest('li')?.querySelector('button') ??
            (this.menuOpen ? this.renderRoot.querySelector<HTMLElement>('[part~="menu-button"]') : null));
      target?.click();
      // Focus on an item of the top row, beside a submenu opened by pointer: it closes still.
      if (!target) this.#closeAll();
    } else if (item && list) {
      const items = [...list.children];
      const index = items.indexOf(item);
      const row = list.matches('.horizontal > div > ul');
      const dropdown = !row && list.matches('.horizontal > div > ul > li > ul');
      const to = {
        [row ? 'ArrowLeft' : 'ArrowUp']: index - 1,
        [row ? 'ArrowRight' : 'ArrowDown']: index + 1,
        Home: 0,
        End: items.length - 1,
      }[event.key];
      // Top navigation, as APG's disclosure navigation does: Down on an open toggle enters its
      // dropdown, and Up on the dropdown's first item goes back to the toggle.
      if (row && event.key === 'ArrowDown' && active?.ariaExpanded === 'true') {
        target = item.querySelector('ul')?.querySelector('a[href], button');
      } else if (dropdown && to === -1) {
        target = list.parentElement?.querySelector(':scope > div > button');
      } else {
        target = to === undefined ? null : items[to]?.querySelector('a[href], button');
      }
    }
    if (target) target.focus();
    // A key the menu moves by, at the end of a list too: it does not scroll the page instead.
    if (target || (item && NAVIGATION_KEYS.has(event.key))) event.preventDefault();
  };
}
