import { isSourceError, type SourceError } from '../sources/errors.js';

/**
 * The `SourceError` a data source's promise rejects with, for tests to look at its `code` and
 * message: `expect(await sourceErrorOf(source.getArticle('x'))).toMatchObject({ code: 'not-found' })`.
 * Throws when the promise resolves, or rejects with anything else.
 */
export async function sourceErrorOf(promise: Promise<unknown>): Promise<SourceError> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved)
    throw new Error(`expected a SourceError, but the promise resolved with ${String(outcome.value)}`);
  if (!isSourceError(outcome.error)) throw new Error(`expected a SourceError, got ${String(outcome.error)}`);
  return outcome.error;
}
