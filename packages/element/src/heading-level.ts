/** Heading levels a widget's title can take. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** A whole number from 1 to 6 (or its digits) as a heading level; `undefined` for anything else. */
export function headingLevelOf(value: unknown): HeadingLevel | undefined {
  // Only a number or its digits: Number() throws on an object whose conversion is broken.
  const level = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(level) && level >= 1 && level <= 6 ? (level as HeadingLevel) : undefined;
}

/** Reads `heading-level`: a whole number from 1 to 6, else `fallback`. */
export function toHeadingLevel(value: unknown, fallback: HeadingLevel): HeadingLevel {
  return headingLevelOf(value) ?? fallback;
}
