/**
 * Hydration for server-rendered Portico widgets. Load it in the browser before the widgets are
 * defined, as the page's first module (see the README):
 *
 * ```ts
 * import '@portico/ssr/hydrate';
 * import '@portico/widgets';
 * ```
 *
 * Each widget then takes over the shadow DOM the server rendered (its declarative shadow root)
 * node for node, instead of rendering it anew: nothing moves, nothing flashes.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

const PROPERTIES_BLOCK = 'script[type="application/json"][data-portico-properties]';

/**
 * The properties the server rendered each widget with (`properties` of `renderWidget`), from the
 * JSON block it wrote inside the widget: set on the element before the widget is defined, so its
 * first render, the one that hydrates, has them (Lit takes properties set before an element
 * upgrades). Names the DOM already has (`innerHTML`, `onclick`, `__proto__`…) are never set.
 */
export function applyServerProperties(root: ParentNode = document): void {
  for (const block of root.querySelectorAll(PROPERTIES_BLOCK)) {
    const host = block.parentElement;
    if (!host) continue;
    let values: unknown;
    try {
      values = JSON.parse(block.textContent);
    } catch {
      values = undefined;
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      console.warn(`<${host.localName}>: its data-portico-properties block is not a JSON object; not used.`);
      continue;
    }
    for (const [name, value] of Object.entries(values)) {
      if (name in HTMLElement.prototype) {
        console.warn(`<${host.localName}>: data-portico-properties cannot set "${name}"; not used.`);
      } else {
        (host as unknown as Record<string, unknown>)[name] = value;
      }
    }
  }
}

// Importing it where there is no page (a server bundling the page's modules) does nothing.
if (typeof document !== 'undefined') applyServerProperties();
