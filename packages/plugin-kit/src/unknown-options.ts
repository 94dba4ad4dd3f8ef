import { didYouMean, quotedNames } from '@portico/core';
import { warnInConsole } from './read-each.js';

/**
 * Every option a plugin factory takes, each `true`: written as a record of its options type,
 * so a list that misses an option, or names one the type lacks, does not compile.
 */
export type OptionNames<Options> = Readonly<Record<keyof Options, true>>;

/**
 * Warns of each option a plugin factory was given that it does not take (`maxage`, `baseURL`,
 * `menus`), each once: written in a page's JSON configuration or in plain JavaScript, no type
 * checker catches the slip, and the option would be ignored without a word.
 */
export function warnOfUnknownOptions<Options>(factory: string, options: Options, known: OptionNames<Options>): void {
  if (typeof options !== 'object' || options === null) return;
  const names = Object.keys(known);
  for (const key of Object.keys(options)) {
    if (Object.hasOwn(known, key)) continue;
    warnInConsole(
      `${factory}() does not take the option "${key}", which is ignored; it takes ${quotedNames(names)}.${didYouMean(key, names)}`,
    );
  }
}
