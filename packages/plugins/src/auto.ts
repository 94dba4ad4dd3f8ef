/**
 * `import '@portico/plugins/auto'` (or the CDN build) applies the page's
 * `<script type="application/json" data-portico>` blocks: the sources they configure are
 * registered for the widgets, with no JavaScript in the page.
 */
import { configurePage } from './index.js';

export * from './index.js';

if (typeof document !== 'undefined') {
  configurePage();
  // A script loaded before the end of the page (async, or in the head without `defer`) also
  // gets the blocks that come after it.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => configurePage(), { once: true });
  }
}
