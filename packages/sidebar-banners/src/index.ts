/** Registers `<portico-sidebar-banners>` and exports its class. */
import { defineElement } from '@portico/element';
import { PorticoSidebarBanners, type BannerEventDetail } from './sidebar-banners.js';

defineElement('portico-sidebar-banners', PorticoSidebarBanners);

export * from './element.js';

declare global {
  interface HTMLElementTagNameMap {
    'portico-sidebar-banners': PorticoSidebarBanners;
  }
  interface GlobalEventHandlersEventMap {
    'portico-banner-click': CustomEvent<BannerEventDetail>;
    'portico-banner-impression': CustomEvent<BannerEventDetail>;
  }
}
