import { describe, expect, it } from 'vitest';
import { formatAuthors } from './authors.js';

describe('formatAuthors', () => {
  it('joins the seed’s byline as the seed page does, and in English', () => {
    expect(formatAuthors(['Thúy Vân', 'Bá Siêu'], 'vi')).toBe('Thúy Vân, Bá Siêu');
    expect(formatAuthors(['Thúy Vân', 'Bá Siêu'], 'en')).toBe('Thúy Vân and Bá Siêu');
    expect(formatAuthors(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
    expect(formatAuthors(['A', 'B', 'C'], 'vi')).toBe('A, B, C');
  });

  it('leaves out blanks and non-strings, and never throws', () => {
    expect(formatAuthors(['  Thúy Vân ', '', 42, null, 'Bá Siêu'], 'vi')).toBe('Thúy Vân, Bá Siêu');
    expect(formatAuthors([], 'vi')).toBe('');
    expect(formatAuthors(undefined, 'vi')).toBe('');
    expect(formatAuthors('Thúy Vân', 'vi')).toBe('Thúy Vân');
  });

  it('isolates a name that could turn the byline around, leaving the others as they are', () => {
    expect(formatAuthors(['\u202Eabc', 'Bá Siêu'], 'vi')).toBe('\u2068\u202Eabc\u2069, Bá Siêu');
    expect(formatAuthors(['سلمى', 'Thúy Vân'], 'en')).toBe('\u2068سلمى\u2069 and Thúy Vân');
  });
});
