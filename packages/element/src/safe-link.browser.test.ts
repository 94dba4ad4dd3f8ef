import { describe, expect, it } from 'vitest';
import { isExternalLink, safeLink } from './safe-link.js';

describe('safeLink', () => {
  it('resolves web addresses against the page', () => {
    expect(safeLink('/tien-toi-dai-hoi-dang')?.href).toBe(new URL('/tien-toi-dai-hoi-dang', document.baseURI).href);
    expect(safeLink(' https://tinhuyangiang.vn/ ')?.hostname).toBe('tinhuyangiang.vn');
  });

  it('refuses script and data links, empty values and non-strings', () => {
    const refused: unknown[] = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      '',
      ' ',
      42,
      null,
      {},
    ];
    for (const [index, value] of refused.entries()) {
      expect(safeLink(value), `refused[${String(index)}]`).toBeUndefined();
    }
  });

  it('lets mail and phone links through only when asked', () => {
    expect(safeLink('mailto:toasoan@example.vn')).toBeUndefined();
    expect(safeLink('mailto:toasoan@example.vn', ['http:', 'https:', 'mailto:', 'tel:'])?.protocol).toBe('mailto:');
  });

  it('tells links that leave the site', () => {
    expect(isExternalLink(safeLink('https://tinhuyangiang.vn/')!)).toBe(true);
    expect(isExternalLink(safeLink('/noi-bo')!)).toBe(false);
  });
});
