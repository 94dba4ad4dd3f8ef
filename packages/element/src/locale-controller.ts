import { languageForCountryCode, onLocalesChange, resolveLocale, type ResolvedLocale } from '@portico/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { serverRenderContext } from './server-context.js';
import { onServer } from './server.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The language of an element, as DESIGN.md fixes it: its own `lang`, else the closest
 * ancestor's (across shadow roots), else `<html lang>`, else English. An empty `lang` is
 * skipped. On the server, which has no ancestors: its own `lang`, else the page's language
 * the server renderer was given.
 */
export function closestLanguage(element: Element): string | undefined {
  if (onServer) return element.getAttribute('lang') || serverRenderContext().lang || undefined;
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

const controllers = new Set<LocaleController>();
let languageObserver: MutationObserver | undefined;
/** The shadow roots the observer watches besides the document: those widgets sit in. */
let watchedRoots = new WeakSet<ShadowRoot>();
let stopListeningToLocales: (() => void) | undefined;
const LANG_CHANGES: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };

// One observer for the page: a `lang` change anywhere may change the language of any widget
// below it, and `lang` changes are rare.
function watchPage(): void {
  if (languageObserver) return;
  languageObserver = new MutationObserver(() => {
    controllers.forEach((controller) => {
      controller.refresh();
    });
  });
  languageObserver.observe(document.documentElement, LANG_CHANGES);
  stopListeningToLocales = onLocalesChange(() => {
    controllers.forEach((controller) => {
      controller.refresh(true);
    });
  });
}

/**
 * Watches the shadow roots `element` sits in (an app's components' own): the document's
 * observer does not see into them, where the element's own `lang` or an ancestor's may change.
 */
function watchRootsOf(element: Element): void {
  for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    if (watchedRoots.has(root)) continue;
    watchedRoots.add(root);
    languageObserver?.observe(root, LANG_CHANGES);
  }
}

function unwatchPage(): void {
  if (controllers.size > 0) return;
  languageObserver?.disconnect();
  languageObserver = undefined;
  watchedRoots = new WeakSet();
  stopListeningToLocales?.();
  stopListeningToLocales = undefined;
}

/**
 * Keeps a widget's language current: it re-renders its host when `lang` changes on the
 * host or any ancestor, and when an integrator defines or overrides a locale.
 */
export class LocaleController implements ReactiveController {
  readonly #host: Host;
  readonly #onCountryCode: ((given: string, readAs: string) => void) | undefined;
  #resolved: ResolvedLocale = resolveLocale(undefined);
  #tag: string | undefined;

  /** `onCountryCode`: told when the `lang` found is a country code read as a language (`vn`). */
  constructor(host: Host, onCountryCode?: (given: string, readAs: string) => void) {
    this.#host = host;
    this.#onCountryCode = onCountryCode;
    host.addController(this);
  }

  /**
   * The widget's language tag, canonical (`vi`, `en-GB`, `tlh`, …). Not Intl's: a locale
   * defined with `defineLocale` keeps its phrases where Intl does not know the language, and
   * core's formatters fall back for Intl on their own.
   */
  get locale(): string {
    return this.current.tag;
  }

  /** The resolved locale, with its phrases and formats. */
  get current(): ResolvedLocale {
    // On the server nothing keeps it current (no lifecycle, no observers), and nothing changes
    // while an element renders: read it when asked.
    if (onServer) this.refresh();
    return this.#resolved;
  }

  hostConnected(): void {
    if (onServer) return;
    controllers.add(this);
    watchPage();
    watchRootsOf(this.#host);
    this.refresh(true);
  }

  hostDisconnected(): void {
    if (onServer) return;
    controllers.delete(this);
    unwatchPage();
  }

  /** Re-reads the language; re-renders the host if it changed (or always, when `force`). */
  refresh(force = false): void {
    const tag = closestLanguage(this.#host);
    if (!force && tag === this.#tag) return;
    this.#tag = tag;
    this.#resolved = resolveLocale(tag);
    if (tag && languageForCountryCode(tag)) this.#onCountryCode?.(tag, this.#resolved.tag);
    if (!onServer) this.#host.requestUpdate();
  }
}
