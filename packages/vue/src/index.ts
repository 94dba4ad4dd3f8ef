/**
 * @portico/vue: Vue 3 types for Portico's widgets, generated from their custom-elements.json
 * (importing this package brings Vue's `GlobalComponents` entries for every tag, so vue-tsc
 * checks their props and events), and `isPorticoElement` for Vue's template compiler.
 * Registers nothing: import the widgets (`@portico/widgets`, or each widget's package).
 */
export { isPorticoElement } from './is-portico-element.js';
export * from './generated/elements.js';
export type { PorticoGlobalComponents } from './generated/components.js';
export type { AttributeValue } from './attribute-value.js';
export type { VueCustomElement } from './vue-custom-element.js';
