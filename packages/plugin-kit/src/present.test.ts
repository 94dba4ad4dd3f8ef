import type { Image } from '@portico/core';
import { describe, expect, it } from 'vitest';
import { isNonBlankString, presentFields } from './present.js';

describe('presentFields', () => {
  it('leaves out the fields that are undefined, and keeps every other value, falsy ones too', () => {
    const image = presentFields<Image>({ src: '/a.jpg', alt: '', width: 0, height: undefined, srcset: undefined });
    expect(image).toEqual({ src: '/a.jpg', alt: '', width: 0 });
    expect(Object.keys(image)).toEqual(['src', 'alt', 'width']);
  });
});

describe('isNonBlankString', () => {
  it('is true for text with more than white space', () => {
    expect(isNonBlankString('/portico-proxy')).toBe(true);
    expect(isNonBlankString(' x ')).toBe(true);
  });

  it('is false for blank text and for anything that is not a string', () => {
    for (const value of ['', ' \t\n', undefined, null, 0, 1, {}, ['/x']]) expect(isNonBlankString(value)).toBe(false);
  });
});
