/**
 * The CDN build's entry (`dist/cdn/portico.js`): one `<script type="module">` gives a CMS
 * template all five widgets, the data plugins (each downloaded only when the page's
 * `<script type="application/json" data-portico>` configuration names it) and the shared
 * registry, with no build step. A page rendered on the server (declarative shadow DOM from
 * `@portico/ssr`) gets Lit's hydration support first, loaded only then.
 */
import { PorticoArticleCard } from '@portico/article-card/element';
import { PorticoCategoryMenu } from '@portico/category-menu/element';
import { defineElement } from '@portico/element';
import { PorticoOnlineVisitors } from '@portico/online-visitors/element';
import { configureNowAndWhenParsed } from '@portico/plugin-kit';
import { configurePageLazily } from '@portico/plugins/lazy';
import { PorticoSidebarBanners } from '@portico/sidebar-banners/element';
import { PorticoViewCounter } from '@portico/view-counter/element';
import { LitElement } from 'lit';

export { PorticoArticleCard, PorticoCategoryMenu, PorticoOnlineVisitors, PorticoSidebarBanners, PorticoViewCounter };
export { defineLocale, definePhrases, registerSource, SourceError } from '@portico/core';
export { loadPlugin } from '@portico/plugins/lazy';

const WIDGETS: readonly [string, CustomElementConstructor][] = [
  ['portico-online-visitors', PorticoOnlineVisitors],
  ['portico-view-counter', PorticoViewCounter],
  ['portico-category-menu', PorticoCategoryMenu],
  ['portico-article-card', PorticoArticleCard],
  ['portico-sidebar-banners', PorticoSidebarBanners],
];

type HydrateSupport = (lit: { LitElement: typeof LitElement }) => void;

/**
 * Whether the server rendered the shadow DOM of any of `widgets` (the browser attached it
 * already). The properties of one it left to the browser need no hydration support: each
 * widget reads its own block.
 */
function serverRendered(widgets: typeof WIDGETS): boolean {
  return widgets.some(([tag]) => [...document.querySelectorAll(tag)].some((element) => element.shadowRoot !== null));
}

if (typeof document !== 'undefined') {
  // Loaded `async`, this may run while the page is still parsing: the server-rendered widgets
  // further down would not be there to find yet, and a widget defined before its declarative
  // shadow root is parsed cannot take it. So wait for the whole page then.
  if (document.readyState === 'loading') {
    await new Promise((resolve) => {
      document.addEventListener('DOMContentLoaded', resolve, { once: true });
    });
  }
  // Tags another copy of Portico defined first are that copy's: the shadow roots its widgets
  // rendered are no server's, and this copy has nothing to hydrate or define for them.
  const undefinedWidgets = WIDGETS.filter(([tag]) => customElements.get(tag) === undefined);
  if (undefinedWidgets.length > 0 && serverRendered(undefinedWidgets)) {
    // Lit's hydration support patches LitElement before any widget is defined; in this bundle
    // Lit has already loaded, so the hook it installs is called here. (Not @portico/ssr/hydrate:
    // each widget reads the properties the server wrote for it itself.)
    await import('@lit-labs/ssr-client/lit-element-hydrate-support.js');
    (globalThis as { litElementHydrateSupport?: HydrateSupport }).litElementHydrateSupport?.({ LitElement });
  }
  for (const [tag, widget] of WIDGETS) defineElement(tag, widget);
  // Again once the page is parsed, for blocks printed after the script tag (a module script in
  // the head runs deferred, but a page may load it async).
  configureNowAndWhenParsed(configurePageLazily);
}
