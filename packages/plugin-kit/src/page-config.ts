import { definePhrases, pageGlobal, registerSource, type DataSource } from '@portico/core';
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
  /** What was wrong, one message per problem; each was also logged with `console.error`. */
  problems: string[];
  /** Settles when lazily loaded plugins are registered too (`registered` and `problems` then include them). */
  ready: Promise<void>;
}

const SELECTOR = 'script[type="application/json"][data-portico]';

// Each block is read once, even when two copies of the library look at the page.
const applied = pageGlobal('page-config.v1', () => new WeakSet<Element>());

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
 * still apply. Never throws.
 */
export function applyPageConfig(options: PageConfigOptions): PageConfigResult {
  const pending: Promise<void>[] = [];
  const result: PageConfigResult = { registered: [], problems: [], ready: Promise.resolve() };
  const root = options.root ?? document;
  root.querySelectorAll(SELECTOR).forEach((block, index) => {
    if (applied.has(block)) return;
    applied.add(block);
    const where = `<script data-portico> block ${String(index + 1)}${block.id ? ` (#${block.id})` : ''}`;
    const report = (problem: string): void => {
      const message = `Portico: ${where}: ${problem}`;
      result.problems.push(message);
      console.error(message);
    };
    let config: Record<string, unknown>;
    try {
      config = readObject(JSON.parse(block.textContent) as unknown, 'the block');
    } catch (error) {
      report(`is not valid JSON configuration (${error instanceof Error ? error.message : String(error)}).`);
      return;
    }
    applySources(config.sources, options.types, report, result.registered, pending);
    applyPhrases(config.phrases, report);
  });
  result.ready = Promise.all(pending).then(() => undefined);
  return result;
}

/**
 * Runs `configure` (which applies the page configuration, such as `() => applyPageConfig({ types })`)
 * at once, for the blocks above the script, and once more when the document is parsed if it
 * is still loading, for the blocks after it: a script loaded async or in the head without
 * `defer` runs before the end of the page. Then again whenever the page adds a block. Each
 * block is applied once however often this runs. Returns a function that stops watching.
 * Does nothing where there is no document (Node).
 */
export function configureNowAndWhenParsed(configure: () => void): () => void {
  if (typeof document === 'undefined') return () => undefined;
  configure();
  // Called without the event, which a `configure` taking options would read as them.
  const configureAgain = (): void => {
    configure();
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', configureAgain, { once: true });
  }
  // Blocks added later (a module a CMS loads by script, an app's own markup) apply as they come.
  const observer = new MutationObserver((records) => {
    const addsBlock = records.some(({ addedNodes }) =>
      Array.from(addedNodes).some(
        (node) => node instanceof Element && (node.matches(SELECTOR) || node.querySelector(SELECTOR) !== null),
      ),
    );
    if (addsBlock) configure();
  });
  observer.observe(document, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', configureAgain);
  };
}

function applySources(
  sources: unknown,
  types: PageConfigOptions['types'],
  report: (problem: string) => void,
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
    try {
      const { type, ...factoryOptions } = readObject(value, `"sources"."${name}"`);
      const typeName = readString(type, `"sources"."${name}".type`);
      const factory = types[typeName];
      if (!factory) {
        report(`"sources"."${name}".type is "${typeName}", which is not one of ${Object.keys(types).join(', ')}.`);
        continue;
      }
      const register = (make: SourceFactory): void => {
        registerSource(name, make(factoryOptions as never));
        registered.push(name);
      };
      if (typeof factory === 'function') {
        register(factory);
        continue;
      }
      pending.push(
        factory
          .load()
          .catch((error: unknown) => {
            throw new Error(`the "${typeName}" plugin did not load (${errorText(error)}).`);
          })
          .then(register)
          .catch((error: unknown) => {
            report(errorText(error));
          }),
      );
    } catch (error) {
      report(errorText(error));
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function applyPhrases(phrases: unknown, report: (problem: string) => void): void {
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
      for (const [key, text] of Object.entries(strings)) readString(text, `"phrases"."${locale}".${key}`);
      definePhrases(locale, strings as Record<string, string>);
    } catch (error) {
      report(errorText(error));
    }
  }
}
