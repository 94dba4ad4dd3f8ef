import {
  DEFAULT_REGISTRATION_TIMEOUT,
  getSource,
  isAbortError,
  onSourceRegistered,
  toSourceError,
  unsupportedCapabilityError,
  whenSourceRegistered,
  type DataSource,
  type LiveObserver,
  type LiveOptions,
  type RequestOptions,
  type SourceError,
  type Unsubscribe,
} from '@portico/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AnnounceThrottle } from './announce-throttle.js';
import { warnAbout } from './element-warning.js';
import { propertyText } from './property-text.js';
import { onServer } from './server.js';

/**
 * - `idle`: no source to load from;
 * - `loading`: waiting for the first answer;
 * - `ready`: showing the source's data;
 * - `stale`: the source failed after an earlier answer, whose data is still shown;
 * - `error`: the source failed before any answer.
 */
export type SourceState = 'idle' | 'loading' | 'ready' | 'stale' | 'error';

/** What a widget asks of its source; read again before every update. */
export interface SourceRequest<T> {
  /** The registered source's name; empty or undefined means none. */
  name: string | null | undefined;
  /** What the widget asks for, for messages: the capability name (`getVisitorStats`). */
  capability: string;
  /** Anything else the answer depends on (a banner position, a page path): a change reloads. */
  key?: string;
  /** Follow live updates (when the source offers them) instead of loading once. */
  live?: boolean;
  /** The live update interval the widget would like, in milliseconds. */
  interval?: number;
  /** Loads once; `undefined` when the source lacks the capability. */
  fetch(source: DataSource, options: RequestOptions): Promise<T> | undefined;
  /** Subscribes; `undefined` when the source lacks live updates (then `fetch` runs once). */
  subscribe?(source: DataSource, observer: LiveObserver<T>, options: LiveOptions): Unsubscribe | undefined;
}

export interface SourceControllerOptions {
  /** How long to wait for the source to be registered before showing the error state. */
  registrationTimeout?: number;
}

type Host = ReactiveControllerHost & HTMLElement;

/** The setup mistakes told already, once per page load each: five widgets, one missing source. */
const told = new Set<string>();

/**
 * Says in the console what a page's author must fix: a source never registered, a failure
 * asking again will not mend (a capability the source lacks, data it cannot read, an item
 * that does not exist, a proxy's setup), or any failure that leaves the widget with nothing
 * to show (a host that cannot be reached, an answer the browser refuses across origins: often
 * a wrong address). A passing failure over data already shown (the network, a timeout, a 5xx)
 * is only shown as out of date and dispatched: the browser logs the request itself.
 */
function warnOfFailure(host: Element, error: SourceError, nothingShown: boolean): void {
  if (error.retryable && error.code !== 'not-registered' && !nothingShown) return;
  // Told once per tag, naming the first widget: the same fix mends the others.
  const subject = `${host.localName}: ${error.message}`;
  if (told.has(subject)) return;
  told.add(subject);
  warnAbout(host, error.message);
}

/**
 * Loads a widget's data from its `source` and keeps it current. It waits for a source that
 * is registered late, shows an error when none arrives in time and keeps waiting; follows
 * live updates, pausing them while the tab is hidden and catching up when it is shown;
 * keeps the last good data when the source fails (`stale`) and recovers when it answers
 * again. New values reach the widget at most once per `interval`, so a `role="status"`
 * region is not re-announced on every poll.
 *
 * Dispatches `portico-error` (`detail.error`: a `SourceError`) on the host on each failure.
 */
export class SourceController<T> implements ReactiveController {
  #data: T | undefined;
  #failure: SourceError | undefined;

  readonly #host: Host;
  readonly #describe: () => SourceRequest<T>;
  readonly #registrationTimeout: number;
  readonly #throttle: AnnounceThrottle<T>;
  #running: AbortController | undefined;
  /** The registered source the data comes from, once found. */
  #source: DataSource | undefined;
  #stopFollowingRegistrations: (() => void) | undefined;
  #subscription: Unsubscribe | undefined;
  /** Reopens the live subscription after the tab was hidden. */
  #reopen: (() => void) | undefined;
  /** Source and key: when they change, the old data no longer applies. */
  #dataKey: string | undefined;
  /** Data key, liveness and interval: when they change, loading restarts. */
  #signature: string | undefined;
  #connected = false;
  #current: SourceState = 'idle';

