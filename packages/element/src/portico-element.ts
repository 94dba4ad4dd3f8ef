import {
  closestName,
  formatDate,
  formatInteger,
  parseCount,
  resolveLocale,
  shownText,
  translate,
  type PhraseArgument,
  type PhraseKey,
  type SourceError,
} from '@portico/core';
import {
  html,
  LitElement,
  nothing,
  render,
  type CSSResultGroup,
  type PropertyDeclaration,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { warnAbout } from './element-warning.js';
import { headingLevelOf, type HeadingLevel } from './heading-level.js';
import { LocaleController } from './locale-controller.js';
import { RENDERED_LANG_ATTRIBUTE, serverRenderContext } from './server-context.js';
import { propertyText } from './property-text.js';
import { applyPropertiesBlock } from './server-properties.js';
import { onServer } from './server.js';
import type { SourceState } from './source-controller.js';
import { baseStyles } from './styles.js';

/** The attributes and element that name a region: see `PorticoElement.regionName`. */
export interface RegionName {
  ariaLabel: string | typeof nothing;
  labelledBy: string | typeof nothing;
  labelElement: TemplateResult | typeof nothing;
}

/**
 * Whether a widget renders alike in two languages: the same phrases and date format, and Intl
 * writes dates and numbers the same (`vi` and `vi-VN` do; `en` and `en-GB` do not).
 */
function rendersAlike(first: string, second: string): boolean {
  if (first === second) return true;
  // What the widgets print from a language: its phrases, its dates, its numbers.
  const signature = (locale: string) =>
    JSON.stringify([
      resolveLocale(locale).definition.phrases,
      formatDate('2020-08-25', { locale }),
      formatInteger(18116910, { locale }),
    ]);
  return signature(first) === signature(second);
}

/**
 * Whether server-rendered markup shows something: text outside scripts and styles, or an image
 * with a source; with `links`, also a link with an address (which a widget can name by it).
 */
function showsSomething(element: Element, links: boolean): boolean {
  const has = (name: string, attribute: string) =>
    (element.matches(name) ? [element] : [...element.querySelectorAll(name)]).some(
      (found) => shownText(found.getAttribute(attribute)) !== undefined,
    );
  if (has('img', 'src') || (links && has('a', 'href'))) return true;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.parentElement?.closest('script, style') && shownText(text.textContent) !== undefined) return true;
  }
  return false;
}

/**
 * The own property Lit's hydration support sets to true on a widget whose first update is to
 * hydrate its server-rendered shadow root (`_$needsHydration`, renamed in Lit's production builds).
 */
let hydrationFlag: string | undefined;

/** Whether a server-rendered shadow root still has Lit's markers (`<!--lit-part …-->`), which hydration reads. */
function hasLitMarkers(root: Node): boolean {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Comment).data.startsWith('lit-part')) return true;
  }
  return false;
}

/**
 * A reflected property's attribute: a string, number or bigint as text; none (the attribute
 * removed) for anything else, which the widget still reads, and shows its fallback for.
 */
function reflectedText(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value) : null;
}

