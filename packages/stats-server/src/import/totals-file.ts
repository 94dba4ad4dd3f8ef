import { DEFAULT_QUERY_PARAMS, toPagePath } from '../http/page-path.js';
import { DEFAULT_MAX_PATH_LENGTH } from '../options.js';
import { MAX_COUNT, type TotalsImport } from '../store/stats-store.js';

// An import's path is named in an error by its beginning, when it is long.
const NAMED_PATH_LENGTH = 60;

export interface TotalsImportOptions {
  /** The site's `queryParams`: paths are written as the service will count them. Default `DEFAULT_QUERY_PARAMS`. */
  queryParams?: readonly string[] | undefined;
  /**
   * The service's `maxPathLength`: a longer path could never be counted, as hits on it are
   * refused, so it is refused here too. Default 1024.
   */
  maxPathLength?: number | undefined;
}

/**
 * Reads existing totals from JSON: `{"total": "18116910", "paths": {"/news/a.html": "1234"}}`.
 * Counts are decimal strings (exact beyond 2^53) or safe integers; `total` is optional
 * (the sum of `paths` then). Paths are written as the service counts them (two ways of
 * writing one page add up). Throws an error naming the first bad entry.
 */
export function parseTotalsImport(
  json: unknown,
  { queryParams = DEFAULT_QUERY_PARAMS, maxPathLength = DEFAULT_MAX_PATH_LENGTH }: TotalsImportOptions = {},
): TotalsImport {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error('the import must be a JSON object: {"total": "18116910", "paths": {"/a.html": "12"}}');
  }
  const { total, paths } = json as Record<string, unknown>;
  const result: { total?: bigint; paths: Map<string, bigint> } = { paths: new Map() };
  if (total !== undefined) result.total = toCount(total, '"total"');
  if (paths !== undefined) {
    if (typeof paths !== 'object' || paths === null || Array.isArray(paths)) {
      throw new Error('"paths" must be an object of path and views: {"/a.html": "12"}');
    }
    for (const [index, [rawPath, views]] of Object.entries(paths).entries()) {
      const entry = `path ${index + 1} of "paths", ${JSON.stringify(
        rawPath.length > NAMED_PATH_LENGTH ? `${rawPath.slice(0, NAMED_PATH_LENGTH)}…` : rawPath,
      )}`;
      let path: string;
      try {
        path = toPagePath(rawPath, Infinity, queryParams);
      } catch (error) {
        throw new Error(`${entry}: ${(error as Error).message}`, { cause: error });
      }
      if (path.length > maxPathLength) {
        throw new Error(
          `${entry}: it is ${path.length} characters as counted, over maxPathLength (${maxPathLength}), ` +
            'so its views could never be counted; raise maxPathLength to import it',
        );
      }
      // Two ways of writing one page add up: the sum is what must leave room.
      const sum = (result.paths.get(path) ?? 0n) + toCount(views, `the views of ${JSON.stringify(rawPath)}`);
      result.paths.set(path, withinImportLimit(sum, `the views of ${JSON.stringify(path)}`));
    }
  }
  // Without a total, the paths' sum becomes the site's total.
  if (result.total === undefined) {
    let sum = 0n;
    for (const views of result.paths.values()) sum += views;
    withinImportLimit(sum, 'the sum of "paths" (the total, as none is given)');
  }
  return result;
}

/**
 * Half the largest count kept: an imported count near the store's limit would leave no room for
 * the views still to come, whose writes would then fail.
 */
export const MAX_IMPORTED_COUNT = MAX_COUNT / 2n;

function toCount(value: unknown, what: string): bigint {
  const count =
    typeof value === 'string' && /^\d+$/.test(value.trim())
      ? BigInt(value.trim())
      : typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? BigInt(value)
        : undefined;
  if (count === undefined) throw new Error(`${what} must be a whole number of 0 or more, as a string of digits`);
  return withinImportLimit(count, what);
}

function withinImportLimit(count: bigint, what: string): bigint {
  if (count > MAX_IMPORTED_COUNT) {
    throw new Error(`${what} is over the largest count imported, ${MAX_IMPORTED_COUNT}, which leaves room to count on`);
  }
  return count;
}