  constructor(host: Host, describe: () => SourceRequest<T>, options: SourceControllerOptions = {}) {
    this.#host = host;
    this.#describe = describe;
    this.#registrationTimeout = options.registrationTimeout ?? DEFAULT_REGISTRATION_TIMEOUT;
    this.#throttle = new AnnounceThrottle<T>((value) => {
      this.#data = value;
      this.#current = 'ready';
      this.#failure = undefined;
      this.#host.requestUpdate();
    });
    host.addController(this);
  }

  // Read for the request as it is now. A widget reads these in `willUpdate`, which Lit runs
  // before `hostUpdate`: without syncing first, a changed source or key would show the old data.

  /** The latest data for the current request; kept through failures. */
  get value(): T | undefined {
    this.#sync();
    return this.#data;
  }

  /** The latest failure, while it is not followed by an answer. */
  get error(): SourceError | undefined {
    this.#sync();
    return this.#failure;
  }

  /** Where loading is; see `SourceState`. */
  get state(): SourceState {
    // Nothing loads on the server: a widget with a source renders what the browser first shows.
    if (onServer) return propertyText(this.#describe().name) ? 'loading' : 'idle';
    this.#sync();
    return this.#current;
  }

  hostConnected(): void {
    if (onServer) return;
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    this.#stopFollowingRegistrations = onSourceRegistered(this.#onSourceRegistered);
    this.#signature = undefined;
    this.#sync();
  }

  hostDisconnected(): void {
    if (onServer) return;
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#stopFollowingRegistrations?.();
    this.#stopFollowingRegistrations = undefined;
    this.#stop();
    // Keep the data: an element moved elsewhere in the page shows it until it reloads.
    this.#signature = undefined;
  }

  hostUpdate(): void {
    this.#sync();
  }

  /** Starts, restarts or stops loading when the request changed. */
  #sync(): void {
    if (!this.#connected) return;
    const request = this.#describe();
    // Read as text: a framework may pass anything, and nothing here may throw on it.
    const name = propertyText(request.name) ?? '';
    // Whatever `live` was set to from JavaScript (a bigint, a string) reads as true or false.
    const live = Boolean(request.live);
    this.#throttle.interval = live ? (request.interval ?? 0) : 0;
    const dataKey = JSON.stringify([name, propertyText(request.key) ?? '']);
    const signature = JSON.stringify([dataKey, live, request.interval ?? 0]);
    if (signature === this.#signature) return;
    this.#signature = signature;
    this.#stop();
    if (dataKey !== this.#dataKey) {
      this.#dataKey = dataKey;
      this.#data = undefined;
      this.#failure = undefined;
      this.#throttle.reset();
    }
    if (name === '') {
      this.#current = 'idle';
      return;
    }
    if (this.#data === undefined) this.#current = 'loading';
    void this.#start(name, request, live);
  }

  #stop(): void {
    this.#running?.abort();
    this.#running = undefined;
    this.#source = undefined;
    this.#reopen = undefined;
    this.#subscription?.();
    this.#subscription = undefined;
  }

  async #start(name: string, request: SourceRequest<T>, live: boolean): Promise<void> {
    const running = new AbortController();
    this.#running = running;
    const { signal } = running;
    let source: DataSource;
    try {
      source = await whenSourceRegistered(name, { signal, timeout: this.#registrationTimeout });
    } catch (error) {
      if (signal.aborted) return;
      this.#fail(error, name);
      // Keep waiting: a page that registers its source very late still gets its data.
      try {
        source = await whenSourceRegistered(name, { signal, timeout: Infinity });
      } catch {
        return;
      }
    }
    if (signal.aborted) return;
    this.#source = source;

    if (live && request.subscribe) {
      const subscribe = request.subscribe.bind(request);
      const open = (): void => {
        this.#subscription?.();
        this.#subscription = undefined;
        if (signal.aborted || document.visibilityState === 'hidden') return;
        const observer: LiveObserver<T> = {
          next: (value) => {
            if (!signal.aborted) this.#throttle.push(value);
          },
          error: (error) => {
            if (!signal.aborted) this.#fail(error, name);
          },
        };
        let unsubscribe: Unsubscribe | undefined;
        try {
          unsubscribe = subscribe(source, observer, { signal, interval: request.interval, locale: this.#locale() });
        } catch (error) {
          // A plugin's bug: shown as its failure, never left loading forever.
          this.#fail(error, name);
          return;
        }
        if (unsubscribe) this.#subscription = unsubscribe;
        else void this.#fetchOnce(source, request, name, signal);
      };
      this.#reopen = open;
      open();
      return;
    }
    await this.#fetchOnce(source, request, name, signal);
  }

  async #fetchOnce(source: DataSource, request: SourceRequest<T>, name: string, signal: AbortSignal): Promise<void> {
    try {
      const answer = request.fetch(source, { signal, locale: this.#locale() });
      if (!answer) throw unsupportedCapabilityError(name, source, request.capability);
      const value = await answer;
      if (!signal.aborted) this.#throttle.push(value);
    } catch (error) {
      if (!signal.aborted && !isAbortError(error)) this.#fail(error, name);
    }
  }

  /**
   * Another source registered under the name this one loads from (the page configured it
   * again): load from that one. The data shown stays until it answers.
   */
  readonly #onSourceRegistered = (name: string): void => {
    if (this.#source === undefined || name !== propertyText(this.#describe().name) || getSource(name) === this.#source)
      return;
    this.#signature = undefined;
    this.#sync();
  };

  readonly #onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') {
      // Pause: no polling for a tab nobody sees.
      this.#subscription?.();
      this.#subscription = undefined;
    } else if (this.#running && !this.#running.signal.aborted) {
      // Catch up: a new subscription delivers the current value at once.
      this.#throttle.reset();
      this.#reopen?.();
    }
  };

  #fail(error: unknown, name: string): void {
    this.#failure = toSourceError(error, name);
    warnOfFailure(this.#host, this.#failure, this.#data === undefined);
    this.#current = this.#data === undefined ? 'error' : 'stale';
    this.#host.requestUpdate();
    this.#host.dispatchEvent(
      new CustomEvent('portico-error', { detail: { error: this.#failure }, bubbles: true, composed: true }),
    );
  }

  #locale(): string | undefined {
    return (this.#host as Partial<{ locale: string }>).locale;
  }
}
