import { SourceError, type Article, type Image } from '@portico/core';
import {
  htmlToText,
  presentFields,
  readArray,
  readId,
  readObject,
  readOptionalBoolean,
  readOptionalCount,
  readOptionalNumber,
  readOptionalString,
  readString,
} from '@portico/plugin-kit';
import { excerptToLead } from './html-text.js';

/** A post as read from `wp/v2/posts`: the article, and what decides whether to show it. */
export interface ReadPost {
  article: Article;
  /** `publish` for what the public may read. */
  status: string | undefined;
}

export interface ReadPostOptions {
  /** Take the `views` field WP-PostViews 2 adds to every post. */
  viewsField?: boolean | undefined;
}

function optionalObject(value: unknown, path: string): Record<string, unknown> | undefined {
  return value === undefined || value === null ? undefined : readObject(value, path);
}

// PHP writes an empty array as `[]`: an image WordPress made no smaller sizes of has
// `"sizes": []`. Where an object is only a detail, anything else counts as none.
function detailObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

// WordPress gives `date_gmt` as `2020-08-25T08:30:00`: UTC, without saying so.
const ZONELESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function readTimestamp(value: unknown, path: string, utc: boolean): string | undefined {
  const text = readOptionalString(value, path);
  if (text === undefined) return undefined;
  if (ZONELESS.test(text)) return utc ? `${text}Z` : text;
  if (ZONED.test(text)) return text;
  throw new SourceError('invalid-data', `${path} must be a date-time like 2020-08-25T08:30:00, got "${text}".`, {
    retryable: false,
  });
}

/** `title.rendered`-style fields: `{ rendered, protected? }`. */
function readRendered(value: unknown, path: string): { html: string; isProtected: boolean } | undefined {
  const field = optionalObject(value, path);
  if (!field) return undefined;
  return {
    html: readString(field.rendered, `${path}.rendered`),
    isProtected: readOptionalBoolean(field.protected, `${path}.protected`) ?? false,
  };
}

// An embedded resource the reader may not see is an error object (`{ code, message, data }`);
// a link that cannot be embedded is an empty list. Both are skipped.
function embeddedObjects(
  embedded: Record<string, unknown> | undefined,
  rel: string,
  path: string,
): Record<string, unknown>[] {
  const list = embedded?.[rel];
  if (list === undefined || list === null) return [];
  return readArray(list, `${path}._embedded["${rel}"]`).filter(
    (item): item is Record<string, unknown> =>
      typeof item === 'object' && item !== null && !Array.isArray(item) && !('code' in item),
  );
}

function readAuthors(embedded: Record<string, unknown> | undefined, path: string): string[] | undefined {
  const names = embeddedObjects(embedded, 'author', path).flatMap((author, index) => {
    const name = readOptionalString(author.name, `${path}._embedded.author[${String(index)}].name`);
    const text = name === undefined ? '' : htmlToText(name);
    return text ? [text] : [];
  });
  return names.length > 0 ? [...new Set(names)] : undefined;
}

/**
 * A `srcset` from the sizes WordPress made of the image, as WordPress itself builds one: only
 * the sizes with the image's proportions (a square thumbnail crop would distort the box).
 */
function readSrcset(
  sizes: Record<string, unknown> | undefined,
  full: { width: number | undefined; height: number | undefined },
  path: string,
): string | undefined {
  if (!sizes || !full.width || !full.height) return undefined;
  const { width: fullWidth, height: fullHeight } = full;
  const candidates = new Map<number, string>();
  for (const [name, value] of Object.entries(sizes)) {
    const size = detailObject(value);
    const url = readOptionalString(size?.source_url, `${path}.${name}.source_url`);
    const width = readOptionalNumber(size?.width, `${path}.${name}.width`);
    const height = readOptionalNumber(size?.height, `${path}.${name}.height`);
    const sameShape = width && height && Math.abs((width * fullHeight) / fullWidth - height) <= 1;
    if (url && width && sameShape && !candidates.has(width)) candidates.set(width, url);
  }
  if (candidates.size < 2) return undefined;
  return [...candidates]
    .sort(([a], [b]) => a - b)
    .map(([width, url]) => `${url} ${String(width)}w`)
    .join(', ');
}

