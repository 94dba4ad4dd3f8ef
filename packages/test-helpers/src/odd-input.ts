/**
 * Damaged input for the widgets' bad-input tests: odd values, attributes, markup, and data
 * shaped like the seed's but broken. No DOM here: server-side tests use it too.
 */
import fc from 'fast-check';

/** What a CMS or a careless script hands over where a string or a number belongs. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true }),
  // Objects that cannot become text: String() throws on them.
  fc.constantFrom({ toString: 'not a function' }, Object.create(null) as object),
  fc.string(),
  fc.double(),
  fc.bigInt(),
  fc.constantFrom(
    '',
    ' ',
    '\u00A0',
    'NaN',
    '-1',
    '1e400',
    '0x10',
    '9007199254740993',
    '<img src=x onerror="window.pwned=1">',
    'javascript:window.pwned=1',
    '2020-13-45',
    '\u202E',
    'null',
    '[object Object]',
  ),
);

/** Odd values that survive JSON, as a server renderer hands properties to the browser. */
export const oddJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('', ' ', '\u202E', '-1', '1e400', '9007199254740993', '<script>x</script>', 'javascript:x'),
);

/** A `lang` as pages give it: the shipped languages, one with no phrases, none, and a malformed one. */
export const oddLang: fc.Arbitrary<string> = fc.constantFrom('vi', 'en', 'fr', '', 'not a tag');

/** An attribute's text as a template might print it: the odd values above, or any string. */
export const oddAttribute: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1.5',
    'NaN',
    'Infinity',
    '1e400',
    'true',
    'null',
    'x',
    '<b>x</b>',
    '99999999999',
  ),
);

/** A small image that loads. */
const PICTURE =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='20'%3E%3Crect width='40' height='20'/%3E%3C/svg%3E";

/**
 * Light-DOM markup a CMS template might print inside a tag, broken in every way: links with odd
 * addresses, images without sources (or with one that loads), headings in the `heading` slot, lists in lists, scripts,
 * text, unclosed tags. Built from the elements the widgets read.
 */
export const oddMarkup: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => {
  const attribute = fc.oneof(
    fc.tuple(fc.constantFrom('href', 'alt', 'lang', 'title'), oddAttribute),
    // An image that loads, or none: a broken image is the network's doing, not the markup's.
    fc.tuple(fc.constantFrom('src'), fc.constantFrom('', ' ', PICTURE)),
    fc.tuple(fc.constantFrom('slot'), fc.constantFrom('heading', '', 'x')),
    fc.tuple(fc.constantFrom('data-id', 'data-count', 'data-pinned', 'data-ordering', 'data-publish-up'), oddAttribute),
    fc.tuple(
      fc.constantFrom('href'),
      fc.constantFrom('/tin-tuc', 'https://example.org/a', '#', 'javascript:window.pwned=1'),
    ),
  );
  const quoted = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const attributes = fc
    .array(attribute, { maxLength: 3 })
    .map((pairs) => pairs.map(([name, value]) => ` ${name}="${quoted(value)}"`).join(''));
  const tag = fc.constantFrom('a', 'ul', 'li', 'p', 'div', 'span', 'h3', 'nav', 'b', 'time', 'strong');
  return {
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string().map((text) => text.replaceAll('<', '&lt;')),
      fc.constantFrom(
        'Tiến tới đại hội đảng',
        '69&#160;khách',
        '18.116.910',
        '\u202E',
        '<br>',
        '<img>',
        '<script>window.pwned=1</script>',
        '</li>',
        '<a href="/x">',
      ),
      fc.tuple(fc.constantFrom('img'), attributes).map(([name, attrs]) => `<${name}${attrs}>`),
      fc.tuple(tag, attributes, tie('nodes')).map(([name, attrs, inner]) => `<${name}${attrs}>${inner}</${name}>`),
    ),
    nodes: fc.array(tie('node'), { maxLength: 4 }).map((nodes) => nodes.join('')),
  };
}).nodes;

/**
 * Data shaped like `sample`, damaged: at any depth a field is kept, left out, or replaced by an
 * odd value (from `odd`: any by default; `oddJson` for what must survive JSON); a list keeps
 * damaged copies of its items; or the whole is an odd value.
 */
export function damaged(sample: unknown, odd: fc.Arbitrary<unknown> = oddValue): fc.Arbitrary<unknown> {
  if (Array.isArray(sample)) {
    const items = sample.map((item) => damaged(item, odd));
    const list = items.length > 0 ? fc.array(fc.oneof(...items), { maxLength: 6 }) : fc.constant([]);
    return fc.oneof({ weight: 4, arbitrary: list }, { weight: 1, arbitrary: odd });
  }
  if (sample !== null && typeof sample === 'object') {
    const fields = Object.fromEntries(
      Object.entries(sample).map(([key, value]) => [
        key,
        fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: damaged(value, odd) }),
      ]),
    );
    return fc.oneof({ weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) }, { weight: 1, arbitrary: odd });
  }
  return fc.oneof(fc.constant(sample), odd);
}
