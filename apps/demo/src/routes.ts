import type { Article, Category } from '@portico/core';
import { findCategory, type PortalContent } from './content.js';
import { PAGE_LOCALES, type PageLocale } from './page-text.js';

/** One page of the demo portal, in one language. */
export interface PortalPage {
  /** Where it is served: `/`, `/en/`, `/cong-tac-dan-van-mat-tran`, `/en/404.html`, … */
  path: string;
  locale: PageLocale;
  /** The same page in every language, for the language switch (for the not-found page, the home pages). */
  alternates: Record<PageLocale, string>;
  /** Where its views count: one path for every language, so a view is not counted twice. */
  statsPath: string;
  /** Whether opening it counts a view (an article read, as Joomla counts hits) or only presence. */
  countsView: boolean;
  /** The category marked current in the menu. */
  category?: Category | undefined;
  /** The article shown in full; else the category's list, or the not-found text. */
  article?: Article | undefined;
  notFound?: boolean;
}

/** A site path in a language: Vietnamese at the root, English under `/en`. */
export function localizePath(path: string, locale: PageLocale): string {
  if (locale === 'vi' || !path.startsWith('/') || path.startsWith('//')) return path;
  return path === '/' ? '/en/' : `/en${path}`;
}

/** The category tree with its links into the given language's pages. */
export function localizeCategories(categories: readonly Category[], locale: PageLocale): Category[] {
  return categories.map((category) => ({
    ...category,
    url: localizePath(category.url, locale),
    ...(category.children ? { children: localizeCategories(category.children, locale) } : {}),
  }));
}

function allCategories(categories: readonly Category[]): Category[] {
  return categories.flatMap((category) => [category, ...allCategories(category.children ?? [])]);
}

/** The file a page is written to under the public folder: `x/index.html` for `/x`. */
export function fileForPath(path: string): string {
  if (path.endsWith('.html')) return path.slice(1);
  return `${path.replace(/^\/|\/$/g, '')}/index.html`.replace(/^\//, '');
}

/** A base path's address in each page language. */
function inEveryLocale(basePath: string): Record<PageLocale, string> {
  return Object.fromEntries(PAGE_LOCALES.map((locale) => [locale, localizePath(basePath, locale)])) as Record<
    PageLocale,
    string
  >;
}

/**
 * Every page the demo serves, in every language: the home page (the seed page: its article
 * in full), each article at its own address, each category's list, and a not-found page.
 */
export function portalPages(content: PortalContent): PortalPage[] {
  const [leadArticle] = content.articles;
  const bases: Omit<PortalPage, 'path' | 'locale' | 'alternates'>[] = [];
  const basePaths: string[] = [];
  const add = (path: string, page: Omit<PortalPage, 'path' | 'locale' | 'alternates'>): void => {
    basePaths.push(path);
    bases.push(page);
  };
  if (leadArticle) {
    add('/', {
      statsPath: leadArticle.url ?? '/',
      countsView: true,
      article: leadArticle,
      category: findCategory(content.categories, leadArticle.categoryId),
    });
  } else {
    add('/', { statsPath: '/', countsView: false });
  }
  for (const article of content.articles) {
    if (!article.url?.startsWith('/')) continue;
    add(article.url, {
      statsPath: article.url,
      countsView: true,
      article,
      category: findCategory(content.categories, article.categoryId),
    });
  }
  for (const category of allCategories(content.categories)) {
    if (!category.url.startsWith('/') || basePaths.includes(category.url)) continue;
    add(category.url, { statsPath: category.url, countsView: false, category });
  }
  add('/404.html', { statsPath: '/404.html', countsView: false, notFound: true });

  return PAGE_LOCALES.flatMap((locale) =>
    bases.map((base, index) => {
      const alternates = inEveryLocale(basePaths[index] ?? '/');
      // The not-found page stands for any missing address: its other languages are their home
      // pages, not a page called 404.html.
      return { ...base, path: alternates[locale], locale, alternates: base.notFound ? inEveryLocale('/') : alternates };
    }),
  );
}
