/** Registers `<portico-view-counter>` and exports its class. */
import { defineElement } from '@portico/element';
import { PorticoViewCounter } from './view-counter.js';

defineElement('portico-view-counter', PorticoViewCounter);

export * from './element.js';

declare global {
  interface HTMLElementTagNameMap {
    'portico-view-counter': PorticoViewCounter;
  }
}
