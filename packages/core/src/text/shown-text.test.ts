import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownText } from './shown-text.js';

describe('shownText', () => {
  it('trims text that shows something', () => {
    expect(shownText('  Tiến tới đại hội đảng \n')).toBe('Tiến tới đại hội đảng');
    expect(shownText('\u202EAB')).toBe('\u202EAB');
    expect(shownText('·')).toBe('·');
  });

  it('gives undefined for what shows nothing, and for what is not a string', () => {
    for (const value of [
      '',
      '   ',
      '\u00A0',
      '\u202E',
      '\u200B\u200D',
      '\u00AD',
      '\t\u2028',
      42,
      null,
      undefined,
      {},
    ]) {
      expect(shownText(value), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('never throws and keeps every visible character', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string({ unit: 'grapheme' }), (value, text) => {
        shownText(value);
        const shown = shownText(text);
        if (shown !== undefined) expect(text).toContain(shown);
      }),
    );
  });
});
