import type { Article } from '@portico/core';
import type { SeedPortal } from '@portico/test-helpers/seed';
import fixture from '../../../../fixtures/seed-portal.json' with { type: 'json' };

// The same type the widgets' tests use; its own entry point keeps the browser helpers out.
export type { SeedPortal };

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
