import { isSourceError } from '@portico/core';
import { describe, expect, it } from 'vitest';
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import { readArticle, readBanner, readCategory, readList, readViewStats, readVisitorStats } from './portal-data.js';

function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (isSourceError(error) && error.code === 'invalid-data') return error.message;
    throw error;
  }
  throw new Error('expected an invalid-data error');
}

describe('reading portal data', () => {
  it('reads the seed portal, ignoring fields it does not know', () => {
    expect(readList(seed.articles, 'articles', readArticle)[0]?.title).toBe(
      'Thoại Sơn: Hội nghị giao ban công tác dân vận tháng 8 năm 2020',
    );
    expect(readList(seed.categories, 'categories', readCategory)).toHaveLength(3);
    expect(readList(seed.banners, 'banners', readBanner).map((banner) => banner.title)).toEqual([
      'Tiến tới đại hội đảng',
      'Giải phóng miền Nam',
    ]);
    expect(readVisitorStats(seed.visitorStats, 'visitorStats')).toEqual({ guests: 69, members: 0 });
    expect(readViewStats({ total: '18116910', extra: true }, 'viewStats')).toEqual({ total: '18116910' });
  });

  it('names the bad field', () => {
    expect(messageOf(() => readList([{ id: 'a', title: 7, published: '2020-08-25' }], 'articles', readArticle))).toBe(
      'articles[0].title must be a string, got a number.',
    );
    expect(messageOf(() => readCategory({ id: 'x', title: 'X' }, 'categories[0]'))).toBe(
      'categories[0].url must be a string, got nothing.',
    );
    expect(messageOf(() => readViewStats({ total: -1 }, 'viewStats'))).toBe(
      'viewStats.total must be a whole number of 0 or more, got a number.',
    );
    expect(messageOf(() => readBanner({ id: 'b', title: 'B', image: { alt: 'x' } }, 'banners[1]'))).toBe(
      'banners[1].image.src must be a string, got nothing.',
    );
    expect(messageOf(() => readList('nope', 'articles', readArticle))).toBe(
      'articles must be a list, got the text "nope".',
    );
  });

  it('takes null for a missing optional field, as CMS answers give it', () => {
    const article = readArticle(
      { id: 7, title: 'Tin', published: '2020-08-25', categoryId: null, lead: null, image: null },
      'articles[0]',
    );
    expect(article).toEqual({ id: '7', title: 'Tin', published: '2020-08-25' });
    expect(readVisitorStats({ guests: 3, members: 1, bots: null }, 'visitorStats')).toEqual({ guests: 3, members: 1 });
    expect(readArticle({ id: 7, title: 'Tin', published: '2020-08-25', categoryId: 12 }, 'a').categoryId).toBe('12');
    expect(readVisitorStats({ guests: 3, members: 1, bots: '2' }, 'visitorStats').bots).toBe(2);
    expect(messageOf(() => readVisitorStats({ guests: 3, members: 1, bots: -1 }, 'visitorStats'))).toBe(
      'visitorStats.bots must be a whole number of 0 or more, got a number.',
    );
  });

  it('carries the language of an article’s, a category’s and a banner’s own text', () => {
    expect(readArticle({ id: 'a', title: 'Tin', published: '2020-08-25', lang: 'vi' }, 'articles[0]').lang).toBe('vi');
    const categories = readList(
      [
        {
          id: 'x',
          title: 'Giải phóng miền Nam',
          url: '/x',
          lang: 'vi',
          children: [{ id: 'y', title: 'Mặt trận', url: '/y', lang: 'vi-VN' }],
        },
        { id: 'z', title: 'Elections', url: '/z', lang: null },
      ],
      'categories',
      readCategory,
    );
    expect(categories).toEqual([
      {
        id: 'x',
        title: 'Giải phóng miền Nam',
        url: '/x',
        lang: 'vi',
        children: [{ id: 'y', title: 'Mặt trận', url: '/y', lang: 'vi-VN' }],
      },
      { id: 'z', title: 'Elections', url: '/z' },
    ]);
    expect(readBanner({ id: 'b', title: 'Tiến tới đại hội đảng', lang: 'vi' }, 'banners[0]')).toEqual({
      id: 'b',
      title: 'Tiến tới đại hội đảng',
      lang: 'vi',
    });
    expect(messageOf(() => readBanner({ id: 'b', title: 'B', lang: 7 }, 'banners[0]'))).toBe(
      'banners[0].lang must be a string, got a number.',
    );
    expect(messageOf(() => readCategory({ id: 'x', title: 'X', url: '/x', lang: ['vi'] }, 'categories[0]'))).toBe(
      'categories[0].lang must be a string, got a list.',
    );
  });

  it('keeps counts beyond 2^53 exact', () => {
    expect(readViewStats({ total: '123456789012345678901234567890' }, 'viewStats').total).toBe(
      '123456789012345678901234567890',
    );
  });

  it('does not lose a visitor count’s digits silently: VisitorStats holds numbers, so it warns with every digit', () => {
    const warnings: string[] = [];
    const stats = readVisitorStats(
      { guests: '123456789012345678901', members: '7', bots: 2 },
      'visitorStats',
      (message) => warnings.push(message),
    );
    expect(stats).toEqual({ guests: Number('123456789012345678901'), members: 7, bots: 2 });
    expect(warnings).toEqual([
      'visitorStats.guests is 123456789012345678901, more than a number holds exactly (2^53); it is passed on as 123456789012345680000.',
    ]);
  });

  it('takes counts and orderings written as numbers in text, as the widgets do', () => {
    expect(readCategory({ id: '1', title: 'N', url: '/n', count: '12' }, 'categories[0]').count).toBe(12);
    expect(readBanner({ id: 'b', title: 'B', ordering: ' 1 ' }, 'banners[0]').ordering).toBe(1);
    expect(messageOf(() => readCategory({ id: '1', title: 'N', url: '/n', count: 'nhiều' }, 'categories[0]'))).toBe(
      'categories[0].count must be a number, got the text "nhiều".',
    );
  });

  it('leaves out a category’s bad child with a warning, keeping the category and its other children', () => {
    const warnings: string[] = [];
    const category = readCategory(
      {
        id: 'x',
        title: 'X',
        url: '/x',
        children: [
          { id: 'y', title: 'Y', url: '/y' },
          { id: 'z', title: null, url: '/z' },
        ],
      },
      'categories[0]',
      (message) => warnings.push(message),
    );
    expect(category).toEqual({ id: 'x', title: 'X', url: '/x', children: [{ id: 'y', title: 'Y', url: '/y' }] });
    expect(warnings).toEqual(['categories[0].children[1].title must be a string, got null. That item is left out.']);
  });
});
