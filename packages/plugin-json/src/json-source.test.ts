import { requireCapability, registerSource } from '@portico/core';
import { sourceErrorOf } from '@portico/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import { json, readPortalDocument } from './json-source.js';

const cleanUp: (() => void)[] = [];
afterEach(() => {
  cleanUp.splice(0).forEach((undo) => {
    undo();
  });
});

const samples = Array.from({ length: 23 }, (_, index) => ({
  id: `mau-${String(index + 1)}`,
  title: `Bài mẫu số ${String(index + 1)}`,
  published: `2020-07-${String(index + 1).padStart(2, '0')}`,
  categoryId: index % 2 === 0 ? 'chan' : 'le',
  views: index * 10,
}));

describe('json() with inline data', () => {
  it('takes the seed fixture as a valid document and serves every capability', async () => {
    const source = json({ data: seed });
    cleanUp.push(registerSource('seed-json', source));
    const getCategories = await requireCapability('seed-json', 'getCategories');
    expect((await getCategories()).map((category) => category.title)).toEqual([
      'Công tác dân vận - mặt trận',
      'Tiến tới đại hội đảng',
      'Giải phóng miền Nam',
    ]);
    const article = await source.getArticle!('thoai-son-hoi-nghi-giao-ban-cong-tac-dan-van-thang-8-nam-2020');
    expect(article.authors).toEqual(['Thúy Vân', 'Bá Siêu']);
    expect((await source.getBanners!('sidebar')).map((banner) => banner.id)).toEqual([
      'tien-toi-dai-hoi-dang',
      'giai-phong-mien-nam',
    ]);
    await expect(source.getVisitorStats!()).resolves.toEqual({ guests: 69, members: 0 });
    await expect(source.getViewStats!()).resolves.toEqual({ total: 18116910 });
    await expect(source.getViewStats!({ path: article.url })).resolves.toEqual({
      total: 18116910,
      path: article.url,
      views: 0,
    });
  });

  it('pages, filters and orders articles', async () => {
    const source = json({ data: { articles: samples } });
    const first = await source.listArticles!({ pageSize: 10 });
    expect(first).toMatchObject({ page: 1, pageSize: 10, total: 23, hasMore: true });
    expect(first.items[0]?.id).toBe('mau-23');
    const third = await source.listArticles!({ pageSize: 10, page: 3 });
    expect(third.items.map((item) => item.id)).toEqual(['mau-3', 'mau-2', 'mau-1']);
    expect(third.hasMore).toBe(false);
    const mostRead = await source.listArticles!({ categoryId: 'le', order: 'most-read', pageSize: 2 });
    expect(mostRead.items.map((item) => item.id)).toEqual(['mau-22', 'mau-20']);
  });

  it('rejects an unknown article and a missing part of the document clearly', async () => {
    const source = json({ data: { articles: [] } });
    expect(await sourceErrorOf(source.getArticle!('x'))).toMatchObject({ code: 'not-found' });
    const missing = await sourceErrorOf(source.getVisitorStats!());
    expect(missing).toMatchObject({ code: 'unsupported' });
    expect(missing.message).toBe('The JSON document has no "visitorStats".');
    await expect(source.getBanners!('sidebar')).resolves.toEqual([]);
  });

  it('names the bad field of an invalid document', () => {
    expect(() => json({ data: { articles: [{ id: 'a', title: ['x'], published: '2020-08-25' }] } })).toThrow(
      'In the data given to json(): articles[0].title must be a string, got a list.',
    );
    expect(() => readPortalDocument({ viewStats: { total: 'many' } })).toThrow(
      'In the JSON document: viewStats.total must be a whole number of 0 or more, got the text "many".',
    );
  });

  it('needs a url or data', () => {
    expect(() => json({})).toThrow('json() needs either a url or the data itself (not both).');
    expect(() => json({ url: '/a.json', data: {} })).toThrow(TypeError);
  });
});
