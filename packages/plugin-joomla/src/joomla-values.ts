import type { Image } from '@portico/core';
import { SourceError } from '@portico/core';
import { readOptionalString } from '@portico/plugin-kit';
import { joomlaTime } from './proxy-rules.js';

/**
 * Joomla's own value formats, turned into Portico's: its database dates, its media-field
 * image addresses, and text that may carry HTML.
 */

function invalid(path: string, expected: string): SourceError {
  return new SourceError('invalid-data', `${path} must be ${expected}.`, { retryable: false });
}

/**
 * A Joomla date as ISO 8601 UTC (`2020-08-25T10:00:00Z`), or `undefined` for no date
 * (`null`, `""`, Joomla 3's `0000-00-00 00:00:00`); read as the proxy reads it (`joomlaTime`).
 */
export function joomlaDate(value: unknown, path: string): string | undefined {
  const time = joomlaTime(value);
  if (time === null) return undefined;
  if (Number.isNaN(time)) {
    throw invalid(
      path,
      typeof value === 'string'
        ? `a date such as "2020-08-25 10:00:00", not ${JSON.stringify(value)}`
        : 'a date such as "2020-08-25 10:00:00"',
    );
  }
  return `${new Date(time).toISOString().slice(0, 19)}Z`;
}

/**
 * An address from Joomla resolved against the site. One that is not an address
 * (`http://[bad`) is an `invalid-data` error naming the field: `new URL`'s `TypeError` would
 * pass for a failed fetch, a network error worth retrying, when the data is what is wrong.
 */
export function joomlaAddress(address: string, siteUrl: string, path: string): string {
  try {
    return new URL(address, siteUrl).href;
  } catch {
    throw invalid(path, `a web address, not ${JSON.stringify(address)}`);
  }
}

/** Whether `now` lies in the window Joomla shows an item in: from `publish_up`, until `publish_down`. */
export function isInPublishWindow(
  publishUp: string | undefined,
  publishDown: string | undefined,
  now: number,
): boolean {
  return (
    (publishUp === undefined || Date.parse(publishUp) <= now) &&
    (publishDown === undefined || Date.parse(publishDown) > now)
  );
}

/**
 * An image from a Joomla media field. Joomla 4 and 5 store
 * `images/x.jpg#joomlaImage://local-images/x.jpg?width=800&height=600`: the part before `#`
 * is the address (relative to the site, unless the API already made it absolute); the
 * fragment carries the intrinsic size, which lets a widget reserve the image's box.
 */
export function joomlaImage(value: unknown, alt: string | undefined, siteUrl: string, path: string): Image | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(path, 'an image address (a string)');
  const hash = value.indexOf('#');
  const address = (hash === -1 ? value : value.slice(0, hash)).trim();
  if (address === '') return undefined;
  const image: Image = { src: joomlaAddress(address, siteUrl, path) };
  if (alt !== undefined) image.alt = alt;
  if (hash !== -1) {
    const size = new URLSearchParams(value.slice(value.indexOf('?', hash) + 1 || value.length));
    const width = Number(size.get('width'));
    const height = Number(size.get('height'));
    if (width > 0 && height > 0) {
      image.width = width;
      image.height = height;
    }
  }
  return image;
}

/**
 * An item's `language` (`vi-VN`) as Portico's `lang`: the language of its own text. `undefined`
 * for none, and for Joomla's `*`, "all languages", which says nothing of the text's.
 */
export function joomlaLanguage(value: unknown, path: string): string | undefined {
  const language = readOptionalString(value, path)?.trim();
  return language && language !== '*' ? language : undefined;
}

/** A scalar setting as text (`1` and `"1"` alike); anything else as `""`. */
export function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Fills `{name}` placeholders with URL-encoded values; unknown placeholders stay as written. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : encodeURIComponent(value).replace(/%3A/g, ':').replace(/%2F/g, '/');
  });
}
