import {
  definePhrases,
  didYouMean,
  getSource,
  languageForCountryCode,
  pageGlobal,
  PHRASE_KEYS,
  quotedNames,
  registeredSources,
  registerSource,
  type DataSource,
} from '@portico/core';
import { unusableSource } from './unusable-source.js';
import { readObject, readString } from './validate.js';

/**
 * Makes a configured data source from the options a configuration block gives: a plugin
 * factory such as `joomla` or `wordpress`. (`never` lets a factory declare its own options
 * type; the block's options are checked by the factory, which throws a clear error.)
 */
export type SourceFactory = (options: never) => DataSource;

/**
 * A plugin that is downloaded only when a block names its type: the CDN build loads the
 * Joomla plugin on a Joomla site and never the WordPress one.
 */
export interface LazySourceFactory {
  load(): Promise<SourceFactory>;
}

export interface PageConfigOptions {
  /** The plugin factories, by the `type` a block names: `{ json, joomla, wordpress, stats }`. */
  types: Readonly<Record<string, SourceFactory | LazySourceFactory>>;
  /** Where to look for blocks. Default: the document. */
  root?: ParentNode;
}

export interface PageConfigResult {
  /** The source names registered now. */
  registered: string[];
  /**
   * What was wrong, one message per problem; each was also logged, with `console.error`, or
   * with `console.warn` for a phrase key no widget uses (which is kept, for a page's own phrases).
   */
  problems: string[];
  /** Settles when lazily loaded plugins are registered too (`registered` and `problems` then include them). */
  ready: Promise<void>;
}

const SELECTOR = 'script[type="application/json"][data-portico]';
const MISTYPED = 'script[data-portico]:not([type="application/json"])';

// Each block is read once, even when two copies of the library look at the page.
const applied = pageGlobal('page-config.v1', () => new WeakSet<Element>());

/** What a block may hold, at its top level. */
const BLOCK_KEYS = ['sources', 'phrases'];

// What the page's blocks configured, whichever copy applied them, and the names already
// warned of, for the check once the page has loaded (see `configureNowAndWhenParsed`).
const configured = pageGlobal('page-config-names.v1', () => ({
  blocks: 0,
  names: new Set<string>(),
  warned: new Set<string>(),
}));

/**
 * Reads every `<script type="application/json" data-portico>` block on the page and
 * registers the sources it configures, so a CMS template sets up its widgets without
 * JavaScript (the block is data, never executed, so a strict Content-Security-Policy allows
 * it):
 *
 * ```html
 * <script type="application/json" data-portico>
 * {
 *   "sources": {
 *     "site": { "type": "joomla", "baseUrl": "/portico-proxy" },
 *     "stats": { "type": "stats", "baseUrl": "https://stats.example.vn" }
 *   },
 *   "phrases": { "vi": { "GUESTS_0": "không có khách" } }
 * }
 * </script>
 * ```
 *
 * A block that cannot be used is reported with `console.error` and skipped; the others
 * still apply. A source a block names but cannot set up is registered as `unusableSource`,
 * so its widgets show the problem at once. Never throws.
 */
