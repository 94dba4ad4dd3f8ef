import { describe, expect, it } from 'vitest';
import { restRoot } from './rest-url.js';

describe('restRoot', () => {
  it('puts routes below a pretty-permalink root, with or without its trailing slash', () => {
    for (const base of ['https://example.vn/wp-json', 'https://example.vn/wp-json/']) {
      const rest = restRoot(base);
      expect(rest.url('wp/v2/posts', { _embed: 'author,wp:featuredmedia,wp:term', per_page: 10, page: 2 })).toBe(
        'https://example.vn/wp-json/wp/v2/posts?_embed=author,wp:featuredmedia,wp:term&per_page=10&page=2',
      );
      expect(rest.url('')).toBe('https://example.vn/wp-json/');
    }
  });

  it('puts the route into rest_route for a site without pretty permalinks', () => {
    const rest = restRoot('https://example.vn/?rest_route=');
    expect(rest.url('wp/v2/posts/1207', { _embed: 'author' })).toBe(
      'https://example.vn/?rest_route=/wp/v2/posts/1207&_embed=author',
    );
    expect(rest.url('', { _fields: 'namespaces' })).toBe('https://example.vn/?rest_route=/&_fields=namespaces');
    expect(restRoot('https://example.vn/index.php?rest_route=/').url('wp/v2/categories')).toBe(
      'https://example.vn/index.php?rest_route=/wp/v2/categories',
    );
  });

  it('resolves a same-origin mount against the page and keeps a root’s own parameters', () => {
    expect(restRoot('/wp-json', 'https://portal.example.vn/tin-tuc/').url('wp/v2/categories')).toBe(
      'https://portal.example.vn/wp-json/wp/v2/categories',
    );
    expect(restRoot('https://proxy.example.vn/wp?site=1').url('wp/v2/posts', { slug: 'a b' })).toBe(
      'https://proxy.example.vn/wp/wp/v2/posts?site=1&slug=a%20b',
    );
  });

  it('leaves out parameters without a value and encodes the rest', () => {
    expect(
      restRoot('https://example.vn/wp-json').url('wp/v2/posts', { categories: undefined, search: 'dân & vận' }),
    ).toBe('https://example.vn/wp-json/wp/v2/posts?search=d%C3%A2n%20%26%20v%E1%BA%ADn');
  });

  it('rejects a relative root where there is no page to resolve it against', () => {
    expect(() => restRoot('/wp-json')).toThrow(TypeError);
  });
});
