import { didYouMean, quotedNames } from '@portico/core';

/**
 * Every option a plugin factory takes, each `true`: written as a record of its options type,
 * so a list that misses an option, or names one the type lacks, does not compile.
 */
export type OptionNames<Options> = Readonly<Record<keyof Options, true>>;

/**
 * Warns of each option a plugin factory was given that it does not take (`maxage`, `baseURL`,
 * `menus`): written in a page's JSON configuration or in plain JavaScript, no type checker
 * catches the slip, and the option would be ignored without a word.
 */
export function warnOfUnknownOptions<Options>(factory: string, options: Options, known: OptionNames<Options>): void {
  if (typeof options !== 'object' || options === null) return;
  const names = Object.keys(known);
  for (const key of Object.keys(options)) {
    if (Object.hasOwn(known, key)) continue;
    console.warn(
      `Portico ${factory}(): the option "${key}" is not one it takes, and is ignored; it takes ${quotedNames(names)}.${didYouMean(key, names)}`,
    );
  }
}
