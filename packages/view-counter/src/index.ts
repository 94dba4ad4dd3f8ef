/** Registers `<portico-view-counter>` and exports its class. */
import { defineElement } from '@portico/element';
import { PorticoViewCounter } from './view-counter.js';

defineElement('portico-view-counter', PorticoViewCounter);

export {
  PorticoViewCounter,
  type ViewCounterDigits,
  type ViewCounterGrouping,
  type ViewCounterNotation,
} from './view-counter.js';

declare global {
  interface HTMLElementTagNameMap {
    'portico-view-counter': PorticoViewCounter;
  }
}
