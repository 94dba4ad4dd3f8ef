import { isSourceError, SourceError } from '@portico/core';
import { describe, expect, it } from 'vitest';
import { readingFrom } from './reading-from.js';
import { readObject, readString } from './validate.js';

function errorOf(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const ADDRESS = 'https://example.vn/api/index.php/v1/content/articles';

describe('readingFrom', () => {
  it('gives back what the reader read', () => {
    expect(readingFrom(ADDRESS, () => readString('Tin tức', 'data.title'))).toBe('Tin tức');
  });

  it('names where the data came from in an invalid-data error, keeping the original as its cause', () => {
    const error = errorOf(() => readingFrom(ADDRESS, () => readString(7, 'data[0].attributes.title')));
    expect(isSourceError(error) && error.code).toBe('invalid-data');
    expect((error as SourceError).message).toBe(
      `In ${ADDRESS}: data[0].attributes.title must be a string, got a number.`,
    );
    expect((error as SourceError).retryable).toBe(false);
    expect(((error as SourceError).cause as SourceError).message).toBe(
      'data[0].attributes.title must be a string, got a number.',
    );
  });

  it('leaves a message that names the place already, and names it once when nested', () => {
    expect(
      (errorOf(() => readingFrom('the JSON document', () => readObject([], 'the JSON document'))) as Error).message,
    ).toBe('the JSON document must be an object, got a list.');
    expect(
      (
        errorOf(() =>
          readingFrom(ADDRESS, () => readingFrom(`${ADDRESS}?page=2`, () => readString(null, 'links.next'))),
        ) as Error
      ).message,
    ).toBe(`In ${ADDRESS}?page=2: links.next must be a string, got null.`);
  });

  it('lets other errors through untouched', () => {
    for (const thrown of [new SourceError('http', 'Not found.', { status: 404 }), new TypeError('x is undefined')]) {
      expect(
        errorOf(() =>
          readingFrom(ADDRESS, () => {
            throw thrown;
          }),
        ),
      ).toBe(thrown);
    }
  });
});
