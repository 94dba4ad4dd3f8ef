import { isServer } from 'lit';
import { serverRenderContext } from './server-context.js';

/**
 * Whether this runs on a server (Node, through Lit's export conditions), where there is no DOM.
 * Lit types its `isServer` as `false`; this is the same value, typed as what it is.
 */
export const onServer: boolean = isServer;

/**
 * The page's address: `location.href` in the browser; on the server, the address the renderer was
 * given (empty when none).
 */
export function pageAddress(): string {
  return onServer ? (serverRenderContext().url ?? '') : location.href;
}
