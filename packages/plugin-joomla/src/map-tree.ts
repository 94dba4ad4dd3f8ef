import { isSourceError, type Category } from '@portico/core';
import {
  htmlToText,
  readEach,
  readId,
  readOptionalCount,
  readOptionalNumber,
  readOptionalString,
  readString,
  type Warn,
} from '@portico/plugin-kit';
import { fillTemplate, joomlaAddress, joomlaLanguage, scalarText } from './joomla-values.js';
import type { JsonApiResource } from './json-api.js';
import type { LinkContext } from './map-article.js';

interface TreeEntry {
  node: Category;
  parentId: string;
  level: number;
  /** Joomla's nested-set left value: sorting by it gives the tree in the site's order. */
  lft: number;
}

function treeEntry(resource: JsonApiResource, node: Category, index: number): TreeEntry {
  const { attributes, path } = resource;
  // The title's language: Joomla's `language`, unless `*` (all languages).
  const lang = joomlaLanguage(attributes.language, `${path}.attributes.language`);
  if (lang !== undefined) node.lang = lang;
  return {
    node,
    parentId: readId(attributes.parent_id, `${path}.attributes.parent_id`),
    // Some database drivers give numbers as strings ("2").
    level:
      readOptionalNumber(
        typeof attributes.level === 'string' ? Number(attributes.level) : attributes.level,
        `${path}.attributes.level`,
      ) ?? 1,
    lft: Number(attributes.lft ?? index),
  };
}

/**
 * Nests flat Joomla items by `parent_id`. Level 1 hangs from Joomla's hidden root; an item
 * whose parent is not in the list (unpublished, so hidden on the site) is left out with
 * its branch, as Joomla's own menus do.
 */
function buildTree(entries: TreeEntry[]): Category[] {
  const sorted = [...entries].sort((a, b) => a.lft - b.lft);
  const byId = new Map(sorted.map((entry) => [entry.node.id, entry]));
  const roots: Category[] = [];
  for (const entry of sorted) {
    if (entry.level <= 1) {
      roots.push(entry.node);
      continue;
    }
    const parent = byId.get(entry.parentId);
    if (parent) (parent.node.children ??= []).push(entry.node);
  }
  // A child of a hidden parent is unreachable: reachable nodes are those under a root.
  return roots;
}

/** Where a list came from, and where warnings about its items go. */
export interface Reading {
  where: string;
  warn: Warn;
}

function categoryEntry(resource: JsonApiResource, links: LinkContext, index: number): TreeEntry {
  const { attributes, path } = resource;
  const alias = readOptionalString(attributes.alias, `${path}.attributes.alias`) ?? '';
  const node: Category = {
    id: resource.id,
    title: htmlToText(readString(attributes.title, `${path}.attributes.title`)),
    url: new URL(fillTemplate(links.categoryUrl, { id: resource.id, alias }), links.siteUrl).href,
  };
  // Joomla counts each category's articles by state; published ones are what readers see.
  const count = readOptionalCount(attributes.count_published, `${path}.attributes.count_published`);
  if (count !== undefined) node.count = Number(count);
  return treeEntry(resource, node, index);
}

/**
 * Content categories (`categories` resources, already filtered) as the category tree. A
 * category that cannot be read is left out with a warning, and its branch with it.
 */
export function categoryTree(resources: JsonApiResource[], links: LinkContext, reading: Reading): Category[] {
  return buildTree(readEach(resources, (resource, index) => categoryEntry(resource, links, index), reading));
}

function menuParams(resource: JsonApiResource): Record<string, unknown> {
  const params = resource.attributes.params;
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
}

/** Whether the menu item shows in menus: Joomla's "Display in Menu" switch (`menu_show`). */
export function isShownInMenu(resource: JsonApiResource): boolean {
  return scalarText(menuParams(resource).menu_show) !== '0';
}

/**
 * An external URL item's address. One that is not an address (`http://[bad`) is dropped with
 * a warning: the item shows as text, and the items under it stay reachable.
 */
function externalLink(resource: JsonApiResource, links: LinkContext, reading: Reading): string {
  const path = `${resource.path}.attributes.link`;
  try {
    return joomlaAddress(readString(resource.attributes.link, path), links.siteUrl, path);
  } catch (error) {
    if (!isSourceError(error) || error.code !== 'invalid-data') throw error;
    reading.warn(`In ${reading.where}: ${error.message} That item shows as text, without a link.`);
    return '';
  }
}

/**
 * A site menu's items (`items` resources, already filtered) as the category tree, each read
 * on its own (one that cannot be read is left out with a warning, and its branch with it):
 * - a component item links through the `menuItemUrl` template (`index.php?Itemid={id}` by
 *   default, which every Joomla site answers; `/{path}` for sites with URL rewriting);
 * - an external URL item keeps its address; an alias item links to the item it names;
 * - a heading or separator has no link (`url` is empty).
 */
export function menuTree(resources: JsonApiResource[], links: LinkContext, reading: Reading): Category[] {
  const byId = new Map(resources.map((resource) => [resource.id, resource]));

  function pathOf(resource: JsonApiResource): string {
    return Number(resource.attributes.home) === 1
      ? ''
      : (readOptionalString(resource.attributes.path, `${resource.path}.attributes.path`) ?? '');
  }

  function itemUrl(resource: JsonApiResource): string {
    const alias = readOptionalString(resource.attributes.alias, `${resource.path}.attributes.alias`) ?? '';
    return new URL(fillTemplate(links.menuItemUrl, { id: resource.id, path: pathOf(resource), alias }), links.siteUrl)
      .href;
  }

  function urlOf(resource: JsonApiResource): string {
    const type = readOptionalString(resource.attributes.type, `${resource.path}.attributes.type`) ?? 'component';
    if (type === 'url') return externalLink(resource, links, reading);
    if (type === 'alias') {
      const target = byId.get(scalarText(menuParams(resource).aliasoptions));
      return target ? itemUrl(target) : '';
    }
    if (type === 'separator' || type === 'heading') return '';
    return itemUrl(resource);
  }

  function menuEntry(resource: JsonApiResource, index: number): TreeEntry {
    const title = readString(resource.attributes.title, `${resource.path}.attributes.title`);
    return treeEntry(resource, { id: resource.id, title: htmlToText(title), url: urlOf(resource) }, index);
  }

  return buildTree(readEach(resources, menuEntry, reading));
}
