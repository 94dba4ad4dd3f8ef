import type { Category } from '@portico/core';
import {
  htmlToText,
  readId,
  readOptionalCount,
  readOptionalNumber,
  readOptionalString,
  readString,
} from '@portico/plugin-kit';
import { fillTemplate, joomlaLanguage, scalarText } from './joomla-values.js';
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

/** Content categories (`categories` resources, already filtered) as the category tree. */
export function categoryTree(resources: JsonApiResource[], links: LinkContext): Category[] {
  return buildTree(
    resources.map((resource, index) => {
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
    }),
  );
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
 * A site menu's items (`items` resources, already filtered) as the category tree:
 * - a component item links through the `menuItemUrl` template (`index.php?Itemid={id}` by
 *   default, which every Joomla site answers; `/{path}` for sites with URL rewriting);
 * - an external URL item keeps its address; an alias item links to the item it names;
 * - a heading or separator has no link (`url` is empty).
 */
export function menuTree(resources: JsonApiResource[], links: LinkContext): Category[] {
  const pathOf = (resource: JsonApiResource): string =>
    Number(resource.attributes.home) === 1
      ? ''
      : (readOptionalString(resource.attributes.path, `${resource.path}.attributes.path`) ?? '');
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  const itemUrl = (resource: JsonApiResource): string =>
    new URL(
      fillTemplate(links.menuItemUrl, {
        id: resource.id,
        path: pathOf(resource),
        alias: readOptionalString(resource.attributes.alias, `${resource.path}.attributes.alias`) ?? '',
      }),
      links.siteUrl,
    ).href;

  return buildTree(
    resources.map((resource, index) => {
      const { attributes, path } = resource;
      const type = readOptionalString(attributes.type, `${path}.attributes.type`) ?? 'component';
      let url: string;
      if (type === 'url') {
        url = new URL(readString(attributes.link, `${path}.attributes.link`), links.siteUrl).href;
      } else if (type === 'alias') {
        const target = byId.get(scalarText(menuParams(resource).aliasoptions));
        url = target ? itemUrl(target) : '';
      } else if (type === 'separator' || type === 'heading') {
        url = '';
      } else {
        url = itemUrl(resource);
      }
      const node: Category = {
        id: resource.id,
        title: htmlToText(readString(attributes.title, `${path}.attributes.title`)),
        url,
      };
      return treeEntry(resource, node, index);
    }),
  );
}
