/**
 * Story parameters Portico's preview reads (`parameters.portico`): where the widget sits,
 * the server-rendered markup inside its tag, and what the page adds for it.
 */

/**
 * The column a story's widget sits in, as portal templates give them (`.storybook/preview.css`):
 * - `sidebar`: a 200 px module column (the visitors box, the view hits, banners);
 * - `menu`: a 280 px navigation sidebar (a vertical category menu);
 * - `content`: a 720 px content column (an article card, a list of them);
 * - `wide`: a 960 px main column (an article page, top navigation).
 *
 * Without one, the widget takes the canvas's width. Each widget's stories file gives its usual
 * column to all its stories (`parameters` of the meta), and a story changes it where it needs to.
 */
export type StoryWidth = 'sidebar' | 'menu' | 'content' | 'wide';

export interface PorticoParameters {
  /** The column the widget sits in. */
  width?: StoryWidth;
  /** HTML put inside the widget's tag before it upgrades, as a CMS template prints it. */
  markup?: string;
  /**
   * What the page adds for the story to work, shown before the widget in the story's snippet
   * (Docs, Code panel): a `<script type="application/json" data-portico>` block, say. The story
   * itself does the same in its `beforeEach`.
   */
  pageMarkup?: string;
}

/** `parameters` for a widget in a 200 px sidebar. */
export const inSidebar = { portico: { width: 'sidebar' } satisfies PorticoParameters };

/** `parameters` for a widget in a 280 px navigation sidebar (a vertical menu). */
export const inMenuSidebar = { portico: { width: 'menu' } satisfies PorticoParameters };

/** `parameters` for a widget in a 720 px content column (an article card). */
export const inContentColumn = { portico: { width: 'content' } satisfies PorticoParameters };

/** `parameters` for a widget in a wide main column. */
export const inWideColumn = { portico: { width: 'wide' } satisfies PorticoParameters };

/** `parameters` for a widget upgrading over the server's markup, optionally in a column. */
export function withMarkup(markup: string, width?: StoryWidth): { portico: PorticoParameters } {
  return { portico: width ? { markup, width } : { markup } };
}