export function applyPageConfig(options: PageConfigOptions): PageConfigResult {
  const pending: Promise<void>[] = [];
  const result: PageConfigResult = { registered: [], problems: [], ready: Promise.resolve() };
  const root = options.root ?? document;
  // A block of another type (`text/json`, none) is not read: said, as it would otherwise fail silently.
  for (const block of root.querySelectorAll(MISTYPED)) {
    if (applied.has(block)) continue;
    applied.add(block);
    const type = block.getAttribute('type');
    const message =
      `Portico: <script data-portico${type === null ? '' : ` type="${type}"`}>: not read. A configuration ` +
      'block needs type="application/json" (one without a type is run as a script, not read).';
    result.problems.push(message);
    console.error(message);
  }
  root.querySelectorAll(SELECTOR).forEach((block, index) => {
    if (applied.has(block)) return;
    applied.add(block);
    const where = `<script data-portico> block ${String(index + 1)}${block.id ? ` (#${block.id})` : ''}`;
    const report: Report = (problem, options = {}) => {
      const message = `Portico: ${where}${options.field ? `, ${options.field}` : ''}: ${problem}`;
      result.problems.push(message);
      if (options.warning) console.warn(message);
      else console.error(message);
    };
    let config: Record<string, unknown>;
    try {
      config = readObject(JSON.parse(block.textContent) as unknown, 'the block');
    } catch (error) {
      report(`is not valid JSON configuration (${error instanceof Error ? error.message : String(error)}).`);
      return;
    }
    configured.blocks += 1;
    reportUnknownKeys(config, report);
    applySources(config.sources, options.types, report, result.registered, pending);
    applyPhrases(config.phrases, report);
  });
  result.ready = Promise.all(pending).then(() => undefined);
  return result;
}

/**
 * Runs `configure` (which applies the page configuration, such as `() => applyPageConfig({ types })`,
 * and may return its `PageConfigResult`)
 * at once, for the blocks above the script, and once more when the document is parsed if it
 * is still loading, for the blocks after it: a script loaded async or in the head without
 * `defer` runs before the end of the page. Then again whenever the page adds a block. Each
 * block is applied once however often this runs. Returns a function that stops watching.
 * Does nothing where there is no document (Node).
 *
 * When this starts before the page has loaded and the page has configuration blocks, it
 * checks once the page has loaded and the plugins the blocks name are registered (when the
 * results `configure` returns are `ready`): a widget whose `source` names nothing registered
 * yet (a typo, `sitee`) is warned of then, naming the sources there are, rather than only when
 * the widget gives up waiting. The widget keeps waiting all the same: a script may still
 * register the source later.
 */
export function configureNowAndWhenParsed(configure: () => unknown): () => void {
  if (typeof document === 'undefined') return () => undefined;
  const ready: Promise<unknown>[] = [];
  // Called without the event, which a `configure` taking options would read as them.
  const configureAgain = (): void => {
    const result = configure();
    if (typeof result === 'object' && result !== null && 'ready' in result) ready.push(Promise.resolve(result.ready));
  };
  configureAgain();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', configureAgain, { once: true });
  }
  // After `load`, every script the page holds (async ones too) has run: what is not registered
  // by then was mistyped, or is registered by a script that waits for something.
  let stopped = false;
  const checkWhenReady = (): void => {
    void Promise.all(ready).then(() => {
      if (!stopped) warnOfUnregisteredSources();
    });
  };
  if (document.readyState !== 'complete') window.addEventListener('load', checkWhenReady, { once: true });
  // Blocks added later (a module a CMS loads by script, an app's own markup) apply as they come.
  const observer = new MutationObserver((records) => {
    const addsBlock = records.some(({ addedNodes }) =>
      [...addedNodes].some(
        (node) => node instanceof Element && (node.matches(SELECTOR) || node.querySelector(SELECTOR) !== null),
      ),
    );
    if (addsBlock) configureAgain();
  });
  observer.observe(document, { childList: true, subtree: true });
  return () => {
    stopped = true;
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', configureAgain);
    window.removeEventListener('load', checkWhenReady);
  };
}

/**
 * Warns, once per name, of each widget `source` that names no registered source, on a page
 * configured by blocks: a page configured by script alone may register its sources whenever
 * it likes, and is left to the widgets' own wait. Names a block gave (its problem was
 * reported with the block) are left out.
 */
function warnOfUnregisteredSources(): void {
  if (configured.blocks === 0) return;
  const registered = registeredSources();
  for (const widget of document.querySelectorAll('[source]')) {
    if (!widget.localName.startsWith('portico-')) continue;
    const name = widget.getAttribute('source')?.trim() ?? '';
    if (!name || registered.includes(name) || configured.names.has(name) || configured.warned.has(name)) continue;
    configured.warned.add(name);
    console.warn(
      `Portico: <${widget.localName} source="${name}">: no data source "${name}" is registered yet, though ` +
        `the page has loaded.${didYouMean(name, registered)} Registered: ${quotedNames(registered)}. ` +
        'The widget waits on, in case a script registers it, then shows its error state.',
    );
  }
}

/**
 * Reports a problem of a block; `field`, when given, is where in the block it is
 * (`"sources"."site"`), for a problem that does not name it (a plugin's own error). A
 * `warning` is logged with `console.warn`: what it names still applies.
 */
type Report = (problem: string, options?: { field?: string; warning?: boolean }) => void;

