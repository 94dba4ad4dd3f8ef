import { requireCapability, unregisterSource } from '@portico/core';
import { applyPageConfig, clearCache, type SourceFactory } from '@portico/plugin-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import categories from './fixtures/categories.json' with { type: 'json' };
import indexNoViews from './fixtures/index-no-views.json' with { type: 'json' };
import menuItems from './fixtures/menu-items.json' with { type: 'json' };
import { collectionRoute, fakeWordPress } from './test-support/fake-wordpress.js';
import { wordpress } from './wordpress-source.js';

// The options come from JSON; wordpress() checks them itself and throws a TypeError naming the bad one.
const types: Record<string, SourceFactory> = { wordpress };

function block(json: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.dataset.portico = '';
  script.textContent = json;
  document.body.append(script);
  return script;
}

afterEach(() => {
  document.querySelectorAll('script[data-portico]').forEach((script) => {
    script.remove();
  });
  unregisterSource('site');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  clearCache();
});

describe('configuring wordpress() from a <script type="application/json" data-portico> block', () => {
  it('registers the source the README shows, which then answers widgets', async () => {
    const wp = fakeWordPress({
      '': { json: indexNoViews },
      'wp/v2/categories': collectionRoute(categories),
      'wp/v2/menu-items': { json: menuItems },
    });
    vi.stubGlobal('fetch', wp.fetch);
    block('{"sources":{"site":{"type":"wordpress","baseUrl":"https://example.vn/wp-json","menu":2}}}');
    expect(applyPageConfig({ types })).toMatchObject({ registered: ['site'], problems: [] });
    const getCategories = await requireCapability('site', 'getCategories');
    expect((await getCategories()).map((item) => item.title)).toEqual([
      'Trang chủ',
      'Công tác dân vận - mặt trận',
      'Tiến tới đại hội đảng',
      'Giải phóng miền Nam',
    ]);
    expect(wp.requests).toEqual(['https://example.vn/wp-json/wp/v2/menu-items?menus=2&per_page=100&page=1']);
  });

  it('reports a block whose options wordpress() cannot use, naming the option', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    block('{"sources":{"site":{"type":"wordpress","baseUrl":"/wp-json","views":"jetpack"}}}');
    const result = applyPageConfig({ types });
    expect(result.registered).toEqual([]);
    expect(result.problems).toEqual([
      'Portico: <script data-portico> block 1, "sources"."site": wordpress(): views must be one of auto, post-views-counter, wp-postviews, none, got "jetpack".',
    ]);
  });

  it('resolves a same-origin mount (/wp-json) against the page', async () => {
    const wp = fakeWordPress({ '': { json: indexNoViews }, 'wp/v2/categories': collectionRoute(categories) });
    vi.stubGlobal('fetch', wp.fetch);
    block('{"sources":{"site":{"type":"wordpress","baseUrl":"/wp-json"}}}');
    applyPageConfig({ types });
    await (
      await requireCapability('site', 'getCategories')
    )();
    expect(wp.requests).toEqual([`${location.origin}/wp-json/wp/v2/categories?per_page=100&page=1`]);
  });
});
