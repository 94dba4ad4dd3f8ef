import { HttpError } from './http-error.js';

/**
 * A page's path as it is counted: `/news/a.html` from `/news/a.html?utm=x#top` (the query
 * and fragment are not part of the page). Refuses anything that is not a path.
 */
export function toPagePath(value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || !value.startsWith('/')) {
    throw new HttpError(400, 'invalid-path', '"path" must be a string that starts with "/", such as "/news/a.html"');
  }
  const path = value.split(/[?#]/, 1)[0] ?? '';
  if (path.length > maxLength) {
    throw new HttpError(400, 'path-too-long', `"path" is ${path.length} characters; the limit is ${maxLength}`);
  }
  // Control characters have no place in a URL path, and would make keys ambiguous.
  // eslint-disable-next-line no-control-regex -- finding them is the point
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    throw new HttpError(400, 'invalid-path', '"path" contains control characters');
  }
  return path;
}
