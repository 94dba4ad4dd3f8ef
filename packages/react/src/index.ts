/**
 * @portico/react: Portico's widgets as React components, generated from their
 * custom-elements.json. Importing a component registers its tag.
 */
export * from './generated/index.js';
export type { WidgetProps } from './props.js';
