import type { Article, Banner, Category, ViewStats, VisitorStats } from '@portico/core';
import fixture from '../../../fixtures/seed-portal.json' with { type: 'json' };

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

/** The repository's copy of the seed portal's content, typed. A fresh copy per call site. */
export const seed: SeedPortal = structuredClone(fixture);
