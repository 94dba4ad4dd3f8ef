/** The `<portico-sidebar-banners>` class, without registering the tag. */
export { PorticoSidebarBanners, type BannerEventDetail, type SidebarBannersOrder } from './sidebar-banners.js';
