// What can turn the text after it around: right-to-left letters and the explicit direction
// controls (marks, embeddings, overrides, isolates).
const CHANGES_DIRECTION =
  /[\u200E\u200F\u202A-\u202E\u2066-\u2069\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/**
 * CMS text set among other words, as a bidi isolate (U+2068 … U+2069) when it could change
 * their direction: a name holding a right-to-left override cannot reverse the rest of a byline.
 * Text that cannot is returned as it is.
 */
export function isolateDirection(text: string): string {
  return CHANGES_DIRECTION.test(text) ? `\u2068${text}\u2069` : text;
}
