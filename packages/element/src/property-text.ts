/**
 * A text property's value as the widgets read it: a string trimmed; a number or bigint as its
 * digits (a framework passing `current={5}`); `undefined` for a blank string, a missing value
 * and anything else, which a widget then treats as not given rather than throwing on it.
 */
export function propertyText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  return undefined;
}
