import { getSource, unregisterSource } from '@portico/core';
import { afterAll, describe, expect, it } from 'vitest';
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };

// The block must be on the page before the module runs, as a CMS template prints it.
const block = document.createElement('script');
block.type = 'application/json';
block.dataset.portico = '';
block.textContent = JSON.stringify({
  sources: {
    content: { type: 'json', data: seed },
    site: { type: 'joomla', baseUrl: '/portico-proxy' },
    blog: { type: 'wordpress', baseUrl: 'https://example.vn/wp-json' },
    counter: { type: 'stats', baseUrl: 'https://stats.example.vn', recordHit: false },
  },
});
document.head.append(block);
const { builtInSourceTypes } = await import('./auto.js');

afterAll(() => {
  block.remove();
  for (const name of ['content', 'site', 'blog', 'counter']) unregisterSource(name);
});

describe('@portico/plugins/auto', () => {
  it('registers every source the page configures, with the built-in plugins', async () => {
    expect(Object.keys(builtInSourceTypes)).toEqual(['json', 'joomla', 'wordpress', 'stats']);
    expect(['content', 'site', 'blog', 'counter'].map((name) => getSource(name)?.kind)).toEqual([
      'json',
      'joomla',
      'wordpress',
      'stats',
    ]);
    await expect(getSource('content')?.getVisitorStats?.()).resolves.toEqual({ guests: 69, members: 0 });
  });
});
