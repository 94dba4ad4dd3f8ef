import { describe, expect, it } from 'vitest';
import { closestName, didYouMean, quotedNames } from './did-you-mean.js';

describe('closestName', () => {
  it('finds the name a typo meant', () => {
    expect(closestName('VIEW_HIT_TITLE', ['GUESTS', 'VIEW_HITS_TITLE', 'WE_HAVE'])).toBe('VIEW_HITS_TITLE');
    expect(closestName('source', ['sources', 'phrases'])).toBe('sources');
    expect(closestName('sitee', ['stats', 'site'])).toBe('site');
    expect(closestName('Joomla', ['json', 'joomla', 'wordpress'])).toBe('joomla');
    expect(closestName('view_hits_title', ['VIEW_HITS_TITLE'])).toBe('VIEW_HITS_TITLE');
    expect(closestName('GUSETS', ['GUESTS_0', 'GUESTS'])).toBe('GUESTS');
    expect(closestName('statss', ['site', 'stats'])).toBe('stats');
    expect(closestName('sate', ['site'])).toBe('site');
  });

  it('suggests nothing for a name that is not close, or that is itself a candidate', () => {
    expect(closestName('site', ['sources', 'phrases'])).toBeUndefined();
    expect(closestName('site', ['stats'])).toBeUndefined();
    expect(closestName('site', ['site', 'sitee'])).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });

  it('words the suggestion and the list a message gives', () => {
    expect(didYouMean('sitee', ['site', 'stats'])).toBe(' Did you mean "site"?');
    expect(didYouMean('site', ['site'])).toBe('');
    expect(didYouMean('blog', ['site'])).toBe('');
    expect(quotedNames(['site', 'stats'])).toBe('"site", "stats"');
    expect(quotedNames([])).toBe('none');
  });
});
