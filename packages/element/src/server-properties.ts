import { warnAbout } from './element-warning.js';

/**
 * The properties a server renderer rendered a widget with (`properties` of `@portico/ssr`'s
 * `renderWidget`), which it writes inside the widget as a JSON block, so the browser's first
 * render has the same data.
 */
export const PROPERTIES_BLOCK = 'script[type="application/json"][data-portico-properties]';

/** Elements whose block was read: once each, whoever reads it first (the widget, or `@portico/ssr/hydrate`). */
const read = new WeakSet<Element>();

/**
 * Sets on `host` the properties in its `data-portico-properties` block (a child), once. A widget
 * does this as it connects, before its first render, so no bundle needs more for server
 * properties; a script's own assignment made before the upgrade still wins (Lit applies it at
 * the first update). Names the DOM already has (`innerHTML`, `onclick`, `__proto__`…) are never
 * set, and a block that is not a JSON object is not used, each with a warning.
 */
export function applyPropertiesBlock(host: Element): void {
  if (read.has(host)) return;
  const block = [...host.children].find((child) => child.matches(PROPERTIES_BLOCK));
  if (block === undefined) return;
  read.add(host);
  let values: unknown;
  try {
    values = JSON.parse(block.textContent);
  } catch {
    values = undefined;
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    warnAbout(host, `its data-portico-properties block is not a JSON object; not used.`);
    return;
  }
  for (const [name, value] of Object.entries(values)) {
    if (name in HTMLElement.prototype) {
      warnAbout(host, `data-portico-properties cannot set "${name}"; not used.`);
    } else {
      (host as unknown as Record<string, unknown>)[name] = value;
    }
  }
}
