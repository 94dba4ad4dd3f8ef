/**
 * The page's address as this client sends it to the stats service: the fragment and the
 * tracking parameters (`utm_*`, `fbclid`, …) dropped, the rest as it is:
 * `/tin-tuc/?utm_source=zalo&p=12#c` → `/tin-tuc/?p=12`. The service writes it one way (its
 * query parameters that name pages kept and sorted, percent-encoding made canonical), so
 * every way of writing one page is one counter there; this code need not repeat that.
 */
export function pagePath(address: string): string {
  const [beforeFragment = ''] = address.split('#', 1);
  const queryAt = beforeFragment.indexOf('?');
  if (queryAt < 0) return beforeFragment;
  const kept = beforeFragment
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(parameterName(pair)));
  const path = beforeFragment.slice(0, queryAt);
  return kept.length > 0 ? `${path}?${kept.join('&')}` : path;
}

/** A query pair's name, decoded where it can be (`utm%5Fsource` is `utm_source`). */
function parameterName(pair: string): string {
  const [name = ''] = pair.split('=', 1);
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}

// Parameters that say where a reader came from, never which page they read.
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'zarsrc',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
]);

function isTracking(name: string): boolean {
  return name.startsWith('utm_') || TRACKING.has(name);
}
