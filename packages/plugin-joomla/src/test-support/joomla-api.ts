/**
 * Joomla 5's Web Services, rendered from a table of rows (src/fixtures/joomla-site.json) the
 * way Joomla renders them, for tests in Node and in the browser:
 * - fields: each view's `$fieldsToRenderList` / `$fieldsToRenderItem`
 *   (api/components/com_content/src/View/Articles/JsonapiView.php and its siblings), in the
 *   rows' column order, as `JoomlaSerializer::getAttributes` intersects them;
 * - articles: `text` is `introtext . ' ' . fulltext`, images resolved with `Uri::root()` unless
 *   already absolute (Api\Helper\ContentHelper::resolve), relationships `category`,
 *   `created_by`, `tags` (and `modified_by` for one article), as ContentSerializer builds them;
 * - paging: `page[offset]` and `page[limit]` (20 by default), `meta.total-pages`, `links.self`
 *   as requested, `first`/`previous` after the first page, `next`/`last` before the last one,
 *   with brackets percent-encoded (JsonApiView::queryEncode); an offset past the end is a 404;
 * - filters: only those the API controllers read (articles: `filter[state]`, `[category]`,
 *   `[language]`, `list[ordering]`, `list[direction]`; menu items: `filter[menutype]`); the
 *   other lists ignore filters and give published and unpublished rows, as the admin models do;
 * - errors: tobscure/json-api error documents, `{"errors":[{"title":"Forbidden"}]}` for a
 *   missing token (AuthenticationFailedExceptionHandler) and `Resource not found` (404).
 */

export type Row = Record<string, unknown>;

export interface JoomlaSite {
  categories: Row[];
  articles: Row[];
  menuItems: Row[];
  bannerCategories: Row[];
  banners: Row[];
}

export interface JoomlaAnswer {
  status: number;
  body: unknown;
}

const ARTICLE_FIELDS = [
  'id',
  'typeAlias',
  'asset_id',
  'title',
  'text',
  'tags',
  'language',
  'state',
  'category',
  'images',
  'metakey',
  'metadesc',
  'metadata',
  'access',
  'featured',
  'alias',
  'note',
  'publish_up',
  'publish_down',
  'urls',
  'created',
  'created_by',
  'created_by_alias',
  'modified',
  'hits',
  'version',
  'featured_up',
  'featured_down',
];
const CATEGORY_FIELDS = [
  'id',
  'title',
  'alias',
  'note',
  'published',
  'access',
  'checked_out',
  'checked_out_time',
  'created_user_id',
  'parent_id',
  'level',
  'lft',
  'rgt',
  'language',
  'language_title',
  'language_image',
  'editor',
  'access_level',
  'author_name',
  'count_trashed',
  'count_unpublished',
  'count_published',
  'count_archived',
  'params',
  'description',
];
const MENU_ITEM_FIELDS = [
  'id',
  'menutype',
  'title',
  'alias',
  'note',
  'path',
  'link',
  'type',
  'parent_id',
  'level',
  'a.published',
  'component_id',
  'checked_out',
  'checked_out_time',
  'browserNav',
  'access',
  'img',
  'template_style_id',
  'params',
  'lft',
  'rgt',
  'home',
  'language',
  'client_id',
  'enabled',
  'publish_up',
  'publish_down',
  'published',
  'language_title',
  'language_image',
  'language_sef',
  'editor',
  'componentname',
  'access_level',
  'menutype_id',
  'menutype_title',
  'association',
  'name',
];
const BANNER_LIST_FIELDS = [
  'id',
  'name',
  'alias',
  'checked_out',
  'checked_out_time',
  'catid',
  'clicks',
  'metakey',
  'sticky',
  'impmade',
  'imptotal',
  'state',
  'ordering',
  'purchase_type',
  'language',
  'publish_up',
  'publish_down',
  'language_image',
  'editor',
  'category_title',
  'client_name',
  'client_purchase_type',
];
const BANNER_ITEM_FIELDS = [
  'typeAlias',
  'id',
  'cid',
  'type',
  'name',
  'alias',
  'imptotal',
  'impmade',
  'clicks',
  'clickurl',
  'state',
  'catid',
  'description',
  'custombannercode',
  'sticky',
  'ordering',
  'metakey',
  'params',
  'own_prefix',
  'metakey_prefix',
  'purchase_type',
  'track_clicks',
  'track_impressions',
  'checked_out',
  'checked_out_time',
  'publish_up',
  'publish_down',
  'reset',
  'created',
  'language',
  'created_by',
  'created_by_alias',
  'modified',
  'modified_by',
  'version',
  'contenthistoryHelper',
];

