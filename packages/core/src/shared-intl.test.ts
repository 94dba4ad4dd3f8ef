import { describe, expect, it } from 'vitest';
import { sharedIntl } from './shared-intl.js';

describe('sharedIntl', () => {
  it('makes one Intl object per kind, locale and options, and a new one for any difference', () => {
    let made = 0;
    const plural = (locale: string, options: Intl.PluralRulesOptions) =>
      sharedIntl('PluralRules', locale, options, () => {
        made += 1;
        return new Intl.PluralRules(locale, options);
      });
    const first = plural('vi', {});
    expect(plural('vi', {})).toBe(first);
    expect(made).toBe(1);
    expect(plural('en', {})).not.toBe(first);
    expect(plural('vi', { type: 'ordinal' })).not.toBe(first);
    expect(made).toBe(3);
    expect(plural('en', {}).select(1)).toBe('one');
  });
});
