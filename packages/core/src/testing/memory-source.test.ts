import { describe, expect, it } from 'vitest';
import seed from '../../../../fixtures/seed-portal.json' with { type: 'json' };
import type { VisitorStats, ViewStats } from '../types.js';
import { isAbortError, SourceError } from '../sources/errors.js';
import { createMemorySource } from './memory-source.js';

// The test double shows that the plugin contract can be met in full: every capability,
// cancellation, errors and live subscriptions behave as DataSource documents.

function generatedArticles(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: `mau-${String(index + 1)}`,
    title: `Bài mẫu ${String(index + 1)}`,
    published: `2020-08-${String(index + 1).padStart(2, '0')}`,
    categoryId: index % 2 === 0 ? 'chan' : 'le',
    views: String(1000 - index * 10),
  }));
}

function nextValue<T>(subscribe: (observer: { next(value: T): void; error(error: SourceError): void }) => () => void) {
  return new Promise<{ value?: T; error?: SourceError; stop: () => void }>((resolve) => {
    const stop = subscribe({
      next: (value) => {
        resolve({ value, stop });
      },
      error: (error) => {
        resolve({ error, stop });
      },
    });
  });
}

describe('the plugin contract, met by the memory source', () => {
  it('gives the seed’s content in the core types', async () => {
    const source = createMemorySource(seed);
    const [article] = (await source.listArticles({})).items;
    expect(article?.title).toBe('Thoại Sơn: Hội nghị giao ban công tác dân vận tháng 8 năm 2020');
    await expect(source.getCategories()).resolves.toHaveLength(3);
    const banners = await source.getBanners('sidebar');
    expect(banners.map((banner) => banner.title)).toEqual(['Tiến tới đại hội đảng', 'Giải phóng miền Nam']);
    await expect(source.getVisitorStats()).resolves.toEqual({ guests: 69, members: 0 });
    await expect(source.getViewStats()).resolves.toEqual({ total: 18116910 });
  });

  it('pages through a list and filters by category', async () => {
    const source = createMemorySource({ articles: generatedArticles(25) });
    const first = await source.listArticles({ pageSize: 10 });
    expect(first).toMatchObject({ page: 1, pageSize: 10, total: 25, hasMore: true });
    expect(first.items[0]?.id).toBe('mau-25');
    const last = await source.listArticles({ pageSize: 10, page: 3 });
    expect(last.items).toHaveLength(5);
    expect(last.hasMore).toBe(false);
    const odd = await source.listArticles({ categoryId: 'le', order: 'most-read', pageSize: 3 });
    expect(odd.items.map((item) => item.id)).toEqual(['mau-2', 'mau-4', 'mau-6']);
  });

  it('rejects an unknown article as not-found', async () => {
    const source = createMemorySource(seed);
    await expect(source.getArticle('khong-co')).rejects.toMatchObject({ code: 'not-found', retryable: false });
  });

  it('shows only banners inside their publish window', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const source = createMemorySource(
      {
        banners: [
          { id: 'past', title: 'Hết hạn', position: 'sidebar', publishDown: '2025-12-31T00:00:00Z' },
          { id: 'future', title: 'Sắp tới', position: 'sidebar', publishUp: '2026-02-01T00:00:00Z' },
          { id: 'now', title: 'Đang chạy', position: 'sidebar', publishUp: '2025-01-01T00:00:00Z' },
          { id: 'other', title: 'Vị trí khác', position: 'top' },
        ],
      },
      { now: () => now },
    );
    expect((await source.getBanners('sidebar')).map((banner) => banner.id)).toEqual(['now']);
  });

  it('cancels a request through its AbortSignal', async () => {
    const source = createMemorySource(seed, { latency: 1000 });
    const controller = new AbortController();
    const request = source.getCategories({ signal: controller.signal });
    controller.abort();
    const error: unknown = await request.catch((caught: unknown) => caught);
    expect(isAbortError(error)).toBe(true);
  });

  it('delivers live stats: the current value, each change, a failure, then recovery', async () => {
    const source = createMemorySource(seed);
    const received: (VisitorStats | string)[] = [];
    const stop = source.subscribeVisitorStats({
      next: (stats) => received.push(stats),
      error: (error) => received.push(`error: ${error.code}`),
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    source.setVisitorStats({ guests: 70, members: 1 });
    source.failWith(new SourceError('network', 'offline'));
    source.failWith(undefined);
    stop();
    source.setVisitorStats({ guests: 71, members: 1 });
    expect(received).toEqual([
      { guests: 69, members: 0 },
      { guests: 70, members: 1 },
      'error: network',
      { guests: 70, members: 1 },
    ]);
    expect(source.subscriberCount).toBe(0);
  });

  it('ends a subscription when its signal aborts', async () => {
    const source = createMemorySource(seed);
    const controller = new AbortController();
    const { value } = await nextValue<ViewStats>((observer) =>
      source.subscribeViewStats(observer, { signal: controller.signal, interval: 30_000 }),
    );
    expect(value).toEqual({ total: 18116910 });
    expect(source.subscriberCount).toBe(1);
    controller.abort();
    expect(source.subscriberCount).toBe(0);
  });

  it('gives per-path view stats when a path is asked for', async () => {
    const source = createMemorySource({ ...seed, articles: [{ ...seed.articles[0]!, views: '42' }] });
    const path = seed.articles[0]!.url;
    await expect(source.getViewStats({ path })).resolves.toEqual({ total: 18116910, path, views: '42' });
  });
});
