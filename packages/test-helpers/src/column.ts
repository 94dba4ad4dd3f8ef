import { onCleanUp } from './mount.js';

/**
 * A column of the page `width` px wide (a sidebar, a content column), with any more `css`;
 * removed again by `cleanUpMounted`.
 */
export function pageColumn(width: number, css = ''): HTMLElement {
  const column = document.createElement('aside');
  column.style.cssText = `width: ${String(width)}px; ${css}`;
  document.body.append(column);
  onCleanUp(() => {
    column.remove();
  });
  return column;
}

/** How many lines `element`'s text is drawn on. */
export function linesDrawn(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  return new Set([...range.getClientRects()].map((box) => Math.round(box.bottom))).size;
}
