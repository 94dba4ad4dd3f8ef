/**
 * Story parameters Portico's preview reads (`parameters.portico`): where the widget sits
 * and the server-rendered markup inside its tag.
 */

/** `sidebar`: a 200 px sidebar column; `wide`: a wide main column (960 px). Default: the canvas. */
export type StoryWidth = 'sidebar' | 'wide';

export interface PorticoParameters {
  /** The column the widget sits in. */
  width?: StoryWidth;
  /** HTML put inside the widget's tag before it upgrades, as a CMS template prints it. */
  markup?: string;
}

/** `parameters` for a widget in a 200 px sidebar. */
export const inSidebar = { portico: { width: 'sidebar' } satisfies PorticoParameters };

/** `parameters` for a widget in a wide main column. */
export const inWideColumn = { portico: { width: 'wide' } satisfies PorticoParameters };

/** `parameters` for a widget upgrading over the server's markup, optionally in a column. */
export function withMarkup(markup: string, width?: StoryWidth): { portico: PorticoParameters } {
  return { portico: width ? { markup, width } : { markup } };
}
