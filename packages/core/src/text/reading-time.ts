import { resolveLocale } from '../locale/resolve.js';
import { wordSegmenter } from './segmenters.js';

export interface ReadingTimeOptions {
  /** Words read per minute. Default 200, a common figure for news prose. */
  wordsPerMinute?: number | undefined;
  /** The text is HTML (an article body): tags are skipped when counting. */
  isHtml?: boolean | undefined;
  locale?: string | undefined;
}

/**
 * Estimated minutes to read a text: its words (by the locale's word breaks; a Vietnamese
 * syllable counts as a word) over `wordsPerMinute`, rounded up. At least 1 for any text
 * with words; 0 for none or for a value that is not a string.
 */
export function estimateReadingMinutes(text: unknown, options: ReadingTimeOptions = {}): number {
  if (typeof text !== 'string') return 0;
  // Only for counting: the markup is dropped, never shown, so a simple pattern will do.
  const plain = options.isHtml ? text.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ') : text;
  const { intlLocale } = resolveLocale(options.locale);
  let words = 0;
  for (const part of wordSegmenter(intlLocale).segment(plain)) {
    if (part.isWordLike) words += 1;
  }
  const perMinute = options.wordsPerMinute !== undefined && options.wordsPerMinute > 0 ? options.wordsPerMinute : 200;
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / perMinute));
}
