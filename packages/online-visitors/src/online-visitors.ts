import { formatVisitorPhrase, shownText, type VisitorStats } from '@portico/core';
import { baseStyles, LiveModuleElement, moduleStyles, SourceController } from '@portico/element';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { onlineVisitorsStyles } from './online-visitors.styles.js';

/** What the box shows: the sentence, the members' names, or both (Joomla's "Display"). */
export type OnlineVisitorsMode = 'count' | 'names' | 'both';

// The first is the default.
const MODES: readonly [OnlineVisitorsMode, ...OnlineVisitorsMode[]] = ['count', 'names', 'both'];
interface Counts {
  guests: bigint | undefined;
  members: bigint | undefined;
  names: string[];
}

/**
 * Who is on the site now, as Joomla's "Who's Online" module says it:
 * `Đang có 69 khách và không thành viên đang online`.
 *
 * Data, in order of precedence: the `stats` property; the `source` (live, paused while the
 * tab is hidden); server-rendered text inside the element, or else the `guests` and
 * `members` attributes, which show until the source answers.
 *
 * @tagname portico-online-visitors
 * @summary Who is online now: guests and members, live.
 *
 * @slot - Server-rendered fallback text, shown until the widget has data of its own.
 * @slot heading - Replaces the title's text.
 *
 * @event {CustomEvent<{ error: SourceError }>} portico-error - The source failed; `detail.error` is a `SourceError`. The last good numbers stay, marked out of date.
 *
 * @csspart base - The module box.
 * @csspart heading - The title.
 * @csspart status - The live region holding the sentence and the names.
 * @csspart count - The visitors sentence.
 * @csspart names - The list of members online.
 * @csspart stale - The "not up to date" note shown while the source fails.
 * @csspart error - The note shown when there are no figures at all.
 *
 * @cssproperty --portico-online-visitors-text-size - Size of the sentence (default 1em).
 * @cssproperty --portico-online-visitors-reserve - The least height, reserved before the script runs (default `calc(6.525em + 2px)`: the box's text in em, its border in px).
 */
export class PorticoOnlineVisitors extends LiveModuleElement {
  static override styles = [baseStyles, moduleStyles, onlineVisitorsStyles];

  static override properties: PropertyDeclarations = {
    guests: { reflect: true },
    members: { reflect: true },
    stats: { attribute: false },
    mode: { reflect: true },
  };

  /** Guests online, when the page renders the numbers itself. */
  declare guests: string | number | bigint | undefined;

  /** Members online, when the page renders the numbers itself. */
  declare members: string | number | bigint | undefined;

  /** The stats, set from JavaScript; wins over `source` and the attributes. `null` unsets it, as `undefined` does. */
  declare stats: VisitorStats | null | undefined;

  /** `count` (the sentence, default), `names` (the members' names) or `both`. */
  declare mode: OnlineVisitorsMode;

  constructor() {
    super();
    this.mode = 'count';
  }

  protected override defaultHeadingKey = 'ONLINE_TITLE';

  readonly #data = new SourceController<VisitorStats>(this, () => ({
    name: this.stats == null ? this.source : undefined,
    capability: 'getVisitorStats',
    live: this.live,
    interval: this.liveIntervalMilliseconds(),
    fetch: (source, options) => source.getVisitorStats?.(options),
    subscribe: (source, observer, options) => source.subscribeVisitorStats?.(observer, options),
  }));

  override render(): TemplateResult {
    return this.renderModule(this.#renderContent());
  }

  #renderContent(): TemplateResult {
    // `null` from a script unsets the property, as `undefined` does.
    const fromScript = this.stats != null;
    const fromData = this.stats ?? this.#data.value;
    // The properties, not the attributes: set from a framework (React, Vue), they reflect only
    // after this render.
    const fromAttributes = this.guests != null || this.members != null;
    return this.renderLiveContent({
      state: fromScript ? 'ready' : this.#data.state,
      fromData: fromData !== undefined,
      fromAttributes,
      renderFigures: (stale) =>
        this.#renderStatus(
          fromData !== undefined
            ? this.#readStats(fromData, fromScript ? 'stats' : 'source data')
            : fromAttributes
              ? this.#readAttributes()
              : { guests: undefined, members: undefined, names: [] },
          stale,
        ),
      // The sentence's shape, without a number a page without CSS (or a scraper) would read as real.
      placeholder: html`<p part="count" class="placeholder" aria-hidden="true">
        ${formatVisitorPhrase({ members: 0 }, this.locale)}
      </p>`,
      errorPart: 'count error',
      missing: ['guests', 'is missing (give guests and members, a stats property or a source)'],
    });
  }

  #renderStatus(counts: Counts, stale: boolean): TemplateResult {
    const mode = this.oneOf('mode', this.mode, MODES);
    // Members online whose names are unknown (attributes, or a source that keeps them
    // private): the names part would be wrong, so "names" falls back to the sentence.
    const namesKnown = counts.names.length > 0 || counts.members === 0n;
    const showCount = mode !== 'names' || !namesKnown;
    // With no members, "both" has the sentence say so once (as Joomla's module does); "names"
    // says it in the names' place, rather than leave the box blank.
    const showNames = mode !== 'count' && namesKnown && (mode === 'names' || counts.names.length > 0);
    return html`<div part="status" role="status" aria-live=${this.statusLive()}>
      ${showCount ? html`<p part="count">${formatVisitorPhrase(counts, this.locale)}</p>` : nothing}
      ${showNames ? this.#renderNames(counts) : nothing} ${this.renderStale(stale)}
    </div>`;
  }

  #renderNames(counts: Counts): TemplateResult {
    if (counts.names.length === 0) {
      // Only in "names", when there are no members at all.
      return html`<p part="names">${this.phrase('MEMBERS_0')}</p>`;
    }
    return html`<ul part="names" aria-label=${this.phrase('MEMBERS_ONLINE')}>
      ${counts.names.map((name) => html`<li>${name}</li>`)}
    </ul>`;
  }

  #readAttributes(): Counts {
    return {
      guests: this.readCount('guests', this.guests),
      members: this.readCount('members', this.members),
      names: [],
    };
  }

  #readStats(stats: unknown, origin: string): Counts {
    if (typeof stats !== 'object' || stats === null) {
      this.warnInvalid(origin, stats, 'is not a VisitorStats object', '—');
      return { guests: undefined, members: undefined, names: [] };
    }
    const { guests, members, memberNames } = stats as Partial<Record<keyof VisitorStats, unknown>>;
    const names = Array.isArray(memberNames) ? memberNames.flatMap((name) => shownText(name) ?? []) : [];
    return {
      guests: this.readCount(`${origin}.guests`, guests),
      members: this.readCount(`${origin}.members`, members),
      names,
    };
  }
}
