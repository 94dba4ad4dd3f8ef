/**
 * What counts as present in options and data from outside: a CMS or a configuration block
 * may leave a field out, give it as `null`, or give blank text.
 */

/**
 * Copies the fields that are present, so no key holds `undefined`: with
 * `exactOptionalPropertyTypes`, an optional field of the core types may be missing but not
 * `undefined`, and a reader fills one object literal rather than one `if` per field.
 */
export function presentFields<T extends object>(fields: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

/** Whether `value` is a string with more than white space in it: a required option that was given. */
export function isNonBlankString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
