import { describe, expect, it } from 'vitest';
import { SourceError } from '../sources/errors.js';
import { sourceErrorOf } from './source-error-of.js';

describe('sourceErrorOf', () => {
  it('gives the SourceError a promise rejects with', async () => {
    const error = new SourceError('not-found', 'No article "x".');
    expect(await sourceErrorOf(Promise.reject(error))).toBe(error);
  });

  it('fails a test whose promise resolves, or rejects with something else', async () => {
    await expect(sourceErrorOf(Promise.resolve('an article'))).rejects.toThrow(
      'expected a SourceError, but the promise resolved with an article',
    );
    await expect(sourceErrorOf(Promise.reject(new TypeError('boom')))).rejects.toThrow(
      'expected a SourceError, got TypeError: boom',
    );
  });
});
