import { describe, expect, it } from 'vitest';
import { pagePath } from './page-path.js';

describe('pagePath', () => {
  it('drops the fragment and the tracking parameters, and keeps the rest as written', () => {
    expect(pagePath('/?utm_source=zalo&utm_medium=social&p=123&fbclid=x&gclid=y#comments')).toBe('/?p=123');
    expect(pagePath('/index.php?view=article&option=com_content&id=12&Itemid=101')).toBe(
      '/index.php?view=article&option=com_content&id=12&Itemid=101',
    );
    expect(pagePath('/tin-t%E1%BB%A9c/a.html?utm%5Fsource=x')).toBe('/tin-t%E1%BB%A9c/a.html');
    expect(pagePath('/a.html?#top')).toBe('/a.html');
    expect(pagePath('/a.html')).toBe('/a.html');
  });
});
