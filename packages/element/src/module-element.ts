import { html, nothing, type CSSResultGroup, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { HeadingLevel } from './heading-level.js';
import { PorticoElement } from './portico-element.js';
import { onServer } from './server.js';
import { baseStyles, moduleStyles } from './styles.js';

/**
 * A widget shaped like a CMS module: a box with a title and content. The title comes from
 * the `heading` attribute or the `heading` slot, else the widget's default phrase, and can
 * be left out with `no-heading` when the CMS prints its own.
 *
 * @slot heading - The title: text, or a heading element the server rendered (`<h3 slot="heading">`), which keeps its own level.
 * @csspart base - The module box.
 * @csspart heading - The title.
 * @cssproperty --portico-heading-size - The title's font size (default 1.125em).
 */
export class ModuleElement extends PorticoElement {
  static override styles: CSSResultGroup = [baseStyles, moduleStyles];

  static override properties: PropertyDeclarations = {
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    noHeading: { attribute: 'no-heading', type: Boolean, reflect: true },
  };

  /** The title; default: the widget's phrase in the page's language. */
  declare heading: string | undefined;

  /** The title's heading level, 1–6 (default 3, as CMS sidebar modules use). */
  declare headingLevel: HeadingLevel;

  /** Leave the title out, when the CMS prints the module's title itself. */
  declare noHeading: boolean;

  constructor() {
    super();
    this.headingLevel = 3;
    this.noHeading = false;
  }

  /** The phrase key of the default title. */
  protected defaultHeadingKey = 'ONLINE_TITLE';

  /**
   * The module box around `content`, with its title when shown. The box is not a landmark:
   * a sidebar of named regions is noise to screen-reader users; the heading is how they
   * find it.
   */
  protected renderModule(content: TemplateResult | typeof nothing): TemplateResult {
    return html`<div part="base" lang=${this.phraseLang ?? nothing}>${this.#renderHeading()} ${content}</div>`;
  }

  /**
   * The module's title as text, for words that need it beside the figures (an announcement):
   * the server-rendered heading's text (none on the server, which cannot read it), the
   * `heading` attribute, else the default phrase, also with `no-heading`, whose title the CMS
   * prints and this cannot know.
   */
  protected headingText(): string {
    const slotted = onServer ? undefined : [...this.children].find((child) => child.slot === 'heading');
    return (
      slotted?.textContent.replace(/\s+/g, ' ').trim() ||
      this.readText('heading', this.heading) ||
      this.phrase(this.defaultHeadingKey)
    );
  }

  #renderHeading(): TemplateResult | typeof nothing {
    if (this.noHeading) return nothing;
    // A heading element the server rendered into the slot keeps its own semantics and the
    // page's styles; wrapping it would nest one heading in another.
    if (this.hasSlottedChild('heading')) {
      return html`<slot name="heading" @slotchange=${this.onSlotChange}></slot>`;
    }
    const level = this.readHeadingLevel(this.headingLevel, 3);
    const own = this.readText('heading', this.heading);
    // The integrator's title is in the page's language, which the box may not be in.
    const title = !own
      ? this.phrase(this.defaultHeadingKey)
      : this.phraseLang
        ? html`<span lang=${this.locale}>${own}</span>`
        : own;
    return html`<div part="heading" role="heading" aria-level=${level}>
      <slot name="heading" @slotchange=${this.onSlotChange}>${title}</slot>
    </div>`;
  }
}
