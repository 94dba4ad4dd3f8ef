import type { Article } from '@portico/core';
import type { SeedPortal } from '@portico/test-helpers/seed';
import fixture from '../../../../fixtures/seed-portal.json' with { type: 'json' };
import type { StoryLocale } from './locale.js';

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

/**
 * The seed's texts as the widgets show them in each locale. In Vietnamese, the seed page's
 * own (`seed.shown`); in English, the `en` phrases and `Intl`'s formats for the same content.
 */
const SEED_SHOWN: Record<StoryLocale, Readonly<SeedPortal['shown']>> = {
  vi: seed.shown,
  en: {
    visitorsTitle: "Who's Online",
    visitorsText: 'We have 69\u00A0guests and no members online',
    viewsTitle: 'Articles View Hits',
    // `grouping="off"`: the digits alone, in every locale.
    viewsText: seed.shown.viewsText,
    // The article's source tag, printed as it is: not a phrase.
    leadPrefix: seed.shown.leadPrefix,
    articleDate: 'Aug 25, 2020',
    articleAuthors: 'Thúy Vân and Bá Siêu',
  },
};

/** The seed's texts (`seed.shown`) as the widgets show them in `locale`: `seedShownIn(localeOf(globals))`. */
export function seedShownIn(locale: StoryLocale): Readonly<SeedPortal['shown']> {
  return SEED_SHOWN[locale];
}