/** A whole number written with group separators: `18.116.910`, `18,116,910`, `18 116 910`. */
const GROUPED_DIGITS = /^\d{1,3}(?:[.,'\u00A0\u202F ]\d{3})+$/;

/**
 * How long a widget without data waits before it warns that the data is missing: a page's
 * script, or a framework after mounting, may set the data property just after the upgrade.
 */
export const MISSING_DATA_GRACE_MS = 2_000;

/**
 * The base of every Portico widget: its language (from `lang`, kept current), phrases,
 * typed events and warnings for bad input.
 *
 * @cssproperty --portico-color-text - Shared token. Text colour (default light-dark(#1b1f24, #e8eaed)).
 * @cssproperty --portico-color-muted - Shared token. Secondary text (default light-dark(#555d66, #a4adb6)).
 * @cssproperty --portico-color-accent - Shared token. Links and accents (default light-dark(#0a58a8, #8cc2ff)).
 * @cssproperty --portico-color-surface - Shared token. Background of boxes (default light-dark(#ffffff, #16191d)).
 * @cssproperty --portico-color-border - Shared token. Borders (default light-dark(#d0d7de, #3d444d)).
 * @cssproperty --portico-color-warning - Shared token. Warnings, such as the out-of-date note (default light-dark(#8a4b00, #f2b45a)).
 * @cssproperty --portico-radius - Shared token. Corner radius (default 0.25em).
 * @cssproperty --portico-space - Shared token. Padding and spacing unit (default 0.75em).
 * @cssproperty --portico-font-family - Shared token. Font family (default: inherited from the page).
 * @cssproperty --portico-line-height - Shared token. Line height, held against the page's rules on `*` (default 1.5).
 */
export class PorticoElement extends LitElement {
  static override styles: CSSResultGroup = [baseStyles];

  /**
   * Every reflected property writes its attribute through `reflectedText`: a value from a
   * framework or a careless script that cannot become text must not throw out of the update.
   * Set once the class has its properties (however declared), rather than in an override of
   * `createProperty`, which Lit deprecates and warns about in development.
   */
  protected static override finalize(): void {
    if (Object.hasOwn(this, 'finalized')) return;
    super.finalize();
    for (const [name, options] of this.elementProperties) {
      if (!options.reflect || options.converter || options.type === Boolean) continue;
      // On top of the declaration, which may be Lit's own (a wrapped accessor's).
      const converter: PropertyDeclaration['converter'] = { toAttribute: reflectedText };
      const withConverter = Object.create(options, {
        converter: { value: converter, enumerable: true },
      }) as PropertyDeclaration;
      this.elementProperties.set(name, withConverter);
    }
  }

  static override properties: PropertyDeclarations = {
    source: { reflect: true },
  };

  /** The name of a registered data source (`registerSource('site', …)`) to take data from. */
  declare source: string | undefined;

  readonly #localeController = new LocaleController(this, (given, readAs) => {
    this.warnInvalid('lang', given, 'is a country code, not a language', readAs);
  });
  readonly #warned = new Set<string>();
  /** What the latest update found missing (`warnMissing`); cleared as every update starts. */
  #missingData: [attribute: string, problem: string, shown: string] | undefined;
  #missingDataTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the shadow root was server-rendered and Lit takes its nodes over on the first render. */
  #hydrating = false;

  /** The widget's language tag, canonical (`vi`, `en-GB`, `tlh`, …): see `LocaleController.locale`. */
  get locale(): string {
    return this.#localeController.locale;
  }

  /**
   * The language of the widget's phrases where it is not the widget's own: English on a page in
   * `fr`, for which no locale is defined. A widget marks the box that holds its phrases with it,
   * and the CMS text inside with `textLang`, so screen readers read each in its own voice
   * (WCAG 3.1.2). `undefined` when the phrases are in the widget's language.
   */
  protected get phraseLang(): string | undefined {
    const { tag, definition } = this.#localeController.current;
    const { phraseTag } = definition;
    return phraseTag.split('-')[0] === tag.split('-')[0] ? undefined : phraseTag;
  }

  /**
   * The `lang` for CMS text the widget shows: the text's own language if it has one, else the
   * widget's where the box around it is marked with the phrases' other language.
   */
  protected textLang(own?: string): string | undefined {
    return own ?? (this.phraseLang ? this.locale : undefined);
  }

  /**
   * How a region of the widget (a nav, a carousel) gets its name: an integrator's `label`, else
   * `phrase`. On a page Portico has no phrases for, the region is marked with the phrases'
   * language while the integrator's words are in the page's, so they name it through
   * `aria-labelledby` from a hidden element (`labelElement`, rendered inside the region) marked
   * with the page's language.
   */
  protected regionName(label: string | undefined, phrase: string): RegionName {
    if (label === undefined || this.phraseLang === undefined) {
      return { ariaLabel: label ?? phrase, labelledBy: nothing, labelElement: nothing };
    }
    return {
      ariaLabel: nothing,
      labelledBy: 'region-name',
      labelElement: html`<span id="region-name" hidden lang=${this.locale}>${label}</span>`,
    };
  }

  /** A phrase in the widget's language. */
  protected phrase(key: PhraseKey | (string & {}), ...args: PhraseArgument[]): string {
    return translate(key, this.locale, ...args);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // The nodes of a shadow root the server rendered (declarative: attached before upgrade).
    const serverNodes = onServer ? [] : [...(this.shadowRoot?.childNodes ?? [])];
    // The keys before Lit's hydration support sets its flag (see below), while it is unknown.
    const ownKeys = serverNodes.length > 0 && !hydrationFlag ? new Set(Object.keys(this)) : undefined;
    const root = super.createRenderRoot();
    if (serverNodes.length > 0) {
      // With Lit's hydration support installed (`@portico/ssr/hydrate`; it leaves its hook on
      // `globalThis`, a public name, where Lit's own markers are renamed in production builds)
      // the first render takes these nodes over. Without it Lit would render after them: the
      // widget starts from an empty root instead.
      if (typeof (globalThis as { litElementHydrateSupport?: unknown }).litElementHydrateSupport === 'function') {
        // Its "hydrate on the first update" flag, the one key it has just set to true: Lit's
        // production builds rename it (`_$needsHydration` becomes `_$AG`), so it is found, not named.
        hydrationFlag ??= Object.keys(this).find(
          (key) => !ownKeys?.has(key) && key.startsWith('_$') && (this as Record<string, unknown>)[key] === true,
        );
        this.#hydrating = true;
        // An HTML minifier or a CDN's "auto minify" removes comments, Lit's markers among them:
        // hydrating would find nothing to take over and the first render would add a second copy.
        if (!hasLitMarkers(root)) {
          this.dropServerRender(
            "its <!--lit-part--> comments, Lit's markers, were removed (keep HTML comments in server-rendered pages: an HTML minifier's removeComments drops them)",
          );
        }
      } else {
        for (const node of serverNodes) node.remove();
        this.renderOptions.renderBefore = root.firstChild;
      }
    }
    return root;
  }

  /**
   * Whether this render has to be the server's: on the server, and in the browser's first render
   * over a server-rendered shadow root (hydration), which takes over the server's nodes as they
   * are. Such a render leaves out what only the browser knows (media queries, the reader's
   * settings); the widget renders again right after hydrating, with it.
   */
  protected get rendersAsServer(): boolean {
    return onServer || (this.#hydrating && !this.hasUpdated);
  }

  protected override update(changed: PropertyValues): void {
    const hydrating = !onServer && this.rendersAsServer;
    const renderedIn = onServer ? null : this.getAttribute(RENDERED_LANG_ATTRIBUTE);
    if (renderedIn !== null) {
      this.removeAttribute(RENDERED_LANG_ATTRIBUTE);
      if (hydrating && !rendersAlike(renderedIn, this.locale)) {
        this.dropServerRender(`rendered on the server in "${renderedIn}", and the page reads "${this.locale}"`);
      }
    }
    try {
      super.update(changed);
    } catch (error) {
      if (!hydrating) throw error;
      this.#renderAfresh(error);
    }
    if (hydrating) {
      void this.updateComplete.then(() => {
        this.#afterHydrating();
      });
    }
  }

  /**
   * Lit could not take the server's markup over: it does not fit this render (a banner whose
   * publish window ended after the page was built, say). Rather than keep it with dead
   * controls, and write the content again after it on the next update, the widget renders anew.
   */
  #renderAfresh(error: unknown): void {
    this.dropServerRender('it does not fit this page', error);
    render(this.render(), this.renderRoot, this.renderOptions);
  }

  /**
   * For a widget that finds, before its first render in the browser, that the server's markup
   * is not what it would show (Lit compares the markup's shape, not its words): the server's
   * nodes go (its styles stay), with a warning, and the widget renders in the browser as usual.
   */
  protected dropServerRender(reason: string, error?: unknown): void {
    // Only over a server's markup: after a browser render, these nodes are Lit's own.
    if (onServer || !this.#hydrating || this.hasUpdated) return;
    this.warn(`the server-rendered shadow DOM is dropped: ${reason}; rendered again.`, ...(error ? [error] : []));
    // The shadow root, not `renderRoot`: this runs from `createRenderRoot` too, before Lit sets that.
    for (const node of [...(this.shadowRoot?.childNodes ?? [])]) {
      if (!(node instanceof HTMLStyleElement)) node.remove();
    }
    this.#hydrating = false;
    // Lit's hydration support then renders, rather than hydrate what is no longer there.
    if (hydrationFlag) (this as Record<string, unknown>)[hydrationFlag] = false;
  }

  /** Right after hydrating: what only the browser knows, and what it did before the widget listened. */
  #afterHydrating(): void {
    this.requestUpdate();
    // An image that failed while the page loaded fired `error` before the widget had a listener.
    for (const image of this.renderRoot.querySelectorAll('img')) {
      if (image.complete) {
        image.decode().catch(() => {
          image.dispatchEvent(new Event('error'));
        });
      }
    }
  }

  /**
   * Dispatches a `portico-` event that bubbles out of shadow roots. Only an event whose default
   * the widget then acts on is `cancelable` (a banner click: its navigation); it returns false
   * when a listener cancelled it.
   */
  protected emit(name: `portico-${string}`, detail: unknown, { cancelable = false } = {}): boolean {
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
    return this.dispatchEvent(event);
  }

  /**
   * Whether the server rendered content inside the tag that shows something (text, or an image
   * with a source, outside the named slots): what a widget shows until it has data of its own.
   * Markup that shows nothing (`<a></a>`, `<img>`) does not count: the widget shows its own
   * fallback rather than a blank box. With `links`, for a widget that reads links as its data
   * and names an empty one by its address, a link with an address counts too.
   */
  protected hasServerMarkup(links = false): boolean {
    // The server cannot see the light DOM; its renderer says what the browser will find there.
    if (onServer) {
      const children = serverRenderContext().children;
      return Boolean(children?.content) || (links && Boolean(children?.links));
    }
    return [...this.childNodes].some((node) => {
      if (node.nodeType === Node.TEXT_NODE) return shownText(node.textContent) !== undefined;
      // Never shown, so not markup: a script (the properties block a server renderer writes), or a
      // template (a server-rendered shadow root that a browser without declarative shadow DOM left).
      if (!(node instanceof Element) || node.hasAttribute('slot') || node.matches('script, template')) return false;
      return showsSomething(node, links);
    });
  }

  /** Whether a child element is assigned to the slot `name` (`<h3 slot="heading">`). */
  protected hasSlottedChild(name: string): boolean {
    if (onServer) return serverRenderContext().children?.slots.includes(name) ?? false;
    return [...this.children].some((child) => child.getAttribute('slot') === name);
  }

  /**
   * For a widget about to read its data from its server-rendered markup: whether it can. Not on
   * the server, where there is no DOM to read it from: the server renderer is told to leave the
   * widget to the browser, which reads the markup as it would without server rendering. `data`
   * says what it reads, with its verb, for the renderer's warning: `categories are`.
   */
  protected canReadServerMarkup(data: string): boolean {
    if (!onServer) return true;
    this.renderInBrowser(`its ${data} in its light-DOM markup, which the server cannot read`);
    return false;
  }

  /**
   * On the server: asks the server renderer to leave this widget to the browser (no declarative
   * shadow root; the browser renders it on upgrade, as without server rendering), saying why.
   */
  protected renderInBrowser(reason: string): void {
    if (onServer) serverRenderContext().renderInBrowser?.(reason);
  }

  /** Re-renders when slotted content changes; put it on a `<slot>`'s `@slotchange`. */
  protected readonly onSlotChange = (): void => {
    this.requestUpdate();
  };

  /**
   * What a content widget says when it has nothing to show: that it is loading, that its
   * source failed (or has no such item: `error`'s code `not-found`), or that there is nothing (yet).
   */
  protected emptyStateText(state: SourceState, error?: SourceError): string {
    if (state === 'error')
      return this.phrase(error?.code === 'not-found' ? 'CONTENT_NOT_FOUND' : 'CONTENT_UNAVAILABLE');
    return this.phrase(state === 'loading' ? 'LOADING' : 'EMPTY');
  }

  /**
   * The part names of the note `emptyStateText` goes in: `error` added when the source failed,
   * so a failure looks the same in every widget (the warning colour), not like an empty list.
   */
  protected emptyStatePart(part: string, state: SourceState): string {
    return state === 'error' ? `${part} error` : part;
  }

  /** `heading-level`: a whole number from 1 to 6; anything else is `fallback`, with a warning. */
  protected readHeadingLevel(value: unknown, fallback: HeadingLevel): HeadingLevel {
    if (value == null) return fallback;
    const level = headingLevelOf(value);
    if (level === undefined) {
      this.warnInvalid('heading-level', this.getAttribute('heading-level') ?? value, 'is not 1–6', String(fallback));
    }
    return level ?? fallback;
  }

  /** A count (whole, 0 or more, exact beyond 2^53), or `undefined` with a warning naming `attribute`. */
  protected readCount(attribute: string, value: unknown): bigint | undefined {
    const count = parseCount(value);
    if (count !== undefined) return count;
    // A template printing a formatted number (PHP's number_format, the widget's own 18.116.910).
    const grouped =
      typeof value === 'string' && GROUPED_DIGITS.test(value.trim()) ? value.replace(/\D/g, '') : undefined;
    const problem = grouped
      ? `has group separators: give the digits only (${grouped}); the widget groups them itself`
      : 'is not a whole number of 0 or more';
    this.warnInvalid(attribute, value, problem, '—');
    return undefined;
  }

  /**
   * An enumerated attribute's value if it is allowed, else the first allowed value (the
   * default), with a warning.
   */
  protected oneOf<T extends string>(attribute: string, value: T, allowed: readonly [T, ...T[]]): T {
    if (allowed.includes(value)) return value;
    const [fallback] = allowed;
    this.warnInvalid(attribute, value, `is not one of ${allowed.join(', ')}`, fallback);
    return fallback;
  }

  /**
   * A number attribute's value when `valid`; else `fallback` (also when absent), with a warning
   * that quotes the attribute as written: `rotate="soon"` says more than the NaN it became.
   */
  protected readNumberAttribute<T extends number | undefined>(
    attribute: string,
    value: unknown,
    valid: (value: number) => boolean,
    problem: string,
    fallback: T,
    shown = String(fallback),
  ): number | T {
    if (value == null) return fallback;
    // Set from JavaScript, a number property can hold anything: React and Vue set it from a
    // template's attribute as a string of digits, which counts, as does a bigint; an object does not.
    const number =
      typeof value === 'number' || typeof value === 'bigint' || (typeof value === 'string' && value.trim())
        ? Number(value)
        : NaN;
    if (valid(number)) return number;
    // A number came from the attribute (NaN for `rotate="abc"`): its text says more. Anything
    // else was set from JavaScript, and the attribute may not show it yet.
    const given = typeof value === 'number' ? (this.getAttribute(attribute) ?? value) : value;
    this.warnInvalid(attribute, given, problem, shown);
    return fallback;
  }

  /**
   * A text property (`heading`, `label`, `current`, …) as text, `undefined` when it is blank or
   * not given; set from JavaScript to something that is not text, with a warning naming it.
   */
  protected readText(property: string, value: unknown): string | undefined {
    const text = propertyText(value);
    if (text === undefined && value != null && typeof value !== 'string') {
      this.warnInvalid(property, value, 'is not text', 'none');
    }
    return text;
  }

  override connectedCallback(): void {
    // The server's properties, before the first render (the one that hydrates) needs them.
    if (!onServer) applyPropertiesBlock(this);
    super.connectedCallback();
    this.#warnMisspeltAttributes();
    // Taken out of the page and put back, still without data: the wait starts again.
    if (this.#missingData) this.#awaitMissingData();
  }

  /**
   * Warns of each attribute the element carries that it does not read but that is one typing
   * slip from one it does (`groupin`, `sorce`, `articleid`, `varaint`): written by hand in a
   * template, such a slip otherwise leaves the widget on its default, or without data, and no
   * word why. Names of HTML's own (`id`, `class`, `data-*`, `aria-*`, …) are never slips.
   */
  #warnMisspeltAttributes(): void {
    // `lang` is read by the locale controller, not through a property.
    const known = [...(this.constructor as typeof LitElement).observedAttributes, 'lang'];
    for (const { name, value } of this.attributes) {
      if (known.includes(name) || /^(?:data|aria)-/.test(name)) continue;
      const meant = closestName(name, known);
      if (meant === undefined) continue;
      const subject = `${name}=${JSON.stringify(value)}`;
      if (this.#warned.has(subject)) continue;
      this.#warned.add(subject);
      this.warn(`${subject} is not an attribute it reads: did you mean ${meant}?`);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#missingDataTimer);
    this.#missingDataTimer = undefined;
  }

  protected override performUpdate(): void {
    // Lit calls this with no update pending too (then it renders nothing, and finds nothing missing).
    if (!this.isUpdatePending) return;
    this.#missingData = undefined;
    super.performUpdate();
    if (!this.#findsDataMissing()) {
      clearTimeout(this.#missingDataTimer);
      this.#missingDataTimer = undefined;
    }
  }

  /**
   * Tells the integrator that the widget has no data to show (nor a source or markup to take it
   * from), once it has had none for `MISSING_DATA_GRACE_MS`: data set meanwhile warns of nothing.
   * Called from the update that finds the data missing.
   */
  protected warnMissing(attribute: string, problem: string, shown: string): void {
    this.#missingData = [attribute, problem, shown];
    // A server render is the page's last word: no script sets data on it later.
    if (onServer) {
      this.#warnOnce(attribute, `${attribute} ${problem}`, shown);
      return;
    }
    if (this.isConnected) this.#awaitMissingData();
  }

  /** Whether the latest update called `warnMissing`. */
  #findsDataMissing(): boolean {
    return this.#missingData !== undefined;
  }

  /** Warns of the missing data once the grace period is over, if it is missing still. */
  #awaitMissingData(): void {
    this.#missingDataTimer ??= setTimeout(() => {
      this.#missingDataTimer = undefined;
      if (this.#missingData && this.isConnected) {
        const [stillMissing, missingProblem, missingShown] = this.#missingData;
        this.#warnOnce(stillMissing, `${stillMissing} ${missingProblem}`, missingShown);
      }
    }, MISSING_DATA_GRACE_MS);
  }

  /**
   * Tells the integrator, once per attribute and value, that a value could not be used and
   * what the widget shows instead.
   */
  protected warnInvalid(attribute: string, value: unknown, problem: string, shown: string): void {
    if (value === undefined) {
      this.#warnOnce(`${attribute} (not given)`, `${attribute} (not given) ${problem}`, shown);
      return;
    }
    const subject = `${attribute}=${describe(value)}`;
    this.#warnOnce(subject, `${subject} ${problem}`, shown);
  }

  /**
   * Tells the page's author what is wrong with this widget: the console names it (with its `id`)
   * and links to it. `details` (an error) follow the message.
   */
  protected warn(message: string, ...details: unknown[]): void {
    warnAbout(this, message, ...details);
  }

  /**
   * Warns once per `subject` (an attribute and its value) that `statement`, and what shows
   * instead.
   */
  #warnOnce(subject: string, statement: string, shown: string): void {
    if (this.#warned.has(subject)) return;
    this.#warned.add(subject);
    const showing = shown ? JSON.stringify(shown) : 'nothing';
    this.warn(`${statement}; showing ${showing}.`);
  }
}

/** Longest value a warning prints: enough to recognise it, not a whole tree of data. */
const WARNING_VALUE_LENGTH = 200;

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'number') return String(value);
  // Quoted whole, cut inside the quotes: a banner's HTML or an article body can be pages long.
  if (typeof value === 'string' && value.length > WARNING_VALUE_LENGTH) {
    return JSON.stringify(`${value.slice(0, WARNING_VALUE_LENGTH)}…`);
  }
  let json: string | undefined;
  try {
    // JSON.stringify gives undefined for functions and symbols, and throws on a loop.
    json = JSON.stringify(value);
  } catch {
    // described below
  }
  if (json === undefined) return Object.prototype.toString.call(value);
  return json.length > WARNING_VALUE_LENGTH ? `${json.slice(0, WARNING_VALUE_LENGTH)}…` : json;
}
