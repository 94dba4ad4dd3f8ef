import type { Article, Banner, Category, DataSource } from '@portico/core';
import { json, type PortalData } from '@portico/plugin-json';

/** What the demo portal shows, as the JSON plugin reads it from the seed's content. */
export interface PortalContent {
  site: { name: string; shortName: string };
  /** Each marked with `CONTENT_LANG`, as are the articles and banners. */
  categories: Category[];
  /** Newest first. */
  articles: Article[];
  /** The sidebar position's banners, in display order. */
  banners: Banner[];
  /** The site-wide view total the seed shows, which the stats service starts from. */
  viewTotal: string;
}

/** The sidebar's module position in the seed's banners. */
export const BANNER_POSITION = 'sidebar';

/** The most articles an article page's "latest news" list shows (other articles than its own). */
export const LATEST_COUNT = 4;

/**
 * The language of the CMS's content: the seed site is Vietnamese. Its titles, articles and
 * banners carry it as their `lang`, so the English page marks them (WCAG 3.1.2) and screen
 * readers read them as Vietnamese, while the page's and the widgets' own words are English.
 */
export const CONTENT_LANG = 'vi';

/** The category tree, each category (and subcategory) marked with the content's language. */
function inContentLang(categories: readonly Category[]): Category[] {
  return categories.map((category) => ({
    ...category,
    lang: category.lang ?? CONTENT_LANG,
    ...(category.children ? { children: inContentLang(category.children) } : {}),
  }));
}

interface SiteFields {
  site?: { name?: unknown; shortName?: unknown };
}

function readSite(document: unknown): PortalContent['site'] {
  const site = (document as SiteFields | null)?.site;
  if (typeof site?.name !== 'string' || site.name === '') {
    throw new TypeError('The portal document needs "site.name", the name the header shows.');
  }
  return { name: site.name, shortName: typeof site.shortName === 'string' ? site.shortName : site.name };
}

/**
 * Loads the portal's content from a Portico JSON document (the repository's copy of the
 * seed page's content) through the JSON plugin, as a site feeding widgets from JSON would:
 * the plugin validates it, and an invalid document fails the build naming the bad field.
 */
export async function loadPortalContent(document: unknown): Promise<PortalContent> {
  // The JSON plugin provides every capability of the source contract, and reads a document of
  // any shape as far as it can (hence the cast from unknown).
  const source = json({ data: document as PortalData }) as Required<DataSource>;
  const [categories, articlePage, banners, viewStats] = await Promise.all([
    source.getCategories(),
    source.listArticles({ pageSize: 100 }),
    source.getBanners(BANNER_POSITION),
    source.getViewStats(),
  ]);
  return {
    site: readSite(document),
    categories: inContentLang(categories),
    articles: articlePage.items.map((article) => ({ ...article, lang: article.lang ?? CONTENT_LANG })),
    banners: banners.map((banner) => ({ ...banner, lang: banner.lang ?? CONTENT_LANG })),
    viewTotal: String(viewStats.total),
  };
}

/** The category an article belongs to, or the first one that has it among its children. */
export function findCategory(categories: readonly Category[], id: string | undefined): Category | undefined {
  for (const category of categories) {
    if (category.id === id) return category;
    const child = findCategory(category.children ?? [], id);
    if (child) return child;
  }
  return undefined;
}
