import type { LocaleDefinition } from './catalogue.js';

/** English, from Joomla's en-GB language files. `\u00A0` is a no-break space. */
export const en: LocaleDefinition = {
  phrases: {
    ONLINE_TITLE: "Who's Online",
    GUESTS: '%s\u00A0guests',
    GUESTS_1: 'one guest',
    GUESTS_0: 'no guests',
    MEMBERS: '%s\u00A0members',
    MEMBERS_1: 'one member',
    MEMBERS_0: 'no members',
    WE_HAVE: 'We have %1$s and %2$s online',
    VIEW_HITS_TITLE: 'Articles View Hits',
    ARTICLE_HITS: 'Hits: %s',
    WRITTEN_BY: 'Written by %s',
    READ_MORE: 'Read more: ',
    // Portico's own, for widget states.
    LOADING: 'Loading…',
    OUT_OF_DATE: 'Not up to date',
    UNAVAILABLE: 'Figures unavailable',
    MEMBERS_ONLINE: 'Members online',
  },
  dateFormat: { year: 'numeric', month: 'short', day: 'numeric' },
  authorList: { type: 'conjunction', style: 'long' },
};
