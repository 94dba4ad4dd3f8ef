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
import { applyPropertiesBlock, PROPERTIES_BLOCK } from '@portico/element';

/**
 * The properties the server rendered each widget under `root` with (`properties` of
 * `renderWidget`), from the JSON block it wrote inside the widget, set on the element. A Portico
 * widget reads its own block as it connects, before its first render, so this is needed only to
 * set them earlier: before the widgets are defined, or on another element. Each block is read
 * once, by whichever comes first; names the DOM already has (`innerHTML`, `onclick`,
 * `__proto__`…) are never set.
 */
export function applyServerProperties(root: ParentNode = document): void {
  for (const block of root.querySelectorAll(PROPERTIES_BLOCK)) {
    if (block.parentElement) applyPropertiesBlock(block.parentElement);
  }
}

// Importing it where there is no page (a server bundling the page's modules) does nothing.
if (typeof document !== 'undefined') applyServerProperties();
