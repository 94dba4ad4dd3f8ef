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
  readOptionalString,
  readString,
} from './validate.js';
import { presentFields } from './present.js';

/**
 * Readers for Portico's own data types from outside data (a JSON document, the stats
 * service): fields the type knows are checked, unknown fields are ignored, optional fields
 * may be missing. A wrong field throws an `invalid-data` error that names it.
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

export function readCategory(value: unknown, path: string): Category {
  const category = readObject(value, path);
  const children = category.children;
  return presentFields<Category>({
    id: readId(category.id, `${path}.id`),
    title: readString(category.title, `${path}.title`),
    url: readString(category.url, `${path}.url`),
    count: readOptionalNumber(category.count, `${path}.count`),
    children:
      children === undefined || children === null
        ? undefined
        : readArray(children, `${path}.children`).map((child, index) =>
            readCategory(child, `${path}.children[${String(index)}]`),
          ),
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
    ordering: readOptionalNumber(banner.ordering, `${path}.ordering`),
    position: readOptionalString(banner.position, `${path}.position`),
    publishUp: readOptionalString(banner.publishUp, `${path}.publishUp`),
    publishDown: readOptionalString(banner.publishDown, `${path}.publishDown`),
    newWindow: readOptionalBoolean(banner.newWindow, `${path}.newWindow`),
    lang: readOptionalString(banner.lang, `${path}.lang`),
  });
}

export function readVisitorStats(value: unknown, path: string): VisitorStats {
  const stats = readObject(value, path);
  return presentFields<VisitorStats>({
    guests: Number(readCount(stats.guests, `${path}.guests`)),
    members: Number(readCount(stats.members, `${path}.members`)),
    memberNames: readOptionalStrings(stats.memberNames, `${path}.memberNames`),
    bots: readOptional(stats.bots, `${path}.bots`, (bots, botsPath) => Number(readCount(bots, botsPath))),
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

/** Reads a list of items with `read`, naming each item's place in errors. */
export function readList<T>(value: unknown, path: string, read: (item: unknown, path: string) => T): T[] {
  return readArray(value, path).map((item, index) => read(item, `${path}[${String(index)}]`));
}
