import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../format/date.js';
import { formatVisitorPhrase } from '../format/visitors.js';
import { PHRASE_KEYS } from './catalogue.js';
import { en } from './en.js';
import { fillPhrase, translate, translatePlural } from './phrases.js';
import { defineLocale, definePhrases, definedLocales, onLocalesChange } from './registry.js';
import { resolveLocale } from './resolve.js';
import { languageForCountryCode } from './tag.js';
import { vi } from './vi.js';

const undo: (() => void)[] = [];
afterEach(() => {
  undo.splice(0).forEach((remove) => {
    remove();
  });
});

describe('the built-in catalogues', () => {
  it('hold every key in vi and en', () => {
    for (const key of PHRASE_KEYS) {
      expect(vi.phrases[key], `vi ${key}`).toBeTruthy();
      expect(en.phrases[key], `en ${key}`).toBeTruthy();
    }
  });

  it('hold DESIGN.md’s strings', () => {
    expect(translate('VIEW_HITS_TITLE', 'vi')).toBe('Số lần xem các bài viết');
    expect(translate('VIEW_HITS_TITLE', 'en')).toBe('Articles View Hits');
    expect(translate('ONLINE_TITLE', 'vi')).toBe('Truy cập hiện tại');
    expect(translate('ONLINE_TITLE', 'en')).toBe("Who's Online");
    expect(translate('ARTICLE_HITS', 'vi', '1.234')).toBe('Lượt xem: 1.234');
    expect(translate('WRITTEN_BY', 'en', 'Thúy Vân')).toBe('Written by Thúy Vân');
    expect(translate('READ_MORE', 'vi')).toBe('Xem thêm: ');
  });
});

describe('fillPhrase', () => {
  it('fills printf placeholders as Joomla does', () => {
    expect(fillPhrase('%s and %s', ['a', 'b'])).toBe('a and b');
    expect(fillPhrase('%2$s before %1$s', ['a', 'b'])).toBe('b before a');
    expect(fillPhrase('%d%% done', [50])).toBe('50% done');
    expect(fillPhrase('%s and %s', ['a'])).toBe('a and ');
  });
});

describe('translatePlural', () => {
  it('uses _0 and _1 keys, else the bare key', () => {
    expect(translatePlural('GUESTS', 0, 'en')).toBe('no guests');
    expect(translatePlural('GUESTS', 1, 'en')).toBe('one guest');
    expect(translatePlural('GUESTS', 2, 'en')).toBe('2\u00A0guests');
    expect(translatePlural('GUESTS', '1000000000000000000001', 'vi')).toBe('1.000.000.000.000.000.000.001\u00A0khách');
  });

  it('falls back to the locale’s own bare key when its _0 key is missing', () => {
    undo.push(defineLocale('tlh', { phrases: { GUESTS: '%s visitors' } }));
    expect(translatePlural('GUESTS', 0, 'tlh')).toBe('0 visitors');
    expect(translatePlural('MEMBERS', 0, 'tlh')).toBe('no members');
    undo.push(defineLocale('en', { phrases: { ITEMS: '%s items' } }));
    expect(translatePlural('ITEMS', 0, 'vi')).toBe('0 items');
  });

  it('uses an added locale’s phrases even where Intl does not know the language', () => {
    undo.push(defineLocale('tlh', { phrases: { ONLINE_TITLE: 'ghom' } }));
    expect(translate('ONLINE_TITLE', 'tlh')).toBe('ghom');
    expect(resolveLocale('tlh').intlLocale).toBe('en');
    expect(resolveLocale('tlh').tag, 'what phrases and sources are asked in').toBe('tlh');
    expect(resolveLocale('EN_gb').tag).toBe('en-GB');
    expect(resolveLocale('not a tag').tag).toBe('en');
  });

  it('reads a country code given as the language as the language it means: vn is Vietnamese', () => {
    expect(resolveLocale('vn').tag).toBe('vi');
    expect(resolveLocale('VN_vn').tag).toBe('vi-VN');
    expect(translate('ONLINE_TITLE', 'vn')).toBe(translate('ONLINE_TITLE', 'vi'));
    expect(resolveLocale('vi').tag).toBe('vi');
    expect(resolveLocale('vnx').tag, 'only the code itself').toBe('vnx');
    expect(languageForCountryCode('en-VN')).toBeUndefined();
    expect(languageForCountryCode('constructor'), 'a name no map holds').toBeUndefined();
  });

  it('lets an added locale use its plural categories', () => {
    undo.push(
      defineLocale('pl', {
        phrases: { GUESTS: '%s gości', GUESTS_1: 'jeden gość', GUESTS_FEW: '%s gości (few)', GUESTS_0: 'brak gości' },
      }),
    );
    expect(translatePlural('GUESTS', 0, 'pl')).toBe('brak gości');
    expect(translatePlural('GUESTS', 1, 'pl')).toBe('jeden gość');
    expect(translatePlural('GUESTS', 3, 'pl')).toBe('3 gości (few)');
    expect(translatePlural('GUESTS', 5, 'pl')).toBe('5 gości');
  });
});

