/** The page of a list a paged request asks for, as `ArticleQuery` gives it. */
export interface PagingQuery {
  /** 1-based. Default 1. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface PagingLimits {
  /** The page size when the query gives none. */
  defaultPageSize: number;
  /** The most items one page may hold (a CMS's own ceiling, such as 100). Default: no ceiling. */
  largestPageSize?: number | undefined;
}

/**
 * The page number and size to ask for: whole numbers of at least 1, the size at most
 * `largestPageSize`, so a widget's `page: 0` or `pageSize: 2.5` never reaches a CMS as an
 * error or a page it cannot give.
 */
export function clampPaging(query: PagingQuery, limits: PagingLimits): { page: number; pageSize: number } {
  return {
    page: Math.max(1, Math.floor(query.page ?? 1)),
    pageSize: Math.min(
      limits.largestPageSize ?? Infinity,
      Math.max(1, Math.floor(query.pageSize ?? limits.defaultPageSize)),
    ),
  };
}
