import { SourceError } from '@portico/core';
import { isNonBlankString } from './present.js';

/**
 * Readers for data from outside (a JSON document, a CMS answer): each returns the value
 * with its type, or throws an `invalid-data` `SourceError` whose message names the field
 * (`articles[2].title must be a string, got a number`).
 */

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

function invalid(path: string, expected: string, value: unknown): SourceError {
  return new SourceError('invalid-data', `${path} must be ${expected}, got ${describe(value)}.`, { retryable: false });
}

export function readObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, 'an object', value);
  return value as Record<string, unknown>;
}

export function readArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(path, 'a list', value);
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalid(path, 'a string', value);
  return value;
}

/** What `read` reads, or `undefined` for a missing value (`undefined` or `null`). */
export function readOptional<T>(
  value: unknown,
  path: string,
  read: (value: unknown, path: string) => T,
): T | undefined {
  return value === undefined || value === null ? undefined : read(value, path);
}

/** A string, or `undefined` for a missing value (`undefined` or `null`). */
export function readOptionalString(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : readString(value, path);
}

/** An id: a string, or a number as CMSs give them, as a string. */
export function readId(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isNonBlankString(value)) return value;
  throw invalid(path, 'an id (a string or a number)', value);
}

/** A count: a whole number of 0 or more, as a number, a decimal string or a bigint. */
export function readCount(value: unknown, path: string): number | string | bigint {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'bigint' && value >= 0n) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
  throw invalid(path, 'a whole number of 0 or more', value);
}

export function readOptionalCount(value: unknown, path: string): number | string | bigint | undefined {
  return value === undefined || value === null ? undefined : readCount(value, path);
}

export function readOptionalNumber(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(path, 'a number', value);
  return value;
}

/**
 * A number, or a decimal number written as text (`"12"`, `"-1.5"`), as CMS exports and
 * database drivers give them and the widgets accept; `undefined` for a missing value.
 */
export function readOptionalNumeric(value: unknown, path: string): number | undefined {
  if (typeof value === 'string' && /^[-+]?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return readOptionalNumber(value, path);
}

export function readOptionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalid(path, 'true or false', value);
  return value;
}
