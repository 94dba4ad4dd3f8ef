import { isSourceError, type SourceError } from '@portico/core';
import { readingFrom } from './reading-from.js';

/** Where a plugin reports a problem with its data that it worked around: the console, by default. */
export type Warn = (message: string) => void;

/**
 * A `Warn` that writes to the console under `prefix` (`Portico json`), each message once:
 * a document re-read at every poll would otherwise repeat its warnings every few seconds.
 */
export function consoleWarnOnce(prefix: string): Warn {
  const warned = new Set<string>();
  return (message) => {
    if (warned.has(message)) return;
    warned.add(message);
    console.warn(`${prefix}: ${message}`);
  };
}

export interface ReadEachOptions {
  /** The answer or document the items came from, named in messages (`In /portal.json: …`). */
  where?: string | undefined;
  /** Where the warning for a left-out item goes. Default: the console, under `Portico`. */
  warn?: Warn | undefined;
  /**
   * When no item can be read, fail with the first item's problem (default), so a widget shows
   * its error state and why, rather than "nothing here". `false` gives an empty list instead,
   * for lists inside an item (a category's children), whose item is still worth showing.
   */
  failWhenNoneRead?: boolean | undefined;
}

/** The default `Warn`: the console, under `Portico`, each message once. */
export const warnInConsole: Warn = consoleWarnOnce('Portico');

function isInvalidData(error: unknown): error is SourceError {
  return isSourceError(error) && error.code === 'invalid-data';
}

/**
 * Reads each item of a list on its own: one that cannot be read (an `invalid-data` error: a
 * date that is not one, a title that is not text) is left out with a warning naming it and
 * why, rather than failing the whole list, so one bad item in a CMS answer does not blank
 * every widget fed from it. `read` returns `undefined` for an item it leaves out on purpose
 * (unpublished, another language). Other errors (an abort, a bug) still fail the list.
 */
export function readEach<I, T>(
  items: readonly I[],
  read: (item: I, index: number) => T | undefined,
  options: ReadEachOptions = {},
): T[] {
  const { where, warn = warnInConsole, failWhenNoneRead = true } = options;
  const results: T[] = [];
  let firstProblem: SourceError | undefined;
  items.forEach((item, index) => {
    try {
      const result = where === undefined ? read(item, index) : readingFrom(where, () => read(item, index));
      if (result !== undefined) results.push(result);
    } catch (error) {
      if (!isInvalidData(error)) throw error;
      firstProblem ??= error;
      warn(`${error.message} That item is left out.`);
    }
  });
  if (failWhenNoneRead && firstProblem !== undefined && results.length === 0) throw firstProblem;
  return results;
}
