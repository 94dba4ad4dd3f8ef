import type { HTMLAttributes } from 'react';

/**
 * The props of a widget's React component: the element's properties (partial, typed by its
 * class), its event handlers, and React's HTML attributes for whatever they do not name.
 */
export type WidgetProps<Element extends HTMLElement, Properties extends object, Handlers extends object> = Omit<
  HTMLAttributes<Element>,
  keyof Properties | keyof Handlers
> &
  Properties &
  Handlers;