describe('locale resolution', () => {
  it('follows DESIGN.md: a regional tag uses its language’s phrases and its own formats', () => {
    expect(translate('ONLINE_TITLE', 'vi-VN')).toBe('Truy cập hiện tại');
    expect(resolveLocale('vi-VN').intlLocale).toBe('vi-VN');
    expect(resolveLocale('en_GB').intlLocale).toBe('en-GB');
    expect(formatDate('2020-08-25', { locale: 'en-GB' })).toBe('25 Aug 2020');
  });

  it('says which language the phrases are in, for marking them up', () => {
    expect(resolveLocale('vi-VN').definition.phraseTag).toBe('vi');
    expect(resolveLocale('en-GB').definition.phraseTag).toBe('en');
    expect(resolveLocale('fr').definition.phraseTag, 'no locale for fr: English phrases').toBe('en');
    undo.push(defineLocale('fr', { dateFormat: { dateStyle: 'long' } }));
    expect(resolveLocale('fr').definition.phraseTag, 'formats only: still English phrases').toBe('en');
    undo.push(definePhrases('fr', { ONLINE_TITLE: 'Qui est en ligne' }));
    expect(resolveLocale('fr').definition.phraseTag).toBe('fr');
  });

  it('gives English for a missing, empty or malformed tag', () => {
    for (const tag of [undefined, null, '', '  ', '!!!', 'x-not-a-language-really-long-tag']) {
      expect(translate('ONLINE_TITLE', tag ?? undefined), String(tag)).toBe("Who's Online");
    }
  });

  it('returns an unknown key as itself', () => {
    expect(translate('NO_SUCH_KEY', 'vi')).toBe('NO_SUCH_KEY');
    expect(translatePlural('NO_SUCH_KEY', 3, 'vi')).toBe('NO_SUCH_KEY');
  });
});

describe('integrator locales', () => {
  it('override a phrase per locale, and undo it', () => {
    const remove = definePhrases('vi', { GUESTS_0: 'không có khách' });
    expect(formatVisitorPhrase({ guests: 0, members: 0 }, 'vi')).toBe(
      'Đang có không có khách và không thành viên đang online',
    );
    expect(formatVisitorPhrase({ guests: 0, members: 0 }, 'en')).toBe('We have no guests and no members online');
    remove();
    expect(formatVisitorPhrase({ guests: 0, members: 0 }, 'vi')).toBe(
      'Đang có 0 khách và không thành viên đang online',
    );
  });

  it('override for one region only', () => {
    undo.push(definePhrases('en-US', { ONLINE_TITLE: 'Online now' }));
    expect(translate('ONLINE_TITLE', 'en-US')).toBe('Online now');
    expect(translate('ONLINE_TITLE', 'en-GB')).toBe("Who's Online");
  });

  it('add a locale at run time, with English for what it leaves out', () => {
    // Used before it is defined (the tag's resolution is remembered, its phrases are not).
    expect(formatVisitorPhrase({ guests: 1200, members: 0 }, 'fr')).toBe(
      'We have 1\u202F200\u00A0guests and no members online',
    );
    undo.push(
      defineLocale('fr', {
        phrases: { WE_HAVE: 'Nous avons %1$s et %2$s en ligne', GUESTS: '%s\u00A0invités', MEMBERS_0: 'aucun membre' },
        authorList: { type: 'conjunction' },
      }),
    );
    expect(definedLocales()).toContain('fr');
    expect(formatVisitorPhrase({ guests: 1200, members: 0 }, 'fr')).toBe(
      'Nous avons 1\u202F200\u00A0invités et aucun membre en ligne',
    );
    expect(translate('VIEW_HITS_TITLE', 'fr')).toBe('Articles View Hits');
    expect(formatDate('2020-08-25', { locale: 'fr' })).toBe('25 août 2020');
  });

  it('tell listeners when locales change', () => {
    let calls = 0;
    const stop = onLocalesChange(() => (calls += 1));
    const remove = definePhrases('vi', { READ_MORE: 'Đọc tiếp: ' });
    remove();
    stop();
    definePhrases('vi', { READ_MORE: 'x' })();
    expect(calls).toBe(2);
  });

  it('reject a malformed tag where it is defined', () => {
    expect(() => defineLocale('not a tag', { phrases: {} })).toThrow(RangeError);
    expect(() => defineLocale('not a tag', { phrases: {} })).toThrow('Not a language tag: "not a tag"');
  });

  it('take the tags that resolve, with an underscore as CMSs print them', () => {
    undo.push(definePhrases('vi_VN', { ONLINE_TITLE: 'Đang truy cập' }));
    expect(translate('ONLINE_TITLE', 'vi_VN')).toBe('Đang truy cập');
    expect(translate('ONLINE_TITLE', 'vi-VN')).toBe('Đang truy cập');
    expect(resolveLocale('vi_VN').intlLocale).toBe('vi-VN');
  });
});
