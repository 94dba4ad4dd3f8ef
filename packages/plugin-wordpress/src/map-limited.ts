/**
 * Maps `items` through `map` with at most `limit` calls under way at once (at least one),
 * and gives the results in the items' order: for the requests made per item (a view count
 * per article), so a long list does not send them all to the server together. The first
 * failure rejects the whole, and no further item is started after it.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function work(): Promise<void> {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await map(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  const workers = Math.min(items.length, Math.max(1, Math.floor(limit) || 1));
  // A loop, not `Array.from({ length }, work)`: MooTools 1.4 (Joomla 3) replaces `Array.from`
  // with one that ignores the mapping function, which would start no worker at all.
  const running: Promise<void>[] = [];
  for (let worker = 0; worker < workers; worker += 1) running.push(work());
  await Promise.all(running);
  return results;
}
