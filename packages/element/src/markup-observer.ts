import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onServer } from './server.js';

const MARKUP_CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true };

/**
 * Tells a widget that reads its server-rendered light DOM (a menu's list, a card's article,
 * banner links) when that markup changes at any depth: markup that streams in after the
 * upgrade, or a CMS or framework script that adds an item or edits a link. A `<slot>`'s
 * `slotchange` sees only the widget's own children come and go. The widget's own attributes
 * are left out: Lit already watches those. On a server there is no DOM to observe.
 */
export class MarkupObserver implements ReactiveController {
  readonly #observer: MutationObserver | undefined;
  readonly #host: ReactiveControllerHost & Element;

  constructor(host: ReactiveControllerHost & Element, changed: () => void) {
    this.#host = host;
    host.addController(this);
    this.#observer = onServer
      ? undefined
      : new MutationObserver((records) => {
          if (records.some(({ type, target }) => type !== 'attributes' || target !== host)) changed();
        });
  }

  hostConnected(): void {
    this.#observer?.observe(this.#host, MARKUP_CHANGES);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
