import { shownText } from '@portico/core';

/**
 * A text property's value as the widgets read it: a string trimmed (see `shownText`); a number
 * or bigint as its digits (a framework passing `current={5}`); `undefined` for a string that
 * shows nothing, a missing value and anything else, which a widget then treats as not given
 * rather than throwing on it.
 */
export function propertyText(value: unknown): string | undefined {
  if (typeof value === 'string') return shownText(value);
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  return undefined;
}
