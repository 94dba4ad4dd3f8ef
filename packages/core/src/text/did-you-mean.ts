// "Did you mean" for configuration messages, written once for every package that names a
// mistake: the registry (a widget's unknown source), a page's configuration blocks (unknown
// keys, types and phrase keys) and the lazy plugin loader (an unknown plugin).

/**
 * The candidate that `name` most likely misspells, for a "did you mean" in a configuration
 * message: the first that is one typing slip away, case aside (a letter left out, added,
 * changed, or two swapped: `VIEW_HIT_TITLE` → `VIEW_HITS_TITLE`, `sitee` → `site`,
 * `Joomla` → `joomla`); `undefined` when none is, or `name` is itself a candidate.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(name)) return undefined;
  const wanted = name.toLowerCase();
  return candidates.find((candidate) => oneSlipApart(wanted, candidate.toLowerCase()));
}

function oneSlipApart(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (a[i] === b[i]) i += 1;
  const after = (text: string, from: number) => text.slice(from);
  return (
    after(a, i + 1) === after(b, i + 1) ||
    after(a, i) === after(b, i + 1) ||
    after(a, i + 1) === after(b, i) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && after(a, i + 2) === after(b, i + 2))
  );
}

/** ` Did you mean "site"?` for a `name` one slip away from a candidate, else an empty string. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const meant = closestName(name, candidates);
  return meant === undefined ? '' : ` Did you mean "${meant}"?`;
}

/** `"site", "stats"`, or `none` for no names: the names a message lists as the valid ones. */
export function quotedNames(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ') || 'none';
}
