import { describe, expect, it } from 'vitest';
import { parseTotalsImport } from './totals-file.js';

describe('an import of existing totals', () => {
  it('reads the site total and per-path views, exactly at any size', () => {
    expect(
      parseTotalsImport({
        total: '18116910',
        paths: { '/thoai-son/a.html': '1234', '/b.html?utm_source=x&id=3': 5, '/huge.html': '9007199254740993' },
      }),
    ).toEqual({
      total: 18_116_910n,
      paths: new Map([
        ['/thoai-son/a.html', 1234n],
        ['/b.html?id=3', 5n],
        ['/huge.html', 9_007_199_254_740_993n],
      ]),
    });
  });

  it('adds up paths that are the same page', () => {
    expect(parseTotalsImport({ paths: { '/a.html': '1', '/a.html?print=1': '2' } }).paths).toEqual(
      new Map([['/a.html', 3n]]),
    );
  });

  it('names the first entry it cannot use', () => {
    const cases: [unknown, RegExp][] = [
      [[], /JSON object/],
      [{ total: '1.5' }, /"total" must be a whole number/],
      [{ total: -1 }, /"total" must be a whole number/],
      [{ total: 2 ** 53 }, /"total" must be a whole number/],
      [{ total: '9223372036854775808' }, /over the largest count imported/],
      // Near the store's limit, the views still to come would have no room.
      [{ total: '9223372036854775806' }, /over the largest count imported, 4611686018427387903/],
      [{ paths: { '/big': '4611686018427387904' } }, /the views of "\/big" is over the largest count imported/],
      // Two spellings of one page add up; without a total, the paths' sum is the total.
      [
        { total: '1', paths: { '/big': '3000000000000000000', '/%62ig': '3000000000000000000' } },
        /the views of "\/big" is over the largest count imported/,
      ],
      [
        { paths: { '/a': '3000000000000000000', '/b': '3000000000000000000' } },
        /the sum of "paths" \(the total, as none is given\) is over/,
      ],
      [{ paths: ['/a.html'] }, /"paths" must be an object/],
      [{ paths: { '/b.html': '1', 'a.html': '1' } }, /path 2 of "paths", "a\.html": "path" must be a string/],
      [{ paths: { '/a.html': 'many' } }, /the views of "\/a\.html"/],
    ];
    for (const [json, message] of cases) expect(() => parseTotalsImport(json), JSON.stringify(json)).toThrow(message);
  });

  it('takes paths up to maxPathLength as counted, as hits do, and names one beyond it', () => {
    const longest = `/${'a'.repeat(1023)}`;
    expect(parseTotalsImport({ paths: { [longest]: '1' } }).paths?.get(longest)).toBe(1n);
    // A space is counted as its escape, %20: this path is 1025 characters as counted.
    const over = `/${'a'.repeat(1020)} b`;
    expect(() => parseTotalsImport({ paths: { '/a.html': '1', [over]: '2' } })).toThrow(
      `path 2 of "paths", "/${'a'.repeat(59)}…": it is 1025 characters as counted, over maxPathLength (1024), ` +
        'so its views could never be counted; raise maxPathLength to import it',
    );
    expect(parseTotalsImport({ paths: { [over]: '2' } }, { maxPathLength: 2000 }).paths?.size).toBe(1);
  });
});
