/**
 * Helpers for the widgets' tests in Chromium. Private to the repository; never published.
 */
export { seed, type SeedPortal } from './seed.js';
export { expectNoAxeViolations } from './axe.js';
export { layoutShiftsDuring } from './layout-shift.js';
export { shadowText, nextFrame, settle } from './dom.js';
export { beforeUpgradeCss } from './before-upgrade.js';
