/** The `<portico-category-menu>` class, without registering the tag. */
export { PorticoCategoryMenu, type CategoryMenuOrientation } from './category-menu.js';
