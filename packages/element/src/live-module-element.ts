import { html, nothing, type ComplexAttributeConverter, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ModuleElement } from './module-element.js';
import type { SourceState } from './source-controller.js';

/** `live="off"` (or `false`) switches live updates off; absent or anything else leaves them on. */
const liveConverter: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value: string | null) => value !== 'off' && value !== 'false',
};

/** Whether screen readers announce a live module's updates: `off` (the default) or `changes`. */
export type LiveAnnouncements = 'off' | 'changes';

const ANNOUNCEMENTS: readonly [LiveAnnouncements, ...LiveAnnouncements[]] = ['off', 'changes'];

/** What a live module can show; `renderLiveContent` picks by precedence. */
export interface LiveContent {
  /** The source's state; `ready` for data set from JavaScript. */
  state: SourceState;
  /** Whether there are figures from JavaScript or the source. */
  fromData: boolean;
  /** Whether the page wrote the figures as attributes. */
  fromAttributes: boolean;
  /** The figures (from data, attributes, or none: dashes), marked out of date when `stale`. */
  renderFigures: (stale: boolean) => TemplateResult;
  /** The figures' element with sample figures, hidden, so the box has its final size while the first answer comes. */
  placeholder: TemplateResult;
  /** The `part` of the note shown when there are no figures at all. */
  errorPart: string;
  /** What the integrator left out, when there is no data of any kind: the attribute and what to give. */
  missing: readonly [attribute: string, problem: string];
}

/** Seconds between live updates, unless the page says otherwise. */
export const DEFAULT_LIVE_INTERVAL_SECONDS = 30;

/**
 * A module that shows numbers which change while the page is open (visitors, view hits):
 * it follows its source live unless `live="off"`, asking for an update every `interval`
 * seconds, which is also the least time between two announcements to screen readers.
 */
export class LiveModuleElement extends ModuleElement {
  static override properties: PropertyDeclarations = {
    interval: { type: Number },
    live: { converter: liveConverter },
    announce: {},
  };

  /** Seconds between live updates asked of the source; also the least time between announcements (default 30). */
  declare interval: number;

  /** `live="off"` loads once instead of following live updates. */
  declare live: boolean;

  /**
   * `changes` has screen readers announce each live update (at most once per `interval`). By
   * default (`off`) they read the current figures wherever the reader reaches them, and a reader
   * busy with the page is not interrupted by numbers that change on their own (WCAG 2.2.2).
   */
  declare announce: LiveAnnouncements;

  constructor() {
    super();
    this.interval = DEFAULT_LIVE_INTERVAL_SECONDS;
    this.live = true;
    this.announce = 'off';
  }

  /**
   * The `aria-live` of the figures' `role="status"` region: `off` unless the page asks for
   * announcements (`announce="changes"`), when the role's own (polite) stays.
   */
  protected statusLive(): 'off' | typeof nothing {
    return this.announcesChanges() ? nothing : 'off';
  }

  /** Whether screen readers hear each live update (`announce="changes"`). */
  protected announcesChanges(): boolean {
    return this.oneOf('announce', this.announce, ANNOUNCEMENTS) === 'changes';
  }

  /**
   * The content by precedence: figures from JavaScript or the source; else what the server
   * rendered inside the tag, which stays (marked out of date if the source failed); else the
   * attributes; else a placeholder while loading, a note when the source failed, or dashes
   * with a warning when the page gave no data at all.
   */
  protected renderLiveContent(content: LiveContent): TemplateResult {
    const { state, renderFigures } = content;
    const failed = state === 'error';
    if (content.fromData) return renderFigures(state === 'stale');
    if (this.hasServerMarkup()) {
      return html`<div part="status" role="status" aria-live=${this.statusLive()}>
        <slot @slotchange=${this.onSlotChange}></slot>${this.renderStale(failed)}
      </div>`;
    }
    if (content.fromAttributes) return renderFigures(failed);
    if (state === 'loading') {
      return html`<div part="status" role="status" aria-live=${this.statusLive()} aria-busy="true">
        ${content.placeholder}<span class="visually-hidden">${this.phrase('LOADING')}</span>
      </div>`;
    }
    if (failed) {
      return html`<div part="status" role="status" aria-live=${this.statusLive()}>
        <p part=${content.errorPart}>${this.phrase('UNAVAILABLE')}</p>
      </div>`;
    }
    const [attribute, problem] = content.missing;
    this.warnMissing(attribute, problem, '—');
    return renderFigures(false);
  }

  /** The "not up to date" note, shown while the source fails and the last good numbers stay. */
  protected renderStale(stale: boolean): TemplateResult | typeof nothing {
    return stale ? html`<span part="stale">${this.phrase('OUT_OF_DATE')}</span>` : nothing;
  }

  /** The live interval in milliseconds; a bad `interval` falls back to 30 s, with a warning. */
  protected liveIntervalMilliseconds(): number {
    const seconds = this.readNumberAttribute(
      'interval',
      this.interval,
      (value) => Number.isFinite(value) && value > 0,
      'is not a positive number of seconds',
      DEFAULT_LIVE_INTERVAL_SECONDS,
    );
    return seconds * 1000;
  }
}
