import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceError, toSourceError } from './errors.js';

describe('toSourceError', () => {
  it('keeps a SourceError, and reads a failed fetch as a network error', () => {
    const known = new SourceError('timeout', 'slow');
    expect(toSourceError(known)).toBe(known);
    expect(toSourceError(new TypeError('Failed to fetch'), 'site')).toMatchObject({ code: 'network', source: 'site' });
  });

  it('turns whatever a broken plugin throws into an error with a message, never throwing itself', () => {
    expect(toSourceError(42).message).toBe('42');
    expect(toSourceError({ toString: 'not a function' }).message).toBe('[object Object]');
    expect(toSourceError(Object.create(null)).message).toBe('[object Object]');
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), (thrown) => {
        const error = toSourceError(thrown, 'site');
        expect(error.code).toBe('unknown');
        expect(typeof error.message).toBe('string');
      }),
    );
  });
});
