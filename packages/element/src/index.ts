/**
 * @portico/element: the Lit code every Portico widget shares.
 */
import type { SourceError } from '@portico/core';

export { PorticoElement, MISSING_DATA_GRACE_MS, type RegionName } from './portico-element.js';
export { toHeadingLevel, type HeadingLevel } from './heading-level.js';
export { ModuleElement } from './module-element.js';
export {
  LiveModuleElement,
  DEFAULT_LIVE_INTERVAL_SECONDS,
  type LiveAnnouncements,
  type LiveContent,
} from './live-module-element.js';
export { LocaleController, closestLanguage } from './locale-controller.js';
export {
  SourceController,
  type SourceRequest,
  type SourceState,
  type SourceControllerOptions,
} from './source-controller.js';
export { AnnounceThrottle } from './announce-throttle.js';
export { MarkupObserver } from './markup-observer.js';
export { defineElement } from './define.js';
export { safeLink, isExternalLink, type LinkScheme } from './safe-link.js';
export { sanitizeHtml, sanitizeHtmlOnServer, type SanitizedHtml } from './sanitize.js';
export { isImageAddress, IMAGE_ADDRESS_PROBLEM } from './address-policy.js';
// The allowlists themselves: `@portico/element/sanitize-allowlists` (server renderers need them; pages do not).
export type { SanitizeAllowlist, SanitizeProfile, SanitizeRemovals } from './sanitize-allowlists.js';
export { onServer, pageAddress } from './server.js';
export { applyPropertiesBlock, PROPERTIES_BLOCK } from './server-properties.js';
export {
  RENDERED_LANG_ATTRIBUTE,
  serverRenderContext,
  type ServerChildren,
  type ServerRenderContext,
  type ServerSanitizedHtml,
  type ServerSanitizeFinish,
} from './server-context.js';
export { baseStyles, moduleStyles } from './styles.js';

declare global {
  interface GlobalEventHandlersEventMap {
    /** Any widget's data source failed; `detail.error` says how. What was shown stays. */
    'portico-error': CustomEvent<{ error: SourceError }>;
  }
}
