import { SourceError, type DataSource } from '@portico/core';

/**
 * What a page's configuration block registers under a source name it could not set up (an
 * unknown type, options its plugin rejects, a plugin that did not load): every request
 * rejects with a `not-registered` error that says why, and is not retried. A widget using
 * the name then shows its error state at once (keeping server-rendered content), instead of
 * loading until the registration timeout; a script that registers the name later replaces it.
 * It has no live subscriptions: a widget asks once and gets the same answer.
 */
export function unusableSource(name: string, problem: string): DataSource {
  const fail = (): Promise<never> =>
    Promise.reject(
      new SourceError(
        'not-registered',
        `The data source "${name}" could not be set up from the page’s configuration: ${problem}`,
        {
          source: name,
          retryable: false,
        },
      ),
    );
  return {
    kind: 'unusable',
    listArticles: fail,
    getArticle: fail,
    getCategories: fail,
    getBanners: fail,
    getVisitorStats: fail,
    getViewStats: fail,
  };
}
