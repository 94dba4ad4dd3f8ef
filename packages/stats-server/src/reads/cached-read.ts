export interface CachedReadOptions {
  /** How long an answer is reused; 0 shares only reads already under way. */
  ttlMs: number;
  now: () => number;
  /** Answers kept at most (one per site, or per site and path); the oldest go first. */
  maxEntries: number;
}

interface Entry<V> {
  /** The answer, once there is one. */
  value?: V;
  expiresAtMs: number;
  /** The read under way, which every caller waits for. */
  pending?: Promise<V> | undefined;
}

/**
 * Wraps a store read so that callers asking for one key share one answer: a thousand
 * widgets polling together cause one read per key and `ttlMs`, not a thousand. A failed
 * read is not kept: the next caller tries again.
 */
export function createCachedRead<V>(
  load: (key: string) => Promise<V>,
  { ttlMs, now, maxEntries }: CachedReadOptions,
): (key: string) => Promise<V> {
  const entries = new Map<string, Entry<V>>();

  return (key) => {
    const entry = entries.get(key);
    if (entry?.pending) return entry.pending;
    if (entry && 'value' in entry && now() < entry.expiresAtMs) return Promise.resolve(entry.value);

    const pending = load(key).then(
      (value) => {
        entries.set(key, { value, expiresAtMs: now() + ttlMs });
        return value;
      },
      (error: unknown) => {
        entries.delete(key);
        throw error;
      },
    );
    entries.delete(key);
    entries.set(key, { expiresAtMs: 0, pending });
    if (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
    return pending;
  };
}
