/**
 * What the Portico Joomla proxy lets through, in one place: the routes the widgets read, the
 * query parameters each takes, and the fields of each answer. `php/portico-joomla-proxy.php`
 * holds the same rules; the tests check that both proxies answer alike.
 *
 * The proxy holds a Super User token, which can read everything: drafts, trashed items,
 * registered-only articles, scheduled and expired ones, admin notes. So beyond the route
 * allowlist it forces `filter[state]=1`, drops every item that is not published, not public
 * or outside its publishing window (and articles whose category is not shown), and keeps only
 * the fields the widgets use.
 */

export type ResourceKind = 'articles' | 'categories' | 'menu-items' | 'banners';

export interface ProxyRoute {
  /** Matches the end of the request's path, so the proxy can be mounted under any prefix. */
  match: RegExp;
  /** Joomla's path under `api/index.php`, with `{id}` for a single item. */
  upstream: string;
  kind: ResourceKind;
  single: boolean;
  /** Allowed query parameters: a pattern the value must match, or a value always sent. */
  params: Readonly<Record<string, RegExp | { always: string }>>;
}

const PAGE = { 'page[offset]': /^\d{1,7}$/, 'page[limit]': /^(?:100|[1-9]\d?)$/ } as const;
const ID = '(\\d{1,10})';

export const PROXY_ROUTES: readonly ProxyRoute[] = [
  {
    match: /\/v1\/content\/articles$/,
    upstream: '/v1/content/articles',
    kind: 'articles',
    single: false,
    params: {
      'filter[state]': { always: '1' },
      'filter[category]': /^\d{1,10}$/,
      'filter[language]': /^(?:\*|[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)$/,
      'filter[featured]': /^[01]$/,
      'list[ordering]': /^a\.(?:publish_up|created|modified|hits|title|id|ordering)$/,
      'list[direction]': /^(?:asc|desc|ASC|DESC)$/,
      ...PAGE,
    },
  },
  {
    match: new RegExp(`/v1/content/articles/${ID}$`),
    upstream: '/v1/content/articles/{id}',
    kind: 'articles',
    single: true,
    params: {},
  },
  {
    match: /\/v1\/content\/categories$/,
    upstream: '/v1/content/categories',
    kind: 'categories',
    single: false,
    params: PAGE,
  },
  {
    match: /\/v1\/menus\/site\/items$/,
    upstream: '/v1/menus/site/items',
    kind: 'menu-items',
    single: false,
    params: { 'filter[menutype]': /^[\w-]{1,24}$/, ...PAGE },
  },
  { match: /\/v1\/banners$/, upstream: '/v1/banners', kind: 'banners', single: false, params: PAGE },
  { match: new RegExp(`/v1/banners/${ID}$`), upstream: '/v1/banners/{id}', kind: 'banners', single: true, params: {} },
  // Banner positions are banner categories, named by alias: the widgets need their list.
  {
    match: /\/v1\/banners\/categories$/,
    upstream: '/v1/banners/categories',
    kind: 'categories',
    single: false,
    params: PAGE,
  },
];

export interface RouteMatch {
  route: ProxyRoute;
  /** Joomla's path: `/v1/content/articles/7`. */
  path: string;
}

export function matchRoute(pathname: string): RouteMatch | undefined {
  for (const route of PROXY_ROUTES) {
    const found = route.match.exec(pathname);
    if (found) return { route, path: route.upstream.replace('{id}', found[1] ?? '') };
  }
  return undefined;
}

/**
 * The query sent to Joomla: the allowed parameters in a fixed order (so equal requests share
 * a cache entry), forced values set, anything else dropped. A bad value of an allowed
 * parameter is refused with its name.
 */
export function upstreamQuery(route: ProxyRoute, search: URLSearchParams): { query: string } | { refused: string } {
  const parts: string[] = [];
  for (const [name, rule] of Object.entries(route.params)) {
    const value = rule instanceof RegExp ? search.get(name) : rule.always;
    if (value === null) continue;
    if (rule instanceof RegExp && !rule.test(value)) return { refused: name };
    parts.push(`${name}=${encodeURIComponent(value)}`);
  }
  return { query: parts.join('&') };
}

interface FieldRules {
  /** The attribute that says "published": 1. */
  state: 'state' | 'published';
  attributes: readonly string[];
  /** Object attributes of which only these keys pass. */
  nested: Readonly<Record<string, readonly string[]>>;
  relationships: readonly string[];
}

const CATEGORY_FIELDS: FieldRules = {
  state: 'published',
  attributes: [
    'id',
    'title',
    'alias',
    'published',
    'access',
    'parent_id',
    'level',
    'lft',
    'language',
    'count_published',
  ],
  nested: {},
  relationships: [],
};

export const FIELD_RULES: Readonly<Record<ResourceKind, FieldRules>> = {
  articles: {
    state: 'state',
    attributes: [
      'id',
      'title',
      'alias',
      'state',
      'access',
      'catid',
      'featured',
      'language',
      'created',
      'created_by_alias',
      'author_name',
      'modified',
      'publish_up',
      'publish_down',
      'hits',
      'images',
      'metadesc',
      'text',
      'introtext',
      'fulltext',
    ],
    nested: {
      images: [
        'image_intro',
        'image_intro_alt',
        'image_intro_alt_empty',
        'image_fulltext',
        'image_fulltext_alt',
        'image_fulltext_alt_empty',
      ],
    },
    relationships: ['category'],
  },
  categories: CATEGORY_FIELDS,
  'menu-items': {
    state: 'published',
    attributes: [
      'id',
      'menutype',
      'title',
      'alias',
      'path',
      'link',
      'type',
      'parent_id',
      'level',
      'lft',
      'published',
      'access',
      'browserNav',
      'home',
      'language',
      'publish_up',
      'publish_down',
      'params',
    ],
    nested: { params: ['menu_show', 'aliasoptions'] },
    relationships: [],
  },
  banners: {
    state: 'state',
    attributes: [
      'id',
      'name',
      'alias',
      'catid',
      'state',
      'type',
      'clickurl',
      'custombannercode',
      'params',
      'sticky',
      'ordering',
      'language',
      'publish_up',
      'publish_down',
      'imptotal',
      'impmade',
    ],
    nested: { params: ['imageurl', 'width', 'height', 'alt'] },
    relationships: [],
  },
};

/** Joomla's access levels a guest sees: Public (1) and Guest (5) on a standard install. */
export const DEFAULT_PUBLIC_ACCESS_LEVELS: readonly number[] = [1, 5];

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(source: JsonObject, keys: readonly string[]): JsonObject {
  const picked: JsonObject = {};
  for (const key of keys) if (key in source) picked[key] = source[key];
  return picked;
}

// `2020-08-25 03:00:00`: how Joomla stores and serves every date, in UTC.
const JOOMLA_DATE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:Z|[+-]00:?00)?$/;

