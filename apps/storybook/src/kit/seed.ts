import type { Article, Banner, Category, ViewStats, VisitorStats } from '@portico/core';
import fixture from '../../../../fixtures/seed-portal.json' with { type: 'json' };

/** The repository's copy of the seed portal's content (fixtures/seed-portal.json). */
export interface SeedPortal {
  site: { name: string; shortName: string; locale: string };
  visitorStats: VisitorStats;
  viewStats: ViewStats;
  categories: Category[];
  banners: Banner[];
  articles: Article[];
  /** Texts exactly as the seed page shows them. */
  shown: {
    visitorsTitle: string;
    visitorsText: string;
    viewsTitle: string;
    viewsText: string;
    leadPrefix: string;
    articleDate: string;
    articleAuthors: string;
  };
}

const typed: SeedPortal = fixture;

/** A fresh copy of the seed's content: stories may hand it to widgets and sources freely. */
export function seedContent(): SeedPortal {
  return structuredClone(typed);
}

/** The seed's content (read only: take `seedContent()` for a copy to change). */
export const seed: Readonly<SeedPortal> = seedContent();

/** The seed's one article. */
export const seedArticle: Article = (() => {
  const [article] = typed.articles;
  if (!article) throw new Error('fixtures/seed-portal.json has no article');
  return structuredClone(article);
})();
