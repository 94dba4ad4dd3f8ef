/**
 * The portal's data, as every widget and plugin exchanges it. Plain JSON-compatible objects
 * (apart from `bigint` counts), so a CMS answer, a fixture file or a server-rendered page
 * can all produce them.
 */

/**
 * A count that can exceed 2^53: a number (exact up to `Number.MAX_SAFE_INTEGER`), a decimal
 * string (`"18116910"`) or a `bigint`. Formatters keep every digit of strings and bigints.
 */
export type ExactCount = number | string | bigint;

/** An image with the text that replaces it and, when known, its intrinsic size. */
export interface Image {
  src: string;
  /** Text for readers who cannot see the image; `""` marks it decorative. */
  alt?: string;
  /** Intrinsic width in CSS pixels; with `height`, lets a widget reserve the box. */
  width?: number;
  height?: number;
  /** A `srcset` candidate list for responsive images. */
  srcset?: string;
}

export interface Article {
  id: string;
  /** Plain text: a title that contains markup is shown as text. */
  title: string;
  /** The article's canonical address. */
  url?: string;
  /** The source tag printed before the lead, as portals do: `TUAG` gives `(TUAG)- `. */
  source?: string;
  /** ISO 8601: a date (`2020-08-25`, a calendar date) or a date-time (`2020-08-25T08:30:00Z`). */
  published: string;
  /** ISO 8601, as `published`. */
  modified?: string;
  /** Plain text. */
  lead?: string;
  /** HTML from the CMS; widgets pass it through a sanitizer before showing it. */
  body?: string;
  /** Display names, in byline order. */
  authors?: string[];
  categoryId?: string;
  image?: Image;
  views?: ExactCount;
  /** The language of the article's own text, when it differs from the page's (`vi`). */
  lang?: string;
}

/** A node of the category tree. */
export interface Category {
  id: string;
  title: string;
  url: string;
  /** Number of published articles in this category. */
  count?: number;
  children?: Category[];
  /** The language of the title, when it differs from the page's (`vi`). */
  lang?: string;
  /** Open the link in a new tab (a CMS menu item's "open in a new window"). */
  newWindow?: boolean;
}

export interface Banner {
  id: string;
  /** Plain text; also the accessible name of an image banner without its own `alt`. */
  title: string;
  /** Where a click leads. */
  url?: string;
  image?: Image;
  /** A custom-HTML banner; widgets pass it through a sanitizer. */
  html?: string;
  /** A pinned banner stays in place when the others rotate or are shuffled. */
  pinned?: boolean;
  /** Lower comes first. */
  ordering?: number;
  /** The module position the banner belongs to (`sidebar`, `top`, …). */
  position?: string;
  /** ISO 8601: shown from this moment on. */
  publishUp?: string;
  /** ISO 8601: no longer shown from this moment on. */
  publishDown?: string;
  /** Open the link in a new tab. */
  newWindow?: boolean;
  /** The language of the title, the image's alt text and the custom HTML, when it differs from the page's (`vi`). */
  lang?: string;
}

/** Who is on the site now. */
export interface VisitorStats {
  guests: number;
  members: number;
  /** Display names of the members online, when the source may reveal them. */
  memberNames?: string[];
  /** Crawlers seen in the window; never counted as guests. */
  bots?: number;
  /** The width of the "online now" window, in seconds. */
  windowSeconds?: number;
  /** ISO 8601 time the numbers were taken. */
  asOf?: string;
}

/** Article view hits. */
export interface ViewStats {
  /** Site-wide total; exact beyond 2^53 when given as a string or bigint. */
  total: ExactCount;
  /** When the stats are for one page: its path and its own count. */
  path?: string;
  views?: ExactCount;
  asOf?: string;
}