export const FORBIDDEN = { errors: [{ title: 'Forbidden' }] };
export const NOT_FOUND = { errors: [{ title: 'Resource not found' }] };
/** tobscure's FallbackExceptionHandler, with Joomla's debug mode off. */
export const INTERNAL_ERROR = { errors: [{ code: 500, title: 'Internal server error' }] };

function only(row: Row, fields: readonly string[]): Row {
  return Object.fromEntries(Object.entries(row).filter(([key]) => fields.includes(key)));
}

/** `http://host/api/index.php/v1/x?page[offset]=20` with Joomla's bracket encoding. */
function encodeBrackets(url: string): string {
  return url.replaceAll('[', '%5B').replaceAll(']', '%5D');
}

function pageLink(url: URL, offset: number, limit: number): string {
  const pairs = [...url.searchParams.entries()].filter(([key]) => !key.startsWith('page['));
  const pageAt = [...url.searchParams.keys()].findIndex((key) => key.startsWith('page['));
  const page: [string, string][] = [
    ['page[offset]', String(offset)],
    ['page[limit]', String(limit)],
  ];
  pairs.splice(pageAt === -1 ? pairs.length : pageAt, 0, ...page);
  const query = pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return encodeBrackets(`${url.origin}${url.pathname}?${query}`);
}

function list(url: URL, rows: Row[], type: string, resource: (row: Row) => Row): JoomlaAnswer {
  const offsetParam = url.searchParams.get('page[offset]');
  const offset = Number(offsetParam ?? 0);
  const limit = Number(url.searchParams.get('page[limit]') ?? 20);
  if (offsetParam !== null && offset > rows.length) return { status: 404, body: NOT_FOUND };
  const pagesTotal = Math.ceil(rows.length / limit);
  const links: Record<string, string> = { self: url.href };
  if (offset > 0) {
    links.first = pageLink(url, 0, limit);
    links.previous = pageLink(url, Math.max(0, offset - limit), limit);
  }
  if (offset + limit < pagesTotal * limit) {
    links.next = pageLink(url, offset + limit, limit);
    links.last = pageLink(url, (pagesTotal - 1) * limit, limit);
  }
  return {
    status: 200,
    body: {
      links,
      data: rows.slice(offset, offset + limit).map((row) => ({ type, id: String(row.id), ...resource(row) })),
      meta: { 'total-pages': pagesTotal },
    },
  };
}

function item(url: URL, row: Row | undefined, type: string, resource: (row: Row) => Row): JoomlaAnswer {
  if (!row) return { status: 404, body: NOT_FOUND };
  return {
    status: 200,
    body: { links: { self: `${url.origin}${url.pathname}` }, data: { type, id: String(row.id), ...resource(row) } },
  };
}

function articleResource(site: JoomlaSite, root: string, row: Row, single: boolean): Row {
  const images = { ...(row.images as Row) };
  for (const key of ['image_intro', 'image_fulltext']) {
    const value = images[key];
    if (typeof value === 'string' && value !== '' && !value.startsWith('http')) images[key] = `${root}${value}`;
  }
  const prepared: Row = {
    ...row,
    images,
    typeAlias: 'com_content.article',
    text: `${String(row.introtext)} ${String(row.fulltext)}`,
    tags: [],
  };
  const category = site.categories.find((candidate) => candidate.id === row.catid);
  const relationships: Row = {
    category: { data: { type: 'categories', id: String(category?.id ?? row.catid) } },
    created_by: { data: { type: 'users', id: String(row.created_by) } },
    tags: { data: [] },
  };
  if (single) relationships.modified_by = { data: { type: 'users', id: String(row.modified_by) } };
  return { attributes: only(prepared, single ? [...ARTICLE_FIELDS, 'modified_by'] : ARTICLE_FIELDS), relationships };
}

function categoryResource(site: JoomlaSite, row: Row): Row {
  const articles = site.articles.filter((article) => article.catid === row.id);
  const count = (state: number): number => articles.filter((article) => article.state === state).length;
  return {
    attributes: only(
      {
        ...row,
        language_title: null,
        language_image: null,
        access_level: row.access === 1 ? 'Public' : 'Registered',
        count_trashed: count(-2),
        count_unpublished: count(0),
        count_published: count(1),
        count_archived: count(2),
        params: { category_layout: '', image: '', image_alt: '' },
        description: '',
      },
      CATEGORY_FIELDS,
    ),
  };
}

/** The admin list models' default: published and unpublished rows, not trashed or archived ones. */
function notTrashed(rows: Row[], stateField: string): Row[] {
  return rows.filter((row) => row[stateField] === 0 || row[stateField] === 1);
}

