/**
 * Helpers for the widgets' tests in Chromium. Private to the repository; never published.
 */
export { seed, type SeedPortal } from './seed.js';
export { expectNoAxeViolations } from './axe.js';
export {
  animationFrames,
  expectUpgradeMovesNothing,
  layoutShiftsDuring,
  textDrawnBeforeUpgrade,
} from './layout-shift.js';
export { beforeUpgradeCss } from './before-upgrade.js';
export { elementWithText, languageOf } from './language.js';
export { damaged, oddAttribute, oddJson, oddLang, oddMarkup, oddValue } from './odd-input.js';
export { expectToSurviveBadInput, type ElementsManifest, type SurvivalOptions } from './survival.js';
export { followedLinks, startButton } from './page.js';
export { linesDrawn, pageColumn } from './column.js';
export {
  cleanUpMounted,
  flushUpdates,
  mount,
  onCleanUp,
  registerTestSource,
  shownNumber,
  statusText,
  stubReducedMotion,
  testSource,
} from './mount.js';
