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