/** Reports each key of a block that is neither `sources` nor `phrases`: it is ignored. */
function reportUnknownKeys(config: Record<string, unknown>, report: Report): void {
  for (const [key, value] of Object.entries(config)) {
    if (BLOCK_KEYS.includes(key)) continue;
    const meant = didYouMean(key, BLOCK_KEYS);
    const looksLikeSource = typeof value === 'object' && value !== null && 'type' in value;
    report(
      `has an unknown key "${key}", ignored: a block takes "sources" and "phrases".` +
        (meant || (looksLikeSource ? ' Sources go inside "sources".' : '')),
    );
  }
}

function applySources(
  sources: unknown,
  types: PageConfigOptions['types'],
  report: Report,
  registered: string[],
  pending: Promise<void>[],
): void {
  if (sources === undefined) return;
  let entries: [string, unknown][];
  try {
    entries = Object.entries(readObject(sources, '"sources"'));
  } catch (error) {
    report((error as Error).message);
    return;
  }
  for (const [name, value] of entries) {
    const field = `"sources"."${name}"`;
    configured.names.add(name.trim());
    // Reported, and the name answers its widgets with the problem rather than leaving them waiting.
    const fail = (problem: string, options?: { field: string }): void => {
      report(problem, options);
      if (getSource(name) === undefined) {
        try {
          registerSource(name, unusableSource(name, problem));
        } catch {
          // A name the registry refuses (blank) is one no widget can use either.
        }
      }
    };
    try {
      const { type, ...factoryOptions } = readObject(value, field);
      const typeName = readString(type, `${field}.type`);
      const factory = Object.hasOwn(types, typeName) ? types[typeName] : undefined;
      if (!factory) {
        fail(
          `${field}.type is "${typeName}", which is not one of ${quotedNames(Object.keys(types))}.` +
            didYouMean(typeName, Object.keys(types)),
        );
        continue;
      }
      // The plugin's own error (`json() needs …`) does not say which source it is about.
      const register = (make: SourceFactory): void => {
        try {
          registerSource(name, make(factoryOptions as never));
        } catch (error) {
          fail(errorText(error), { field });
          return;
        }
        registered.push(name);
      };
      if (typeof factory === 'function') {
        register(factory);
        continue;
      }
      pending.push(
        factory.load().then(register, (error: unknown) => {
          fail(`the "${typeName}" plugin did not load (${errorText(error)}).`, { field });
        }),
      );
    } catch (error) {
      fail(errorText(error));
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const PHRASE_KEY_SET: ReadonlySet<string> = new Set(PHRASE_KEYS);

/**
 * A phrase key Portico reads: one of `PHRASE_KEYS`, or a plural form of one that
 * `translatePlural` looks up (`GUESTS_0`, and `GUESTS_FEW` for a locale an integrator adds).
 */
function isPhraseKey(key: string): boolean {
  const plural = /^(.+)_(?:\d+|ZERO|ONE|TWO|FEW|MANY)$/.exec(key);
  return PHRASE_KEY_SET.has(key) || (plural?.[1] !== undefined && PHRASE_KEY_SET.has(plural[1]));
}

function applyPhrases(phrases: unknown, report: Report): void {
  if (phrases === undefined) return;
  let locales: [string, unknown][];
  try {
    locales = Object.entries(readObject(phrases, '"phrases"'));
  } catch (error) {
    report(errorText(error));
    return;
  }
  // One bad locale is reported; the others still apply.
  for (const [locale, overrides] of locales) {
    try {
      const strings = readObject(overrides, `"phrases"."${locale}"`);
      for (const [key, text] of Object.entries(strings)) {
        readString(text, `"phrases"."${locale}".${key}`);
        // Kept all the same: a page's own script may translate phrases of its own.
        if (!isPhraseKey(key)) {
          report(`"phrases"."${locale}".${key} is not a phrase key of Portico.${didYouMean(key, PHRASE_KEYS)}`, {
            warning: true,
          });
        }
      }
      // `vn`, the country code, as widgets read it in `lang`: Vietnamese.
      const meant = languageForCountryCode(locale);
      if (meant) {
        report(`"phrases"."${locale}" is a country code; its phrases are applied to "${meant}", the language.`, {
          warning: true,
        });
      }
      definePhrases(meant ?? locale, strings as Record<string, string>);
    } catch (error) {
      report(errorText(error));
    }
  }
}
