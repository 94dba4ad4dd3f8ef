/// <reference types="vite/client" />
import fc from 'fast-check';
import { expect, vi } from 'vitest';

/** What a CMS or a careless script hands over where a string or a number belongs. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
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
 * odd value; a list keeps damaged copies of its items; or the whole is an odd value.
 */
export function damaged(sample: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(sample)) {
    const items = sample.map((item) => damaged(item));
    const list = items.length > 0 ? fc.array(fc.oneof(...items), { maxLength: 6 }) : fc.constant([]);
    return fc.oneof({ weight: 4, arbitrary: list }, { weight: 1, arbitrary: oddValue });
  }
  if (sample !== null && typeof sample === 'object') {
    const fields = Object.fromEntries(
      Object.entries(sample).map(([key, value]) => [
        key,
        fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: damaged(value) }),
      ]),
    );
    return fc.oneof(
      { weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) },
      { weight: 1, arbitrary: oddValue },
    );
  }
  return fc.oneof(fc.constant(sample), oddValue);
}

/** Text or an image a reader can see in `root`, slotted light DOM included. */
function seesSomething(root: ParentNode): boolean {
  const shown = (element: Element | null): boolean => {
    if (!element?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const { width, height } = element.getBoundingClientRect();
    // Visually hidden text (a 1 px clip) is for screen readers, not what a reader sees.
    return width > 1 && height > 1;
  };
  const walk = (node: Node): boolean => {
    if (node.nodeType === Node.TEXT_NODE) return Boolean(node.textContent?.trim()) && shown(node.parentElement);
    if (node instanceof HTMLImageElement) return shown(node);
    if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).some(walk);
    if (node instanceof Element && node.shadowRoot) return walk(node.shadowRoot);
    return Array.from(node.childNodes).some(walk);
  };
  return walk(root);
}

export interface SurvivalOptions {
  /** Attributes set on every run, each from its arbitrary (`undefined`: not set). */
  attributes?: Record<string, fc.Arbitrary<string | undefined>>;
  /** Properties set from JavaScript, as a framework sets them, each from its arbitrary (or not set). */
  properties?: Record<string, fc.Arbitrary<unknown>>;
  /** Light-DOM markup put inside the tag before it joins the page, as a server prints it. */
  markup?: fc.Arbitrary<string>;
  /** How many damaged inputs (default 100, or `VITE_SURVIVAL_RUNS`). */
  runs?: number;
}

/**
 * The rule for bad input, tried on many damaged inputs: a widget given odd attributes and
 * damaged data never throws out of its update, never runs script from its data, and always
 * shows something (its content, or a fallback), never a blank box. A failure names the
 * smallest input that breaks it and the seed to run it again.
 */
export async function expectToSurviveBadInput(tag: string, options: SurvivalOptions): Promise<void> {
  const {
    attributes = {},
    properties = {},
    markup = fc.constant(''),
    runs = Number(import.meta.env.VITE_SURVIVAL_RUNS ?? 100),
  } = options;
  const input = fc.record({
    attributes: fc.record(attributes),
    properties: fc.record(properties, { requiredKeys: [] }),
    markup,
  });
  // The widgets warn about each bad value: the point here is what they do, not what they say.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const box = document.createElement('div');
  box.style.inlineSize = '300px';
  document.body.append(box);
  try {
    await fc.assert(
      fc.asyncProperty(input, async (given) => {
        const errors: unknown[] = [];
        const onError = (event: ErrorEvent | PromiseRejectionEvent): void => {
          errors.push('error' in event ? event.error : event.reason);
        };
        window.addEventListener('error', onError);
        window.addEventListener('unhandledrejection', onError);
        const element = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
        try {
          element.innerHTML = given.markup;
          for (const [name, text] of Object.entries(given.attributes)) {
            if (text !== undefined) element.setAttribute(name, text);
          }
          Object.assign(element, given.properties);
          box.append(element);
          await element.updateComplete;
          await new Promise(requestAnimationFrame);
          await element.updateComplete;
          expect(errors, 'nothing thrown out of the widget').toEqual([]);
          expect((window as { pwned?: unknown }).pwned, 'no script run from the data').toBeUndefined();
          expect(seesSomething(element), `<${tag}> shows something, never a blank box`).toBe(true);
        } finally {
          element.remove();
          window.removeEventListener('error', onError);
          window.removeEventListener('unhandledrejection', onError);
        }
      }),
      // The same inputs on every run, so CI never turns red by chance; explore new ones with
      // VITE_SURVIVAL_SEED (and more with VITE_SURVIVAL_RUNS).
      { numRuns: runs, seed: Number(import.meta.env.VITE_SURVIVAL_SEED ?? 20_261_127) },
    );
  } finally {
    box.remove();
    warn.mockRestore();
  }
}