/**
 * A Joomla date in ms since the epoch; `null` for "no date" (`null`, `""`, Joomla 3's
 * `0000-00-00 00:00:00`); `NaN` for anything else, which no window contains.
 */
export function joomlaTime(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return Number.NaN;
  const text = value.trim();
  if (text.startsWith('0000-00-00')) return null;
  const match = JOOMLA_DATE.exec(text);
  if (!match) return Number.NaN;
  const iso = `${match[1] ?? ''}T${match[2] ?? ''}`;
  const time = Date.parse(`${iso}Z`);
  // `2020-02-30` parses in some engines, as 1 March: refuse what does not read back the same.
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 19) !== iso ? Number.NaN : time;
}

/**
 * Whether `now` lies in the item's publishing window: from `publish_up` (none: from the start)
 * until `publish_down` (none: for ever). A date that does not read as one hides the item.
 */
export function isInWindow(attributes: JsonObject, now: number): boolean {
  const up = joomlaTime(attributes.publish_up);
  const down = joomlaTime(attributes.publish_down);
  return (up === null || up <= now) && (down === null || down > now);
}

/** The first time after `now` at which an item of the document comes up or goes down; `Infinity` for none. */
export function nextWindowChange(document: unknown, now: number): number {
  if (!isObject(document)) return Number.POSITIVE_INFINITY;
  const resources = Array.isArray(document.data) ? (document.data as unknown[]) : [document.data];
  let next = Number.POSITIVE_INFINITY;
  for (const resource of resources) {
    if (!isObject(resource) || !isObject(resource.attributes)) continue;
    for (const name of ['publish_up', 'publish_down']) {
      const time = joomlaTime(resource.attributes[name]);
      if (time !== null && time > now && time < next) next = time;
    }
  }
  return next;
}

function isPublic(attributes: JsonObject, rules: FieldRules, publicLevels: readonly number[], now: number): boolean {
  const state = attributes[rules.state];
  if (state !== 1 && state !== '1') return false;
  if (
    attributes.access !== undefined &&
    attributes.access !== null &&
    !publicLevels.includes(Number(attributes.access))
  )
    return false;
  return isInWindow(attributes, now);
}

