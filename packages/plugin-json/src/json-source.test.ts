import { requireCapability, registerSource } from '@portico/core';
import { sourceErrorOf } from '@portico/core/testing';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import { json, readPortalDocument, type PortalData } from './json-source.js';

const cleanUp: (() => void)[] = [];

function silenceWarnings() {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  cleanUp.push(() => {
    warn.mockRestore();
  });
  return warn;
}
/** A document of another shape than the type's, as a CMS may send one: read as far as it can be. */
const asSent = (document: unknown): PortalData => document as PortalData;

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

  it('names the bad field of an invalid document, failing only the widgets that ask for that key', async () => {
    const warn = silenceWarnings();
    const source = json({
      data: asSent({ articles: [{ id: 'a', title: ['x'], published: '2020-08-25' }], categories: [] }),
    });
    expect(await sourceErrorOf(source.listArticles!({}))).toMatchObject({
      code: 'invalid-data',
      message: 'In the data given to json(): articles[0].title must be a string, got a list.',
    });
    await expect(source.getCategories!()).resolves.toEqual([]);
    expect(String(warn.mock.calls[0]?.[0])).toBe(
      'Portico json: In the data given to json(): articles[0].title must be a string, got a list. That item is left out.',
    );
    const document = readPortalDocument({ viewStats: { total: 'many' }, visitorStats: { guests: 1, members: 2 } });
    expect(document.problems?.viewStats?.message).toBe(
      'In the JSON document: viewStats.total must be a whole number of 0 or more, got the text "many".',
    );
    expect(document.visitorStats).toEqual({ guests: 1, members: 2 });
    expect(() => readPortalDocument([])).toThrow('the JSON document must be an object, got a list.');
  });

  it('reads each key and each item on its own: one bad field does not take the other widgets down', async () => {
    const warn = silenceWarnings();
    const source = json({
      data: asSent({
        categories: [
          { id: '1', title: 'N', url: '/n', count: '12' },
          { id: '2', title: null, url: '/x' },
        ],
        banners: [
          { id: 'b1', title: 'Banner', ordering: '1' },
          { id: 'b2', title: 'Hỏng', image: { alt: 'no src' } },
        ],
        visitorStats: { guests: 'many', members: 0 },
        viewStats: { total: '18116910' },
      }),
    });
    await expect(source.getCategories!()).resolves.toEqual([{ id: '1', title: 'N', url: '/n', count: 12 }]);
    await expect(source.getBanners!('sidebar')).resolves.toEqual([{ id: 'b1', title: 'Banner', ordering: 1 }]);
    await expect(source.getViewStats!()).resolves.toEqual({ total: '18116910' });
    expect(await sourceErrorOf(source.getVisitorStats!())).toMatchObject({
      code: 'invalid-data',
      message:
        'In the data given to json(): visitorStats.guests must be a whole number of 0 or more, got the text "many".',
    });
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      'Portico json: In the data given to json(): categories[1].title must be a string, got null. That item is left out.',
      'Portico json: In the data given to json(): banners[1].image.src must be a string, got nothing. That item is left out.',
      'Portico json: In the data given to json(): visitorStats.guests must be a whole number of 0 or more, got the text "many". Widgets asking for its visitorStats show their error state.',
    ]);
  });

  it('warns when a visitor count is beyond what a number holds, rather than losing its digits silently', async () => {
    const warn = silenceWarnings();
    const source = json({ data: asSent({ visitorStats: { guests: '123456789012345678901', members: 0 } }) });
    await expect(source.getVisitorStats!()).resolves.toEqual({ guests: Number('123456789012345678901'), members: 0 });
    expect(warn).toHaveBeenCalledWith(
      'Portico json: In the data given to json(): visitorStats.guests is 123456789012345678901, more than a number holds exactly (2^53); it is passed on as 123456789012345680000.',
    );
  });

  it('types the data as a Portico document: the core types, other keys allowed', async () => {
    silenceWarnings();
    const typed = json({
      data: { ...seed, viewStats: { total: 18116910n }, site: { name: 'Thoại Sơn' } },
    });
    await expect(typed.getViewStats!()).resolves.toEqual({ total: 18116910n });
    // @ts-expect-error -- a category without its url is not a Category.
    json({ data: { categories: [{ id: '1', title: 'N' }] } });
    // @ts-expect-error -- visitor counts are numbers.
    json({ data: { visitorStats: { guests: 'many', members: 0 } } });
  });

  it('needs a url or data, and says which mistake was made', () => {
    expect(() => json({})).toThrow(new TypeError('json() needs a url or the data itself, and was given neither.'));
    expect(() => json({ url: '/a.json', data: {} })).toThrow(
      new TypeError('json() takes a url or the data itself, not both.'),
    );
  });
});

describe('json() options', () => {
  it('warns of an option it does not take, such as maxage for maxAge, and still works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => {
      warn.mockRestore();
    });
    const source = json({ data: seed, maxage: 5 } as Parameters<typeof json>[0]);
    expect(warn).toHaveBeenCalledWith(
      'Portico: json() does not take the option "maxage", which is ignored; it takes "url", "data", "maxAge", "timeout", "fetch". Did you mean "maxAge"?',
    );
    expect(await source.getCategories!()).toHaveLength(seed.categories.length);
  });
});
