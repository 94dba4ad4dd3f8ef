import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_PARAMS, toPagePath } from './page-path.js';

const page = (value: string, queryParams: readonly string[] = DEFAULT_QUERY_PARAMS): string =>
  toPagePath(value, 1024, queryParams);

describe('a page path as it is counted', () => {
  it('keeps the query parameters that tell pages apart: WordPress plain permalinks, Joomla non-SEF links', () => {
    expect(page('/?p=123')).toBe('/?p=123');
    expect(page('/?p=124')).toBe('/?p=124');
    expect(page('/?page_id=2')).toBe('/?page_id=2');
    expect(page('/index.php?option=com_content&view=article&id=12&catid=3&Itemid=101')).toBe(
      '/index.php?id=12&option=com_content&view=article',
    );
  });

  it('sorts them, so their order does not matter, and keeps the last of a repeated one', () => {
    expect(page('/index.php?view=article&id=12&option=com_content')).toBe(
      '/index.php?id=12&option=com_content&view=article',
    );
    expect(page('/?p=1&p=2')).toBe('/?p=2');
  });

  it('drops the fragment, tracking and other parameters, and empty values', () => {
    expect(page('/news/a.html?utm_source=zalo&fbclid=x#comments')).toBe('/news/a.html');
    expect(page('/?p=123&utm_source=feed&fbclid=abc&gclid=def#top')).toBe('/?p=123');
    expect(page('/?s=search+words&paged=2')).toBe('/');
    expect(page('/?p=')).toBe('/');
    expect(page('/?')).toBe('/');
  });

  it('keeps the parameters a site names instead', () => {
    expect(page('/forum/index.php?tid=5&p=1', ['tid'])).toBe('/forum/index.php?tid=5');
    expect(page('/?p=1', [])).toBe('/');
  });

  it('writes one page one way, however its address was percent-encoded', () => {
    const forms = ['/tin-tức/x', '/tin-t%E1%BB%A9c/x', '/tin-t%e1%bb%a9c/x', '/tin-tu\u031b\u0301c/x'];
    for (const form of forms) expect(page(form), form).toBe('/tin-tức/x');
    expect(page('/%7Euser/%41bc')).toBe('/~user/Abc');
    expect(page('/a b/c"d')).toBe('/a%20b/c%22d');
    // Escapes that mean something else than the character stay escaped, in capitals.
    expect(page('/a%2fb%3F%23')).toBe('/a%2Fb%3F%23');
    expect(page('/100%')).toBe('/100%25');
    expect(page('/bad%FF%E1%BB')).toBe('/bad%FF%E1%BB');
    // An escaped C1 control character stays escaped, as an ASCII one does.
    expect(page('/c1%C2%85x%0A')).toBe('/c1%C2%85x%0A');
    // In the query, a value is data: `+` and %20 are a space, %3D an equals sign inside the value.
    expect(page('/?id=a+b')).toBe('/?id=a%20b');
    expect(page('/?id=a%20b')).toBe('/?id=a%20b');
    expect(page('/?id=x%3Dy%26z')).toBe('/?id=x%3Dy%26z');
    expect(page('/?id=ti%E1%BA%BFng')).toBe('/?id=tiếng');
    expect(page('/?%69d=7')).toBe('/?id=7');
  });

  it('refuses what is not a path, and measures the length as counted', () => {
    for (const bad of [
      undefined,
      42,
      'a.html',
      '',
      'https://example.vn/a',
      '/a\u0000b',
      '/a\u0085b',
      '/a\u009fb',
      '/a\ud800b',
    ]) {
      expect(() => page(bad as string), String(bad)).toThrow(/"path"/);
    }
    expect(toPagePath(`/a?utm_source=${'x'.repeat(100)}`, 20, DEFAULT_QUERY_PARAMS)).toBe('/a');
    expect(() => toPagePath(`/${'%41'.repeat(10)}`, 5, [])).toThrow(/11 characters; the limit is 5/);
  });
});
