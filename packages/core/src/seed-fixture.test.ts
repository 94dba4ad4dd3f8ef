import { describe, expect, it } from 'vitest';
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import { formatAuthors } from './format/authors.js';
import { formatDate } from './format/date.js';
import { formatInteger } from './format/integer.js';
import { formatVisitorPhrase } from './format/visitors.js';
import { slugify } from './text/slug.js';
import type { Article, Banner, Category, ViewStats, VisitorStats } from './types.js';

// The repository's copy of the seed portal's content: it type-checks as the core types, and
// core reproduces every text the seed page shows.
const articles: Article[] = seed.articles;
const categories: Category[] = seed.categories;
const banners: Banner[] = seed.banners;
const visitorStats: VisitorStats = seed.visitorStats;
const viewStats: ViewStats = seed.viewStats;

describe('the seed portal', () => {
  it('shows the visitor sentence and the view counter as the seed page does', () => {
    expect(formatVisitorPhrase(visitorStats, seed.site.locale)).toBe(seed.shown.visitorsText);
    expect(formatVisitorPhrase(visitorStats, 'vi')).toBe('Đang có 69\u00A0khách và không thành viên đang online');
    expect(formatInteger(viewStats.total, { locale: 'vi', grouping: 'off' })).toBe(seed.shown.viewsText);
  });

  it('shows the article’s date and byline as the seed page does', () => {
    const [article] = articles;
    expect(formatDate(article?.published, { locale: 'vi' })).toBe(seed.shown.articleDate);
    expect(formatAuthors(article?.authors, 'vi')).toBe(seed.shown.articleAuthors);
    expect(slugify(article?.title)).toBe(article?.id);
  });

  it('has the categories and banners the page shows', () => {
    expect(categories.map((category) => slugify(category.title))).toEqual(categories.map((category) => category.id));
    expect(banners.map((banner) => banner.title)).toEqual(['Tiến tới đại hội đảng', 'Giải phóng miền Nam']);
  });
});
