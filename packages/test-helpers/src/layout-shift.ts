import { expect } from 'vitest';
import { beforeUpgradeCss } from './before-upgrade.js';
import { onCleanUp } from './mount.js';

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources?: { node?: Node | null }[];
}

/**
 * The layout-shift entries Chromium records while `action` runs and the page settles (three
 * frames after it), for elements inside `within`: what Cumulative Layout Shift adds up for
 * that part of the page.
 */
export async function layoutShiftsDuring(within: Element, action: () => unknown): Promise<LayoutShift[]> {
  const shifts: LayoutShift[] = [];
  const observer = new PerformanceObserver((list) => {
    shifts.push(...(list.getEntries() as LayoutShift[]));
  });
  observer.observe({ type: 'layout-shift', buffered: false });
  // Let the page paint as it is first, so only what `action` causes is measured.
  await animationFrames(2);
  await action();
  await animationFrames(3);
  shifts.push(...(observer.takeRecords() as LayoutShift[]));
  observer.disconnect();
  return shifts.filter(
    (shift) =>
      !shift.hadRecentInput && (shift.sources ?? []).some((source) => source.node && within.contains(source.node)),
  );
}

/** Tags defined so far by `upgradeOverServerMarkup`: a tag name can be defined only once. */
let upgrades = 0;

/**
 * Moves of text by less than this (px) are left out: a line's box can sit a pixel apart when
 * the card draws a date or a meta line with its own inline boxes, which no reader sees jump.
 */
const NOTICEABLE_MOVE = 2;

/** A text drawn in a different place after the upgrade than before it, and by how far (px). */
interface TextMove {
  text: string;
  by: number;
}

/**
 * Where each text inside `roots` is drawn (the first box of its first line), relative to
 * `origin`, by its text with white space collapsed: the first place each text is drawn.
 * Text that is not drawn (hidden, or light DOM a shadow root does not show) has no place.
 */
function textPlaces(roots: Node[], origin: Element): Map<string, { x: number; y: number }> {
  const places = new Map<string, { x: number; y: number }>();
  const { left, top } = origin.getBoundingClientRect();
  const range = document.createRange();
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (!text || places.has(text)) continue;
      range.selectNodeContents(node);
      const box = [...range.getClientRects()].find((rect) => rect.width > 0);
      if (box) places.set(text, { x: box.left - left, y: box.top - top });
    }
  }
  return places;
}

/**
 * Server-renders `innerMarkup` inside a widget's tag before its script runs (with the page's
 * `before-upgrade.css`, between two paragraphs, in a column `width` px wide, 240 unless
 * given), then defines the tag: what moves when a widget's script arrives on a CMS page. The
 * tag is `<widgetTag>-upgrade` (`-upgrade-2`, … on later calls), since the widget's own tag is
 * already defined in the test page. `movedBy` is how far the paragraph below moved; `textMoves`
 * the texts drawn both before and after (the same words, as the markup printed them) that are
 * drawn elsewhere after, by 2 px or more: what a reader sees jump inside the widget,
 * which layout-shift entries miss when the widget draws its own copy of the text.
 */