/** The id of an article's category: its `category` relationship, else its `catid`. */
function categoryOf(resource: JsonObject): string | undefined {
  const related = isObject(resource.relationships) ? resource.relationships.category : undefined;
  const id = isObject(related) && isObject(related.data) ? related.data.id : (resource.attributes as JsonObject).catid;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** Joomla's root category, the parent of the top-level ones; the API never lists it. */
const ROOT_CATEGORY = '1';

/**
 * The ids of the categories whose articles the public may see, from the proxy's own
 * (public-only) answers for `/v1/content/categories`: a category shows when it and every
 * category above it is published and public, as on the site, where a branch under an
 * unpublished category is gone. A trashed or archived category is not in the list, so
 * neither are the categories under it.
 */
export function shownCategories(pages: readonly unknown[]): Set<string> {
  const parents = new Map<string, string>();
  for (const page of pages) {
    if (!isObject(page) || !Array.isArray(page.data)) continue;
    for (const category of page.data as unknown[]) {
      if (!isObject(category) || !isObject(category.attributes)) continue;
      parents.set(String(category.id), String(category.attributes.parent_id));
    }
  }
  const shown = new Set<string>();
  for (const id of parents.keys()) {
    // Up the tree to the root; a missing parent or a loop hides the branch.
    const path: string[] = [];
    let at: string | undefined = id;
    while (at !== undefined && at !== ROOT_CATEGORY && !shown.has(at) && !path.includes(at)) {
      path.push(at);
      at = parents.get(at);
    }
    if (at === ROOT_CATEGORY || (at !== undefined && shown.has(at))) for (const step of path) shown.add(step);
  }
  return shown;
}

/** Thrown for an answer that is not a JSON:API document of the route's kind. */
export class MalformedAnswer extends Error {
  override readonly name = 'MalformedAnswer';
}

/** What decides whether an item is shown, beyond its own fields. */
export interface Visibility {
  publicLevels: readonly number[];
  /** Milliseconds since the epoch. */
  now: number;
  /** For articles: the categories whose articles are shown (see `shownCategories`). */
  categories?: ReadonlySet<string> | undefined;
}

function cleanResource(resource: unknown, rules: FieldRules, visibility: Visibility): JsonObject | undefined {
  if (!isObject(resource) || !isObject(resource.attributes)) throw new MalformedAnswer('a resource without attributes');
  if (!isPublic(resource.attributes, rules, visibility.publicLevels, visibility.now)) return undefined;
  if (visibility.categories) {
    const category = categoryOf(resource);
    if (category === undefined || !visibility.categories.has(category)) return undefined;
  }
  const attributes: JsonObject = {};
  for (const [name, value] of Object.entries(pick(resource.attributes, rules.attributes))) {
    const keys = rules.nested[name];
    // An object attribute passes only its allowed keys; one that is not an object, not at all.
    if (keys === undefined || value === null) attributes[name] = value;
    else if (isObject(value)) attributes[name] = pick(value, keys);
  }
  const cleaned: JsonObject = { type: resource.type, id: resource.id, attributes };
  if (isObject(resource.relationships)) {
    const relationships = pick(resource.relationships, rules.relationships);
    if (Object.keys(relationships).length > 0) cleaned.relationships = relationships;
  }
  return cleaned;
}

/** `https://joomla.internal/api/index.php/v1/banners?page%5Boffset%5D=20` becomes `?page%5Boffset%5D=20`. */
function relativeLink(link: unknown): string | undefined {
  if (typeof link !== 'string') return undefined;
  const query = link.indexOf('?');
  return query === -1 || query === link.length - 1 ? undefined : link.slice(query);
}

/**
 * Joomla's answer as the proxy passes it on: only public, published items inside their
 * publishing window (and, for articles, in a shown category) with the fields the widgets use;
 * links made relative (Joomla writes its own, possibly internal, address into them); only
 * `total-pages` of the meta, which still counts the items left out, so a page may hold fewer
 * than `page[limit]`. `undefined` for a single item the public may not see; a
 * `MalformedAnswer` for anything that is not JSON:API.
 */
export function publicDocument(document: unknown, route: ProxyRoute, visibility: Visibility): JsonObject | undefined {
  if (!isObject(document)) throw new MalformedAnswer('not a JSON object');
  const rules = FIELD_RULES[route.kind];
  const cleaned: JsonObject = {};
  if (isObject(document.links)) {
    const links: JsonObject = {};
    for (const [name, link] of Object.entries(document.links)) {
      const relative = relativeLink(link);
      if (relative !== undefined) links[name] = relative;
    }
    if (Object.keys(links).length > 0) cleaned.links = links;
  }
  if (route.single) {
    const resource = cleanResource(document.data, rules, visibility);
    if (!resource) return undefined;
    cleaned.data = resource;
  } else {
    if (!Array.isArray(document.data)) throw new MalformedAnswer('no list in "data"');
    cleaned.data = document.data
      .map((resource) => cleanResource(resource, rules, visibility))
      .filter((resource) => resource !== undefined);
  }
  if (isObject(document.meta) && typeof document.meta['total-pages'] === 'number') {
    cleaned.meta = { 'total-pages': document.meta['total-pages'] };
  }
  return cleaned;
}
