import { formatInteger, type ExactCount, type ViewStats } from '@portico/core';
import { baseStyles, LiveModuleElement, moduleStyles, SourceController } from '@portico/element';
import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { viewCounterStyles } from './view-counter.styles.js';

/** `auto`: the locale's grouping (`18.116.910` in vi); `off`: none (`18116910`). */
export type ViewCounterGrouping = 'auto' | 'off';
/** `standard`: every digit; `compact`: `18 Tr` / `18M`. */
export type ViewCounterNotation = 'standard' | 'compact';
/** `plain` text, or separate digit `tiles` as classic portal counters show. */
export type ViewCounterDigits = 'plain' | 'tiles';

// Each list starts with the default.
const GROUPINGS: readonly [ViewCounterGrouping, ...ViewCounterGrouping[]] = ['auto', 'off'];
const NOTATIONS: readonly [ViewCounterNotation, ...ViewCounterNotation[]] = ['standard', 'compact'];
const DIGIT_STYLES: readonly [ViewCounterDigits, ...ViewCounterDigits[]] = ['plain', 'tiles'];
/** Between a formatted number's separator (`.`, `,`, a space) and the digit after it. */
const AFTER_GROUP_SEPARATOR = /(?<=[^\d\p{L}])(?=\d)/u;

/** How long an increase counts up. */
const COUNT_UP_MILLISECONDS = 800;

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Ease-out cubic: fast at first, settling on the final number. */
function easeOut(progress: number): number {
  return 1 - (1 - progress) ** 3;
}

/**
 * The site's article view hits, as the seed portal's "Số lần xem các bài viết" module shows
 * them: exact beyond 2^53, grouped for the locale (`18.116.910`) or not (`18116910`), in
 * full or compact notation, as plain text or digit tiles. Live from a source, an increase
 * counts up briefly (not with `prefers-reduced-motion`); a decrease, a reset, shows at once.
 *
 * Data, in order of precedence: `value` set from JavaScript; the `source` (its site-wide
 * total, or the views of `path`); server-rendered text inside the element, or else the
 * `value` attribute, which show until the source answers.
 *
 * @tagname portico-view-counter
 * @summary Article view hits, exact and live.
 *
 * @slot - Server-rendered fallback text, shown until the widget has data of its own.
 * @slot heading - Replaces the title's text.
 *
 * @event {CustomEvent<{ error: SourceError }>} portico-error - The source failed; `detail.error` is a `SourceError`. The last good number stays, marked out of date.
 *
 * @csspart base - The module box.
 * @csspart heading - The title.
 * @csspart status - The live region holding the number.
 * @csspart number - The number as plain text.
 * @csspart digits - The digit tiles (`digits="tiles"`).
 * @csspart digit - One digit tile.
 * @csspart separator - A group or decimal separator between tiles.
 * @csspart unit - The compact notation's unit beside the tiles (`Tr`, `M`), as plain text.
 * @csspart stale - The "not up to date" note shown while the source fails.
 * @csspart error - The note shown when there is no number at all.
 *
 * @cssproperty --portico-view-counter-size - Size of the number (default 1.625em: the seed's 18.116.910 fits a 200 px sidebar).
 * @cssproperty --portico-view-counter-tile-color - Digit colour of the tiles.
 * @cssproperty --portico-view-counter-tile-background - Background of the tiles.
 * @cssproperty --portico-view-counter-reserve - The least height, reserved before the script runs (default `calc(5.625em + 2px)`: the box's text in em, its border in px).
 */
export class PorticoViewCounter extends LiveModuleElement {
  static override styles = [baseStyles, moduleStyles, viewCounterStyles];

  static override properties: PropertyDeclarations = {
    value: { reflect: true },
    grouping: { reflect: true },
    notation: { reflect: true },
    digits: { reflect: true },
    path: {},
  };

