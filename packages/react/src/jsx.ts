/**
 * @portico/react/jsx: every Portico tag in React's JSX (`IntrinsicElements`), for React 19's
 * own custom-element support, and the same types for other JSX runtimes. Registers nothing:
 * import the widgets (`@portico/widgets`, or each widget's package) before rendering.
 */
export * from './generated/jsx.js';
export type { AttributeValue } from './attribute-value.js';
export type { IntrinsicElementProps } from './intrinsic-element-props.js';
