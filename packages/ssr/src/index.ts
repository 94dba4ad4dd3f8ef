/**
 * @portico/ssr: Portico's widgets rendered to HTML in Node, each with its shadow DOM as a
 * declarative shadow root, for the browser to hydrate (load `@portico/ssr/hydrate` first there).
 * Importing this module defines the five widgets on the server.
 */
import '@portico/online-visitors';
import '@portico/view-counter';
import '@portico/category-menu';
import '@portico/article-card';
import '@portico/sidebar-banners';

export {
  porticoElementRenderer,
  renderPage,
  renderPageToStream,
  renderWidget,
  widget,
  type AttributeValue,
  type PageOptions,
  type PorticoTagName,
  type WidgetOptions,
  type WidgetProperties,
  type WidgetTagName,
} from './render.js';
export { styleHashes } from './style-hashes.js';
/** Server-only templates for whole pages (`<!doctype html>`, `<title>`…), from `@lit-labs/ssr`. */
export { html } from '@lit-labs/ssr';
