import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installMooToolsArrayFrom } from '../../../../tooling/mootools-array-from.mjs';
import { estimateReadingMinutes } from './reading-time.js';
import { excerpt } from './excerpt.js';

const lead =
  'Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn tổ chức Hội nghị giao ban công tác dân vận tháng 8 năm 2020.';

function graphemeCount(text: string): number {
  return [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(text)].length;
}

describe('excerpt', () => {
  it('cuts at a word break and adds an ellipsis', () => {
    expect(excerpt(lead, 40, { locale: 'vi' })).toBe('Ngày 25/8/2020, Ban Dân vận Huyện ủy…');
    expect(excerpt(lead, 500, { locale: 'vi' })).toBe(lead);
  });

  it('counts a letter with combining marks once and never splits it', () => {
    const decomposed = lead.normalize('NFD');
    const cut = excerpt(decomposed, 40, { locale: 'vi' });
    expect(cut.normalize('NFC')).toBe('Ngày 25/8/2020, Ban Dân vận Huyện ủy…');
    expect(cut.endsWith('\u0309…')).toBe(false);
    expect(cut.normalize('NFD')).toBe(cut);
  });

  it('cuts a single long word between graphemes', () => {
    expect(excerpt('Nghiêngnghiêngnghiêng', 8)).toBe('Nghiêng…');
    expect(excerpt('👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 2)).toBe('👨‍👩‍👧‍👦…');
  });

  it('cuts the same on a Joomla 3 page, whose MooTools 1.4 replaced Array.from', () => {
    const restore = installMooToolsArrayFrom();
    let cut: string;
    try {
      cut = excerpt(lead, 40, { locale: 'vi' });
    } finally {
      restore();
    }
    expect(cut).toBe('Ngày 25/8/2020, Ban Dân vận Huyện ủy…');
  });

  it('collapses white space and handles bad input', () => {
    expect(excerpt('  a \n\n b  ', 10)).toBe('a b');
    expect(excerpt(undefined, 10)).toBe('');
    expect(excerpt(lead, NaN)).toBe(lead);
    expect(excerpt(lead, 1)).toBe('…');
  });

  it('never exceeds the length nor splits a grapheme (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 1, max: 60 }),
        (text, maxLength) => {
          const cut = excerpt(text, maxLength);
          expect(graphemeCount(cut)).toBeLessThanOrEqual(maxLength);
          const body = cut.endsWith('…') && cut !== text.replace(/\s+/g, ' ').trim() ? cut.slice(0, -1) : cut;
          const source = text.replace(/\s+/g, ' ').trim();
          const sourceGraphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(source)].map(
            (g) => g.segment,
          );
          const bodyGraphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(body)].map(
            (g) => g.segment,
          );
          expect(sourceGraphemes.slice(0, bodyGraphemes.length)).toEqual(bodyGraphemes);
        },
      ),
    );
  });
});

describe('estimateReadingMinutes', () => {
  it('counts words, rounding up, and skips markup in HTML', () => {
    expect(estimateReadingMinutes('một hai ba')).toBe(1);
    expect(estimateReadingMinutes(Array(401).fill('chữ').join(' '))).toBe(3);
    expect(
      estimateReadingMinutes(`<p class="${'x'.repeat(5000)}">một hai</p>`, { isHtml: true, wordsPerMinute: 1 }),
    ).toBe(2);
  });

  it('gives 0 for no words and bad input', () => {
    expect(estimateReadingMinutes('  …  ')).toBe(0);
    expect(estimateReadingMinutes(null)).toBe(0);
    expect(estimateReadingMinutes('a b', { wordsPerMinute: -1 })).toBe(1);
  });
});