function byLft(a: Row, b: Row): number {
  return Number(a.lft) - Number(b.lft);
}

function articleRows(site: JoomlaSite, url: URL): Row[] {
  const state = url.searchParams.get('filter[state]');
  let rows = site.articles.filter((row) =>
    state === null ? row.state === 0 || row.state === 1 : row.state === Number(state),
  );
  const categoryId = url.searchParams.get('filter[category]');
  if (categoryId !== null) {
    // The admin model takes the category's whole branch (lft..rgt).
    const category = site.categories.find((row) => row.id === Number(categoryId));
    const branch = site.categories
      .filter((row) => category && Number(row.lft) >= Number(category.lft) && Number(row.rgt) <= Number(category.rgt))
      .map((row) => row.id);
    rows = rows.filter((row) => branch.includes(row.catid));
  }
  const language = url.searchParams.get('filter[language]');
  if (language !== null) rows = rows.filter((row) => row.language === language);
  const ordering = (url.searchParams.get('list[ordering]') ?? 'a.id').replace(/^a\./, '');
  const direction = (url.searchParams.get('list[direction]') ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = a[ordering] as string | number;
    const right = b[ordering] as string | number;
    return (left < right ? -1 : left > right ? 1 : 0) * direction || Number(b.id) - Number(a.id);
  });
}

/**
 * Joomla's answer to an authenticated request for `url` (`http://host/api/index.php/v1/…`),
 * or `undefined` for a route it does not have.
 */
export function joomlaAnswer(site: JoomlaSite, url: URL): JoomlaAnswer {
  const root = `${url.origin}/`;
  // After `/api/index.php` on a Joomla site, or after a proxy's own prefix.
  const route = url.pathname.slice(Math.max(0, url.pathname.indexOf('/v1/')));
  let found: RegExpExecArray | null;
  if (route === '/v1/content/articles') {
    return list(url, articleRows(site, url), 'articles', (row) => articleResource(site, root, row, false));
  }
  if ((found = /^\/v1\/content\/articles\/(\d+)$/.exec(route))) {
    const row = site.articles.find((candidate) => candidate.id === Number(found?.[1]));
    return item(url, row, 'articles', (article) => articleResource(site, root, article, true));
  }
  if (route === '/v1/content/categories') {
    return list(url, notTrashed(site.categories, 'published').sort(byLft), 'categories', (row) =>
      categoryResource(site, row),
    );
  }
  if (route === '/v1/banners/categories') {
    return list(url, notTrashed(site.bannerCategories, 'published').sort(byLft), 'categories', (row) =>
      categoryResource({ ...site, articles: [] }, row),
    );
  }
  if (route === '/v1/menus/site/items') {
    const menutype = url.searchParams.get('filter[menutype]');
    const rows = notTrashed(site.menuItems, 'published').filter(
      (row) => menutype === null || row.menutype === menutype,
    );
    return list(url, rows.sort(byLft), 'items', (row) => ({
      attributes: only(
        { ...row, enabled: 1, componentname: 'com_content', menutype_title: 'Main Menu' },
        MENU_ITEM_FIELDS,
      ),
    }));
  }
  if (route === '/v1/banners') {
    const rows = notTrashed(site.banners, 'state').sort((a, b) => Number(a.ordering) - Number(b.ordering));
    return list(url, rows, 'banners', (row) => ({
      attributes: only(
        { ...row, category_title: site.bannerCategories.find((category) => category.id === row.catid)?.title ?? null },
        BANNER_LIST_FIELDS,
      ),
    }));
  }
  if ((found = /^\/v1\/banners\/(\d+)$/.exec(route))) {
    const row = site.banners.find((candidate) => candidate.id === Number(found?.[1]));
    return item(url, row, 'banners', (banner) => ({
      attributes: only({ ...banner, typeAlias: 'com_banners.banner', contenthistoryHelper: {} }, BANNER_ITEM_FIELDS),
    }));
  }
  return { status: 404, body: NOT_FOUND };
}

/**
 * A `fetch` that answers like a Joomla site at `origin`: for tests without a server. Records
 * every request; checks the token when one is given.
 */
export function joomlaFetch(site: JoomlaSite, options: { token?: string; requests?: URL[] } = {}): typeof fetch {
  return (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    options.requests?.push(url);
    const token = new Headers(init?.headers).get('x-joomla-token');
    const { status, body } =
      options.token !== undefined && token !== options.token
        ? { status: 401, body: FORBIDDEN }
        : joomlaAnswer(site, url);
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' },
      }),
    );
  };
}
