import { pageGlobal } from '../page-global.js';
import { didYouMean, quotedNames } from '../text/did-you-mean.js';
import { SOURCE_CAPABILITIES, type DataSource, type SourceCapability } from './contract.js';
import { SourceError, unsupportedCapabilityError } from './errors.js';

interface SourceRegistryStore {
  readonly sources: Map<string, DataSource>;
  readonly waiters: Map<string, Set<(source: DataSource) => void>>;
}

// One registry per page, shared by every copy of the library (DESIGN.md, Data flow).
const store = pageGlobal<SourceRegistryStore>('sources.v1', () => ({ sources: new Map(), waiters: new Map() }));
// Its own slot, beside the store a copy without it may have made: registrations, announced.
const registrations = pageGlobal('source-registrations.v1', () => new EventTarget());
const REGISTERED_EVENT = 'registered';

/** How long a widget waits for its source to be registered, by default. */
export const DEFAULT_REGISTRATION_TIMEOUT = 10_000;

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError(`A source name must be a non-empty string, got ${JSON.stringify(name)}.`);
  }
  return name.trim();
}

/**
 * Registers a configured plugin under the name widgets give as `source`:
 * `registerSource('site', joomla({ baseUrl: '/portico-proxy' }))`. A second registration
 * under the same name replaces the first, and releases it: the replaced source's `stop()`
 * is called (once, and only if it is not the same object and not still registered under
 * another name), so its heartbeats end. Widgets already waiting for the name receive the
 * source at once, and widgets showing the replaced one's data move to it
 * (`onSourceRegistered`). Returns a function that unregisters this source (and only this one).
 *
 * @throws TypeError when the name is empty or the source provides no capability: a
 * configuration mistake, reported where it is made.
 */
export function registerSource(name: string, source: DataSource): () => void {
  const key = checkName(name);
  const hasCapability =
    typeof source === 'object' &&
    (source as DataSource | null) !== null &&
    SOURCE_CAPABILITIES.some((capability) => typeof source[capability] === 'function');
  if (!hasCapability) {
    throw new TypeError(
      `registerSource('${key}', …) needs a data source with at least one of: ${SOURCE_CAPABILITIES.join(', ')}.`,
    );
  }
  const replaced = store.sources.get(key);
  store.sources.set(key, source);
  const waiting = store.waiters.get(key);
  store.waiters.delete(key);
  waiting?.forEach((resolve) => {
    resolve(source);
  });
  // Widgets following the replaced source move over before it is stopped.
  registrations.dispatchEvent(new CustomEvent(REGISTERED_EVENT, { detail: key }));
  if (replaced !== undefined && replaced !== source) release(key, replaced);
  return () => {
    if (store.sources.get(key) === source) store.sources.delete(key);
  };
}

/**
 * Stops a source another one replaced under `key`, unless it is still registered under
 * another name. A `stop` that throws is the plugin's bug: reported, never thrown at the
 * page's configuration, which did nothing wrong.
 */
function release(key: string, replaced: DataSource): void {
  if (typeof replaced.stop !== 'function') return;
  for (const registered of store.sources.values()) if (registered === replaced) return;
  try {
    replaced.stop();
  } catch (error) {
    console.warn(
      `Portico: the data source "${key}"${replaced.kind ? ` (${replaced.kind})` : ''} was replaced, but its stop() threw:`,
      error,
    );
  }
}

/**
 * Removes the source registered under `name`; true if there was one. The source is not
 * stopped (it may be registered again): call its `stop()`, if it has one, when done with it.
 */
export function unregisterSource(name: string): boolean {
  return store.sources.delete(checkName(name));
}

/**
 * Calls `listener` with the name each time a source is registered, a replacement included,
 * so that whoever took the name's earlier source can move to the new one (the widgets do).
 * Returns a function that stops listening.
 */
export function onSourceRegistered(listener: (name: string) => void): () => void {
  const handler = (event: Event): void => {
    listener((event as CustomEvent<string>).detail);
  };
  registrations.addEventListener(REGISTERED_EVENT, handler);
  return () => {
    registrations.removeEventListener(REGISTERED_EVENT, handler);
  };
}

/** The source registered under `name`, if any. */
export function getSource(name: string): DataSource | undefined {
  return store.sources.get(name.trim());
}

/**
 * The sources registered now, for a message about `name`, which is not: a typo (`sitee`)
 * gets the name it meant.
 */
function registeredNames(name: string): string {
  const names = [...store.sources.keys()];
  return `Registered: ${quotedNames(names)}.${didYouMean(name, names)}`;
}

/** The names of all registered sources. */
export function registeredSources(): string[] {
  return [...store.sources.keys()];
}

export interface WaitForSourceOptions {
  signal?: AbortSignal | undefined;
  /** Milliseconds to wait before rejecting with `not-registered`; `Infinity` waits for good. Default 10 000. */
  timeout?: number | undefined;
}

/**
 * Resolves with the source registered under `name`, waiting for it if a widget upgraded
 * before the page's configuration ran. Rejects with a `not-registered` `SourceError` after
 * `timeout`, or with `signal.reason` when aborted.
 */
export function whenSourceRegistered(name: string, options: WaitForSourceOptions = {}): Promise<DataSource> {
  const key = checkName(name);
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  const registered = store.sources.get(key);
  if (registered) return Promise.resolve(registered);

  return new Promise<DataSource>((resolve, reject) => {
    const timeout = options.timeout ?? DEFAULT_REGISTRATION_TIMEOUT;
    const settle = (source: DataSource): void => {
      cleanUp();
      resolve(source);
    };
    const onAbort = (): void => {
      cleanUp();
      reject(signal?.reason as Error);
    };
    // Infinity waits for as long as it takes (setTimeout would read it as 0).
    const timer = Number.isFinite(timeout)
      ? setTimeout(() => {
          cleanUp();
          reject(
            new SourceError(
              'not-registered',
              `No data source named "${key}" was registered within ${String(timeout)} ms. ` +
                `Register it with registerSource('${key}', …), or in a <script type="application/json" data-portico> block ` +
                `(read by the CDN build, or from npm once @portico/plugins/auto is imported). ` +
                registeredNames(key),
              { source: key },
            ),
          );
        }, timeout)
      : undefined;
    function cleanUp(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      const waiting = store.waiters.get(key);
      waiting?.delete(settle);
      if (waiting?.size === 0) store.waiters.delete(key);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    const waiting = store.waiters.get(key) ?? new Set();
    waiting.add(settle);
    store.waiters.set(key, waiting);
  });
}

/** A capability's method, bound to its source. */
export type BoundCapability<K extends SourceCapability> = NonNullable<DataSource[K]>;

/**
 * Waits for the source `name` and returns its `capability`, bound, ready to call. Rejects
 * with `unsupported` when the source lacks it, and as `whenSourceRegistered` otherwise.
 */
export async function requireCapability<K extends SourceCapability>(
  name: string,
  capability: K,
  options: WaitForSourceOptions = {},
): Promise<BoundCapability<K>> {
  const source = await whenSourceRegistered(name, options);
  const method = source[capability];
  if (typeof method !== 'function') throw unsupportedCapabilityError(name.trim(), source, capability);
  return (method as (...args: unknown[]) => unknown).bind(source) as BoundCapability<K>;
}
