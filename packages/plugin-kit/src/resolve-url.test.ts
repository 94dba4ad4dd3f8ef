import { describe, expect, it } from 'vitest';
import { resolveBaseUrl, resolveUrl } from './resolve-url.js';

// Runs in Node (no page) and in Chromium (the test page's address).
const page = typeof location === 'undefined' ? undefined : location.href;

describe('resolveUrl', () => {
  it('keeps an absolute address', () => {
    expect(resolveUrl('https://example.vn/portal.json')).toBe('https://example.vn/portal.json');
  });

  it('resolves a relative address against the page, and throws where there is none', () => {
    if (page === undefined) {
      expect(() => resolveUrl('/portal.json')).toThrow(TypeError);
    } else {
      expect(resolveUrl('/portal.json')).toBe(new URL('/portal.json', page).href);
    }
  });
});

describe('resolveBaseUrl', () => {
  it('ends the base in one slash, so routes resolve below it', () => {
    for (const base of [
      'https://stats.example.vn/api',
      'https://stats.example.vn/api/',
      'https://stats.example.vn/api//',
    ]) {
      const resolved = resolveBaseUrl(base);
      expect(resolved).toBe('https://stats.example.vn/api/');
      expect(new URL('v1/views', resolved).href).toBe('https://stats.example.vn/api/v1/views');
    }
    expect(resolveBaseUrl('https://example.vn')).toBe('https://example.vn/');
  });

  it('ignores white space around the address', () => {
    expect(resolveBaseUrl(' https://example.vn/portico-proxy \n')).toBe('https://example.vn/portico-proxy/');
  });

  it('resolves a same-origin mount against the page, and throws where there is none', () => {
    if (page === undefined) {
      expect(() => resolveBaseUrl('/portico-proxy')).toThrow(TypeError);
    } else {
      expect(resolveBaseUrl('/portico-proxy')).toBe(new URL('/portico-proxy/', page).href);
    }
  });
});
