import type { Article, Banner, Category, Image, ViewStats, VisitorStats } from '@portico/core';
import {
  readArray,
  readCount,
  readId,
  readObject,
  readOptional,
  readOptionalBoolean,
  readOptionalCount,
  readOptionalNumber,
  readOptionalNumeric,
  readOptionalString,
  readString,
} from './validate.js';
import { presentFields } from './present.js';
import { readEach, warnInConsole, type ReadEachOptions, type Warn } from './read-each.js';

/**
 * Readers for Portico's own data types from outside data (a JSON document, the stats
 * service): fields the type knows are checked, unknown fields are ignored, optional fields
 * may be missing. A wrong field throws an `invalid-data` error that names it; a list inside
 * an item (a category's children) is read item by item, and its bad items are left out with
 * a warning through `warn`.
 */

export function readImage(value: unknown, path: string): Image {
  const image = readObject(value, path);
  return presentFields<Image>({
    src: readString(image.src, `${path}.src`),
    alt: readOptionalString(image.alt, `${path}.alt`),
    width: readOptionalNumber(image.width, `${path}.width`),
    height: readOptionalNumber(image.height, `${path}.height`),
    srcset: readOptionalString(image.srcset, `${path}.srcset`),
  });
}

function readOptionalImage(value: unknown, path: string): Image | undefined {
  return value === undefined || value === null ? undefined : readImage(value, path);
}

function readOptionalStrings(value: unknown, path: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return readArray(value, path).map((item, index) => readString(item, `${path}[${String(index)}]`));
}

export function readArticle(value: unknown, path: string): Article {
  const article = readObject(value, path);
  return presentFields<Article>({
    id: readId(article.id, `${path}.id`),
    title: readString(article.title, `${path}.title`),
    url: readOptionalString(article.url, `${path}.url`),
    source: readOptionalString(article.source, `${path}.source`),
    published: readString(article.published, `${path}.published`),
    modified: readOptionalString(article.modified, `${path}.modified`),
    lead: readOptionalString(article.lead, `${path}.lead`),
    body: readOptionalString(article.body, `${path}.body`),
    authors: readOptionalStrings(article.authors, `${path}.authors`),
    categoryId: readOptional(article.categoryId, `${path}.categoryId`, readId),
    image: readOptionalImage(article.image, `${path}.image`),
    views: readOptionalCount(article.views, `${path}.views`),
    lang: readOptionalString(article.lang, `${path}.lang`),
  });
}

export function readCategory(value: unknown, path: string, warn: Warn = warnInConsole): Category {
  const category = readObject(value, path);
  // A bad child is left out; its parent, and the child's good siblings, still show.
  const readChildren = (children: unknown, childrenPath: string): Category[] =>
    readEachInList(children, childrenPath, (child, childPath) => readCategory(child, childPath, warn), {
      warn,
      failWhenNoneRead: false,
    });
  return presentFields<Category>({
    id: readId(category.id, `${path}.id`),
    title: readString(category.title, `${path}.title`),
    url: readString(category.url, `${path}.url`),
    count: readOptionalNumeric(category.count, `${path}.count`),
    children: readOptional(category.children, `${path}.children`, readChildren),
    lang: readOptionalString(category.lang, `${path}.lang`),
  });
}

export function readBanner(value: unknown, path: string): Banner {
  const banner = readObject(value, path);
  return presentFields<Banner>({
    id: readId(banner.id, `${path}.id`),
    title: readString(banner.title, `${path}.title`),
    url: readOptionalString(banner.url, `${path}.url`),
    image: readOptionalImage(banner.image, `${path}.image`),
    html: readOptionalString(banner.html, `${path}.html`),
    pinned: readOptionalBoolean(banner.pinned, `${path}.pinned`),
    ordering: readOptionalNumeric(banner.ordering, `${path}.ordering`),
    position: readOptionalString(banner.position, `${path}.position`),
    publishUp: readOptionalString(banner.publishUp, `${path}.publishUp`),
    publishDown: readOptionalString(banner.publishDown, `${path}.publishDown`),
    newWindow: readOptionalBoolean(banner.newWindow, `${path}.newWindow`),
    lang: readOptionalString(banner.lang, `${path}.lang`),
  });
}

/**
 * A count as the `number` that `VisitorStats` holds. Beyond 2^53 a number cannot keep every
 * digit: the nearest one is passed on, with a warning that gives the digits, so none are lost
 * silently. (The widget itself would show a string or bigint exactly; the core type does not
 * allow one here.)
 */
function readCountAsNumber(value: unknown, path: string, warn: Warn): number {
  const count = readCount(value, path);
  const number = Number(count);
  if (!Number.isSafeInteger(number)) {
    warn(`${path} is ${String(count)}, more than a number holds exactly (2^53); it is passed on as ${String(number)}.`);
  }
  return number;
}

export function readVisitorStats(value: unknown, path: string, warn: Warn = warnInConsole): VisitorStats {
  const stats = readObject(value, path);
  const count = (field: unknown, fieldPath: string): number => readCountAsNumber(field, fieldPath, warn);
  return presentFields<VisitorStats>({
    guests: count(stats.guests, `${path}.guests`),
    members: count(stats.members, `${path}.members`),
    memberNames: readOptionalStrings(stats.memberNames, `${path}.memberNames`),
    bots: readOptional(stats.bots, `${path}.bots`, count),
    windowSeconds: readOptionalNumber(stats.windowSeconds, `${path}.windowSeconds`),
    asOf: readOptionalString(stats.asOf, `${path}.asOf`),
  });
}

export function readViewStats(value: unknown, path: string): ViewStats {
  const stats = readObject(value, path);
  return presentFields<ViewStats>({
    total: readCount(stats.total, `${path}.total`),
    path: readOptionalString(stats.path, `${path}.path`),
    views: readOptionalCount(stats.views, `${path}.views`),
    asOf: readOptionalString(stats.asOf, `${path}.asOf`),
  });
}

/** Reads a list of items with `read`, naming each item's place in errors. One bad item fails the list. */
export function readList<T>(value: unknown, path: string, read: (item: unknown, path: string) => T): T[] {
  return readArray(value, path).map((item, index) => read(item, `${path}[${String(index)}]`));
}

/**
 * Reads a list item by item with `readEach`: a bad item is left out with a warning naming its
 * place (`categories[2].title must be a string, got null. That item is left out.`). The value
 * itself must be a list.
 */
export function readEachInList<T>(
  value: unknown,
  path: string,
  read: (item: unknown, path: string) => T,
  options?: ReadEachOptions,
): T[] {
  return readEach(readArray(value, path), (item, index) => read(item, `${path}[${String(index)}]`), options);
}