  /**
   * The number of views: a whole number, or a decimal string or bigint beyond 2^53. Set
   * from JavaScript it wins over `source`; as an attribute it shows until the source answers.
   */
  get value(): ExactCount | undefined {
    return this.#currentValue;
  }
  // Removing the attribute sets null.
  set value(next: ExactCount | null | undefined) {
    const previous = this.#currentValue;
    this.#currentValue = next ?? undefined;
    // Lit calls this setter for the attribute too: only a script's assignment takes precedence.
    if (!this.#applyingAttribute) this.#valueFromScript = this.#currentValue !== undefined;
    this.requestUpdate('value', previous);
  }

  /** `auto` (the locale's digit grouping, default) or `off`. */
  declare grouping: ViewCounterGrouping;

  /** `standard` (every digit, default) or `compact` (`18 Tr`); screen readers always get every digit. */
  declare notation: ViewCounterNotation;

  /** `plain` (default) or `tiles`: a tile per digit; separators and a compact unit stay plain text. */
  declare digits: ViewCounterDigits;

  /** Show the views of this page path instead of the site-wide total (from the source). */
  declare path: string | undefined;

  constructor() {
    super();
    this.grouping = 'auto';
    this.notation = 'standard';
    this.digits = 'plain';
  }

  protected override defaultHeadingKey = 'VIEW_HITS_TITLE';

  #currentValue: ExactCount | undefined;
  #valueFromScript = false;
  #applyingAttribute = false;
  /** The number the source or the page gives, and the one on screen while counting up. */
  #target: bigint | undefined;
  #shown: bigint | undefined;
  #animationFrame = 0;

  readonly #data = new SourceController<ViewStats>(this, () => ({
    name: this.#valueFromScript ? undefined : this.source,
    capability: 'getViewStats',
    key: this.path ?? '',
    live: this.live,
    interval: this.liveIntervalMilliseconds(),
    fetch: (source, options) => source.getViewStats?.(this.path === undefined ? {} : { path: this.path }, options),
    subscribe: (source, observer, options) => source.subscribeViewStats?.(observer, { ...options, path: this.path }),
  }));

  override attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
    this.#applyingAttribute = true;
    try {
      super.attributeChangedCallback(name, previous, next);
    } finally {
      this.#applyingAttribute = false;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopCountingUp();
    // Removed mid count-up: reconnected, willUpdate sees no new target, so land on it now.
    this.#shown = this.#target;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const next = this.#currentCount();
    if (next === this.#target) return;
    const previous = this.#target;
    this.#target = next;
    if (previous !== undefined && next !== undefined && next > previous && !prefersReducedMotion()) {
      this.#countUp(this.#shown ?? previous, next);
    } else {
      this.#stopCountingUp();
      this.#shown = next;
    }
  }

  override render(): TemplateResult {
    return this.renderModule(this.#renderContent());
  }

  #renderContent(): TemplateResult {
    return this.renderLiveContent({
      state: this.#valueFromScript ? 'ready' : this.#data.state,
      fromData: this.#valueFromScript || this.#data.value !== undefined,
      fromAttributes: this.#currentValue !== undefined,
      renderFigures: (stale) => this.#renderNumber(stale),
      // Eight digits: about the final size.
      placeholder: html`<span part="number" class="placeholder" aria-hidden="true"
        >${formatInteger(88_888_888, { locale: this.locale })}</span
      >`,
      errorPart: 'error',
      missing: ['value', 'is missing (give a value, or a source)'],
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The tiles' count, for their size (see the styles); through the CSSOM, as a strict
    // Content-Security-Policy refuses a style attribute.
    const fit = this.renderRoot.querySelector<HTMLElement>('.fit');
    fit?.style.setProperty('--_glyphs', fit.dataset.glyphs ?? '');
  }

  #renderNumber(stale: boolean): TemplateResult {
    const grouping = this.oneOf('grouping', this.grouping, GROUPINGS);
    const notation = this.oneOf('notation', this.notation, NOTATIONS);
    const visible = formatInteger(this.#shown, { locale: this.locale, grouping, notation });
    // Screen readers get the final number, in full, read normally, as text in the live region
    // (a changed aria-label is not reliably announced); the count-up and tiles are for eyes only.
    const spoken = formatInteger(this.#target, { locale: this.locale, grouping });
    // Too long for its box, the number breaks after a group separator, never inside a group:
    // `18.116.` / `910`. A compact number (`1,5 Tr`) stays whole.
    const groups = notation === 'compact' ? [visible] : visible.split(AFTER_GROUP_SEPARATOR);
    const number =
      this.oneOf('digits', this.digits, DIGIT_STYLES) === 'tiles'
        ? html`<span class="fit" data-glyphs=${visible.length}
            ><span part="digits" aria-hidden="true"
              >${groups.map((group) => html`<span class="group">${this.#renderTiles(group)}</span>`)}</span
            ></span
          >`
        : html`<span part="number" aria-hidden="true"
            >${groups.map((group, index) => html`${index ? html`<wbr />` : nothing}${group}`)}</span
          >`;
    // Announced, the number alone would not say what it counts: the title comes with it.
    const hidden = html`<span class="visually-hidden"
      >${this.announcesChanges() ? `${this.headingText()}: ${spoken}` : spoken}</span
    >`;
    return html`<div part="status" role="status" aria-live=${this.statusLive()}>
      ${number}${hidden}${this.renderStale(stale)}
    </div>`;
  }

  /** A tile per digit; a separator between them; a compact unit (`Tr`, `M`) as plain text, whole. */
  #renderTiles(text: string): TemplateResult[] {
    return text
      .split(/(\d)/u)
      .filter((piece) => piece !== '')
      .map((piece) =>
        /^\d$/u.test(piece)
          ? html`<span part="digit">${piece}</span>`
          : /\p{L}/u.test(piece)
            ? html`<span part="unit">${piece}</span>`
            : html`<span part="separator">${piece}</span>`,
      );
  }

  /** The number to show now, by precedence; `undefined` (shown as `—`, with a warning) when unusable. */
  #currentCount(): bigint | undefined {
    if (this.#valueFromScript) return this.readCount('value', this.#currentValue);
    // A source may break its contract and answer null, whose typeof is 'object' too.
    const stats = this.#data.value as ViewStats | null | undefined;
    if (stats !== undefined) {
      if (stats === null || typeof stats !== 'object') return this.readCount('source data', stats);
      return this.path === undefined
        ? this.readCount('source data.total', stats.total)
        : this.readCount('source data.views', stats.views);
    }
    // The value, not the attribute: a framework unsetting the value it set leaves the reflected
    // attribute until this update writes it, and means no value, not a bad one.
    return this.#currentValue === undefined ? undefined : this.readCount('value', this.#currentValue);
  }

  #countUp(from: bigint, to: bigint): void {
    this.#stopCountingUp();
    const start = performance.now();
    const step = (now: number): void => {
      const progress = Math.min(1, (now - start) / COUNT_UP_MILLISECONDS);
      // BigInt arithmetic in thousandths keeps every digit beyond 2^53.
      this.#shown = from + ((to - from) * BigInt(Math.round(easeOut(progress) * 1000))) / 1000n;
      this.requestUpdate();
      this.#animationFrame = progress < 1 ? requestAnimationFrame(step) : 0;
    };
    this.#animationFrame = requestAnimationFrame(step);
  }

  #stopCountingUp(): void {
    if (this.#animationFrame) cancelAnimationFrame(this.#animationFrame);
    this.#animationFrame = 0;
  }
}
