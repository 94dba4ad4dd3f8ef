import { SourceError, isSourceError } from '@portico/core';

/**
 * Runs `read` and names where its data came from in the `invalid-data` error it may throw:
 * `In https://example.vn/api/v1/content/articles: data[0].attributes.title must be a string,
 * got nothing.` The readers name the field; only the caller knows the answer or document.
 *
 * A message that already names it (`the JSON document must be an object…`), or one an outer
 * `readingFrom` named already (`In …`), is left as it is. Other errors pass through.
 */
export function readingFrom<T>(where: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (
      isSourceError(error) &&
      error.code === 'invalid-data' &&
      !error.message.startsWith(where) &&
      !error.message.startsWith('In ')
    ) {
      throw new SourceError('invalid-data', `In ${where}: ${error.message}`, { retryable: false, cause: error });
    }
    throw error;
  }
}
