/** Registers `<portico-online-visitors>` and exports its class. */
import { defineElement } from '@portico/element';
import { PorticoOnlineVisitors } from './online-visitors.js';

defineElement('portico-online-visitors', PorticoOnlineVisitors);

export * from './element.js';

declare global {
  interface HTMLElementTagNameMap {
    'portico-online-visitors': PorticoOnlineVisitors;
  }
}