function readFeaturedImage(embedded: Record<string, unknown> | undefined, path: string): Image | undefined {
  const [media] = embeddedObjects(embedded, 'wp:featuredmedia', path);
  if (!media) return undefined;
  const where = `${path}._embedded["wp:featuredmedia"][0]`;
  const src = readOptionalString(media.source_url, `${where}.source_url`);
  if (!src) return undefined;
  const details = detailObject(media.media_details);
  const alt = readOptionalString(media.alt_text, `${where}.alt_text`);
  const size = {
    width: readOptionalNumber(details?.width, `${where}.media_details.width`),
    height: readOptionalNumber(details?.height, `${where}.media_details.height`),
  };
  const sizes = detailObject(details?.sizes);
  return presentFields<Image>({
    src,
    alt: alt === undefined ? undefined : htmlToText(alt),
    ...size,
    srcset: readSrcset(sizes, size, `${where}.media_details.sizes`),
  });
}

/** The first category: from `categories`, or else from the embedded `wp:term` lists. */
function readCategoryId(post: Record<string, unknown>, embedded: Record<string, unknown> | undefined, path: string) {
  if (post.categories !== undefined && post.categories !== null) {
    const [first] = readArray(post.categories, `${path}.categories`);
    if (first !== undefined) return readId(first, `${path}.categories[0]`);
  }
  const termLists = embedded?.['wp:term'];
  if (termLists === undefined || termLists === null) return undefined;
  for (const [listIndex, list] of readArray(termLists, `${path}._embedded["wp:term"]`).entries()) {
    if (!Array.isArray(list)) continue;
    for (const [index, term] of list.entries()) {
      if (typeof term !== 'object' || term === null || (term as Record<string, unknown>).taxonomy !== 'category')
        continue;
      const where = `${path}._embedded["wp:term"][${String(listIndex)}][${String(index)}].id`;
      return readId((term as Record<string, unknown>).id, where);
    }
  }
  return undefined;
}

/**
 * Reads one post of `wp/v2/posts` (with `_embed`) into an Article. Titles, names and the
 * excerpt become plain text; the body stays HTML; `date_gmt` becomes UTC ISO 8601. A field of
 * the wrong type is an `invalid-data` error that names it.
 */
export function readPost(value: unknown, path: string, options: ReadPostOptions = {}): ReadPost {
  const post = readObject(value, path);
  const embedded = optionalObject(post._embedded, `${path}._embedded`);
  const title = readRendered(post.title, `${path}.title`);
  const excerpt = readRendered(post.excerpt, `${path}.excerpt`);
  const content = readRendered(post.content, `${path}.content`);
  const published =
    readTimestamp(post.date_gmt, `${path}.date_gmt`, true) ?? readTimestamp(post.date, `${path}.date`, false);
  if (published === undefined) {
    throw new SourceError('invalid-data', `${path} has neither date_gmt nor date.`, { retryable: false });
  }
  // A password-protected post answers with empty, `protected` text: there is nothing to show.
  const lead = excerpt && !excerpt.isProtected ? excerptToLead(excerpt.html) : undefined;
  const body = content && !content.isProtected && content.html.trim() ? content.html : undefined;
  const article = presentFields<Article>({
    id: readId(post.id, `${path}.id`),
    title: title ? htmlToText(title.html) : '',
    url: readOptionalString(post.link, `${path}.link`),
    published,
    modified: readTimestamp(post.modified_gmt, `${path}.modified_gmt`, true),
    lead: lead || undefined,
    body,
    authors: readAuthors(embedded, path),
    categoryId: readCategoryId(post, embedded, path),
    image: readFeaturedImage(embedded, path),
    views: options.viewsField ? readOptionalCount(post.views, `${path}.views`) : undefined,
  });
  return { article, status: readOptionalString(post.status, `${path}.status`) };
}
