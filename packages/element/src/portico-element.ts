import { parseCount, translate, type PhraseArgument, type PhraseKey } from '@portico/core';
import { LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from './locale-controller.js';
import type { SourceState } from './source-controller.js';
import { baseStyles } from './styles.js';

/**
 * The base of every Portico widget: its language (from `lang`, kept current), phrases,
 * typed events and warnings for bad input.
 */
export class PorticoElement extends LitElement {
  static override styles: CSSResultGroup = [baseStyles];

  /** The name of a registered data source (`registerSource('site', …)`) to take data from. */
  @property({ reflect: true }) source: string | undefined;

  private readonly localeController = new LocaleController(this);
  private readonly warned = new Set<string>();

  /** The widget's resolved language tag (`vi`, `en-GB`, …). */
  get locale(): string {
    return this.localeController.locale;
  }

  /** A phrase in the widget's language. */
  protected phrase(key: PhraseKey | (string & {}), ...args: PhraseArgument[]): string {
    return translate(key, this.locale, ...args);
  }

  /** Dispatches a `portico-` event that bubbles out of shadow roots. */
  protected emit(name: `portico-${string}`, detail: unknown): boolean {
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true });
    return this.dispatchEvent(event);
  }

  /**
   * Whether the server rendered content inside the tag (text, or elements other than those
   * assigned to a named slot): what a widget shows until it has data of its own.
   */
  protected hasServerMarkup(): boolean {
    return Array.from(this.childNodes).some((node) =>
      node instanceof Element
        ? !node.hasAttribute('slot')
        : node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
    );
  }

  /** Re-renders when slotted content changes; put it on a `<slot>`'s `@slotchange`. */
  protected readonly onSlotChange = (): void => {
    this.requestUpdate();
  };

  /**
   * What a content widget says when it has nothing to show: that it is loading, that its
   * source failed, or that there is nothing (yet).
   */
  protected emptyStateText(state: SourceState): string {
    return this.phrase(state === 'loading' ? 'LOADING' : state === 'error' ? 'CONTENT_UNAVAILABLE' : 'EMPTY');
  }

  /** A count (whole, 0 or more, exact beyond 2^53), or `undefined` with a warning naming `attribute`. */
  protected readCount(attribute: string, value: unknown): bigint | undefined {
    const count = parseCount(value);
    if (count === undefined) this.warnInvalid(attribute, value, 'is not a whole number of 0 or more', '—');
    return count;
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
   * Tells the integrator, once per attribute and value, that a value could not be used and
   * what the widget shows instead.
   */
  protected warnInvalid(attribute: string, value: unknown, problem: string, shown: string): void {
    const printed = typeof value === 'string' ? JSON.stringify(value) : describe(value);
    const key = `${attribute}=${printed}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`<${this.localName}>: ${attribute}=${printed} ${problem}; showing ${JSON.stringify(shown)}.`);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined (missing)';
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'number') return String(value);
  try {
    // JSON.stringify gives undefined for functions and symbols.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? Object.prototype.toString.call(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
