import type { Category } from '@portico/core';
import {
  consoleWarnOnce,
  htmlToText,
  readEach,
  readId,
  readObject,
  readOptionalBoolean,
  readOptionalNumber,
  readOptionalString,
  readString,
  type Warn,
} from '@portico/plugin-kit';

interface Node {
  category: Category;
  /** The key of the parent node, if it has one. */
  parent: string | undefined;
  order: number;
}

/**
 * Links nodes into a tree by their parent keys, keeping the given order. A node whose parent
 * is missing (left out, or in no answer we have) or whose parents loop is a top-level node.
 */
function buildTree(nodes: Map<string, Node>): Category[] {
  const roots: Category[] = [];
  const attachedTo = new Map<string, string>();
  const loops = (key: string, parentKey: string): boolean => {
    for (let current: string | undefined = parentKey; current !== undefined; current = attachedTo.get(current)) {
      if (current === key) return true;
    }
    return false;
  };
  const sorted = [...nodes].sort(([, a], [, b]) => a.order - b.order);
  for (const [key, node] of sorted) {
    const parent = node.parent === undefined ? undefined : nodes.get(node.parent);
    if (parent && node.parent !== undefined && !loops(key, node.parent)) {
      attachedTo.set(key, node.parent);
      (parent.category.children ??= []).push(node.category);
    } else {
      roots.push(node.category);
    }
  }
  return roots;
}

const warnInConsole = consoleWarnOnce('Portico wordpress');

function parentKey(value: unknown, path: string): string | undefined {
  const parent = readOptionalNumber(value, path);
  return parent === undefined || parent === 0 ? undefined : String(parent);
}

function readCategoryTerm(value: unknown, where: string, index: number): [string, Node] {
  const term = readObject(value, where);
  const id = readId(term.id, `${where}.id`);
  const count = readOptionalNumber(term.count, `${where}.count`);
  const category: Category = {
    id,
    title: htmlToText(readString(term.name, `${where}.name`)),
    url: readString(term.link, `${where}.link`),
  };
  if (count !== undefined) category.count = count;
  return [id, { category, parent: parentKey(term.parent, `${where}.parent`), order: index }];
}

/**
 * The category tree from `wp/v2/categories` answers: `name` as text (WordPress stores `&`
 * as `&amp;`), `link` as the url, `count` of published posts, children under `parent`. Each
 * term is read on its own: one that cannot be read is left out with a warning through `warn`
 * (its children move to the top), and the list fails only when none can be read.
 */
export function readCategoryTerms(terms: readonly unknown[], path: string, warn: Warn = warnInConsole): Category[] {
  const read = (value: unknown, index: number) => readCategoryTerm(value, `${path}[${String(index)}]`, index);
  return buildTree(new Map(readEach(terms, read, { warn })));
}

/** A published menu item keyed by its own id (which `parent` refers to), or `undefined` for a draft or a dead one. */
function readMenuItem(value: unknown, where: string, index: number): [string, Node] | undefined {
  const item = readObject(value, where);
  const status = readOptionalString(item.status, `${where}.status`);
  if ((status !== undefined && status !== 'publish') || readOptionalBoolean(item.invalid, `${where}.invalid`)) {
    return undefined;
  }
  const itemId = readId(item.id, `${where}.id`);
  const isCategory = item.type === 'taxonomy' && item.object === 'category' && item.object_id !== undefined;
  const title = readObject(item.title, `${where}.title`);
  const category: Category = {
    id: isCategory ? readId(item.object_id, `${where}.object_id`) : `menu-item-${itemId}`,
    title: htmlToText(readString(title.rendered, `${where}.title.rendered`)),
    url: readString(item.url, `${where}.url`),
  };
  return [
    itemId,
    {
      category,
      parent: parentKey(item.parent, `${where}.parent`),
      order: readOptionalNumber(item.menu_order, `${where}.menu_order`) ?? index,
    },
  ];
}

/**
 * A navigation menu from `wp/v2/menu-items?menus=…` as a category tree, in the menu's order.
 * A category item keeps the category's id (so it filters `listArticles`); other items (pages,
 * custom links) are `menu-item-<id>`. Drafts and items whose object was deleted are left out;
 * so is an item that cannot be read, with a warning through `warn` (the list fails only when
 * none can be read).
 */
export function readMenuItems(items: readonly unknown[], path: string, warn: Warn = warnInConsole): Category[] {
  // Keyed by the menu item's id, which `parent` refers to: a category may appear twice.
  const read = (value: unknown, index: number) => readMenuItem(value, `${path}[${String(index)}]`, index);
  return buildTree(new Map(readEach(items, read, { warn })));
}
