import { html, nothing, type ComplexAttributeConverter, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ModuleElement } from './module-element.js';

/** `live="off"` (or `false`) switches live updates off; absent or anything else leaves them on. */
const liveConverter: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value: string | null) => value !== 'off' && value !== 'false',
};

/** Seconds between live updates, unless the page says otherwise. */
export const DEFAULT_LIVE_INTERVAL_SECONDS = 30;

/**
 * A module that shows numbers which change while the page is open (visitors, view hits):
 * it follows its source live unless `live="off"`, asking for an update every `interval`
 * seconds, which is also the least time between two announcements to screen readers.
 */
export class LiveModuleElement extends ModuleElement {
  /** Seconds between live updates asked of the source; also the least time between announcements (default 30). */
  @property({ type: Number }) interval = DEFAULT_LIVE_INTERVAL_SECONDS;

  /** `live="off"` loads once instead of following live updates. */
  @property({ converter: liveConverter }) live = true;

  /** The "not up to date" note, shown while the source fails and the last good numbers stay. */
  protected renderStale(stale: boolean): TemplateResult | typeof nothing {
    return stale ? html`<span part="stale">${this.phrase('OUT_OF_DATE')}</span>` : nothing;
  }

  /** The live interval in milliseconds; a bad `interval` falls back to 30 s, with a warning. */
  protected liveIntervalMilliseconds(): number {
    const seconds = this.interval;
    if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
    // The attribute as written (`interval="soon"`) says more than the NaN it became.
    this.warnInvalid(
      'interval',
      this.getAttribute('interval') ?? this.interval,
      'is not a positive number of seconds',
      String(DEFAULT_LIVE_INTERVAL_SECONDS),
    );
    return DEFAULT_LIVE_INTERVAL_SECONDS * 1000;
  }
}
