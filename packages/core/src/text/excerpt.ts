import { resolveLocale } from '../locale/resolve.js';
import { graphemeSegmenter, wordSegmenter } from './segmenters.js';

export interface ExcerptOptions {
  /** Word breaks follow the locale's rules. */
  locale?: string | undefined;
  /** Appended when the text was cut. Default `…`. */
  ellipsis?: string | undefined;
}

// Left at the end of a cut before the ellipsis is added: spaces and joining punctuation.
const TRAILING_JOINERS = /[\s,;:\-\u2013\u2014(]+$/u;

function graphemes(text: string, locale: string): string[] {
  // A loop, not `Array.from`: pages that load MooTools 1.4 (Joomla 3) replace `Array.from`
  // with one that ignores the mapping function and takes an iterable for one item.
  const parts: string[] = [];
  for (const { segment } of graphemeSegmenter(locale).segment(text)) parts.push(segment);
  return parts;
}

/**
 * Shortens plain text to at most `maxLength` user-perceived characters (graphemes, so a
 * Vietnamese letter with its tone mark counts once and is never split, whether it comes
 * precomposed or with combining marks), cutting at a word break and adding an ellipsis.
 * Runs of white space become one space. A word longer than the whole budget is cut between
 * graphemes.
 *
 * A value that is not a string gives `""`; a `maxLength` that is not a positive number
 * leaves the text whole.
 */
export function excerpt(text: unknown, maxLength: number, options: ExcerptOptions = {}): string {
  if (typeof text !== 'string') return '';
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!(maxLength > 0) || !Number.isFinite(maxLength)) return clean;

  const { intlLocale } = resolveLocale(options.locale);
  const all = graphemes(clean, intlLocale);
  if (all.length <= maxLength) return clean;

  const ellipsis = options.ellipsis ?? '\u2026';
  const budget = Math.floor(maxLength) - graphemes(ellipsis, intlLocale).length;
  if (budget <= 0) return graphemes(ellipsis, intlLocale).slice(0, Math.floor(maxLength)).join('');

  // The last word break that fits the budget.
  let used = 0;
  let fitting = '';
  for (const { segment } of wordSegmenter(intlLocale).segment(clean)) {
    const length = graphemes(segment, intlLocale).length;
    if (used + length > budget) break;
    used += length;
    fitting += segment;
  }
  const cut = fitting.replace(TRAILING_JOINERS, '');
  return (cut === '' ? all.slice(0, budget).join('') : cut) + ellipsis;
}
