/**
 * The CDN build's entry (`dist/cdn/portico.js`): one `<script type="module">` gives a CMS
 * template all five widgets, the data plugins (each downloaded only when the page's
 * `<script type="application/json" data-portico>` configuration names it) and the shared
 * registry, with no build step.
 */
import { configurePageLazily } from '@portico/plugins/lazy';

export * from './index.js';
export { defineLocale, definePhrases, registerSource, SourceError } from '@portico/core';
export { loadPlugin } from '@portico/plugins/lazy';

if (typeof document !== 'undefined') {
  configurePageLazily();
  // Blocks printed after the script tag (a module script in the head runs deferred, but a
  // page may load it async) are read once the page is parsed.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => configurePageLazily(), { once: true });
  }
}
