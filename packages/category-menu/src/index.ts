/** Registers `<portico-category-menu>` and exports its class. */
import { defineElement } from '@portico/element';
import { PorticoCategoryMenu } from './category-menu.js';

defineElement('portico-category-menu', PorticoCategoryMenu);

export * from './element.js';

declare global {
  interface HTMLElementTagNameMap {
    'portico-category-menu': PorticoCategoryMenu;
  }
}
