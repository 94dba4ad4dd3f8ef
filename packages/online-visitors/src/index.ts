/** Registers `<portico-online-visitors>` and exports its class. */
import { defineElement } from '@portico/element';
import { PorticoOnlineVisitors } from './online-visitors.js';

defineElement('portico-online-visitors', PorticoOnlineVisitors);

export { PorticoOnlineVisitors, type OnlineVisitorsMode } from './online-visitors.js';

declare global {
  interface HTMLElementTagNameMap {
    'portico-online-visitors': PorticoOnlineVisitors;
  }
}
