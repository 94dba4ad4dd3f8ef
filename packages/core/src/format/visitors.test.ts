import { describe, expect, it } from 'vitest';
import { formatVisitorPhrase } from './visitors.js';

describe('formatVisitorPhrase', () => {
  it('gives the seed sentence byte for byte, U+00A0 included', () => {
    const sentence = formatVisitorPhrase({ guests: 69, members: 0 }, 'vi');
    expect(sentence).toBe('Đang có 69\u00A0khách và không thành viên đang online');
    expect([...new TextEncoder().encode(sentence)].slice(10, 15)).toEqual([0x36, 0x39, 0xc2, 0xa0, 0x6b]);
  });

  it('has the 0, 1 and many forms in vi', () => {
    expect(formatVisitorPhrase({ guests: 0, members: 0 }, 'vi')).toBe(
      'Đang có 0 khách và không thành viên đang online',
    );
    expect(formatVisitorPhrase({ guests: 1, members: 1 }, 'vi')).toBe(
      'Đang có một khách và một thành viên đang online',
    );
    expect(formatVisitorPhrase({ guests: 2, members: 5 }, 'vi')).toBe(
      'Đang có 2\u00A0khách và 5\u00A0thành viên đang online',
    );
  });

  it('has the 0, 1 and many forms in en', () => {
    expect(formatVisitorPhrase({ guests: 0, members: 0 }, 'en')).toBe('We have no guests and no members online');
    expect(formatVisitorPhrase({ guests: 1, members: 1 }, 'en')).toBe('We have one guest and one member online');
    expect(formatVisitorPhrase({ guests: 69, members: 3 }, 'en-GB')).toBe(
      'We have 69\u00A0guests and 3\u00A0members online',
    );
  });

  it('groups large counts for the locale', () => {
    expect(formatVisitorPhrase({ guests: 12345, members: 0 }, 'vi')).toBe(
      'Đang có 12.345\u00A0khách và không thành viên đang online',
    );
  });

  it('shows a visible fallback for invalid counts', () => {
    expect(formatVisitorPhrase({ guests: -3, members: NaN }, 'en')).toBe(
      'We have —\u00A0guests and —\u00A0members online',
    );
  });
});
