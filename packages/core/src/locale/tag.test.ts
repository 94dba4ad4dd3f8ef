import { describe, expect, it, vi } from 'vitest';
import { canonicalTag, contentLang } from '../index.js';

describe('canonicalTag', () => {
  it('gives the canonical form of a language tag', () => {
    expect(canonicalTag('vi')).toBe('vi');
    expect(canonicalTag(' vi_VN ')).toBe('vi-VN');
    expect(canonicalTag('EN-gb')).toBe('en-GB');
  });

  it('gives undefined for what is not a language tag', () => {
    for (const value of ['', '   ', '*', 'not a tag', 'vi--VN', 'x'])
      expect(canonicalTag(value), value).toBeUndefined();
  });
});

describe('contentLang', () => {
  it('gives a language tag, canonical', () => {
    expect(contentLang('vi')).toBe('vi');
    expect(contentLang(' vi_VN ')).toBe('vi-VN');
  });

  it('gives nothing for a missing or blank value, without calling it invalid', () => {
    const onInvalid = vi.fn();
    for (const value of [undefined, null, '', '  ']) expect(contentLang(value, onInvalid)).toBeUndefined();
    expect(onInvalid).not.toHaveBeenCalled();
  });

  it('gives nothing for what is not a language tag, and says so', () => {
    const onInvalid = vi.fn();
    for (const value of ['*', 'not a tag', 42, { lang: 'vi' }]) expect(contentLang(value, onInvalid)).toBeUndefined();
    expect(onInvalid.mock.calls).toEqual([['*'], ['not a tag'], [42], [{ lang: 'vi' }]]);
  });
});
