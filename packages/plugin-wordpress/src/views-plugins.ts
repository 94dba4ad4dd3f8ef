import { readArray, readObject } from '@portico/plugin-kit';

/**
 * The two view-count plugins WordPress sites commonly run, and what their REST API offers
 * (read from their sources):
 *
 * - **Post Views Counter** (dFactory) registers the namespace `post-views-counter` with
 *   `GET post-views-counter/get-post-views/<id>[,<id>…]`, which answers a bare number: the
 *   views of that post, or the sum for several. Public in current versions; older ones asked
 *   for the `read_posts` capability (a 401 `rest_forbidden` to visitors).
 * - **WP-PostViews** (Lester Chan) 2.0+ adds a read-only `views` field to every post of
 *   `wp/v2/posts` and registers `postviews/v1`, whose only route counts a view (POST). Up to
 *   1.78 it had no REST API at all.
 *
 * Neither lets `wp/v2/posts` sort by views (its `orderby` accepts a fixed list) and neither
 * publishes a site-wide total.
 */
export type ViewsPlugin = 'post-views-counter' | 'wp-postviews';

/** How a source finds the views plugin: `auto` reads the REST index's namespaces once. */
export type ViewsOption = 'auto' | ViewsPlugin | 'none';

export const VIEWS_OPTIONS: readonly ViewsOption[] = ['auto', 'post-views-counter', 'wp-postviews', 'none'];

const NAMESPACES: readonly [string, ViewsPlugin][] = [
  // Post Views Counter first: it has a read route; WP-PostViews only a field.
  ['post-views-counter', 'post-views-counter'],
  ['postviews/v1', 'wp-postviews'],
];

/** The views plugin a REST index (`GET /wp-json/`, or its `_fields=namespaces` part) reveals. */
export function viewsPluginOfIndex(index: unknown, where: string): ViewsPlugin | undefined {
  const namespaces = readArray(readObject(index, where).namespaces, `${where}.namespaces`);
  return NAMESPACES.find(([namespace]) => namespaces.includes(namespace))?.[1];
}

/** Adds up view counts exactly, beyond 2^53 if need be. */
export function addCounts(counts: readonly (number | string | bigint)[]): number | string {
  const sum = counts.reduce<bigint>((total, count) => total + BigInt(count), 0n);
  return sum <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(sum) : sum.toString();
}
