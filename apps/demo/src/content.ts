import type { Article, Banner, Category, DataSource } from '@portico/core';
import { json } from '@portico/plugin-json';

/** What the demo portal shows, as the JSON plugin reads it from the seed's content. */
export interface PortalContent {
  site: { name: string; shortName: string };
  categories: Category[];
  /** Newest first; each marked `lang: 'vi'`, since the English page keeps them Vietnamese. */
  articles: Article[];
  /** The sidebar position's banners, in display order. */
  banners: Banner[];
  /** The site-wide view total the seed shows, which the stats service starts from. */
  viewTotal: string;
}

/** The sidebar's module position in the seed's banners. */
export const BANNER_POSITION = 'sidebar';

/** The articles the home page's list shows; the seed has fewer, so samples fill the rest. */
export const LATEST_COUNT = 4;

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
  // The JSON plugin provides every capability of the source contract.
  const source = json({ data: document }) as Required<DataSource>;
  const [categories, articlePage, banners, viewStats] = await Promise.all([
    source.getCategories(),
    source.listArticles({ pageSize: 100 }),
    source.getBanners(BANNER_POSITION),
    source.getViewStats(),
  ]);
  return {
    site: readSite(document),
    categories,
    articles: articlePage.items.map((article) => ({ ...article, lang: article.lang ?? 'vi' })),
    banners,
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
