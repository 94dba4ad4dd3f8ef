import { sharedIntl } from '../shared-intl.js';

/** The locale's word breaks (a Vietnamese syllable is a word), one segmenter per locale. */
export function wordSegmenter(locale: string): Intl.Segmenter {
  return sharedIntl(
    'Segmenter',
    locale,
    { granularity: 'word' },
    () => new Intl.Segmenter(locale, { granularity: 'word' }),
  );
}

/** User-perceived characters (a letter with its tone marks), one segmenter per locale. */
export function graphemeSegmenter(locale: string): Intl.Segmenter {
  return sharedIntl(
    'Segmenter',
    locale,
    { granularity: 'grapheme' },
    () => new Intl.Segmenter(locale, { granularity: 'grapheme' }),
  );
}