async function upgradeOverServerMarkup(
  widgetTag: string,
  elementClass: CustomElementConstructor,
  attributes: string,
  innerMarkup: string,
  { width = 240 }: { width?: number } = {},
): Promise<{ shifts: number[]; movedBy: number; textMoves: TextMove[] }> {
  upgrades += 1;
  const tagName = upgrades === 1 ? `${widgetTag}-upgrade` : `${widgetTag}-upgrade-${String(upgrades)}`;
  const wrapper = mountUnderBeforeUpgradeCss(
    widgetTag,
    tagName,
    `<p>Trên</p><${tagName} ${attributes}>${innerMarkup}</${tagName}><p>Dưới</p>`,
  );
  wrapper.style.cssText = `width: ${String(width)}px; display: flow-root`;
  const widget = wrapper.querySelector<Element & { updateComplete?: Promise<unknown> }>(tagName);
  if (!widget) throw new Error(`upgradeOverServerMarkup: no <${tagName}> in the markup`);
  const below = wrapper.lastElementChild ?? wrapper;
  const before = below.getBoundingClientRect().top;
  const placesBefore = textPlaces([widget], wrapper);
  const shifts = await layoutShiftsDuring(wrapper, async () => {
    customElements.define(tagName, elementClass);
    await widget.updateComplete;
  });
  const placesAfter = textPlaces([...(widget.shadowRoot ? [widget.shadowRoot] : []), widget], wrapper);
  const textMoves: TextMove[] = [];
  for (const [text, after] of placesAfter) {
    const was = placesBefore.get(text);
    if (!was) continue;
    const by = Math.max(Math.abs(after.x - was.x), Math.abs(after.y - was.y));
    if (by >= NOTICEABLE_MOVE) textMoves.push({ text, by: Math.round(by) });
  }
  return {
    shifts: shifts.map((shift) => shift.value),
    movedBy: below.getBoundingClientRect().top - before,
    textMoves,
  };
}

/**
 * Upgrades a widget over `innerMarkup` a template printed (see `upgradeOverServerMarkup`) and
 * asserts that nothing moved: not the page below it, not its layout (no layout shift), not
 * any text a reader was reading in it.
 */
export async function expectUpgradeMovesNothing(
  widgetTag: string,
  elementClass: CustomElementConstructor,
  attributes: string,
  innerMarkup: string,
  options?: { width?: number },
): Promise<void> {
  const { shifts, movedBy, textMoves } = await upgradeOverServerMarkup(
    widgetTag,
    elementClass,
    attributes,
    innerMarkup,
    options,
  );
  expect(movedBy, 'how far the page below moved').toBe(0);
  expect(shifts, 'layout shifts').toEqual([]);
  expect(textMoves, 'text drawn elsewhere once the widget draws it').toEqual([]);
}

/** Resolves after `count` animation frames. */
export function animationFrames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number): void => {
      if (left === 0) resolve();
      else
        requestAnimationFrame(() => {
          step(left - 1);
        });
    };
    step(count);
  });
}

/**
 * The text `before-upgrade.css` draws in a widget's tag that has not upgraded, in its
 * `pseudoElement` (`::before`, the title; `::after`, the visitors' sentence or the counter's
 * number), for an empty tag with `attributes` inside an element with `lang`: `undefined` when
 * it draws none. The tag is `<widgetTag>-pending`, never defined.
 */
export function textDrawnBeforeUpgrade(
  widgetTag: string,
  attributes: string,
  lang: string,
  pseudoElement: '::before' | '::after',
): string | undefined {
  const tagName = `${widgetTag}-pending`;
  const wrapper = mountUnderBeforeUpgradeCss(widgetTag, tagName, `<${tagName} ${attributes}></${tagName}>`);
  wrapper.lang = lang;
  const pending = wrapper.firstElementChild;
  const drawn = pending ? getComputedStyle(pending, pseudoElement) : undefined;
  if (!drawn || drawn.display === 'none' || drawn.content === 'none' || drawn.content === 'normal') return undefined;
  // `content` computes to a quoted string: Chromium resolves `attr()` and joins the parts
  // ("We have one guest and 12\u00A0members online").
  return JSON.parse(drawn.content) as string;
}

/**
 * Mounts `markup` in a wrapper at the end of the page, under the page's `before-upgrade.css`
 * with its rules for `widgetTag` rewritten for `tagName` (a tag the test page has not
 * defined); both are removed after the test.
 */
function mountUnderBeforeUpgradeCss(widgetTag: string, tagName: string, markup: string): HTMLDivElement {
  const style = document.createElement('style');
  style.textContent = beforeUpgradeCss.replaceAll(widgetTag, tagName);
  document.head.append(style);
  const wrapper = document.createElement('div');
  wrapper.innerHTML = markup;
  document.body.append(wrapper);
  onCleanUp(() => {
    style.remove();
    wrapper.remove();
  });
  return wrapper;
}
