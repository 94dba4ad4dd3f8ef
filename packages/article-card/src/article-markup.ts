import type { Article } from '@portico/core';
import type { HeadingLevel } from '@portico/element';

/** An article's fields as found, not yet checked. */
export type ArticleFields = Partial<Record<keyof Article, unknown>>;

/**
 * An article read from markup, with the level of the heading its template gave it and the
 * date as the page prints it (shown when its `datetime` cannot be read).
 */
export type MarkupArticle = ArticleFields & { headingLevel: HeadingLevel; printedDate: string | undefined };

/**
 * Reads an article a CMS template rendered inside the widget (the README documents the
 * format): the first heading and its link, `<time datetime>`, `[data-lead]` (its
 * `data-source` is the source tag, which the printed lead may start with, `(TUAG)- `),
 * `[data-body]`, `[data-authors]` (comma-separated, or `[data-author]` elements),
 * `[data-views]` and the first `<img>` outside the body; `lang` on the `<article>`.
 * `undefined` when there is no heading: then it is not an article in this format.
 */
export function readArticleMarkup(host: Element): MarkupArticle | undefined {
  const root = host.querySelector('article') ?? host;
  // What is inside the body is the body's own: its headings, dates and images.
  const find = (selector: string): Element | null => root.querySelector(`:is(${selector}):not([data-body] *)`);
  const heading = find('h1,h2,h3,h4,h5,h6');
  if (!heading) return undefined;
  const lead = find('[data-lead]');
  const source = lead?.getAttribute('data-source')?.trim();
  const leadText = lead?.textContent.trim();
  const prefix = `(${source ?? ''})-`;
  const authors = find('[data-authors]');
  const authorNames = authors?.querySelectorAll('[data-author]');
  const image = find('img');
  const time = find('time');
  const size = (name: string): number | undefined => Number(image?.getAttribute(name)) || undefined;
  return {
    // The selector found one of h1–h6.
    headingLevel: Number(heading.localName.slice(1)) as HeadingLevel,
    title: heading.textContent,
    url: heading.querySelector('a[href]')?.getAttribute('href'),
    source,
    // Without `datetime`, a <time> element's text is its date.
    published: time?.getAttribute('datetime') ?? time?.textContent,
    printedDate: time?.textContent.trim() || undefined,
    lead: source && leadText?.startsWith(prefix) ? leadText.slice(prefix.length) : leadText,
    body: find('[data-body]')?.innerHTML,
    authors: authorNames?.length ? [...authorNames].map((name) => name.textContent) : authors?.textContent.split(','),
    image: image && {
      src: image.getAttribute('src'),
      alt: image.getAttribute('alt'),
      width: size('width'),
      height: size('height'),
    },
    views: find('[data-views]')?.getAttribute('data-views'),
    lang: root === host ? undefined : root.getAttribute('lang'),
  };
}
