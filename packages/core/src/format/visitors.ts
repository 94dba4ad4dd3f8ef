import { translate, translatePlural } from '../locale/phrases.js';
import { parseCount } from './integer.js';
import type { ExactCount } from '../types.js';

/**
 * The "who is online" sentence, as Joomla's mod_whosonline builds it: `WE_HAVE` with the
 * guests and members phrases, each by the plural lookup.
 *
 * `formatVisitorPhrase({ guests: 69, members: 0 }, 'vi')` →
 * `Đang có 69\u00A0khách và không thành viên đang online`.
 *
 * Takes `VisitorStats` or any counts (numbers, decimal strings, bigints). A missing or
 * invalid count (negative, not a number) shows the fallback number in the bare phrase
 * (`We have —\u00A0guests and no members online`), never throws.
 */
export function formatVisitorPhrase(
  stats: { guests?: ExactCount | undefined; members?: ExactCount | undefined },
  locale?: string,
): string {
  const guests = translatePlural('GUESTS', parseCount(stats.guests), locale);
  const members = translatePlural('MEMBERS', parseCount(stats.members), locale);
  return translate('WE_HAVE', locale, guests, members);
}
